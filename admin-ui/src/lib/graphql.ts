// A tiny fetch-based GraphQL-over-HTTP client (no Apollo): one POST per operation, the
// application/graphql-response+json media type, the bearer token from the session, and the
// mapping of payload errors `{ field, message, code }` to form field errors.
//
// The client takes only the typed documents graphql-codegen writes to src/gql/graphql.ts (one
// `XxxDocument` per operation: that operation and the fragments it uses). The document fixes the
// variables it takes and the data it answers, so a page cannot send a whole .graphql file, name an
// operation that is not there, or read a field it did not ask for.
import type { TypedDocumentString } from '../gql/graphql';

export const ENDPOINT = '/graphql';
export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

export interface PayloadError {
  field?: readonly string[] | null;
  message: string;
  code: string;
}

/** Field errors keyed by the dotted input path ("committedLimit.value", "situations.0.name");
 * errors without a field (the whole operation) are under FORM_ERROR. */
export type FieldErrors = Record<string, string[]>;
export const FORM_ERROR = '_';

export function fieldKey(field: readonly string[] | null | undefined): string {
  if (!field || field.length === 0) return FORM_ERROR;
  // A leading "input" (the mutation argument) is not part of the form's own paths.
  const path = field[0] === 'input' ? field.slice(1) : field;
  return path.length === 0 ? FORM_ERROR : path.join('.');
}

export function toFieldErrors(errors: readonly PayloadError[] | null | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors ?? []) {
    const key = fieldKey(error.field);
    (out[key] ??= []).push(error.message);
  }
  return out;
}

/** The messages for one field: its own, and those of the paths under it when `deep`
 * ("committedLimit" also shows "committedLimit.value"). */
export function errorFor(errors: FieldErrors, key: string, deep = true): string {
  const messages: string[] = [];
  for (const [k, list] of Object.entries(errors)) {
    if (k === key || (deep && k.startsWith(`${key}.`))) messages.push(...list);
  }
  return messages.join('；');
}

/** A failure of the request itself (network, HTTP status, top-level GraphQL errors). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: readonly { message: string }[] = [],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

export interface ClientOptions {
  endpoint?: string;
  fetch?: typeof fetch;
  getToken?: () => string | null;
  /** Called on HTTP 401 (token expired or revoked): the session clears itself. */
  onUnauthorized?: () => void;
}

/** Any operation's variables. */
export type Variables = { [key: string]: unknown };

/** The variables argument: optional when the operation needs none, required otherwise; a
 * fragment's document (its variables `unknown`) cannot be sent at all. */
export type VariablesArg<TVariables> = unknown extends TVariables
  ? [fragment: never]
  : Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/** Any document written by codegen, whatever it answers and takes. */
export type AnyDocument = TypedDocumentString<unknown, never>;

const OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** The name of the document's operation (codegen prints the operation first, its fragments after). */
export function operationName(document: AnyDocument): string {
  const name = OPERATION.exec(document.toString())?.[1];
  if (!name) throw new TypeError('GraphQL 文档须以一个具名的操作开头（请使用 src/gql/graphql.ts 中生成的文档）');
  return name;
}

export interface GraphQLClient {
  /** Runs the one operation of a typed document. */
  request<TData, TVariables>(
    document: TypedDocumentString<TData, TVariables>,
    ...variables: VariablesArg<NoInfer<TVariables>>
  ): Promise<TData>;
}

export function createClient(options: ClientOptions = {}): GraphQLClient {
  const endpoint = options.endpoint ?? ENDPOINT;
  return {
    async request<TData, TVariables>(
      document: TypedDocumentString<TData, TVariables>,
      ...[variables]: VariablesArg<NoInfer<TVariables>>
    ): Promise<TData> {
      const query = document.toString();
      const name = operationName(document);
      const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
      const headers: Record<string, string> = {
        Accept: `${GRAPHQL_RESPONSE}, application/json;q=0.9`,
        'Content-Type': 'application/json',
      };
      const token = options.getToken?.();
      if (token) headers.Authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, operationName: name, variables: variables ?? {} }),
          credentials: 'same-origin',
        });
      } catch (err) {
        throw new GraphQLRequestError(`无法连接服务器：${(err as Error).message}`, 0);
      }
      let body: { data?: TData | null; errors?: { message: string; extensions?: { code?: string } }[] } | null = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      // the server's one answer to "who are you" (README): 401 for a credential that is not valid,
      // a top-level UNAUTHENTICATED when the request carried none that counts — both end the session
      const unauthenticated = body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
      if (response.status === 401 || unauthenticated) {
        options.onUnauthorized?.();
        const message = body?.errors?.[0]?.message ?? '登录已失效，请重新登录';
        throw new GraphQLRequestError(message, 401, body?.errors ?? []);
      }
      if (body?.errors?.length) {
        const message = body.errors.map((e) => e.message).join('；');
        throw new GraphQLRequestError(message, response.status, body.errors);
      }
      if (!response.ok || !body || body.data == null) {
        throw new GraphQLRequestError(`服务器错误（HTTP ${response.status}）`, response.status);
      }
      return body.data;
    },
  };
}
