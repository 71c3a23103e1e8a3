// The shell on a hall tablet (issue 16): below 1024 px the side menu starts folded, the toggle opens
// it over the page and choosing a page folds it again; on a wider screen it starts open and the
// toggle folds it. The browser suite measures the pages themselves (tests/ui/test_admin_layout.py).
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';

vi.mock('../src/lib/session', () => ({
  session: { me: { displayName: '刘芳', roles: ['WINDOW_CLERK'], region: { name: '聊城市' } } },
  hasRole: (...roles: string[]) => roles.includes('WINDOW_CLERK'),
  logout: vi.fn(),
}));

const { default: LayoutShell } = await import('../src/pages/LayoutShell.vue');

function screen(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: /max-width:\s*1023\.98px/.test(query) && width < 1024,
    media: query, addEventListener: vi.fn(), removeEventListener: vi.fn(),
  }));
}

async function shell() {
  const page = { template: '<div class="page">页</div>' };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{
      path: '/', component: LayoutShell,
      children: ['case-window', 'walk-in', 'case-results', 'catalog', 'themes', 'bundle-walk-in', 'bundle-window', 'bundle-results',
        'real-estate', 'hall-day'].map((name) => ({ path: name, name, component: page, meta: { title: name } })),
    }],
  });
  await router.push('/case-window');
  await router.isReady();
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [ElementPlus, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

const menuShown = (wrapper: Awaited<ReturnType<typeof shell>>['wrapper']) =>
  (wrapper.find('[data-test=side-menu]').element as HTMLElement).style.display !== 'none';

describe('LayoutShell', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('folds the menu on a tablet, opens it over the page and folds it again on choosing a page', async () => {
    screen(768);
    const { wrapper, router } = await shell();
    expect(menuShown(wrapper)).toBe(false);
    expect(wrapper.find('[data-test=menu-scrim]').exists()).toBe(false);
    await wrapper.find('[data-test=menu-toggle]').trigger('click');
    expect(menuShown(wrapper)).toBe(true);
    expect(wrapper.find('[data-test=menu-scrim]').exists()).toBe(true);
    expect(wrapper.find('[data-test=menu-toggle]').attributes('aria-expanded')).toBe('true');
    await router.push('/walk-in');
    await flushPromises();
    expect(menuShown(wrapper)).toBe(false);
    // the scrim folds it too
    await wrapper.find('[data-test=menu-toggle]').trigger('click');
    await wrapper.find('[data-test=menu-scrim]').trigger('click');
    expect(menuShown(wrapper)).toBe(false);
    wrapper.unmount();
  });

  it('keeps the menu beside the page on a hall PC until folded by hand', async () => {
    screen(1280);
    const { wrapper, router } = await shell();
    expect(menuShown(wrapper)).toBe(true);
    expect(wrapper.find('[data-test=menu-scrim]').exists()).toBe(false);
    await router.push('/walk-in');
    await flushPromises();
    expect(menuShown(wrapper)).toBe(true);
    await wrapper.find('[data-test=menu-toggle]').trigger('click');
    expect(menuShown(wrapper)).toBe(false);
    wrapper.unmount();
  });
});
