// Filters kept in the URL query string (shareable links): parse a route query into typed filter
// values and back, dropping empty values so that the URL stays short.

export type QueryValue = string | null | (string | null)[] | undefined;
export type RouteQuery = Record<string, QueryValue>;

export interface FilterSpec<T extends Record<string, string | number | undefined>> {
  /** Keys and their defaults; a number default means the key is parsed as a positive integer. */
  defaults: T;
  /** Allowed values per key (anything else is dropped). */
  allowed?: Partial<Record<keyof T, readonly string[]>>;
}

function first(value: QueryValue): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v == null || v === '' ? undefined : String(v);
}

export function parseFilters<T extends Record<string, string | number | undefined>>(
  query: RouteQuery,
  spec: FilterSpec<T>,
): T {
  const out: Record<string, string | number | undefined> = {};
  for (const [key, fallback] of Object.entries(spec.defaults)) {
    const raw = first(query[key]);
    const allowed = spec.allowed?.[key as keyof T];
    if (raw === undefined || (allowed && !allowed.includes(raw))) {
      out[key] = fallback;
    } else if (typeof fallback === 'number') {
      const n = Number.parseInt(raw, 10);
      out[key] = Number.isFinite(n) && n > 0 ? n : fallback;
    } else {
      out[key] = raw.trim() === '' ? fallback : raw.trim();
    }
  }
  return out as T;
}

export function toQuery<T extends Record<string, string | number | undefined>>(
  filters: T,
  spec: FilterSpec<T>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === null) continue;
    if (value === spec.defaults[key]) continue;
    out[key] = String(value);
  }
  return out;
}

/** Whether two queries carry the same filters (to avoid pushing identical history entries). */
export function sameQuery(a: Record<string, string>, b: RouteQuery): boolean {
  const keysB = Object.keys(b).filter((k) => first(b[k]) !== undefined);
  const keysA = Object.keys(a);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => first(b[k]) === a[k]);
}
