// Type-level checks, run by `npm run typecheck` (and so by `npm run build`), not by Vitest: the API
// client takes only the typed documents codegen writes, with the variables each one declares, and
// answers with its typed result. Each @ts-expect-error fails the typecheck when the line compiles.
import {
  CaseDetailDocument, CaseFullFragmentDoc, ClaimCaseDocument, type CaseDetailQuery, MeDocument, StaffUsersDocument,
} from '../../src/gql/graphql';
import { createClient } from '../../src/lib/graphql';

const client = createClient({ fetch: async () => new Response('{}') });

export async function checks(): Promise<void> {
  // a document string, a whole .graphql file, or a fragment is not an operation document
  // @ts-expect-error a plain string is refused
  await client.request('query Me { me { id } }');
  // @ts-expect-error a fragment's document is refused
  await client.request(CaseFullFragmentDoc, {});

  // variables: required when the operation needs them, checked against its declaration
  // @ts-expect-error CaseDetail needs $id
  await client.request(CaseDetailDocument);
  // @ts-expect-error $id is an ID (string)
  await client.request(CaseDetailDocument, { id: 1 });
  // @ts-expect-error an undeclared variable
  await client.request(CaseDetailDocument, { id: 'x', other: true });
  // @ts-expect-error ClaimCase's input is { caseId }
  await client.request(ClaimCaseDocument, { input: { id: 'x' } });
  await client.request(MeDocument);
  await client.request(StaffUsersDocument, { first: 20, after: 'c' });

  // the answer is the operation's own type
  const detail: CaseDetailQuery = await client.request(CaseDetailDocument, { id: 'x' });
  const claimed = await client.request(ClaimCaseDocument, { input: { caseId: 'x' } });
  const status: string | undefined = claimed.claimCase.case?.status;
  // @ts-expect-error a field the operation does not select
  void detail.case?.nonsense;
  void status;
}
