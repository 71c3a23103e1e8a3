// The theme editor's and the menu editor's logic, as pure functions over plain data: a theme as the
// editor holds it (ThemeDraft) from the graph's content and back into ThemeContentInput; conditions
// (情形引导: which answers select which items and situations) as flat clause lists; the effects of
// every answer; the counts of a bundle against its items one by one; the service menu's entries.
// The pages (src/pages/themes/) only bind these to Element Plus. tests/themes.test.ts covers them.
import type {
  Audience,
  BudgetUnit,
  LifeStage,
  QuestionKind,
  ServiceMenuEntryInput,
  ThemeConditionInput,
  ThemeContentInput,
  ThemeContentPartsFragment,
  ThemeStatus,
} from '../gql/graphql';
import type { FieldErrors } from './graphql';

// ---------------------------------------------------------------------------------------------
// vocabularies the editor needs beyond the labels (src/lib/labels.ts)

/** The life stages of each audience (高效办成一件事: six for enterprises, ten for people). */
export const LIFE_STAGES_OF: Record<Audience, LifeStage[]> = {
  ENTERPRISE: ['ENTRY', 'HIRING', 'TAX', 'OPERATION', 'CONSTRUCTION', 'EXIT'],
  PERSON: ['BIRTH', 'EDUCATION', 'EMPLOYMENT', 'LIVING', 'HOUSING', 'TRAVEL', 'MEDICAL', 'ASSISTANCE', 'ELDERLY', 'AFTER_DEATH'],
};

/** The domain's limits (server/domain/themes/rules.py), checked again by the server. */
export const LIMITS = { stages: 6, items: 30, questions: 6, options: 8, paths: 4096 } as const;

const KEY = /^[a-z][a-z0-9_-]{0,31}$/;
const THEME_CODE = /^[a-z][a-z0-9-]{1,47}$/;

// ---------------------------------------------------------------------------------------------
// conditions

/** A condition as the graph answers it (ThemeCondition, nested at most four levels). */
export interface GraphCondition {
  question?: string | null;
  in?: readonly string[] | null;
  all?: readonly GraphCondition[] | null;
  any?: readonly GraphCondition[] | null;
}

/** One clause: the answer to `question` is one of `values`. */
export interface Clause {
  question: string;
  values: string[];
}

/** A condition in the editor: clauses that must all hold (全部满足) or any one (任一满足); none
 * means always. A nested condition the clauses cannot show (all of any of …) is kept whole in
 * `raw`, described, and sent back as it was unless the admin clears it. */
export interface ConditionDraft {
  mode: 'all' | 'any';
  clauses: Clause[];
  raw: ThemeConditionInput | null;
}

export function emptyCondition(): ConditionDraft {
  return { mode: 'all', clauses: [], raw: null };
}

function isLeaf(c: GraphCondition): boolean {
  return c.question != null && c.all == null && c.any == null;
}

function treeToInput(c: GraphCondition): ThemeConditionInput {
  if (c.all) return { all: c.all.map(treeToInput) };
  if (c.any) return { any: c.any.map(treeToInput) };
  return { question: c.question ?? '', in: [...(c.in ?? [])] };
}

export function conditionFromGraph(c: GraphCondition | null | undefined): ConditionDraft {
  if (!c) return emptyCondition();
  if (isLeaf(c)) return { mode: 'all', clauses: [{ question: c.question ?? '', values: [...(c.in ?? [])] }], raw: null };
  const mode = c.all ? 'all' : 'any';
  const parts = (c.all ?? c.any ?? []) as readonly GraphCondition[];
  if (parts.every(isLeaf)) {
    return { mode, clauses: parts.map((p) => ({ question: p.question ?? '', values: [...(p.in ?? [])] })), raw: null };
  }
  return { mode, clauses: [], raw: treeToInput(c) };
}

/** The condition to send: null for always; one clause as a leaf; several under all / any. A
 * clause without a question is left out; one without values is sent (the server names it). */
