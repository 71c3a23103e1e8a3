// The names of the items partners take: a partner keeps basic codes only (12 digits), so each code
// shown is looked up once (serviceItemByCode) and cached for the page; an item picked in the
// catalogue search is known at once. A code that is no item (or cannot be read) shows as itself.
import { reactive } from 'vue';

import { ExchangeRouteNameDocument } from '../gql/graphql';
import type { GraphQLClient } from '../lib/graphql';
import { client as sessionClient } from '../lib/session';

export function useRouteNames(options: { client?: GraphQLClient } = {}) {
  const api = options.client ?? sessionClient;
  /** Basic code → item name ('' while loading or when unknown). */
  const names = reactive<Record<string, string>>({});
  const asked = new Set<string>();

  /** Looks up the codes not yet known (at most one request per code, run together). */
  async function load(codes: Iterable<string>): Promise<void> {
    const todo = [...new Set(codes)].filter((c) => c && !asked.has(c));
    for (const c of todo) asked.add(c);
    await Promise.all(todo.map(async (code) => {
      try {
        const data = await api.request(ExchangeRouteNameDocument, { code });
        if (data.serviceItemByCode) names[code] = data.serviceItemByCode.name;
      } catch {
        // shown as its code
      }
    }));
  }

  function remember(code: string, name: string): void {
    asked.add(code);
    names[code] = name;
  }

  /** "企业银行账户开户预约（200100010000）", or the code alone. */
  function routeLabel(code: string): string {
    return names[code] ? `${names[code]}（${code}）` : code;
  }

  return { names, load, remember, routeLabel };
}

export type RouteNames = ReturnType<typeof useRouteNames>;
