// usePagedQuery: the page the URL names is the page asked for; next / previous / first / size push
// a URL that keeps the filters; keyset connections only go forward. PagerBar draws it.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, reactive } from 'vue';
import { createMemoryHistory, createRouter, type RouteLocationRaw } from 'vue-router';

import PagerBar from '../src/components/PagerBar.vue';
import { type Pager, type PagedQuery, usePagedQuery } from '../src/composables/usePagedQuery';
import { CaseQueueDocument, StaffUsersDocument } from '../src/gql/graphql';
import type { GraphQLClient } from '../src/lib/graphql';

vi.mock('../src/lib/session', () => ({ client: { request: () => Promise.reject(new Error('no session client in tests')) } }));

function connection(over: Partial<{ hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null; totalCount: number }> = {}) {
  const { totalCount = 45, ...page } = over;
  return {
    totalCount,
    pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'c0', endCursor: 'c19', ...page },
    edges: [{ node: { id: 'a' } }, { node: { id: 'b' } }],
  };
}

async function setup(url: string, answer: unknown, { backward = true, fail = false } = {}) {
  const request = vi.fn(async () => {
    if (fail) throw new Error('无法连接服务器：Failed to fetch');
    return answer;
  });
  const client = { request } as unknown as GraphQLClient;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', component: { render: () => null } }] });
  await router.push(url);
  await router.isReady();
  let pager!: PagedQuery;
  const Host = defineComponent({
    setup() {
      pager = backward
        ? usePagedQuery({
          document: StaffUsersDocument,
          variables: (page) => ({ filter: { text: 'wang' }, ...page }),
          connection: (data) => data.staffUsers,
          filters: () => ({ text: 'wang' }),
          client,
        })
        : usePagedQuery({
          document: CaseQueueDocument,
          variables: ({ first, after }) => ({ queue: 'WINDOW', first, after }),
          connection: (data) => data.caseQueue,
          filters: () => ({ status: 'SUBMITTED' }),
          backward: false,
          client,
        });
      return () => h(PagerBar, { pager, unit: '人' });
    },
  });
  const wrapper = mount(Host, { global: { plugins: [router, ElementPlus] } });
  await flushPromises();
  const push = vi.spyOn(router, 'push');
  const pushed = () => (push.mock.calls.at(-1)?.[0] as Exclude<RouteLocationRaw, string>) ?? null;
  return { wrapper, pager, request, router, pushed };
}

