import type { CodegenConfig } from '@graphql-codegen/cli';

// Types and typed documents for the operations in src/**/*.graphql, from the committed schema.
// Each operation becomes one `XxxDocument` (a TypedDocumentString holding that operation and the
// fragments it uses, nothing else), typed with its result and variables; the API client
// (src/lib/graphql.ts) accepts nothing else, so a page sends only the operation it runs.
// `npm run build` regenerates src/gql/graphql.ts; tests/codegen.test.ts fails when the committed
// file differs from a fresh generation (a stale generation fails `npm test`).
export const OUTPUT = 'src/gql/graphql.ts';

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    [OUTPUT]: {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { DateTime: 'string', Date: 'string', ID: 'string', JSON: 'unknown' },
        skipTypename: true,
        onlyOperationTypes: true,
        documentMode: 'string',
        useTypeImports: true,
      },
    },
  },
  hooks: {},
};
export default config;
