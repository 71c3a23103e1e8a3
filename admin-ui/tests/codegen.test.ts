// A stale generation fails the tests: src/gql/graphql.ts must equal a fresh generation from
// ../schema/schema.graphql and src/**/*.graphql (`npm run codegen` regenerates it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

import config, { OUTPUT } from '../codegen';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('generated GraphQL types', () => {
  it('are current with the schema and the operations', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const files = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
      const fresh = files.find((f) => path.resolve(root, f.filename) === path.resolve(root, OUTPUT));
      expect(fresh, 'codegen produced no src/gql/graphql.ts').toBeDefined();
      const committed = readFileSync(path.join(root, OUTPUT), 'utf8');
      expect(committed === fresh!.content, 'src/gql/graphql.ts is stale: run `npm run codegen` in admin-ui/').toBe(true);
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
