// Editing the application form of an item version: the rows of the draft editor's table, their
// conversion to FormFieldInput, and a check that mirrors server/domain/catalog/forms.py
// validate_definitions (same rules, same messages, same "formFields.<i>.<attr>" paths), so the
// editor can point at a mistake before saving. The server stays the authority.
import type { FormFieldInput, FormFieldType } from '../gql/graphql';
import type { FieldErrors } from './graphql';

export const KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,31}$/;
export const LABEL_MAX = 32;
export const HELP_MAX = 200;
export const OPTION_MAX = 64;
export const MAX_OPTIONS = 50;
export const MAX_FORM_FIELDS = 50;
export const MAX_REVIEW_STEPS = 6;
export const MAX_LENGTH_CAP: Partial<Record<FormFieldType, number>> = { TEXT: 500, TEXTAREA: 10000 };

/** One row of the editor's table: options as one comma-separated text, numbers possibly empty. */
export interface FormFieldRow {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options: string;
  maxLength: number | null;
  min: number | null;
  max: number | null;
  help: string;
}

export function emptyRow(): FormFieldRow {
  return { key: '', label: '', type: 'TEXT', required: false, options: '', maxLength: null, min: null, max: null, help: '' };
}

export function splitOptions(text: string): string[] {
  return text.split(/[,，、\n]/).map((o) => o.trim()).filter((o) => o !== '');
}

export function toRow(f: { key: string; label: string; type: FormFieldType; required: boolean; options: readonly string[];
  maxLength: number | null; min: number | null; max: number | null; help: string }): FormFieldRow {
  return {
    key: f.key, label: f.label, type: f.type, required: f.required, options: f.options.join('，'),
    maxLength: f.maxLength, min: f.min, max: f.max, help: f.help,
  };
}

/** The input the server takes: options only for a select, bounds only where they apply. */
export function toInput(row: FormFieldRow): FormFieldInput {
  const input: FormFieldInput = {
    key: row.key.trim(), label: row.label.trim(), type: row.type, required: row.required, help: row.help.trim(),
    options: row.type === 'SELECT' ? splitOptions(row.options) : [],
  };
  if (row.type === 'TEXT' || row.type === 'TEXTAREA' || row.type === 'PERSON_NAME' || row.type === 'ADDRESS') input.maxLength = row.maxLength ?? null;
  if (row.type === 'NUMBER') {
    input.min = row.min ?? null;
    input.max = row.max ?? null;
  }
  return input;
}

/** Every problem of the rows, keyed like payload errors after "content." is stripped. */
export function validateDefinitions(rows: readonly FormFieldRow[]): FieldErrors {
  const out: FieldErrors = {};
  const bad = (path: string, message: string) => { (out[path] ??= []).push(message); };
  if (rows.length > MAX_FORM_FIELDS) bad('formFields', `表单项最多 ${MAX_FORM_FIELDS} 个`);
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const at = (attr: string) => `formFields.${i}.${attr}`;
    let name = `第 ${i + 1} 个表单项`;
    const key = row.key.trim();
    const label = row.label.trim();
    if (!KEY_PATTERN.test(key)) {
      bad(at('key'), `${name}的标识应以小写字母开头，只含字母、数字和下划线，不超过 32 个字符`);
    } else if (seen.has(key)) {
      bad(at('key'), `表单项标识“${key}”重复`);
    } else {
      seen.add(key);
    }
    if (!label) bad(at('label'), `${name}的名称不能为空`);
    else if (label.length > LABEL_MAX) bad(at('label'), `${name}的名称不能超过 ${LABEL_MAX} 个字符`);
    else name = `表单项“${label}”`;
    const options = row.type === 'SELECT' ? splitOptions(row.options) : [];
    if (row.type === 'SELECT') {
      if (options.length === 0) bad(at('options'), `${name}是单选项，至少需要一个选项`);
      else if (options.length > MAX_OPTIONS) bad(at('options'), `${name}的选项最多 ${MAX_OPTIONS} 个`);
      if (options.some((o) => o.length > OPTION_MAX)) bad(at('options'), `${name}的选项不能超过 ${OPTION_MAX} 个字符`);
      if (new Set(options).size !== options.length) bad(at('options'), `${name}的选项有重复`);
    }
    const cap = MAX_LENGTH_CAP[row.type];
    if (cap !== undefined && row.maxLength !== null && row.maxLength !== undefined
        && (!Number.isInteger(row.maxLength) || row.maxLength < 1 || row.maxLength > cap)) {
      bad(at('maxLength'), `${name}的最大长度应在 1 到 ${cap} 之间`);
    }
    if (row.type === 'NUMBER' && row.min !== null && row.max !== null && row.min > row.max) {
      bad(at('min'), `${name}的最小值不能大于最大值`);
    }
    if (row.help.length > HELP_MAX) bad(at('help'), `${name}的填写说明不能超过 ${HELP_MAX} 个字符`);
  });
  return out;
}

/** Review steps: at most six, each named, at most 32 characters, no repeats (server: content.py). */
export function validateReviewSteps(steps: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  const bad = (path: string, message: string) => { (out[path] ??= []).push(message); };
  if (steps.length > MAX_REVIEW_STEPS) bad('reviewSteps', `审查环节最多 ${MAX_REVIEW_STEPS} 个`);
  const seen = new Set<string>();
  steps.forEach((raw, i) => {
    const step = raw.trim();
    if (!step) bad(`reviewSteps.${i}`, `第 ${i + 1} 个审查环节的名称不能为空`);
    else if (step.length > 32) bad(`reviewSteps.${i}`, `审查环节“${step.slice(0, 32)}…”的名称不能超过 32 个字符`);
    else if (seen.has(step)) bad(`reviewSteps.${i}`, `审查环节“${step}”重复`);
    else seen.add(step);
  });
  return out;
}
