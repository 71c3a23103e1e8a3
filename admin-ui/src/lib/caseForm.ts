// Filling an item's application form at the window: which widget each field type gets, the
// starting value, and a check that mirrors server/domain/catalog/forms.py validate_form (same
// messages, errors keyed "formData.<key>" like the payload's), so the clerk sees a mistake next to
// the field before submitting. The server stays the authority. Also the identifiers of GB 11643
// (resident ID number) and GB 32100 (unified social credit code), checked as the server does.
import type { FormFieldType, WalkInApplicantInput } from '../gql/graphql';
import type { FieldErrors } from './graphql';
import { isIsoDate } from './time';

export interface FormFieldDef {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options: readonly string[];
  maxLength: number | null;
  min: number | null;
  max: number | null;
  help: string;
}

export type FormValue = string | number | boolean | null;
export type FormValues = Record<string, FormValue>;

export type Widget = 'input' | 'textarea' | 'number' | 'date' | 'select' | 'switch';

export function widgetFor(type: FormFieldType): Widget {
  switch (type) {
    case 'TEXTAREA': return 'textarea';
    case 'NUMBER': return 'number';
    case 'DATE': return 'date';
    case 'SELECT': return 'select';
    case 'BOOLEAN': return 'switch';
    default: return 'input';
  }
}

const DEFAULT_MAX_LENGTH: Partial<Record<FormFieldType, number>> = { TEXT: 200, TEXTAREA: 2000, PERSON_NAME: 32, ADDRESS: 200 };

export function maxLengthOf(field: FormFieldDef): number | undefined {
  return field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
}

/** Starting values: empty everywhere (a boolean starts unanswered: null, not false). */
export function initialValues(fields: readonly FormFieldDef[]): FormValues {
  return Object.fromEntries(fields.map((f) => [f.key, null]));
}

function empty(value: FormValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: 17 digits and a check character (ISO 7064 MOD 11-2), with a real birth date. */
export function validIdNumber(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || y < 1900) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100: 18 characters over 31 symbols, the last one a check character (31 − Σ mod 31). */
export function validCreditCode(raw: string): boolean {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18 || [...code].some((c) => !USCC_CHARS.includes(c))) return false;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(code[i]), 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}

/** A mainland mobile number; spaces, dashes and a +86 prefix are tolerated (as the server does). */
export function validPhone(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(raw.replace(/[\s-]/g, '').replace(/^\+86/, ''));
}

/** The problems of the values, keyed "formData.<key>", with the server's messages. */
export function validateForm(fields: readonly FormFieldDef[], values: FormValues): FieldErrors {
  const out: FieldErrors = {};
  const bad = (key: string, message: string) => { (out[`formData.${key}`] ??= []).push(message); };
  for (const f of fields) {
    const value = values[f.key];
    if (empty(value)) {
      if (f.required) bad(f.key, f.type === 'SELECT' || f.type === 'BOOLEAN' ? `请选择“${f.label}”` : `请填写“${f.label}”`);
      continue;
    }
    switch (f.type) {
      case 'TEXT':
      case 'PERSON_NAME':
      case 'ADDRESS':
      case 'TEXTAREA': {
        const text = String(value).trim();
        const limit = maxLengthOf(f)!;
        if (f.type !== 'TEXTAREA' && /[\r\n]/.test(text)) bad(f.key, `“${f.label}”不能换行`);
        else if (text.length > limit) bad(f.key, `“${f.label}”不能超过 ${limit} 个字符`);
        break;
      }
      case 'NUMBER': {
        const n = typeof value === 'number' ? value : Number(String(value).trim());
        if (!Number.isFinite(n)) bad(f.key, `“${f.label}”须为数字`);
        else if (f.min !== null && n < f.min) bad(f.key, `“${f.label}”不能小于 ${f.min}`);
        else if (f.max !== null && n > f.max) bad(f.key, `“${f.label}”不能大于 ${f.max}`);
        break;
      }
      case 'DATE': {
        if (!isIsoDate(String(value))) {
          bad(f.key, `“${f.label}”不是有效日期（格式如 2024-05-01）`);
        }
        break;
      }
      case 'SELECT':
        if (!f.options.includes(String(value))) bad(f.key, `“${f.label}”只能选择：${f.options.join('、')}`);
        break;
      case 'BOOLEAN':
        if (typeof value !== 'boolean') bad(f.key, `“${f.label}”只能选择是或否`);
        break;
      case 'ID_NUMBER':
        if (!validIdNumber(String(value))) bad(f.key, `“${f.label}”有误：身份证号码不正确`);
        break;
      case 'PHONE':
        if (!validPhone(String(value))) bad(f.key, `“${f.label}”有误：手机号码不正确`);
        break;
      case 'CREDIT_CODE':
        if (!validCreditCode(String(value))) bad(f.key, `“${f.label}”有误：统一社会信用代码不正确`);
        break;
    }
  }
  return out;
}

