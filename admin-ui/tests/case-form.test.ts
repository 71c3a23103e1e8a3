// The walk-in form: widgets per field type, client-side checks mirroring the server's messages and
// payload paths, the formData sent, and the applicant's identifiers (GB 11643, GB 32100).
import { describe, expect, it } from 'vitest';

import {
  type FormFieldDef, initialValues, toFormData, validCreditCode, validIdNumber, validPhone, validateApplicant, validateForm, widgetFor,
} from '../src/lib/caseForm';

const f = (over: Partial<FormFieldDef>): FormFieldDef => ({
  key: 'x', label: '项', type: 'TEXT', required: false, options: [], maxLength: null, min: null, max: null, help: '', ...over,
});

const FIELDS: FormFieldDef[] = [
  f({ key: 'placeName', label: '场所名称', required: true, maxLength: 10 }),
  f({ key: 'area', label: '营业面积', type: 'NUMBER', required: true, min: 1, max: 10000 }),
  f({ key: 'openOn', label: '开业日期', type: 'DATE' }),
  f({ key: 'kind', label: '场所类别', type: 'SELECT', required: true, options: ['宾馆', '浴室'] }),
  f({ key: 'chain', label: '是否连锁', type: 'BOOLEAN', required: true }),
  f({ key: 'remark', label: '备注', type: 'TEXTAREA' }),
  f({ key: 'contact', label: '联系电话', type: 'PHONE' }),
  f({ key: 'legalId', label: '法定代表人身份证号', type: 'ID_NUMBER' }),
  f({ key: 'credit', label: '信用代码', type: 'CREDIT_CODE' }),
];

describe('walk-in form fields', () => {
  it('renders each type with its widget and starts empty', () => {
    expect(FIELDS.map((x) => widgetFor(x.type))).toEqual(
      ['input', 'number', 'date', 'select', 'switch', 'textarea', 'input', 'input', 'input'],
    );
    expect(initialValues(FIELDS)).toEqual({
      placeName: null, area: null, openOn: null, kind: null, chain: null, remark: null, contact: null, legalId: null, credit: null,
    });
  });

  it('says what is missing, with the server messages and payload paths', () => {
    const errors = validateForm(FIELDS, initialValues(FIELDS));
    expect(errors).toEqual({
      'formData.placeName': ['请填写“场所名称”'],
      'formData.area': ['请填写“营业面积”'],
      'formData.kind': ['请选择“场所类别”'],
      'formData.chain': ['请选择“是否连锁”'],
    });
  });

  it('checks every value by its type', () => {
    const errors = validateForm(FIELDS, {
      placeName: '一二三四五六七八九十十一', area: 0, openOn: '2024-02-30', kind: '网吧', chain: false, remark: '',
      contact: '12345', legalId: '371525199001011234', credit: '91371500MA3C00000X',
    });
    expect(errors['formData.placeName']).toEqual(['“场所名称”不能超过 10 个字符']);
    expect(errors['formData.area']).toEqual(['“营业面积”不能小于 1']);
    expect(errors['formData.openOn']).toEqual(['“开业日期”不是有效日期（格式如 2024-05-01）']);
    expect(errors['formData.kind']).toEqual(['“场所类别”只能选择：宾馆、浴室']);
    expect(errors['formData.chain']).toBeUndefined();
    expect(errors['formData.contact']?.[0]).toContain('手机号码不正确');
    expect(errors['formData.legalId']?.[0]).toContain('身份证号码不正确');
    expect(errors['formData.credit']?.[0]).toContain('统一社会信用代码不正确');
  });

  it('sends declared keys only, typed, leaving out empty optional values', () => {
    const values = {
      placeName: '  水城宾馆 ', area: 120, openOn: '2024-05-01', kind: '宾馆', chain: false, remark: '',
      contact: null, legalId: '11010519491231002x', credit: null, stray: 'x',
    };
    expect(validateForm(FIELDS, values)).toEqual({});
    expect(toFormData(FIELDS, values)).toEqual({
      placeName: '水城宾馆', area: 120, openOn: '2024-05-01', kind: '宾馆', chain: false, legalId: '11010519491231002X',
    });
  });
});

describe('identifiers', () => {
  it('checks resident ID numbers (ISO 7064 MOD 11-2 and the birth date)', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('11010519491231002x')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false); // wrong check character
    expect(validIdNumber('110105194902310028')).toBe(false); // 31 February
    expect(validIdNumber('1101051949123100')).toBe(false);
  });

  it('checks unified social credit codes (GB 32100)', () => {
    expect(validCreditCode('91350100M000100Y43')).toBe(true);
    expect(validCreditCode('91350100M000100Y44')).toBe(false);
    expect(validCreditCode('91350100M000100I43')).toBe(false); // I is not in the alphabet
  });

  it('checks phones as the server does (spaces, dashes and +86 tolerated)', () => {
    expect(validPhone('138 0013 8000')).toBe(true);
    expect(validPhone('+8613800138000')).toBe(true);
    expect(validPhone('12800138000')).toBe(false);
  });

  it('keys applicant errors like the payload', () => {
    expect(validateApplicant({ idNumber: '', name: '', phone: '', enterpriseCreditCode: '' })).toEqual({
      'applicant.idNumber': ['请填写申请人身份证号码'],
    });
    expect(Object.keys(validateApplicant({ idNumber: '110105194912310021', name: '孙丽', phone: '1380013', enterpriseCreditCode: 'X' }))).toEqual([
      'applicant.idNumber', 'applicant.phone', 'applicant.enterpriseCreditCode',
    ]);
    expect(validateApplicant({ idNumber: '11010519491231002X', name: '孙丽', phone: '13800138000', enterpriseCreditCode: '91350100M000100Y43' })).toEqual({});
  });
});