export function conditionToInput(d: ConditionDraft): ThemeConditionInput | null {
  if (d.raw) return d.raw;
  const leaves = d.clauses.filter((c) => c.question).map((c) => ({ question: c.question, in: [...c.values] }));
  if (leaves.length === 0) return null;
  if (leaves.length === 1) return leaves[0];
  return d.mode === 'all' ? { all: leaves } : { any: leaves };
}

export function isAlways(d: ConditionDraft): boolean {
  return !d.raw && !d.clauses.some((c) => c.question);
}

function questionText(questions: readonly QuestionDraft[], key: string): string {
  const q = questions.find((x) => x.key === key);
  return q ? q.text || q.key : key;
}

export function optionLabel(questions: readonly QuestionDraft[], key: string, value: string): string {
  return questions.find((x) => x.key === key)?.options.find((o) => o.value === value)?.label || value;
}

function describeLeaf(questions: readonly QuestionDraft[], question: string, values: readonly string[]): string {
  const labels = values.map((v) => optionLabel(questions, question, v)).join('或');
  return `${questionText(questions, question)}：${labels || '（未选回答）'}`;
}

function describeTree(questions: readonly QuestionDraft[], c: ThemeConditionInput): string {
  if (c.all) return `（${c.all.map((x) => describeTree(questions, x)).join('，并且')}）`;
  if (c.any) return `（${c.any.map((x) => describeTree(questions, x)).join('，或者')}）`;
  return describeLeaf(questions, c.question ?? '', c.in ?? []);
}

/** “是否参加失业保险满一年：是，并且…” — a condition as the admin reads it. */
export function describeCondition(d: ConditionDraft, questions: readonly QuestionDraft[]): string {
  if (d.raw) return describeTree(questions, d.raw);
  const clauses = d.clauses.filter((c) => c.question);
  if (!clauses.length) return '总是适用';
  return clauses.map((c) => describeLeaf(questions, c.question, c.values)).join(d.mode === 'all' ? '，并且' : '，或者');
}

/** Every (question, value) the condition names, as "question=value". */
export function mentioned(d: ConditionDraft): Set<string> {
  const out = new Set<string>();
  const walk = (c: ThemeConditionInput) => {
    c.all?.forEach(walk);
    c.any?.forEach(walk);
    if (c.question) for (const v of c.in ?? []) out.add(`${c.question}=${v}`);
  };
  if (d.raw) walk(d.raw);
  for (const c of d.clauses) for (const v of c.values) if (c.question) out.add(`${c.question}=${v}`);
  return out;
}

/** Clauses naming a question or answer that no longer exists are dropped (a question removed, an
 * option renamed); a kept raw condition is left for the server to judge. */
export function pruneCondition(d: ConditionDraft, questions: readonly QuestionDraft[]): ConditionDraft {
  const clauses = d.clauses
    .filter((c) => !c.question || questions.some((q) => q.key === c.question))
    .map((c) => {
      const options = questions.find((q) => q.key === c.question)?.options.map((o) => o.value);
      return options ? { ...c, values: c.values.filter((v) => options.includes(v)) } : c;
    });
  return { ...d, clauses };
}

// ---------------------------------------------------------------------------------------------
// questions

export interface OptionDraft {
  value: string;
  label: string;
}

export interface QuestionDraft {
  key: string;
  text: string;
  kind: QuestionKind;
  options: OptionDraft[];
  help: string;
}

export const YES_NO_OPTIONS: readonly OptionDraft[] = [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }];

