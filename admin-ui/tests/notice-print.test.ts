// Printing a notice for a person (issue 16): the one 打印 button reveals the applicant's whole name
// with the purpose (logged on the server), then prints; a refused reveal prints nothing and says why.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { CaseNoticesDocument, RatingQrCodeDocument, RevealApplicantDocument } from '../src/gql/graphql';

const request = vi.fn();
vi.mock('../src/lib/session', () => ({ client: { request: (...args: unknown[]) => request(...args) } }));
vi.mock('vue-router', () => ({ useRoute: () => ({ params: { id: 'Q2FzZTox' } }) }));

const CASE = {
  id: 'Q2FzZTox', number: 'LC2026120700012', itemName: '个体工商户设立登记', applicantKind: 'CITIZEN', applicantName: '欧**',
  applicantCitizenId: 'Q2l0aXplbjo5', department: { name: '聊城市市场监督管理局' },
  hall: { name: '聊城市政务服务中心', address: '东昌府区', phone: '0635-1234567', hours: '9:00-17:00' },
  deferralNotice: null,
  correctionNotice: {
    caseNumber: 'LC2026120700012', itemName: '个体工商户设立登记', applicantName: '欧**', issuedAt: '2026-12-07T02:00:00+00:00',
    supplyBy: '2026-12-14', note: '', clerk: '刘芳', items: [{ name: '经营场所证明', requirement: '须加盖产权人印章' }],
  },
};

const { default: CaseNotice } = await import('../src/pages/cases/CaseNotice.vue');
const MOUNT = { props: { kind: 'correction' as const }, global: { plugins: [ElementPlus], stubs: { RouterLink: true } } };

describe('printing a notice for a person', () => {
  beforeEach(() => {
    request.mockReset();
    window.print = vi.fn();
  });

  it('reveals the whole name with the purpose, then prints', async () => {
    request.mockImplementation(async (doc: unknown) => {
      if (doc === CaseNoticesDocument) return { case: CASE };
      if (doc === RevealApplicantDocument) return { revealPersonalData: { values: [{ field: 'NAME', label: '姓名', value: '欧阳晓雪' }], errors: [] } };
      throw new Error('unexpected request');
    });
    const wrapper = mount(CaseNotice, MOUNT);
    await flushPromises();
    expect(wrapper.find('[data-test=notice-applicant]').text()).toBe('欧**');
    const button = wrapper.find('[data-test=print]');
    expect(button.text()).toBe('打印（填入申请人全名，记入访问日志）');
    expect(wrapper.find('[data-test=reveal-name]').exists()).toBe(false); // one button, not a second one to find first
    await button.trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledWith(RevealApplicantDocument, {
      input: { subjectId: 'Q2l0aXplbjo5', fields: ['NAME'], reason: '打印一次性告知单（LC2026120700012）' },
    });
    expect(wrapper.find('[data-test=notice-applicant]').text()).toBe('欧阳晓雪');
    expect(window.print).toHaveBeenCalledTimes(1);
    // printed again: the name is already whole, nothing more is revealed
    expect(wrapper.find('[data-test=print]').text()).toBe('打印');
    await wrapper.find('[data-test=print]').trigger('click');
    expect(request.mock.calls.filter(([doc]) => doc === RevealApplicantDocument)).toHaveLength(1);
    expect(window.print).toHaveBeenCalledTimes(2);
  });

  it('prints nothing when the reveal is refused, and says why', async () => {
    request.mockImplementation(async (doc: unknown) => {
      if (doc === CaseNoticesDocument) return { case: CASE };
      return { revealPersonalData: { values: [], errors: [{ field: null, message: '只能查看本人经办范围内群众的个人信息', code: 'NOT_ALLOWED' }] } };
    });
    const wrapper = mount(CaseNotice, MOUNT);
    await flushPromises();
    await wrapper.find('[data-test=print]').trigger('click');
    await flushPromises();
    expect(window.print).not.toHaveBeenCalled();
    expect(wrapper.find('.field-error').text()).toBe('只能查看本人经办范围内群众的个人信息');
    expect(wrapper.find('[data-test=notice-applicant]').text()).toBe('欧**');
  });

  it('prints an enterprise notice at once: its name is not personal data', async () => {
    request.mockImplementation(async () => ({ case: { ...CASE, applicantKind: 'ENTERPRISE', applicantName: '聊城市晓雪餐饮有限公司', applicantCitizenId: null,
      correctionNotice: { ...CASE.correctionNotice, applicantName: '聊城市晓雪餐饮有限公司' } } }));
    const wrapper = mount(CaseNotice, MOUNT);
    await flushPromises();
    expect(wrapper.find('[data-test=print]').text()).toBe('打印');
    await wrapper.find('[data-test=print]').trigger('click');
    expect(request.mock.calls.filter(([doc]) => doc !== RatingQrCodeDocument)).toHaveLength(1); // no reveal
    expect(window.print).toHaveBeenCalledTimes(1);
  });

  it('prints the rating QR code the server drew for the case, and none when there is none', async () => {
    const qr = 'data:image/svg+xml;base64,PHN2Zy8+';
    request.mockImplementation(async (doc: unknown) => {
      if (doc === CaseNoticesDocument) return { case: CASE };
      if (doc === RatingQrCodeDocument) return { ratingQrCode: { dataUri: qr } };
      throw new Error('unexpected request');
    });
    const wrapper = mount(CaseNotice, MOUNT);
    await flushPromises();
    expect(request).toHaveBeenCalledWith(RatingQrCodeDocument, { caseId: 'Q2FzZTox' });
    expect(wrapper.find('[data-test=notice] [data-test=notice-rating-qr] img').attributes('src')).toBe(qr);
    request.mockImplementation(async (doc: unknown) => (doc === CaseNoticesDocument ? { case: CASE } : { ratingQrCode: null }));
    const without = mount(CaseNotice, MOUNT);
    await flushPromises();
    expect(without.find('[data-test=notice]').exists()).toBe(true);
    expect(without.find('[data-test=notice-rating-qr]').exists()).toBe(false);
  });
});
