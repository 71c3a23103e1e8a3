// The pull log page's URL filters (基础库调用日志) and the personal form-field types (姓名, 地址) the
// walk-in form checks like single-line text.
import { describe, expect, it } from 'vitest';

import { type FormFieldDef, validateForm, widgetFor } from '../src/lib/caseForm';
import { toQuery } from '../src/lib/filters';
import { FORM_FIELD_TYPES } from '../src/lib/labels';
import { parsePullFilters, PULL_SPEC, pullFilterInput, SHARED_BASES } from '../src/lib/shareddata';

describe('the pull log filters', () => {
  it('keeps only known bases and found values from the URL, trimmed', () => {
    expect(parsePullFilters({ base: 'POPULATION', found: 'no', number: ' 371500-20261207-00001 ' })).toEqual({
      base: 'POPULATION', found: 'no', number: '371500-20261207-00001',
    });
    expect(parsePullFilters({ base: 'SOCIAL', found: 'maybe', number: '' })).toEqual({
      base: undefined, found: undefined, number: undefined,
    });
  });

  it('gives the query its filter input and the URL its short query', () => {
    expect(pullFilterInput({ base: 'CREDIT', found: 'yes', number: '371500-20261207-00001' })).toEqual({
      base: 'CREDIT', found: true, caseNumber: '371500-20261207-00001',
    });
    expect(pullFilterInput({ found: 'no' })).toEqual({ base: null, found: false, caseNumber: null });
    expect(pullFilterInput({})).toEqual({ base: null, found: null, caseNumber: null });
    expect(toQuery({ base: 'ELICENCE', found: undefined, number: undefined }, PULL_SPEC)).toEqual({ base: 'ELICENCE' });
    expect(Object.values(SHARED_BASES)).toEqual(['人口库', '法人库', '电子证照库', '信用库']);
  });
});

describe('personal form-field types', () => {
  const f = (over: Partial<FormFieldDef>): FormFieldDef => ({
    key: 'x', label: '项', type: 'TEXT', required: false, options: [], maxLength: null, min: null, max: null, help: '', ...over,
  });

  it('are single-line text with their own default length', () => {
    const fields = [f({ key: 'who', label: '录用人员姓名', type: 'PERSON_NAME', required: true }),
      f({ key: 'where', label: '户籍地址', type: 'ADDRESS' })];
    expect(fields.map((x) => widgetFor(x.type))).toEqual(['input', 'input']);
    expect(validateForm(fields, { who: '', where: null })).toEqual({ 'formData.who': ['请填写“录用人员姓名”'] });
    expect(validateForm(fields, { who: '欧阳'.repeat(17), where: '聊城市\n东昌府区' })).toEqual({
      'formData.who': ['“录用人员姓名”不能超过 32 个字符'], 'formData.where': ['“户籍地址”不能换行'],
    });
    expect(FORM_FIELD_TYPES.PERSON_NAME).toBe('姓名');
    expect(FORM_FIELD_TYPES.ADDRESS).toBe('地址');
  });
});