/** The formData to send: declared keys only, empty optional fields left out, text trimmed. */
export function toFormData(fields: readonly FormFieldDef[], values: FormValues): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const f of fields) {
    const value = values[f.key];
    if (empty(value)) continue;
    if (f.type === 'NUMBER') out[f.key] = typeof value === 'number' ? value : Number(String(value).trim());
    else if (f.type === 'BOOLEAN') out[f.key] = value as boolean;
    else if (f.type === 'ID_NUMBER' || f.type === 'CREDIT_CODE') out[f.key] = String(value).trim().toUpperCase();
    else out[f.key] = f.type === 'TEXTAREA' ? String(value).replace(/^[\n ]+|[\n ]+$/g, '') : String(value).trim();
  }
  return out;
}

/** The person at the counter, as the clerk types them (WalkInApplicantInput). */
export interface FutureEnterprise {
  name: string;
  kind: string;
  address: string;
}

export interface CounterPerson {
  idNumber: string;
  name: string;
  phone: string;
  enterpriseCreditCode: string;
  /** 设立登记 (the item founds an enterprise): the enterprise to be, when no credit code is given. */
  futureEnterprise?: FutureEnterprise;
}

/** The enterprise types a 设立登记 at the window takes (server: window.ENTERPRISE_KINDS). */
export const ENTERPRISE_KINDS = ['个人独资企业', '个体工商户', '合伙企业', '有限责任公司', '股份有限公司', '农民专业合作社'];

/** The walk-in applicant: ID number always; name and phone when the person is new (the server
 * says so); the enterprise credit code when acting for an enterprise. Errors keyed like the
 * payload's ("applicant.idNumber" …). */
export function validateApplicant(a: CounterPerson): FieldErrors {
  const out: FieldErrors = {};
  if (!a.idNumber.trim()) out['applicant.idNumber'] = ['请填写申请人身份证号码'];
  else if (!validIdNumber(a.idNumber)) out['applicant.idNumber'] = ['身份证号码不正确（请核对校验位和出生日期）'];
  if (a.phone.trim() && !validPhone(a.phone)) out['applicant.phone'] = ['手机号码应为 11 位、以 1 开头'];
  if (a.enterpriseCreditCode.trim() && !validCreditCode(a.enterpriseCreditCode)) {
    out['applicant.enterpriseCreditCode'] = ['统一社会信用代码不正确（请核对校验位）'];
  }
  return out;
}

/** The applicant as the walk-in mutations take it: trimmed, ID number and credit code upper case. */
export function walkInApplicant(a: CounterPerson): WalkInApplicantInput {
  return {
    idNumber: a.idNumber.trim().toUpperCase(), name: a.name.trim(), phone: a.phone.trim(),
    enterpriseCreditCode: a.enterpriseCreditCode.trim().toUpperCase() || null,
    futureEnterprise: a.futureEnterprise && !a.enterpriseCreditCode.trim()
      ? { name: a.futureEnterprise.name.trim(), kind: a.futureEnterprise.kind, address: a.futureEnterprise.address.trim() }
      : null,
  };
}