/** A key not yet used: prefix1, prefix2 … */
export function nextKey(prefix: string, used: Iterable<string>): string {
  const taken = new Set(used);
  for (let n = 1; ; n += 1) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newQuestion(kind: QuestionKind, used: Iterable<string>): QuestionDraft {
  return {
    key: nextKey('q', used), text: '', kind, help: '',
    options: kind === 'YES_NO' ? YES_NO_OPTIONS.map((o) => ({ ...o })) : [{ value: 'a', label: '' }, { value: 'b', label: '' }],
  };
}

/** Switching a question's kind: a yes/no question has exactly yes and no. */
export function withKind(q: QuestionDraft, kind: QuestionKind): QuestionDraft {
  if (kind === q.kind) return q;
  if (kind === 'YES_NO') return { ...q, kind, options: YES_NO_OPTIONS.map((o) => ({ ...o })) };
  return { ...q, kind, options: q.options.map((o) => ({ ...o })) };
}

/** Every condition of the theme (items' and situations'), to update them together. */
export function everyCondition(d: ThemeDraft): ConditionDraft[] {
  return d.stages.flatMap((s) => s.items.flatMap((i) => [i.when, ...i.situations.map((x) => x.when)]));
}

/** A question's key changed: the clauses naming it follow (conditions kept whole are left to the server). */
export function renameQuestionKey(d: ThemeDraft, from: string, to: string): void {
  if (!from || from === to) return;
  for (const c of everyCondition(d)) for (const clause of c.clauses) if (clause.question === from) clause.question = to;
}

/** A choice option's value changed: the clauses naming it follow. */
export function renameOptionValue(d: ThemeDraft, question: string, from: string, to: string): void {
  if (from === to) return;
  for (const c of everyCondition(d)) {
    for (const clause of c.clauses) {
      if (clause.question === question) clause.values = clause.values.map((v) => (v === from ? to : v));
    }
  }
}

/** A question was removed, or its options changed: clauses naming what is gone are dropped. */
export function pruneConditions(d: ThemeDraft): void {
  d.stages.forEach((s) => s.items.forEach((i) => {
    i.when = pruneCondition(i.when, d.questions);
    i.situations.forEach((x) => { x.when = pruneCondition(x.when, d.questions); });
  }));
}

/** How many combinations of answers the questionnaire has (each is checked at save and previewed). */
export function pathCount(questions: readonly QuestionDraft[]): number {
  return questions.reduce((n, q) => n * Math.max(q.options.length, 1), 1);
}

// ---------------------------------------------------------------------------------------------
// stages and items

export interface SituationDraft {
  name: string;
  when: ConditionDraft;
}

export interface ItemDraft {
  key: string;
  basicCode: string;
  department: string;
  /** For display: the catalogue item's name, its department, its own situations. */
  name: string;
  departmentName: string;
  ownSituations: string[];
  situations: SituationDraft[];
  when: ConditionDraft;
  dependsOn: string[];
  note: string;
}

export interface StageDraft {
  key: string;
  name: string;
  leadDepartment: string;
  items: ItemDraft[];
}

/** What the item search answers (ThemeItemSearch). */
export interface CatalogueItem {
  name: string;
  basicCode: string;
  departmentCode: string;
  department: { name: string };
  situations: readonly { name: string }[];
}

export function allItemKeys(stages: readonly StageDraft[]): string[] {
  return stages.flatMap((s) => s.items.map((i) => i.key));
}

export function newStage(used: Iterable<string>): StageDraft {
  return { key: nextKey('stage', used), name: '', leadDepartment: '', items: [] };
}

/** A catalogue item as a new stage item: an item with one situation needs none named; one with
 * several waits for the admin to tick those that apply. */
export function itemFromCatalogue(item: CatalogueItem, stages: readonly StageDraft[]): ItemDraft {
  return {
    key: nextKey('item', allItemKeys(stages)), basicCode: item.basicCode, department: item.departmentCode,
    name: item.name, departmentName: item.department.name, ownSituations: item.situations.map((s) => s.name),
    situations: [], when: emptyCondition(), dependsOn: [], note: '',
  };
}

/** Whether an item names the situations it needs (an item with several must name at least one). */
export function needsSituation(item: ItemDraft): boolean {
  return item.ownSituations.length > 1 && item.situations.length === 0;
}

/** Tick or untick one of the item's own situations (kept in the item's order). */
export function toggleSituation(item: ItemDraft, name: string, on: boolean): SituationDraft[] {
  const current = new Map(item.situations.map((s) => [s.name, s]));
  if (on && !current.has(name)) current.set(name, { name, when: emptyCondition() });
  if (!on) current.delete(name);
  const order = [...item.ownSituations, ...item.situations.map((s) => s.name).filter((n) => !item.ownSituations.includes(n))];
  return order.filter((n) => current.has(n)).map((n) => current.get(n)!);
}

/** Items before stage s, item i (what it may wait for: 须先办结). */
export function earlierItems(stages: readonly StageDraft[], s: number, i: number): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  stages.forEach((stage, si) => stage.items.forEach((item, ii) => {
    if (si < s || (si === s && ii < i)) out.push({ key: item.key, label: item.name || item.key });
  }));
  return out;
}