describe('usePagedQuery', () => {
  it('asks for the first page of the default size, and shows what came back', async () => {
    const { pager, request } = await setup('/list', { staffUsers: connection() });
    expect(request).toHaveBeenCalledOnce();
    expect(request).toHaveBeenCalledWith(StaffUsersDocument, { filter: { text: 'wang' }, first: 20 });
    expect(pager.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(pager.total).toBe(45);
    expect(pager.loading).toBe(false);
    expect([pager.onFirstPage, pager.hasPrev, pager.hasNext]).toEqual([true, false, true]);
  });

  it('asks for the page the URL names: after a cursor, or before one with last', async () => {
    const forward = await setup('/list?after=c19&size=50', { staffUsers: connection() });
    expect(forward.request).toHaveBeenCalledWith(StaffUsersDocument, { filter: { text: 'wang' }, first: 50, after: 'c19' });
    const back = await setup('/list?before=c20&size=10', { staffUsers: connection({ hasPreviousPage: true }) });
    expect(back.request).toHaveBeenCalledWith(StaffUsersDocument, { filter: { text: 'wang' }, last: 10, before: 'c20' });
    expect(back.pager.hasPrev).toBe(true);
    const odd = await setup('/list?size=7', { staffUsers: connection() });
    expect(odd.request).toHaveBeenCalledWith(StaffUsersDocument, { filter: { text: 'wang' }, first: 20 });
  });

  it('moves by pushing a URL that keeps the filters and the size', async () => {
    const { pager, pushed } = await setup('/list?text=wang&after=c19&size=50', { staffUsers: connection({ hasPreviousPage: true, startCursor: 'c20', endCursor: 'c69' }) });
    pager.next();
    expect(pushed()).toEqual({ query: { text: 'wang', size: '50', after: 'c69' } });
    pager.prev();
    expect(pushed()).toEqual({ query: { text: 'wang', size: '50', before: 'c20' } });
    pager.first();
    expect(pushed()).toEqual({ query: { text: 'wang', size: '50' } });
    pager.setSize(20);
    expect(pushed()).toEqual({ query: { text: 'wang' } });
    expect(pager.query({ text: 'li' })).toEqual({ text: 'li', size: '50' });
  });

  it('stops at the ends', async () => {
    const start = await setup('/list?before=c10', { staffUsers: connection({ hasNextPage: true, hasPreviousPage: false }) });
    expect(start.pager.hasPrev).toBe(false);
    const last = await setup('/list?after=c40', { staffUsers: connection({ hasNextPage: false, hasPreviousPage: true, endCursor: 'c44' }) });
    expect(last.pager.hasNext).toBe(false);
    expect(last.pager.hasPrev).toBe(true);
    const empty = await setup('/list', { staffUsers: { ...connection({ hasNextPage: false, endCursor: null, startCursor: null }), edges: [], totalCount: 0 } });
    empty.pager.next();
    expect(empty.pushed()).toBeNull();
  });

  it('keyset connections only go forward, and back to the first page', async () => {
    const { pager, request, pushed } = await setup('/list?after=k1&before=k0', { caseQueue: connection({ hasPreviousPage: true, endCursor: 'k2' }) }, { backward: false });
    expect(request).toHaveBeenCalledWith(CaseQueueDocument, { queue: 'WINDOW', first: 20, after: 'k1' });
    expect(pager.backward).toBe(false);
    expect(pager.hasPrev).toBe(true);
    pager.prev();
    expect(pushed()).toEqual({ query: { status: 'SUBMITTED' } });
    pager.next();
    expect(pushed()).toEqual({ query: { status: 'SUBMITTED', after: 'k2' } });
  });

  it('says 加载中… until the first answer, never "共 0 人" before it (issue 16)', async () => {
    let answer!: (value: unknown) => void;
    const request = vi.fn(() => new Promise((resolve) => { answer = resolve; }));
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/list', component: { render: () => null } }] });
    await router.push('/list');
    await router.isReady();
    const Host = defineComponent({
      setup() {
        const pager = usePagedQuery({
          document: StaffUsersDocument, variables: (page) => ({ ...page }), connection: (data) => data.staffUsers,
          client: { request } as unknown as GraphQLClient,
        });
        return () => h(PagerBar, { pager, unit: '人' });
      },
    });
    const wrapper = mount(Host, { global: { plugins: [router, ElementPlus] } });
    await flushPromises();
    expect(wrapper.find('[data-test=pager-total]').text()).toBe('加载中…');
    answer({ staffUsers: connection({ totalCount: 0 }) });
    await flushPromises();
    expect(wrapper.find('[data-test=pager-total]').text()).toBe('共 0 人');
  });

  it('keeps a failure to show, and loads again on reload', async () => {
    const { pager, request } = await setup('/list', null, { fail: true });
    expect(pager.error).toBe('无法连接服务器：Failed to fetch');
    expect(pager.rows).toEqual([]);
    expect(pager.loading).toBe(false);
    await pager.reload();
    expect(request).toHaveBeenCalledTimes(2);
  });
});

describe('PagerBar', () => {
  function fake(over: Partial<Pager> = {}) {
    return reactive({
      total: 45, size: 20, backward: true, hasPrev: false, hasNext: true, onFirstPage: true,
      next: vi.fn(), prev: vi.fn(), first: vi.fn(), setSize: vi.fn(), ...over,
    });
  }
  const MOUNT = { global: { plugins: [ElementPlus] } };
  const button = (w: ReturnType<typeof mount>, test: string) => w.find(`[data-test=${test}]`);

  it('shows the total and offers 上一页 / 下一页 as far as there are pages', async () => {
    const pager = fake();
    const w = mount(PagerBar, { props: { pager, unit: '件' }, ...MOUNT });
    expect(w.find('[data-test=pager-total]').text()).toBe('共 45 件');
    expect(button(w, 'prev-page').attributes('disabled')).toBeDefined();
    expect(button(w, 'next-page').attributes('disabled')).toBeUndefined();
    expect(button(w, 'first-page').exists()).toBe(false);
    await button(w, 'next-page').trigger('click');
    expect(pager.next).toHaveBeenCalledOnce();
    pager.hasPrev = true;
    pager.hasNext = false;
    await nextTick();
    expect(button(w, 'next-page').attributes('disabled')).toBeDefined();
    await button(w, 'prev-page').trigger('click');
    expect(pager.prev).toHaveBeenCalledOnce();
  });

  it('offers 第一页 instead of 上一页 for keyset connections', async () => {
    const pager = fake({ backward: false, hasPrev: true, onFirstPage: false });
    const w = mount(PagerBar, { props: { pager }, ...MOUNT });
    expect(button(w, 'prev-page').exists()).toBe(false);
    await button(w, 'first-page').trigger('click');
    expect(pager.first).toHaveBeenCalledOnce();
    expect(w.find('[data-test=pager-total]').text()).toBe('共 45 条');
  });

  it('changes the page size, or hides the choice', async () => {
    const pager = fake();
    const w = mount(PagerBar, { props: { pager }, ...MOUNT });
    const select = w.findComponent({ name: 'ElSelect' });
    expect(select.props('modelValue')).toBe(20);
    expect(w.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['每页 10 条', '每页 20 条', '每页 50 条', '每页 100 条']);
    select.vm.$emit('update:modelValue', 50);
    expect(pager.setSize).toHaveBeenCalledWith(50);
    w.unmount();
    const bare = mount(PagerBar, { props: { pager, sizes: false }, ...MOUNT });
    expect(bare.find('[data-test=page-size]').exists()).toBe(false);
  });
});
