// The city's synonym list of 聊易找 (src/pages/SearchSynonyms.vue): rows as the server holds them, a new
// term saved with its words split and trimmed and tried out at once, the server's errors shown at the field.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const request = vi.fn();
vi.mock('../src/lib/session', () => ({ client: { request: (...args: unknown[]) => request(...args) } }));

const { SearchSynonymsDocument, SetSearchSynonymDocument, SearchPreviewDocument } = await import('../src/gql/graphql');
const { default: SearchSynonyms } = await import('../src/pages/SearchSynonyms.vue');
const MOUNT = { global: { plugins: [ElementPlus] }, attachTo: document.body };
const LIST = { searchSynonyms: [{ term: '丢了', words: ['补领', '遗失'], note: '证件遗失' }] };
const SLOW = 30_000;

describe('SearchSynonyms', () => {
  beforeEach(() => {
    request.mockReset();
    document.body.innerHTML = '';
  });

  it('lists the terms and saves a new one with its words split', async () => {
    request.mockResolvedValueOnce(LIST);
    const wrapper = mount(SearchSynonyms, MOUNT);
    await flushPromises();
    expect(request.mock.calls[0][0]).toBe(SearchSynonymsDocument);
    expect(wrapper.find('[data-test=synonyms]').text()).toContain('丢了');
    expect(wrapper.find('[data-test=synonyms]').text()).toContain('遗失');
    await wrapper.find('[data-test=add-synonym]').trigger('click');
    await flushPromises();
    (document.querySelector('[data-test=term] input, input[data-test=term]') as HTMLInputElement).value = ' 房本 ';
    document.querySelector('[data-test=term] input, input[data-test=term]')!.dispatchEvent(new Event('input'));
    (document.querySelector('[data-test=words] input, input[data-test=words]') as HTMLInputElement).value = '不动产权证， 房产证 ';
    document.querySelector('[data-test=words] input, input[data-test=words]')!.dispatchEvent(new Event('input'));
    request.mockResolvedValueOnce({ setSearchSynonym: { synonym: { term: '房本', words: ['不动产权证', '房产证'], note: '' }, errors: [] } });
    request.mockResolvedValueOnce(LIST);
    request.mockResolvedValueOnce({ findServices: { totalCount: 1, words: ['房本'], didYouMean: null, hits: [] } });
    (document.querySelector('[data-test=save-synonym]') as HTMLElement).click();
    await flushPromises();
    const save = request.mock.calls.find((c) => c[0] === SetSearchSynonymDocument);
    expect(save?.[1]).toEqual({ input: { term: '房本', words: ['不动产权证', '房产证'], note: '' } });
    // after saving, the page tries the term out
    expect(request.mock.calls.some((c) => c[0] === SearchPreviewDocument && c[1].text === '房本')).toBe(true);

    // a refusal is shown at its field, and the dialog stays open
    await wrapper.find('[data-test=add-synonym]').trigger('click');
    await flushPromises();
    request.mockResolvedValueOnce({ setSearchSynonym: { synonym: null, errors: [{ field: ['words'], message: '请至少填写一个同义词', code: 'INVALID' }] } });
    (document.querySelector('[data-test=save-synonym]') as HTMLElement).click();
    await flushPromises();
    expect(document.querySelector('[data-test=synonym-errors]')?.textContent).toContain('请至少填写一个同义词');
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('新增同义词');
    wrapper.unmount();
  }, SLOW);

});
