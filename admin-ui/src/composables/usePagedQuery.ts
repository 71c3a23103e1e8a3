// One paged list: runs a typed connection query for the page the URL names (`after` / `before` /
// `size`, src/lib/paging.ts), and moves between pages by pushing a new URL that keeps the page's
// filters. The shell re-creates the page on every URL (router-view keyed by fullPath), so each page
// is loaded once, from its URL; `reload()` loads it again after a change (a row added or revoked).
// src/components/PagerBar.vue draws the pager from what this returns.
import { computed, getCurrentInstance, onMounted, reactive, ref, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';

import type { TypedDocumentString } from '../gql/graphql';
import type { GraphQLClient, Variables, VariablesArg } from '../lib/graphql';
import { type PageArgs, pageArgs, pageQuery, pageSize } from '../lib/paging';
import { client as sessionClient } from '../lib/session';

/** What every connection the admin UI pages through answers (offset or keyset cursors). */
export interface Connection {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor?: string | null;
    endCursor: string | null;
  };
  edges: readonly { node: unknown }[];
}

export type NodeOf<C extends Connection> = C['edges'][number]['node'];

export interface PagedQueryOptions<TData, TVariables extends Variables, TConnection extends Connection> {
  document: TypedDocumentString<TData, TVariables>;
  /** The operation's variables for one page (spread `page` into them). */
  variables: (page: PageArgs) => NoInfer<TVariables>;
  /** The connection in the answer. */
  connection: (data: TData) => TConnection;
  /** The URL query of the page's filters, kept when paging (default: none). */
  filters?: () => Record<string, string>;
  /** Offset connections go back a page (`last` / `before`, needs `startCursor`); keyset ones
   * (the case queues) only go forward and back to the first page. Default true. */
  backward?: boolean;
  client?: GraphQLClient;
}

/** What PagerBar needs: the counts, where one can go, and how. */
export interface Pager {
  readonly total: number;
  /** True until the first answer (the total is not known yet: never "共 0 条" before it). */
  readonly loading?: boolean;
  readonly answered?: boolean;
  readonly size: number;
  readonly backward: boolean;
  readonly hasPrev: boolean;
  readonly hasNext: boolean;
  readonly onFirstPage: boolean;
  next(): void;
  prev(): void;
  first(): void;
  setSize(size: number): void;
}

export function usePagedQuery<TData, TVariables extends Variables, TConnection extends Connection>(
  options: PagedQueryOptions<TData, TVariables, TConnection>,
) {
  const route = useRoute();
  const router = useRouter();
  const api = options.client ?? sessionClient;
  const backward = options.backward ?? true;
  const filters = () => options.filters?.() ?? {};
  const size = pageSize(route.query);
  const page = pageArgs(route.query, { backward });

  const data = ref(null) as Ref<TConnection | null>;
  const loading = ref(true);
  const error = ref('');
  const rows = computed(() => (data.value?.edges.map((e) => e.node) ?? []) as NodeOf<TConnection>[]);
  const total = computed(() => data.value?.totalCount ?? 0);
  const onFirstPage = !page.after && !page.before;
  const hasNext = computed(() => !!data.value?.pageInfo.hasNextPage && !!data.value.pageInfo.endCursor);
  const hasPrev = computed(() => !onFirstPage && (data.value?.pageInfo.hasPreviousPage ?? true));

  async function reload(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      const variables = [options.variables(page)] as VariablesArg<TVariables>;
      const answer = await api.request(options.document, ...variables);
      data.value = options.connection(answer);
    } catch (err) {
      error.value = (err as Error).message;
    } finally {
      loading.value = false;
    }
  }

  function go(cursor?: { after?: string; before?: string }, n = size): void {
    void router.push({ query: pageQuery(filters(), n, cursor) });
  }
  function next(): void {
    const after = data.value?.pageInfo.endCursor;
    if (after) go({ after });
  }
  function prev(): void {
    const before = data.value?.pageInfo.startCursor;
    if (backward && before) go({ before });
    else go();
  }
  function first(): void {
    go();
  }
  function setSize(n: number): void {
    go(undefined, n);
  }
  /** The URL query for other filters, at the same page size (a search starts on its first page). */
  function query(other: Record<string, string>): Record<string, string> {
    return pageQuery(other, size);
  }

  if (getCurrentInstance()) onMounted(reload);
  else void reload();

  return reactive({
    data, rows, loading, error, total, answered: computed(() => data.value !== null), size, backward, hasPrev, hasNext, onFirstPage,
    next, prev, first, setSize, query, reload,
  });
}

export type PagedQuery = ReturnType<typeof usePagedQuery>;
