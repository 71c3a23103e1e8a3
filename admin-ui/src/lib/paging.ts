// Relay paging kept in the URL: `after` or `before` (opaque cursors from the server) and `size`.
import type { RouteQuery } from './filters';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export interface PageArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

function one(v: RouteQuery[string]): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s ? String(s) : undefined;
}

export function pageSize(query: RouteQuery): number {
  const n = Number(one(query.size));
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : 20;
}

export function pageArgs(query: RouteQuery): PageArgs {
  const size = pageSize(query);
  const before = one(query.before);
  if (before) return { last: size, before };
  const after = one(query.after);
  return after ? { first: size, after } : { first: size };
}
