// Relay paging kept in the URL: `after` or `before` (opaque cursors from the server) and `size`.
// src/composables/usePagedQuery.ts runs a paged query from these; src/components/PagerBar.vue
// draws its pager.
import type { RouteQuery } from './filters';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** A page of a connection: forward (`first` after a cursor) or backward (`last` before one). */
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
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : DEFAULT_PAGE_SIZE;
}

/** The page the URL asks for; `backward: false` (keyset connections, which only go forward)
 * ignores a `before` cursor. */
export function pageArgs(query: RouteQuery, { backward = true }: { backward?: boolean } = {}): PageArgs {
  const size = pageSize(query);
  const before = one(query.before);
  if (before && backward) return { last: size, before };
  const after = one(query.after);
  return after ? { first: size, after } : { first: size };
}

/** The URL query for a page of `size` rows: the filters kept, the size only when not the default. */
export function pageQuery(filters: Record<string, string>, size: number, cursor?: { after?: string; before?: string }): Record<string, string> {
  return {
    ...filters,
    ...(size !== DEFAULT_PAGE_SIZE ? { size: String(size) } : {}),
    ...(cursor?.after ? { after: cursor.after } : cursor?.before ? { before: cursor.before } : {}),
  };
}
