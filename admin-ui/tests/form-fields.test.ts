// The draft editor's form-field rows: conversion to the GraphQL input and the definition check that
// mirrors the server's (server/domain/catalog/forms.py validate_definitions; same messages and paths).
import { describe, expect, it } from 'vitest';

import { emptyRow, type FormFieldRow, splitOptions, toInput, toRow, validateDefinitions, validateReviewSteps } from '../src/lib/formFields';

const row = (over: Partial<FormFieldRow>): FormFieldRow => ({ ...emptyRow(), ...over });

describe('form field rows', () => {
  it('round-trip from the graph and keep only the attributes a type takes', () => {
    const graph = {
      key: 'enterpriseType', label: '企业类型', type: 'SELECT' as const, required: false,
      options: ['有限责任公司', '股份有限公司'], maxLength: null, min: null, max: null, help: '',
    };
    const r = toRow(graph);
    expect(r.options).toBe('有限责任公司，股份有限公司');
    expect(toInput(r)).toEqual({
      key: 'enterpriseType', label: '企业类型', type: 'SELECT', required: false, help: '', options: ['有限责任公司', '股份有限公司'],
    });
    // options typed on a text field and bounds on a select are not sent
    expect(toInput(row({ key: ' name ', label: ' 名称 ', options: '甲,乙', min: 1, maxLength: 64 }))).toEqual({
      key: 'name', label: '名称', type: 'TEXT', required: false, help: '', options: [], maxLength: 64,
    });
    expect(toInput(row({ key: 'capital', label: '注册资本', type: 'NUMBER', min: 0, maxLength: 5 }))).toEqual({
      key: 'capital', label: '注册资本', type: 'NUMBER', required: false, help: '', options: [], min: 0, max: null,
    });
  });

  it('split options on Chinese and ASCII separators, dropping empty ones', () => {
    expect(splitOptions(' 甲，乙, 丙、丁\n戊，，')).toEqual(['甲', '乙', '丙', '丁', '戊']);
  });
});

describe('definition check (mirrors the server)', () => {
  it('accepts a good form', () => {
    expect(validateDefinitions([
      row({ key: 'enterpriseName', label: '企业名称', required: true, maxLength: 64 }),
      row({ key: 'capital', label: '注册资本（万元）', type: 'NUMBER', min: 0 }),
      row({ key: 'kind', label: '企业类型', type: 'SELECT', options: '有限责任公司，股份有限公司' }),
    ])).toEqual({});
  });

  it('reports every problem at the path the server would use', () => {
    const errors = validateDefinitions([
      row({ key: 'Name', label: '名称' }),
      row({ key: 'scope', label: '' }),
      row({ key: 'scope', label: '经营范围', type: 'TEXTAREA', maxLength: 20000 }),
      row({ key: 'kind', label: '类型', type: 'SELECT', options: '甲，甲' }),
      row({ key: 'count', label: '人数', type: 'NUMBER', min: 10, max: 1 }),
      row({ key: 'none', label: '空选项', type: 'SELECT', options: ' ， ' }),
      row({ key: 'long', label: '说明', help: '长'.repeat(201) }),
    ]);
    expect(errors).toEqual({
      'formFields.0.key': ['第 1 个表单项的标识应以小写字母开头，只含字母、数字和下划线，不超过 32 个字符'],
      'formFields.1.label': ['第 2 个表单项的名称不能为空'],
      'formFields.2.key': ['表单项标识“scope”重复'],
      'formFields.2.maxLength': ['表单项“经营范围”的最大长度应在 1 到 10000 之间'],
      'formFields.3.options': ['表单项“类型”的选项有重复'],
      'formFields.4.min': ['表单项“人数”的最小值不能大于最大值'],
      'formFields.5.options': ['表单项“空选项”是单选项，至少需要一个选项'],
      'formFields.6.help': ['表单项“说明”的填写说明不能超过 200 个字符'],
    });
  });

  it('limits the number of fields', () => {
    const many = Array.from({ length: 51 }, (_, i) => row({ key: `f${i}`, label: `项${i}` }));
    expect(validateDefinitions(many)).toEqual({ formFields: ['表单项最多 50 个'] });
  });

  it('checks review steps like the server', () => {
    expect(validateReviewSteps(['审查', '核准'])).toEqual({});
    expect(validateReviewSteps(['一', ' ', '一', '二', '三', '四', '七'.repeat(33)])).toEqual({
      reviewSteps: ['审查环节最多 6 个'],
      'reviewSteps.1': ['第 2 个审查环节的名称不能为空'],
      'reviewSteps.2': ['审查环节“一”重复'],
      'reviewSteps.6': [`审查环节“${'七'.repeat(32)}…”的名称不能超过 32 个字符`],
    });
  });
});
