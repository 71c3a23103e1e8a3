// The printed decision of a case refused or denied (issue 16): the 不予许可决定书 with its number, date,
// department, reasons and remedies; a person's name revealed with the purpose first (logged on the
// server), then printed; a case without a decision says so and prints nothing.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { CaseDecisionDocument, RevealApplicantDocument } from '../src/gql/graphql';

const request = vi.fn();
vi.mock('../src/lib/session', () => ({ client: { request: (...args: unknown[]) => request(...args) } }));
vi.mock('vue-router', () => ({ useRoute: () => ({ params: { id: 'Q2FzZToy' } }) }));

const REMEDY = '如不服本决定，可以自收到本决定书之日起六十日内向聊城市人民政府申请行政复议，也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。';
const CASE = {
  id: 'Q2FzZToy', number: '371500-20261207-00021', applicantKind: 'CITIZEN', applicantName: '欧**',
  applicantCitizenId: 'Q2l0aXplbjo5', hall: { name: '聊城市政务服务中心', address: '东昌府区柳园南路', phone: '0635-1234567' },
  decisionNotice: {
    kind: 'DENIAL', title: '不予许可决定书', number: '不予许可〔2026〕371500-20261207-00021号', caseNumber: '371500-20261207-00021',
    itemName: '公共场所卫生许可', applicantName: '欧**', appliedAt: '2026-12-01T01:00:00+00:00', decidedAt: '2026-12-07T06:00:00+00:00',
    decidedBy: '王审批', departmentName: '聊城市行政审批服务局', hallName: '聊城市政务服务中心', reason: '经营场所不符合卫生要求',
    legalBasis: '《中华人民共和国行政许可法》第三十八条第二款', reconsiderationBody: '聊城市人民政府', remedy: REMEDY,
  },
};

const { default: CaseDecision } = await import('../src/pages/cases/CaseDecision.vue');
const MOUNT = { global: { plugins: [ElementPlus], stubs: { RouterLink: true } } };

describe('printing a decision', () => {
  beforeEach(() => {
    request.mockReset();
    window.print = vi.fn();
  });

  it('prints the decision with its number, date, reasons and remedies, the name revealed with the purpose', async () => {
    request.mockImplementation(async (doc: unknown) => {
      if (doc === CaseDecisionDocument) return { case: CASE };
      if (doc === RevealApplicantDocument) return { revealPersonalData: { values: [{ field: 'NAME', label: '姓名', value: '欧阳晓雪' }], errors: [] } };
      throw new Error('unexpected request');
    });
    const wrapper = mount(CaseDecision, MOUNT);
    await flushPromises();
    expect(wrapper.find('[data-test=decision-title]').text()).toBe('不予许可决定书');
    expect(wrapper.find('[data-test=decision-number]').text()).toBe('不予许可〔2026〕371500-20261207-00021号');
    expect(wrapper.find('[data-test=decision-reason]').text()).toBe('经营场所不符合卫生要求');
    expect(wrapper.find('[data-test=decision-remedy]').text()).toBe(REMEDY);
    expect(wrapper.find('[data-test=decision-date]').text()).toBe('2026年12月7日');
    expect(wrapper.text()).toContain('根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予许可。');
    expect(wrapper.text()).toContain('聊城市行政审批服务局（印章）');
    expect(wrapper.find('[data-test=decision-applicant]').text()).toBe('欧**');
    await wrapper.find('[data-test=print]').trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledWith(RevealApplicantDocument, {
      input: { subjectId: 'Q2l0aXplbjo5', fields: ['NAME'], reason: '打印不予许可决定书（371500-20261207-00021）' },
    });
    expect(wrapper.find('[data-test=decision-applicant]').text()).toBe('欧阳晓雪');
    expect(window.print).toHaveBeenCalledTimes(1);
  });

  it('prints nothing when the reveal is refused, and says why', async () => {
    request.mockImplementation(async (doc: unknown) => {
      if (doc === CaseDecisionDocument) return { case: CASE };
      return { revealPersonalData: { values: [], errors: [{ field: null, message: '只能查看本人经办范围内群众的个人信息', code: 'NOT_ALLOWED' }] } };
    });
    const wrapper = mount(CaseDecision, MOUNT);
    await flushPromises();
    await wrapper.find('[data-test=print]').trigger('click');
    await flushPromises();
    expect(window.print).not.toHaveBeenCalled();
    expect(wrapper.find('[data-test=print-error]').text()).toBe('只能查看本人经办范围内群众的个人信息');
  });

  it('says a case has no decision and offers nothing to print', async () => {
    request.mockImplementation(async () => ({ case: { ...CASE, decisionNotice: null } }));
    const wrapper = mount(CaseDecision, MOUNT);
    await flushPromises();
    expect(wrapper.find('[data-test=decision]').exists()).toBe(false);
    expect(wrapper.text()).toContain('该办件没有不予受理或不予许可决定书');
    expect(wrapper.find('[data-test=print]').attributes('disabled')).toBeDefined();
  });
});
