// Every request the API client can send holds exactly one operation (and the fragments it uses,
// nothing more), is valid against the committed schema, and stays well under the server's token
// limit (LIAOYI_MAX_TOKENS, 2,000 by default; counted as graphql-core's parser counts them).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSchema, Kind, Lexer, parse, Source, TokenKind, validate } from 'graphql';
import { describe, expect, it, vi } from 'vitest';

import * as generated from '../src/gql/graphql';
import { createClient } from '../src/lib/graphql';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_MAX_TOKENS = 2000;
/** Our own budget: a page's operation may grow, but never near the server's limit. */
const BUDGET = SERVER_MAX_TOKENS / 4;

function tokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
}

const documents = Object.entries(generated)
  .filter(([name, value]) => name.endsWith('Document') && value instanceof generated.TypedDocumentString)
  .map(([name, value]) => ({ name, document: value as generated.TypedDocumentString<unknown, never> }));

/** What the client posts for each document. */
async function sent(): Promise<{ name: string; body: { query: string; operationName: string } }[]> {
  const out = [];
  for (const { name, document } of documents) {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ data: {} }), { status: 200 }));
    const client = createClient({ fetch: fetchMock });
    // variables do not matter here: only what is posted
    await (client.request as (d: unknown, v: object) => Promise<unknown>)(document, {});
    const init = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    out.push({ name, body: JSON.parse(String(init[1].body)) });
  }
  return out;
}

describe('the documents the API client sends', () => {
  it('are one per operation in src/graphql', () => {
    const operations = readdirSync(path.join(root, 'src/graphql'))
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => parse(readFileSync(path.join(root, 'src/graphql', f), 'utf8')).definitions)
      .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((d) => `${d.name!.value}Document`);
    expect(documents.map((d) => d.name).sort()).toEqual(operations.sort());
    expect(documents.length).toBeGreaterThan(30);
  });

  it('each hold exactly one operation, the one named, valid against the schema, with only its own fragments', async () => {
    const schema = buildSchema(readFileSync(path.join(root, '../schema/schema.graphql'), 'utf8'));
    for (const { name, body } of await sent()) {
      const doc = parse(body.query);
      const operations = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations, name).toHaveLength(1);
      expect(operations[0].name?.value, name).toBe(body.operationName);
      expect(`${body.operationName}Document`).toBe(name);
      expect(doc.definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION), name).toBe(true);
      // NoUnusedFragments and KnownFragmentNames: the fragments it uses, all of them, nothing else
      expect(validate(schema, doc).map((e) => e.message), name).toEqual([]);
    }
  });

  it('stay far below the server token limit (the largest printed)', async () => {
    const sizes = (await sent()).map(({ name, body }) => ({ name, tokens: tokens(body.query), bytes: new TextEncoder().encode(body.query).length }));
    sizes.sort((a, b) => b.tokens - a.tokens);
    const largest = sizes[0];
    console.log(`largest document: ${largest.name}, ${largest.tokens} tokens, ${largest.bytes} bytes (server limit ${SERVER_MAX_TOKENS} tokens)`);
    for (const s of sizes) expect(s.tokens, s.name).toBeLessThanOrEqual(BUDGET);
  });

  it('are the only thing the pages send (no .graphql file is imported as text)', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|vue)$/.test(entry.name) && !full.includes(`${path.sep}gql${path.sep}`)) sources.push(full);
      }
    };
    walk(path.join(root, 'src'));
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\.graphql(\?raw)?['"]/);
    }
  });
});
