import { describe, expect, it, vi } from 'vitest';

import { LoginDocument, MeDocument, StaffUsersDocument, TypedDocumentString } from '../src/gql/graphql';
import {
  createClient, errorFor, FORM_ERROR, GRAPHQL_RESPONSE, GraphQLRequestError, operationName, toFieldErrors,
} from '../src/lib/graphql';

function reply(status: number, body: unknown): typeof fetch {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': GRAPHQL_RESPONSE } }));
}

describe('toFieldErrors', () => {
  it('keys payload errors by their dotted field path, and field-less ones under the form key', () => {
    const errors = toFieldErrors([
      { field: ['committedLimit', 'value'], message: '承诺时限不能长于法定时限', code: 'INVALID_TIME_LIMIT' },
      { field: ['situations', '0', 'materials', '1', 'name'], message: '材料名称不能为空', code: 'INVALID' },
      { field: ['situations', '0', 'materials', '1', 'name'], message: '重复', code: 'INVALID' },
      { field: null, message: '事项已被他人修改，请刷新后重试', code: 'CONFLICT' },
      { field: ['input', 'reason'], message: '请填写原因', code: 'INVALID' },
    ]);
    expect(errors).toEqual({
      'committedLimit.value': ['承诺时限不能长于法定时限'],
      'situations.0.materials.1.name': ['材料名称不能为空', '重复'],
      [FORM_ERROR]: ['事项已被他人修改，请刷新后重试'],
      reason: ['请填写原因'],
    });
  });

  it('shows nested messages on the parent field, and only exact ones when not deep', () => {
    const errors = toFieldErrors([
      { field: ['committedLimit', 'value'], message: 'A', code: 'INVALID' },
      { field: ['committedLimit'], message: 'B', code: 'INVALID' },
      { field: ['committedLimitX'], message: 'C', code: 'INVALID' },
    ]);
    expect(errorFor(errors, 'committedLimit')).toBe('A；B');
    expect(errorFor(errors, 'committedLimit', false)).toBe('B');
    expect(errorFor(errors, 'name')).toBe('');
  });
});

describe('createClient', () => {
  it('posts the one operation of the document, named, with the GraphQL response media type and the bearer token', async () => {
    const fetchMock = reply(200, { data: { staffUsers: null } });
    const client = createClient({ fetch: fetchMock, getToken: () => 'tok-1' });
    await expect(client.request(StaffUsersDocument, { first: 10 })).resolves.toEqual({ staffUsers: null });
    const [url, init] = (fetchMock as unknown as ReturnType<typeof vi.fn>).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/graphql');
    const headers = init.headers as Record<string, string>;
    expect(headers.Accept).toContain(GRAPHQL_RESPONSE);
    expect(headers.Authorization).toBe('Bearer tok-1');
    expect(JSON.parse(String(init.body))).toEqual({ query: StaffUsersDocument.toString(), operationName: 'StaffUsers', variables: { first: 10 } });
  });

  it('names the operation from the document, and refuses a document that does not start with one', () => {
    expect(operationName(MeDocument)).toBe('Me');
    expect(operationName(LoginDocument)).toBe('Login');
    expect(() => operationName(new TypedDocumentString('fragment F on Query { me { id } }'))).toThrow('具名的操作');
    expect(() => operationName(new TypedDocumentString('{ me { id } }'))).toThrow('具名的操作');
  });

  it('sends no Authorization header without a token', async () => {
    const fetchMock = reply(200, { data: { ok: true } });
    await createClient({ fetch: fetchMock, getToken: () => null }).request(MeDocument);
    const init = (fetchMock as unknown as ReturnType<typeof vi.fn>).mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('ends the session on 401 and throws an unauthorized error with the server message', async () => {
    const onUnauthorized = vi.fn();
    const client = createClient({ fetch: reply(401, { errors: [{ message: '令牌无效或已过期，请重新登录' }] }), onUnauthorized });
    const failure = await client.request(MeDocument).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphQLRequestError);
    expect((failure as GraphQLRequestError).unauthorized).toBe(true);
    expect((failure as GraphQLRequestError).message).toBe('令牌无效或已过期，请重新登录');
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('ends the session on a top-level UNAUTHENTICATED as on 401, and not on FORBIDDEN', async () => {
    const onUnauthorized = vi.fn();
    const nobody = { data: { me: null }, errors: [{ message: '请先登录工作人员账号', path: ['me'], extensions: { code: 'UNAUTHENTICATED' } }] };
    const failure = await createClient({ fetch: reply(200, nobody), onUnauthorized }).request(MeDocument).catch((e: unknown) => e);
    expect((failure as GraphQLRequestError).unauthorized).toBe(true);
    expect((failure as GraphQLRequestError).message).toBe('请先登录工作人员账号');
    expect(onUnauthorized).toHaveBeenCalledOnce();
    const forbidden = { data: { me: null }, errors: [{ message: '此操作仅限工作人员账号', path: ['me'], extensions: { code: 'FORBIDDEN' } }] };
    const refused = await createClient({ fetch: reply(200, forbidden), onUnauthorized }).request(MeDocument).catch((e: unknown) => e);
    expect((refused as GraphQLRequestError).unauthorized).toBe(false);
    expect((refused as GraphQLRequestError).message).toBe('此操作仅限工作人员账号');
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('turns top-level errors into one request error, and keeps payload errors as data', async () => {
    const bad = createClient({ fetch: reply(400, { errors: [{ message: '语法错误' }, { message: '未知字段' }] }) });
    await expect(bad.request(MeDocument)).rejects.toThrow('语法错误；未知字段');
    const payload = { login: { tokens: null, errors: [{ field: ['password'], message: '用户名或密码错误', code: 'INVALID_CREDENTIALS' }] } };
    const ok = createClient({ fetch: reply(200, { data: payload }) });
    await expect(ok.request(LoginDocument, { input: { username: 'u', password: 'p' } })).resolves.toEqual(payload);
  });

  it('reports network failures and non-JSON answers in Chinese', async () => {
    const down = createClient({ fetch: vi.fn(async () => { throw new TypeError('Failed to fetch'); }) });
    await expect(down.request(MeDocument)).rejects.toThrow('无法连接服务器');
    const html = createClient({ fetch: vi.fn(async () => new Response('<h1>502</h1>', { status: 502 })) });
    await expect(html.request(MeDocument)).rejects.toThrow('服务器错误（HTTP 502）');
  });
});
