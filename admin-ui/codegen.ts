import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for the operations in src/**/*.graphql, from the committed schema.
// `npm run build` regenerates src/gql/graphql.ts; tests/codegen.test.ts fails when the committed
// file differs from a fresh generation (a stale generation fails `npm test`).
export const OUTPUT = 'src/gql/graphql.ts';

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    [OUTPUT]: {
      plugins: ['typescript-operations'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { DateTime: 'string', Date: 'string', ID: 'string', JSON: 'unknown' },
        skipTypename: true,
        onlyOperationTypes: true,
      },
    },
  },
  hooks: {},
};
export default config;
