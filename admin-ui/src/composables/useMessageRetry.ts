// 重发 in the exchange log: a dead message is sent again (the same message id: the partner takes it
// as one message) and handed to the server's worker; the row is then read again (ExchangeMessageState)
// until it is delivered or dead, each read shown in the row as it comes. Leaving the page stops the
// reading. The row's error (the payload's, or "still on its way") is kept by message id.
import { getCurrentInstance, onBeforeUnmount, reactive } from 'vue';

import {
  type ExchangeMessagePartsFragment, ExchangeMessageStateDocument, type ExchangeStatus, RetryExchangeMessageDocument,
} from '../gql/graphql';
import { rereadUntilSettled, type RereadOptions } from '../lib/exchange';
import { type GraphQLClient, toFieldErrors } from '../lib/graphql';
import { client as sessionClient } from '../lib/session';

type Message = ExchangeMessagePartsFragment;

export interface MessageRetryOptions {
  client?: GraphQLClient;
  intervalMs?: number;
  maxReads?: number;
  sleep?: RereadOptions<Message>['sleep'];
}

export const STILL_ON_ITS_WAY = '仍在投递中（对方暂未应答，稍后自动重试）：稍后刷新本页查看结果';

export function useMessageRetry(options: MessageRetryOptions = {}) {
  const api = options.client ?? sessionClient;
  /** Per message id: the retry being sent, the re-reading under way, the error to show. */
  const state = reactive({
    sending: {} as Record<string, boolean>,
    watching: {} as Record<string, boolean>,
    errors: {} as Record<string, string>,
  });
  let left = false;
  if (getCurrentInstance()) onBeforeUnmount(() => { left = true; });

  async function read(id: string): Promise<Message | null> {
    const data = await api.request(ExchangeMessageStateDocument, { id });
    const node = data.node;
    return node && 'status' in node ? (node as Message) : null;
  }

  /** Sends `row` again and follows it; `row` (a reactive table row) is updated in place. True when
   * it ended delivered. */
  async function retry(row: Message): Promise<boolean> {
    const id = row.id;
    state.sending[id] = true;
    delete state.errors[id];
    try {
      const result = await api.request(RetryExchangeMessageDocument, { input: { id } });
      const payload = result.retryExchangeMessage;
      if (payload.errors.length || !payload.message) {
        state.errors[id] = Object.values(toFieldErrors(payload.errors)).flat().join('；') || '重发失败';
        return false;
      }
      Object.assign(row, payload.message);
    } catch (err) {
      state.errors[id] = (err as Error).message;
      return false;
    } finally {
      state.sending[id] = false;
    }
    if (row.status === 'DELIVERED') return true;
    state.watching[id] = true;
    try {
      const { settled } = await rereadUntilSettled(() => read(id), {
        intervalMs: options.intervalMs, maxReads: options.maxReads, sleep: options.sleep,
        cancelled: () => left, onRead: (m) => Object.assign(row, m),
      });
      const status = (row as Message).status as ExchangeStatus; // updated by each read
      if (left) return false;
      if (!settled) state.errors[id] = STILL_ON_ITS_WAY;
      else if (status === 'DEAD') state.errors[id] = `重发后仍未送达（死信）：${row.lastError || '对方拒收'}`;
      return status === 'DELIVERED';
    } finally {
      state.watching[id] = false;
    }
  }

  return { state, retry };
}
