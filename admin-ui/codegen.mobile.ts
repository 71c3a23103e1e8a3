import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for the mobile app's operations (mobile-contract/operations/*.graphql) from the committed
// schema: `npm run codegen:mobile` writes mobile-contract/generated/operations.ts (committed, for the
// app team); tests/contract/test_manifest.py runs `npm run codegen:mobile -- --check` so a stale
// file fails the tests.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['../mobile-contract/operations/*.graphql'],
  generates: {
    '../mobile-contract/generated/operations.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { DateTime: 'string', Date: 'string', ID: 'string', JSON: 'unknown' },
        skipTypename: true,
        onlyOperationTypes: true,
      },
    },
  },
};
export default config;