/** Moves list[i] by `by` places; false when it would leave the list. */
export function move<T>(list: T[], i: number, by: number): boolean {
  const j = i + by;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return false;
  const [x] = list.splice(i, 1);
  list.splice(j, 0, x);
  return true;
}

// ---------------------------------------------------------------------------------------------
// the whole theme

export interface FaqDraft {
  question: string;
  answer: string;
}

export interface ThemeDraft {
  code: string;
  name: string;
  audience: Audience;
  lifeStage: LifeStage;
  foundsEntity: boolean;
  leadDepartment: string;
  cooperatingDepartments: string[];
  budgetValue: number;
  budgetUnit: BudgetUnit;
  maxVisits: number;
  /** Comma-separated, as typed. */
  keywords: string;
  summary: string;
  conditions: string;
  /** One step or note a line, as typed. */
  process: string;
  notes: string;
  faq: FaqDraft[];
  basis: string;
  questions: QuestionDraft[];
  stages: StageDraft[];
  changeNote: string;
}

export function emptyTheme(): ThemeDraft {
  return {
    code: '', name: '', audience: 'PERSON', lifeStage: 'BIRTH', foundsEntity: false, leadDepartment: '',
    cooperatingDepartments: [], budgetValue: 5, budgetUnit: 'WORKING_DAY', maxVisits: 1, keywords: '',
    summary: '', conditions: '', process: '', notes: '', faq: [], basis: '', questions: [],
    stages: [newStage([])], changeNote: '',
  };
}

