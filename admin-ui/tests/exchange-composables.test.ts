// The exchange pages' composables: 重发 sends a dead message again and reads its row until it is
// delivered or dead (useMessageRetry); the names of the items partners take are looked up once per
// code (useRouteNames).
import { describe, expect, it, vi } from 'vitest';
import { reactive } from 'vue';

import { STILL_ON_ITS_WAY, useMessageRetry } from '../src/composables/useMessageRetry';
import { useRouteNames } from '../src/composables/useRouteNames';
import {
  type ExchangeMessagePartsFragment, ExchangeMessageStateDocument, ExchangeRouteNameDocument, RetryExchangeMessageDocument,
} from '../src/gql/graphql';
import type { GraphQLClient } from '../src/lib/graphql';

vi.mock('../src/lib/session', () => ({ client: { request: () => Promise.reject(new Error('no session client in tests')) } }));

type Message = ExchangeMessagePartsFragment;

const message = (over: Partial<Message> = {}): Message => ({
  id: 'RXhjaGFuZ2VNZXNzYWdlOjE=', messageId: 'msg_1', direction: 'OUT', partnerCode: 'lc-bank', event: 'case.routed',
  caseNumber: '3715-001', status: 'DEAD', verification: '', attempts: 4, nextAttemptAt: null, lastError: 'HTTP 400',
  answerStatus: 400, answer: {}, body: {}, digest: 'ab', deliveredAt: null, createdAt: '2025-06-30T01:00:00+00:00', ...over,
});

/** A client answering the retry with `retried`, then each state read with the next of `reads`. */
function fake(retried: unknown, reads: (Partial<Message> | Error)[]) {
  const request = vi.fn(async (document: unknown) => {
    if (document === RetryExchangeMessageDocument) return { retryExchangeMessage: retried };
    if (document === ExchangeMessageStateDocument) {
      const next = reads.shift();
      if (next instanceof Error) throw next;
      return { node: next ? message(next) : null };
    }
    throw new Error('unexpected document');
  });
  return { request, client: { request } as unknown as GraphQLClient };
}

const noWait = () => Promise.resolve();

describe('useMessageRetry', () => {
  it('sends a dead message again and follows its row until it is delivered', async () => {
    const row = reactive(message());
    const { request, client } = fake({ message: message({ status: 'PENDING', attempts: 0, lastError: '' }), errors: [] }, [
      { status: 'SENDING', attempts: 1 }, { status: 'DELIVERED', attempts: 1, answerStatus: 200, deliveredAt: '2025-06-30T01:01:00+00:00' },
    ]);
    const { state, retry } = useMessageRetry({ client, sleep: noWait });
    const seen: string[] = [];
    const done = retry(row);
    expect(state.sending[row.id]).toBe(true);
    seen.push(row.status);
    expect(await done).toBe(true);
    expect(request).toHaveBeenCalledWith(RetryExchangeMessageDocument, { input: { id: row.id } });
    expect(request).toHaveBeenCalledWith(ExchangeMessageStateDocument, { id: row.id });
    expect(request).toHaveBeenCalledTimes(3);
    expect([row.status, row.attempts, row.answerStatus]).toEqual(['DELIVERED', 1, 200]);
    expect(state.errors[row.id]).toBeUndefined();
    expect([state.sending[row.id], state.watching[row.id]]).toEqual([false, false]);
    expect(seen).toEqual(['DEAD']);
  });

  it('shows the payload’s refusal by the row and reads nothing', async () => {
    const row = reactive(message({ event: 'case.status_query' }));
    const { request, client } = fake({ message: null, errors: [{ field: ['messageId'], message: '对账查询不重发，请重新对账', code: 'INVALID_STATE' }] }, []);
    const { state, retry } = useMessageRetry({ client, sleep: noWait });
    expect(await retry(row)).toBe(false);
    expect(state.errors[row.id]).toBe('对账查询不重发，请重新对账');
    expect(request).toHaveBeenCalledTimes(1);
    expect(row.status).toBe('DEAD');
  });

  it('says when it is dead again, and when it is still on its way after the reads run out', async () => {
    const dead = reactive(message());
    const again = fake({ message: message({ status: 'PENDING' }), errors: [] }, [{ status: 'DEAD', lastError: 'HTTP 400: 报文格式不被接受' }]);
    const first = useMessageRetry({ client: again.client, sleep: noWait });
    expect(await first.retry(dead)).toBe(false);
    expect(first.state.errors[dead.id]).toBe('重发后仍未送达（死信）：HTTP 400: 报文格式不被接受');

    const slow = reactive(message());
    const waiting = fake({ message: message({ status: 'PENDING' }), errors: [] }, [new Error('无法连接服务器'), { status: 'PENDING', attempts: 1 }, { status: 'PENDING', attempts: 1 }]);
    const second = useMessageRetry({ client: waiting.client, sleep: noWait, maxReads: 3 });
    expect(await second.retry(slow)).toBe(false);
    expect(second.state.errors[slow.id]).toBe(STILL_ON_ITS_WAY);
    expect(slow.attempts).toBe(1);
  });

  it('shows a failed request by the row', async () => {
    const row = reactive(message());
    const request = vi.fn(async () => { throw new Error('无法连接服务器：Failed to fetch'); });
    const { state, retry } = useMessageRetry({ client: { request } as unknown as GraphQLClient });
    expect(await retry(row)).toBe(false);
    expect(state.errors[row.id]).toBe('无法连接服务器：Failed to fetch');
    expect(state.sending[row.id]).toBe(false);
  });
});

describe('useRouteNames', () => {
  it('looks each code up once, and labels a code it does not know as itself', async () => {
    const request = vi.fn(async (_doc: unknown, vars: { code: string }) => ({
      serviceItemByCode: vars.code === '200100010000' ? { basicCode: vars.code, name: '企业银行账户开户预约' } : null,
    }));
    const names = useRouteNames({ client: { request } as unknown as GraphQLClient });
    await names.load(['200100010000', '999999999999', '200100010000']);
    await names.load(['200100010000']);
    expect(request).toHaveBeenCalledTimes(2);
    expect(request).toHaveBeenCalledWith(ExchangeRouteNameDocument, { code: '200100010000' });
    expect(names.routeLabel('200100010000')).toBe('企业银行账户开户预约（200100010000）');
    expect(names.routeLabel('999999999999')).toBe('999999999999');
    names.remember('100150001000', '印章刻制备案');
    await names.load(['100150001000']);
    expect(request).toHaveBeenCalledTimes(2);
    expect(names.routeLabel('100150001000')).toBe('印章刻制备案（100150001000）');
  });
});
