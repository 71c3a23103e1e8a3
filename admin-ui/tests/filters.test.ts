import { describe, expect, it } from 'vitest';

import { type FilterSpec, parseFilters, sameQuery, toQuery } from '../src/lib/filters';
import { pageArgs, pageSize } from '../src/lib/paging';

type Filters = { text?: string; level?: string; status?: string; page: number };
const SPEC: FilterSpec<Filters> = {
  defaults: { text: undefined, level: undefined, status: undefined, page: 1 },
  allowed: { level: ['CITY', 'COUNTY'], status: ['ACTIVE', 'DRAFT'] },
};

describe('URL filter sync', () => {
  it('parses the query string into typed filters, dropping unknown and empty values', () => {
    expect(parseFilters({ text: ' 营业执照 ', level: 'CITY', status: 'NOPE', page: '3', extra: 'x' }, SPEC)).toEqual({
      text: '营业执照', level: 'CITY', status: undefined, page: 3,
    });
    expect(parseFilters({ text: '', level: ['COUNTY', 'CITY'], page: '-2' }, SPEC)).toEqual({
      text: undefined, level: 'COUNTY', status: undefined, page: 1,
    });
  });

  it('writes filters back without empty values or defaults, and round-trips', () => {
    const filters: Filters = { text: 'yyzz', level: undefined, status: 'DRAFT', page: 1 };
    const query = toQuery(filters, SPEC);
    expect(query).toEqual({ text: 'yyzz', status: 'DRAFT' });
    expect(parseFilters(query, SPEC)).toEqual(filters);
    expect(toQuery({ ...filters, page: 4 }, SPEC)).toEqual({ text: 'yyzz', status: 'DRAFT', page: '4' });
  });

  it('compares queries ignoring empty values', () => {
    expect(sameQuery({ text: 'a' }, { text: 'a', level: '' })).toBe(true);
    expect(sameQuery({ text: 'a' }, { text: 'b' })).toBe(false);
    expect(sameQuery({}, { text: 'a' })).toBe(false);
  });

  it('turns relay cursors in the URL into paging arguments', () => {
    expect(pageArgs({})).toEqual({ first: 20 });
    expect(pageArgs({ after: 'b2', size: '50' })).toEqual({ first: 50, after: 'b2' });
    expect(pageArgs({ before: 'b1', size: '7' })).toEqual({ last: 20, before: 'b1' });
    expect(pageSize({ size: '100' })).toBe(100);
  });
});