export function themeFromGraph(c: ThemeContentPartsFragment, code: string, changeNote = ''): ThemeDraft {
  return {
    code, name: c.name, audience: c.audience, lifeStage: c.lifeStage, foundsEntity: c.foundsEntity,
    leadDepartment: c.leadDepartmentCode, cooperatingDepartments: [...c.cooperatingDepartmentCodes],
    budgetValue: c.budget.value, budgetUnit: c.budget.unit, maxVisits: c.maxVisits, keywords: c.keywords.join('，'),
    summary: c.guide.summary, conditions: c.guide.conditions, process: c.guide.process.join('\n'),
    notes: c.guide.notes.join('\n'), faq: c.guide.faq.map((f) => ({ question: f.question, answer: f.answer })),
    basis: c.guide.basis,
    questions: c.questions.map((q) => ({
      key: q.key, text: q.text, kind: q.kind, help: q.help, options: q.options.map((o) => ({ value: o.value, label: o.label })),
    })),
    stages: c.stages.map((s) => ({
      key: s.key, name: s.name, leadDepartment: s.leadDepartmentCode ?? '',
      items: s.items.map((i) => ({
        key: i.key, basicCode: i.basicCode, department: i.departmentCode,
        name: i.serviceItem?.name ?? i.basicCode, departmentName: i.department?.name ?? i.departmentCode,
        ownSituations: i.serviceItem?.situations.map((x) => x.name) ?? i.situations.map((x) => x.name),
        situations: i.situations.map((x) => ({ name: x.name, when: conditionFromGraph(x.when) })),
        when: conditionFromGraph(i.when), dependsOn: [...i.dependsOn], note: i.note,
      })),
    })),
    changeNote,
  };
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export function splitKeywords(text: string): string[] {
  return text.split(/[，,、;；\s]+/).map((k) => k.trim()).filter(Boolean);
}

/** The whole content, as both mutations take it (stages and questions are replaced whole). */
export function toContentInput(d: ThemeDraft): ThemeContentInput {
  return {
    name: d.name.trim(), audience: d.audience, lifeStage: d.lifeStage,
    foundsEntity: d.audience === 'ENTERPRISE' && d.foundsEntity,
    leadDepartment: d.leadDepartment, cooperatingDepartments: [...d.cooperatingDepartments],
    budget: { value: d.budgetValue, unit: d.budgetUnit }, maxVisits: d.maxVisits, keywords: splitKeywords(d.keywords),
    guide: {
      summary: d.summary.trim(), conditions: d.conditions.trim(), process: splitLines(d.process), notes: splitLines(d.notes),
      faq: d.faq.map((f) => ({ question: f.question.trim(), answer: f.answer.trim() })), basis: d.basis.trim(),
    },
    questions: d.questions.map((q) => ({
      key: q.key.trim(), text: q.text.trim(), kind: q.kind, help: q.help.trim(),
      options: q.kind === 'YES_NO' ? [] : q.options.map((o) => ({ value: o.value.trim(), label: o.label.trim() })),
    })),
    stages: d.stages.map((s) => ({
      key: s.key.trim(), name: s.name.trim(), leadDepartment: s.leadDepartment || null,
      items: s.items.map((i) => ({
        key: i.key.trim(), basicCode: i.basicCode, department: i.department,
        situations: i.situations.map((x) => ({ name: x.name, when: conditionToInput(x.when) })),
        when: conditionToInput(i.when), dependsOn: [...i.dependsOn], note: i.note.trim(),
      })),
    })),
  };
}

/** Checks the page makes before sending (the server checks everything again, against the
 * catalogue): keys where the admin can type them, and the items' situations. Paths are the
 * server's, so both land next to the same field. */
export function checkDraft(d: ThemeDraft, isNew: boolean): FieldErrors {
  const out: FieldErrors = {};
  const bad = (path: string, message: string) => (out[path] ??= []).push(message);
  if (isNew && !THEME_CODE.test(d.code.trim())) bad('code', '主题编码应以小写字母开头，只含小写字母、数字和连字符，2 到 48 个字符');
  d.questions.forEach((q, i) => {
    if (!KEY.test(q.key.trim())) bad(`questions.${i}.key`, '问题标识应以小写字母开头，只含小写字母、数字、下划线和连字符');
    if (q.kind === 'CHOICE') {
      q.options.forEach((o, j) => {
        if (!KEY.test(o.value.trim())) bad(`questions.${i}.options.${j}.value`, '选项的值应以小写字母开头，只含小写字母、数字、下划线和连字符');
      });
    }
  });
  d.stages.forEach((s, si) => {
    if (!KEY.test(s.key.trim())) bad(`stages.${si}.key`, '阶段标识应以小写字母开头，只含小写字母、数字、下划线和连字符');
    s.items.forEach((item, ii) => {
      if (!KEY.test(item.key.trim())) bad(`stages.${si}.items.${ii}.key`, '事项标识应以小写字母开头，只含小写字母、数字、下划线和连字符');
      if (needsSituation(item)) {
        bad(`stages.${si}.items.${ii}.situations`, `事项“${item.name}”有 ${item.ownSituations.length} 个办理情形，请勾选适用的情形`);
      }
    });
  });
  if (pathCount(d.questions) > LIMITS.paths) bad('questions', `回答组合过多（最多 ${LIMITS.paths} 种）`);
  return out;
}

/** The mutations' errors point into the input ("content.stages.0.items.1.basicCode"); the page's
 * fields are named from the content ("stages.0.items.1.basicCode"). */
export function contentErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const k = key === 'content' ? '_' : key.startsWith('content.') ? key.slice('content.'.length) : key;
    (out[k] ??= []).push(...messages);
  }
  return out;
}

