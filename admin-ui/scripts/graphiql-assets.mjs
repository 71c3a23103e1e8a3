#!/usr/bin/env node
// Copies the self-hosted GraphiQL assets (UMD builds of React, ReactDOM and
// GraphiQL) from node_modules into dist/graphiql/ and writes manifest.json with
// each file's sha256. Government networks are isolated: the server must serve
// these files itself, never a CDN.
//
// Idempotent: files whose content is already identical are left untouched,
// stale files in dist/graphiql/ are removed, and manifest.json carries no
// timestamp, so two runs on the same node_modules give byte-identical output.
//
// Usage (from admin-ui/): npm run build:graphiql

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(scriptDir, '..');
const outDir = path.join(packageRoot, 'dist', 'graphiql');
const require = createRequire(path.join(packageRoot, 'package.json'));

// [npm package, path inside the package, name in dist/graphiql/, content type]
const ASSETS = [
  ['react', 'umd/react.production.min.js', 'react.production.min.js', 'text/javascript; charset=utf-8'],
  ['react-dom', 'umd/react-dom.production.min.js', 'react-dom.production.min.js', 'text/javascript; charset=utf-8'],
  ['graphiql', 'graphiql.min.js', 'graphiql.min.js', 'text/javascript; charset=utf-8'],
  ['graphiql', 'graphiql.min.css', 'graphiql.min.css', 'text/css; charset=utf-8'],
];

const MANIFEST = 'manifest.json';

function packageDir(name) {
  let pkgJson;
  try {
    pkgJson = require.resolve(`${name}/package.json`);
  } catch {
    throw new Error(`package "${name}" is not installed: run \`npm install\` in ${packageRoot}`);
  }
  return path.dirname(pkgJson);
}

async function writeIfChanged(file, data) {
  if (existsSync(file)) {
    const current = await readFile(file);
    if (current.equals(data)) return false;
  }
  // Write to a temporary file then rename, so a server reading the directory
  // never sees a half-written asset.
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
  return true;
}

async function main() {
  await mkdir(outDir, { recursive: true });

  const versions = {};
  const files = [];
  let changed = 0;

  for (const [pkg, rel, name, contentType] of ASSETS) {
    const dir = packageDir(pkg);
    versions[pkg] ??= JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')).version;
    const src = path.join(dir, rel);
    if (!existsSync(src)) {
      throw new Error(
        `${pkg}@${versions[pkg]} has no ${rel}; graphiql must be 3.x (the last line with UMD builds) ` +
          'and react/react-dom 18.x (the last line with umd/)',
      );
    }
    const data = await readFile(src);
    if (await writeIfChanged(path.join(outDir, name), data)) changed += 1;
    files.push({
      name,
      sha256: createHash('sha256').update(data).digest('hex'),
      size: data.length,
      contentType,
      source: `${pkg}@${versions[pkg]}/${rel}`,
    });
  }

  const manifest = {
    generatedBy: 'admin-ui/scripts/graphiql-assets.mjs',
    versions,
    files,
  };
  const manifestData = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  if (await writeIfChanged(path.join(outDir, MANIFEST), manifestData)) changed += 1;

  // Remove anything else (stale assets from an older build, leftover temp files).
  const keep = new Set([...files.map((f) => f.name), MANIFEST]);
  let removed = 0;
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (!keep.has(entry.name)) {
      await rm(path.join(outDir, entry.name), { recursive: true, force: true });
      removed += 1;
    }
  }

  const total = files.reduce((n, f) => n + f.size, 0);
  console.log(
    `graphiql assets: ${files.length} files, ${(total / 1024).toFixed(0)} KiB in ` +
      `${path.relative(process.cwd(), outDir) || '.'} (${changed} written, ${removed} removed)`,
  );
}

main().catch((err) => {
  console.error(`graphiql-assets: ${err.message}`);
  process.exit(1);
});
