// The person at the counter (issue 16): the clerk sees whom the ID number belongs to before saving
// (the name on file masked, or that the person is new); a refused lookup and the server's
// PERSON_MISMATCH sit next to their fields.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { CounterPersonDocument } from '../src/gql/graphql';

const request = vi.fn();
vi.mock('../src/lib/session', () => ({ client: { request: (...args: unknown[]) => request(...args) } }));

const { default: WalkInApplicant } = await import('../src/components/WalkInApplicant.vue');
const ID = '371525199001010012';

function mountWith(errors: Record<string, string[]> = {}) {
  return mount(WalkInApplicant, {
    props: { modelValue: { idNumber: '', name: '', phone: '', enterpriseCreditCode: '' }, errors, creditCode: 'hidden' as const },
    global: { plugins: [ElementPlus] },
  });
}

describe('WalkInApplicant', () => {
  beforeEach(() => request.mockReset());

  it('shows the masked name on file once the ID number is whole', async () => {
    request.mockResolvedValue({ counterPerson: { found: true, maskedName: '欧***', maskedPhone: '139****1234', verified: true } });
    const wrapper = mountWith();
    await wrapper.find('input[name=idNumber]').setValue(ID.slice(0, 17));
    await flushPromises();
    expect(request).not.toHaveBeenCalled();
    expect(wrapper.find('[data-test=person-on-file]').exists()).toBe(false);
    await wrapper.setProps({ modelValue: { idNumber: ID, name: '', phone: '', enterpriseCreditCode: '' } });
    await flushPromises();
    expect(request).toHaveBeenCalledWith(CounterPersonDocument, { idNumber: ID });
    expect(wrapper.find('[data-test=person-on-file]').text()).toBe('已登记：欧***（139****1234）· 已实名，请与身份证核对姓名');
  });

  it('says the person is new, and shows a refused lookup next to the ID number', async () => {
    request.mockResolvedValueOnce({ counterPerson: { found: false, maskedName: null, maskedPhone: null, verified: false } });
    const wrapper = mountWith();
    await wrapper.setProps({ modelValue: { idNumber: ID, name: '', phone: '', enterpriseCreditCode: '' } });
    await flushPromises();
    expect(wrapper.find('[data-test=person-on-file]').text()).toBe('平台尚无此人：保存时按填写的姓名、手机号登记');
    request.mockRejectedValueOnce(new Error('身份证号码校验位不正确，请核对'));
    await wrapper.setProps({ modelValue: { idNumber: '37152519900101001X', name: '', phone: '', enterpriseCreditCode: '' } });
    await flushPromises();
    expect(wrapper.find('[data-test=person-on-file]').exists()).toBe(false);
    const idItem = wrapper.findAll('.el-form-item')[0];
    expect(idItem.classes('is-error')).toBe(true);
    // el-form-item marks the field it concerns (the message itself is drawn by Element Plus)
    expect(wrapper.findComponent({ name: 'ElFormItem' }).props('error')).toBe('身份证号码校验位不正确，请核对');
  });

  it('puts the server\'s PERSON_MISMATCH next to the name', async () => {
    request.mockResolvedValue({ counterPerson: { found: true, maskedName: '郑**', maskedPhone: '139****1234', verified: true } });
    const wrapper = mountWith({ 'applicant.name': ['该身份证号已登记的姓名为“郑**”，与填写的姓名“郑明亮”不一致，请核对身份证后重新填写'] });
    await flushPromises();
    const [, nameItem] = wrapper.findAll('.el-form-item');
    expect(nameItem.classes('is-error')).toBe(true);
    expect(wrapper.findAllComponents({ name: 'ElFormItem' })[1].props('error')).toContain('郑**');
  });
});
