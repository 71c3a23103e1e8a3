// The pull log page's filters (kept in the URL) and labels: which base, found or not, a case or
// bundle number. The server scopes the log to the admin's region and masks every subject.
import type { SharedDataBase, SharedDataPullFilter } from '../gql/graphql';
import type { FilterSpec, RouteQuery } from './filters';
import { parseFilters } from './filters';

export const SHARED_BASES: Record<SharedDataBase, string> = {
  POPULATION: '人口库', LEGAL_PERSON: '法人库', ELICENCE: '电子证照库', CREDIT: '信用库',
};
export const FOUND_LABELS: Record<'yes' | 'no', string> = { yes: '有记录', no: '无记录' };
export const CALLER_KINDS: Record<string, string> = {
  citizen: '申请人本人', staff: '工作人员', partner: '合作单位', system: '系统',
};
export const MODES: Record<string, string> = { local: '本地库', remote: '远程查询' };

export type PullFilters = { base?: string; found?: string; number?: string };
export const PULL_SPEC: FilterSpec<PullFilters> = {
  defaults: { base: undefined, found: undefined, number: undefined },
  allowed: { base: Object.keys(SHARED_BASES), found: Object.keys(FOUND_LABELS) },
};

export function parsePullFilters(query: RouteQuery): PullFilters {
  return parseFilters(query, PULL_SPEC);
}

/** The query's filter input from the URL's filters (absent ones left out). */
export function pullFilterInput(f: PullFilters): SharedDataPullFilter {
  return {
    base: (f.base as SharedDataBase | undefined) ?? null,
    found: f.found === undefined ? null : f.found === 'yes',
    caseNumber: f.number?.trim() || null,
  };
}
