// 工作人员 (issue 16): edit and re-scope (hall included), reset the password, enable, as the API
// allows; the server's errors sit next to the field they concern.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';

import {
  EnableStaffUserDocument, ResetStaffPasswordDocument, StaffUsersDocument, UpdateStaffUserDocument,
} from '../src/gql/graphql';

const request = vi.fn();
vi.mock('../src/lib/session', () => ({
  client: { request: (...args: unknown[]) => request(...args) },
  session: { me: { regionCode: '371500' } },
}));

const CLERK = {
  id: 'U3RhZmZVc2VyOjU', username: 'city_clerk', displayName: '刘芳', roles: ['WINDOW_CLERK'], regionCode: '371500',
  departmentCode: null, hallCode: '371500-ZWFWZX', isActive: true, lockedUntil: null, disabledAt: null, disabledReason: '',
  region: { name: '聊城市' }, department: null, hall: { name: '聊城市政务服务中心' },
};
const GONE = { ...CLERK, id: 'U3RhZmZVc2VyOjk', username: 'old_clerk', displayName: '赵明', isActive: false, disabledReason: '调离' };
const LIST = { staffUsers: { totalCount: 2, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' },
  edges: [{ node: CLERK }, { node: GONE }] } };

const { default: StaffList } = await import('../src/pages/StaffList.vue');

async function mountList() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/staff', component: StaffList }] });
  await router.push('/staff');
  await router.isReady();
  const wrapper = mount(StaffList, { global: { plugins: [router, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}
const body = () => document.body;
const formItem = (label: string) => [...body().querySelectorAll('.el-dialog .el-form-item')]
  .find((el) => el.querySelector('.el-form-item__label')?.textContent?.startsWith(label));

describe('StaffList', () => {
  beforeEach(() => {
    request.mockReset();
    document.body.innerHTML = '';
  });

  it('shows the hall and edits a clerk\'s scope, with errors next to their field', async () => {
    const answers: unknown[] = [
      { updateStaffUser: { staffUser: null, errors: [{ field: ['hallCode'], message: '大厅不存在或不在该区划内', code: 'INVALID' }] } },
      { updateStaffUser: { staffUser: { ...CLERK, hallCode: '371525-ZWFWZX' }, errors: [] } },
    ];
    request.mockImplementation(async (doc: unknown) => (doc === StaffUsersDocument ? LIST : answers.shift()));
    const wrapper = await mountList();
    expect(wrapper.findAll('[data-test=staff-hall]').map((w) => w.text())).toEqual(['聊城市政务服务中心', '聊城市政务服务中心']);
    await wrapper.find('[data-test=edit-city_clerk]').trigger('click');
    await flushPromises();
    const hall = body().querySelector<HTMLInputElement>('.el-dialog input[name=hallCode]')!;
    expect(hall.value).toBe('371500-ZWFWZX');
    hall.value = 'NO-SUCH-HALL';
    hall.dispatchEvent(new Event('input'));
    body().querySelector<HTMLButtonElement>('[data-test=edit-save]')!.click();
    await flushPromises();
    expect(request).toHaveBeenCalledWith(UpdateStaffUserDocument, { input: {
      id: CLERK.id, displayName: '刘芳', roles: ['WINDOW_CLERK'], regionCode: '371500', departmentCode: null, hallCode: 'NO-SUCH-HALL',
    } });
    expect(formItem('大厅编码')!.classList.contains('is-error')).toBe(true);
    expect(formItem('姓名')!.classList.contains('is-error')).toBe(false);
    hall.value = '371525-ZWFWZX';
    hall.dispatchEvent(new Event('input'));
    body().querySelector<HTMLButtonElement>('[data-test=edit-save]')!.click();
    await flushPromises();
    expect(request.mock.calls.filter(([d]) => d === UpdateStaffUserDocument)).toHaveLength(2);
    expect(request.mock.calls.filter(([d]) => d === StaffUsersDocument)).toHaveLength(2); // reloaded after saving
    wrapper.unmount();
  });

  it('resets a password (too short: the error is on the field) and enables a disabled account', async () => {
    const answers: unknown[] = [
      { resetStaffPassword: { staffUser: null, revokedTokens: 0, errors: [{ field: ['newPassword'], message: '密码至少 8 个字符', code: 'INVALID' }] } },
      { enableStaffUser: { staffUser: null, errors: [{ field: ['id'], message: '不能启用其他区划的账号', code: 'NOT_ALLOWED' }] } },
    ];
    request.mockImplementation(async (doc: unknown) => (doc === StaffUsersDocument ? LIST : answers.shift()));
    const wrapper = await mountList();
    expect(wrapper.find('[data-test=enable-city_clerk]').exists()).toBe(false);
    await wrapper.find('[data-test=reset-city_clerk]').trigger('click');
    await flushPromises();
    const input = body().querySelector<HTMLInputElement>('.el-dialog input[name=newPassword]')!;
    input.value = 'short';
    input.dispatchEvent(new Event('input'));
    body().querySelector<HTMLButtonElement>('[data-test=reset-save]')!.click();
    await flushPromises();
    expect(request).toHaveBeenCalledWith(ResetStaffPasswordDocument, { input: { id: CLERK.id, newPassword: 'short' } });
    expect(formItem('新密码')!.classList.contains('is-error')).toBe(true);
    await wrapper.find('[data-test=enable-old_clerk]').trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledWith(EnableStaffUserDocument, { input: { id: GONE.id } });
    expect(wrapper.text()).toContain('不能启用其他区划的账号');
    wrapper.unmount();
  });
});
