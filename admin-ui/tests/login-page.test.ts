// LoginPage shows payload errors next to the fields they concern, and the rest above the button.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const login = vi.fn();
const replace = vi.fn();
vi.mock('../src/lib/session', () => ({
  login: (...args: unknown[]) => login(...args),
  session: { me: { username: 'city_catalog', roles: ['CATALOG_ADMIN'] } },
}));
vi.mock('vue-router', () => ({
  useRoute: () => ({ query: { redirect: '/catalog/items/abc' } }),
  useRouter: () => ({ replace, resolve: () => ({ matched: [{}], name: 'item', meta: {} }) }),
}));

const MOUNT = { global: { plugins: [ElementPlus] } };
const { default: LoginPage } = await import('../src/pages/LoginPage.vue');

function fill(wrapper: ReturnType<typeof mount>, username: string, password: string) {
  return Promise.all([
    wrapper.find('input[name=username]').setValue(username),
    wrapper.find('input[name=password]').setValue(password),
  ]);
}

describe('LoginPage', () => {
  beforeEach(() => {
    login.mockReset();
    replace.mockReset();
  });

  it('asks for both fields before calling the server', async () => {
    const wrapper = mount(LoginPage, MOUNT);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(login).not.toHaveBeenCalled();
    const items = wrapper.findAll('.el-form-item');
    expect(items.map((i) => i.classes('is-error'))).toEqual([true, true]);
  });

  it('maps payload errors to their fields and to the form', async () => {
    login.mockResolvedValue({ password: ['密码错误，还可尝试 4 次'], _: ['账号已锁定'] });
    const wrapper = mount(LoginPage, MOUNT);
    await fill(wrapper, 'city_catalog', 'bad');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(login).toHaveBeenCalledWith('city_catalog', 'bad');
    // el-form-item marks the field it concerns (the message itself is drawn by Element Plus)
    const items = wrapper.findAll('.el-form-item');
    expect(items.map((i) => i.classes('is-error'))).toEqual([false, true]);
    expect(wrapper.find('[role=alert]').text()).toBe('账号已锁定');
    expect(replace).not.toHaveBeenCalled();
  });

  it('goes back to the page that asked for the login', async () => {
    login.mockResolvedValue(null);
    const wrapper = mount(LoginPage, MOUNT);
    await fill(wrapper, 'city_catalog', 'liaoyi-demo-2019');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(replace).toHaveBeenCalledWith('/catalog/items/abc');
  });
});
