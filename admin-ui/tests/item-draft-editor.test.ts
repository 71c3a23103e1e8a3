// The draft editor loads the form fields, review steps, result licence and instant rule of the
// item, sends them back in the draft mutation, and stops on a bad definition before the server.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const request = vi.fn();
const push = vi.fn();
vi.mock('../src/lib/session', () => ({ client: { request: (...args: unknown[]) => request(...args) } }));
vi.mock('vue-router', () => ({
  useRoute: () => ({ params: { id: 'U2VydmljZUl0ZW06MQ==' } }),
  useRouter: () => ({ push }),
}));

const CONTENT = {
  name: '单位社会保险登记', basicCode: '200170001000', itemType: 'PUBLIC_SERVICE', legalBasis: '', exerciseLevels: ['CITY'],
  acceptanceConditions: '', serviceObjects: ['ENTERPRISE'],
  statutoryLimit: { value: 15, unit: 'WORKING_DAY', text: '15个工作日' },
  committedLimit: { value: 1, unit: 'WORKING_DAY', text: '1个工作日' },
  fees: [], maxVisits: 0, online: true, instant: true, highFrequency: false, keywords: ['社保开户'], aliases: ['单位社保开户'],
  resultLicence: null, reviewSteps: ['审查决定'],
  formFields: [
    { key: 'unitName', label: '单位名称', type: 'TEXT', required: true, options: [], maxLength: 64, min: null, max: null, help: '' },
    { key: 'riskClass', label: '行业风险类别', type: 'SELECT', required: true, options: ['一类', '二类'], maxLength: null, min: null, max: null, help: '' },
  ],
  instantRule: { code: 'instant-200170001000', version: 1, conditions: ['IDENTITY_VERIFIED', 'MATERIALS_BY_EVIDENCE', 'NOT_DISHONEST'] },
  situations: [{ position: 0, name: '新办单位社会保险登记', conditions: '', materials: [] }],
  guide: { process: [], address: '', hours: '', contact: '', faq: [] },
};
const ITEM = {
  serviceItem: {
    id: 'U2VydmljZUl0ZW06MQ==', implementationCode: '371500-RSJ-200170001000', status: 'ACTIVE', statusReason: '',
    level: 'CITY', departmentCode: '371500-RSJ', regionCode: '371500', versionNumber: 1,
    department: { code: '371500-RSJ', name: '聊城市人力资源和社会保障局' }, region: { name: '聊城市' },
    ...CONTENT, draftVersion: null, versions: [],
  },
};

const { UpdateServiceItemDraftDocument } = await import('../src/gql/graphql');
const MOUNT = { global: { plugins: [ElementPlus], stubs: { 'router-link': { template: '<a><slot /></a>' } } } };
const { default: ItemDraftEditor } = await import('../src/pages/ItemDraftEditor.vue');

// Mounting the whole editor with Element Plus takes seconds on a busy machine.
const SLOW = 30_000;

describe('ItemDraftEditor: form and decision', () => {
  beforeEach(() => {
    request.mockReset();
    push.mockReset();
  });

  it('shows the form fields and sends all four elements back', async () => {
    request.mockResolvedValueOnce(ITEM);
    request.mockResolvedValueOnce({ updateServiceItemDraft: { version: { id: 'v', number: 2 }, errors: [] } });
    const wrapper = mount(ItemDraftEditor, MOUNT);
    await flushPromises();
    const keys = wrapper.findAll('[data-test=form-fields] input[name$=".key"]').map((i) => (i.element as HTMLInputElement).value);
    expect(keys).toEqual(['unitName', 'riskClass']);
    await wrapper.find('input[name="resultLicence"]').setValue(' 社会保险登记证 ');
    await wrapper.find('input[name="aliases"]').setValue('单位社保开户， 公司交社保 ');
    await wrapper.find('[data-test=add-form-field]').trigger('click');
    await wrapper.find('input[name="formFields.2.key"]').setValue('employees');
    await wrapper.find('input[name="formFields.2.label"]').setValue('职工人数');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(request).toHaveBeenCalledTimes(2);
    const [document, variables] = request.mock.calls[1];
    expect(document).toBe(UpdateServiceItemDraftDocument);
    const content = variables.input.content;
    expect(content.resultLicence).toBe('社会保险登记证');
    // 俗称、别名 (聊易找): comma-separated in the form, a trimmed list to the server
    expect(content.aliases).toEqual(['单位社保开户', '公司交社保']);
    expect(content.reviewSteps).toEqual(['审查决定']);
    expect(content.instant).toBe(true);
    expect(content.instantRule).toEqual(CONTENT.instantRule);
    expect(content.formFields.map((f: { key: string }) => f.key)).toEqual(['unitName', 'riskClass', 'employees']);
    expect(content.formFields[1].options).toEqual(['一类', '二类']);
    expect(push).toHaveBeenCalled();
  }, SLOW);

  it('points at a bad definition without calling the server', async () => {
    request.mockResolvedValueOnce(ITEM);
    const wrapper = mount(ItemDraftEditor, MOUNT);
    await flushPromises();
    await wrapper.find('input[name="formFields.1.key"]').setValue('unitName');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(request).toHaveBeenCalledTimes(1);
    expect(wrapper.text()).toContain('表单项标识“unitName”重复');
  }, SLOW);
});