/** The value at a dotted path ("stages.0.items.1.key") of plain data; undefined when absent. */
export function valueAt(data: unknown, path: string): unknown {
  let at: unknown = data;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** The errors still standing: those whose field has not changed since they were reported
 * (`before`: what was sent; `after`: what the page holds now). Form-wide errors stay. */
export function standingErrors(errors: FieldErrors, before: unknown, after: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (JSON.stringify(valueAt(before, key)) === JSON.stringify(valueAt(after, key))) out[key] = messages;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// which answers select which items and situations

export interface OptionEffect {
  value: string;
  label: string;
  /** Items and situations whose condition names this answer ("就业创业证申领：毕业生申领"). */
  selects: string[];
}

export interface QuestionEffect {
  key: string;
  text: string;
  options: OptionEffect[];
}

/** For each question and each of its answers, what it selects: the items and situations whose
 * condition names that answer. Items and situations without a condition apply whatever the answers. */
export function answerEffects(d: ThemeDraft): QuestionEffect[] {
  const named: { label: string; names: Set<string> }[] = [];
  for (const s of d.stages) {
    for (const item of s.items) {
      const label = item.name || item.key;
      named.push({ label, names: mentioned(item.when) });
      for (const x of item.situations) named.push({ label: `${label}：${x.name}`, names: mentioned(x.when) });
    }
  }
  return d.questions.map((q) => ({
    key: q.key, text: q.text || q.key,
    options: q.options.map((o) => ({
      value: o.value, label: o.label || o.value,
      selects: named.filter((n) => n.names.has(`${q.key}=${o.value}`)).map((n) => n.label),
    })),
  }));
}

/** Items (and situations) that apply on every path: no condition of their own. */
export function alwaysApplying(d: ThemeDraft): string[] {
  return d.stages.flatMap((s) => s.items.filter((i) => isAlways(i.when)).map((i) => i.name || i.key));
}

// ---------------------------------------------------------------------------------------------
// the preview: a bundle against its items applied one by one

export interface BundleCounts {
  items: number;
  stages: number;
  fields: number;
  fieldsPrefilled: number;
  fieldsAsked: number;
  fieldsSeparately: number;
  materials: number;
  materialsGenerated: number;
  materialsSeparately: number;
  visits: number;
  visitsSeparately: number;
}

export interface CountRow {
  label: string;
  bundle: number;
  separately: number;
  /** “少填 8 项（-62%）”, or “相同”. */
  saved: string;
}

function saved(bundle: number, separately: number, unit: string, verb: string): string {
  if (bundle >= separately) return bundle === separately ? '相同' : `多 ${bundle - separately} ${unit}`;
  const pct = separately ? Math.round(((separately - bundle) / separately) * 100) : 0;
  return `${verb} ${separately - bundle} ${unit}（-${pct}%）`;
}

export function countRows(c: BundleCounts): CountRow[] {
  return [
    { label: '申请人填写的表单项', bundle: c.fieldsAsked, separately: c.fieldsSeparately, saved: saved(c.fieldsAsked, c.fieldsSeparately, '项', '少填') },
    { label: '申请人提交的材料', bundle: c.materials, separately: c.materialsSeparately, saved: saved(c.materials, c.materialsSeparately, '份', '少交') },
    { label: '到现场次数', bundle: c.visits, separately: c.visitsSeparately, saved: saved(c.visits, c.visitsSeparately, '次', '少跑') },
    { label: '办理环节（申请 + 每阶段）', bundle: 1 + c.stages, separately: 2 * c.items, saved: saved(1 + c.stages, 2 * c.items, '个', '少') },
  ];
}

/** The paths' totals (the whole questionnaire at a glance). */
export function pathTotals(paths: readonly { bundle: { counts: BundleCounts } }[]): { paths: number; minItems: number; maxItems: number } {
  const items = paths.map((p) => p.bundle.counts.items);
  return { paths: paths.length, minItems: items.length ? Math.min(...items) : 0, maxItems: items.length ? Math.max(...items) : 0 };
}

// ---------------------------------------------------------------------------------------------
// status actions

export type ThemeAction = 'publish' | 'suspend' | 'resume' | 'cancel';

/** What the admin may do with a theme in its status (the server checks again). */
export function themeActions(status: ThemeStatus, hasDraft: boolean): ThemeAction[] {
  if (status === 'CANCELLED') return [];
  const out: ThemeAction[] = [];
  if (hasDraft) out.push('publish');
  if (status === 'ACTIVE') out.push('suspend');
  if (status === 'SUSPENDED') out.push('resume');
  out.push('cancel');
  return out;
}

// ---------------------------------------------------------------------------------------------
// the service menu

export interface MenuEntryDraft {
  key: string;
  title: string;
  category: string;
  description: string;
  items: string[];
  themes: string[];
}

export function menuFromGraph(
  entries: readonly { key: string; title: string; category: string; description: string; itemCodes: readonly string[]; themeCodes: readonly string[] }[],
): MenuEntryDraft[] {
  return entries.map((e) => ({
    key: e.key, title: e.title, category: e.category, description: e.description, items: [...e.itemCodes], themes: [...e.themeCodes],
  }));
}

export function menuToInput(entries: readonly MenuEntryDraft[]): ServiceMenuEntryInput[] {
  return entries.map((e) => ({
    key: e.key.trim(), title: e.title.trim(), category: e.category.trim(), description: e.description.trim(),
    items: [...e.items], themes: [...e.themes],
  }));
}

export function newMenuEntry(entries: readonly MenuEntryDraft[], category = ''): MenuEntryDraft {
  return { key: nextKey('entry-', entries.map((e) => e.key)), title: '', category, description: '', items: [], themes: [] };
}

/** The checks the page makes before publishing (paths as the server's: entries.3.title). */
export function checkMenu(entries: readonly MenuEntryDraft[]): FieldErrors {
  const out: FieldErrors = {};
  const bad = (path: string, message: string) => (out[path] ??= []).push(message);
  if (!entries.length) bad('entries', '服务菜单至少需要一项');
  const keys = new Set<string>();
  const titles = new Set<string>();
  entries.forEach((e, i) => {
    const key = e.key.trim();
    const title = e.title.trim();
    if (!KEY.test(key)) bad(`entries.${i}.key`, '菜单项标识应以小写字母开头，只含小写字母、数字、下划线和连字符');
    else if (keys.has(key)) bad(`entries.${i}.key`, `菜单项标识“${key}”重复`);
    keys.add(key);
    if (!title || title.length > 32) bad(`entries.${i}.title`, '菜单项名称不能为空，不超过 32 个字符');
    else if (titles.has(title)) bad(`entries.${i}.title`, `菜单项“${title}”重复`);
    titles.add(title);
    if (!e.category.trim() || e.category.trim().length > 16) bad(`entries.${i}.category`, '菜单项分类不能为空，不超过 16 个字符');
    if (!e.items.length && !e.themes.length) bad(`entries.${i}`, `菜单项“${title || key}”须指向至少一个事项或主题`);
  });
  return out;
}

/** What changed against the menu in force: added, removed and moved entries (by key). */
export function menuChanges(before: readonly MenuEntryDraft[], after: readonly MenuEntryDraft[]): { added: string[]; removed: string[]; moved: boolean; edited: string[] } {
  const was = new Map(before.map((e) => [e.key, e]));
  const now = new Set(after.map((e) => e.key));
  const added = after.filter((e) => !was.has(e.key)).map((e) => e.key);
  const removed = before.filter((e) => !now.has(e.key)).map((e) => e.key);
  const kept = after.filter((e) => was.has(e.key)).map((e) => e.key);
  const keptBefore = before.filter((e) => now.has(e.key)).map((e) => e.key);
  const edited = after.filter((e) => {
    const old = was.get(e.key);
    return old && JSON.stringify(menuToInput([old])) !== JSON.stringify(menuToInput([e]));
  }).map((e) => e.key);
  return { added, removed, moved: kept.join('\n') !== keptBefore.join('\n'), edited };
}
