// Themed bundles (主题办件 · 一件事) in the admin UI, as pure functions the pages use and
// tests/bundles.test.ts checks: the questionnaire's answers, the merged form at the window (which
// fields the platform fills from what source), the one set of materials (what the counter ticks,
// what each material is in every sub-case, what may be deferred, what is still owed), and the
// stages against the bundle's budget as an ECharts timeline. The server stays the authority.
import type {
  BundleItemState,
  BundlePaperMaterialInput,
  BundleStatus,
  CaseMaterialState,
  CaseStatus,
  FieldSource,
  Necessity,
  ThemeAnswerInput,
} from '../gql/graphql';
import { type CounterPerson, type FormFieldDef, type FormValues, toFormData, validateForm } from './caseForm';
import type { FieldErrors } from './graphql';
import { addDays, chinaToday, formatDate, formatDateTime } from './time';

// --- tags ------------------------------------------------------------------------------------------

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export const BUNDLE_STATUS_TAGS: Record<BundleStatus, TagType> = {
  AT_WINDOW: 'warning', WAITING_APPLICANT: 'warning', IN_PROGRESS: 'primary', PARTLY_DENIED: 'danger',
  RESULTS_READY: 'success', RESULTS_ISSUED: 'success', DONE: 'success', FAILED: 'danger', WITHDRAWN: 'info',
};
export const ITEM_STATE_TAGS: Record<BundleItemState, TagType> = {
  OPEN: 'primary', COMPLETED: 'success', FAILED: 'danger', HELD: 'warning', WAITING: 'info',
};

// --- the questionnaire (情形引导) -------------------------------------------------------------------

export type Answers = Record<string, string>;

export interface Question {
  key: string;
  options: readonly { value: string }[];
}

/** The answers as the graph takes them, in the questions' order; unanswered and unknown ones left out. */
export function answerInputs(questions: readonly Question[], answers: Answers): ThemeAnswerInput[] {
  return questions
    .filter((q) => q.options.some((o) => o.value === answers[q.key]))
    .map((q) => ({ question: q.key, value: answers[q.key] }));
}

/** The questions still without a valid answer. */
export function unanswered(questions: readonly Question[], answers: Answers): string[] {
  return questions.filter((q) => !q.options.some((o) => o.value === answers[q.key])).map((q) => q.key);
}

/** A bundle's stored answers (JSON `{question: value}`) as the graph's answer list. */
export function storedAnswers(raw: unknown): ThemeAnswerInput[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).map(([question, value]) => ({ question, value: String(value) }));
}

// --- the merged form (一表申请) at the window ---------------------------------------------------

export interface BundleFieldDef extends FormFieldDef {
  source: FieldSource | null;
  sourceLabel: string | null;
  itemKeys: readonly string[];
}

/** What the page can show for a field the platform fills: the value the counter gave for it, or
 * null when the platform takes it from its own records (the enterprise's registration). For an
 * existing citizen the server uses the registered name and phone, so the value is a preview. */
export function knownValue(source: FieldSource | null, person: CounterPerson): string | null {
  const value = {
    APPLICANT_NAME: person.name, APPLICANT_ID_NUMBER: person.idNumber.toUpperCase(), APPLICANT_PHONE: person.phone,
    ENTERPRISE_CREDIT_CODE: person.enterpriseCreditCode.toUpperCase(),
  }[source as string];
  return value?.trim() ? value.trim() : null;
}

/** The fields the clerk fills: those without a source, and sourced ones the platform could not
 * fill (the server said so: they are in `manual`). */
export function askedFields<F extends BundleFieldDef>(fields: readonly F[], manual: ReadonlySet<string>): F[] {
  return fields.filter((f) => !f.source || manual.has(f.key));
}

export function validateBundleForm(fields: readonly BundleFieldDef[], values: FormValues, manual: ReadonlySet<string>): FieldErrors {
  return validateForm(askedFields(fields, manual), values);
}

export function bundleFormData(fields: readonly BundleFieldDef[], values: FormValues, manual: ReadonlySet<string>) {
  return toFormData(askedFields(fields, manual), values);
}

/** Sourced fields the server refused (so the platform had no value): the clerk types them. */
export function manualAfter(fields: readonly BundleFieldDef[], errors: FieldErrors): string[] {
  return fields.filter((f) => f.source && errors[`formData.${f.key}`]?.length).map((f) => f.key);
}

/** Where the server's errors about the applicant belong on the page ("enterpriseId": the credit code). */
export function applicantErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, list] of Object.entries(errors)) {
    const at = key === 'enterpriseId' || key === 'principalEnterpriseId' ? 'applicant.enterpriseCreditCode' : key;
    (out[at] ??= []).push(...list);
  }
  return out;
}

/** Which kind of applicant a theme takes at the counter: a person only, an enterprise (its credit
 * code required), or a person founding one (no enterprise yet). */
export function creditCodeRule(theme: { audience: string; foundsEntity: boolean }): 'hidden' | 'required' {
  return theme.audience === 'ENTERPRISE' && !theme.foundsEntity ? 'required' : 'hidden';
}

// --- the one set of materials at the window ------------------------------------------------------

export interface SetMaterialDef {
  key: string;
  name: string;
  necessity: Necessity;
  generated: boolean;
  sharedData: boolean;
  producedBy: string | null;
  elicence: string | null;
  toProvide?: boolean;
}

/** What a material of the set asks of the counter: to be handed in, or nothing (the form makes it,
 * an earlier item of the bundle issues it, or shared data provides it). */
export type MaterialRole = 'provide' | 'generated' | 'produced' | 'shared';

export function materialRole(m: SetMaterialDef): MaterialRole {
  if (m.generated) return 'generated';
  if (m.producedBy) return 'produced';
  if (m.sharedData) return 'shared';
  return 'provide';
}

/** What the counter did with one material: paper handed in, and/or a scan uploaded. */
export interface Presented {
  paper: boolean;
  uploadId: string | null;
  fileName?: string;
}

/** The materials input of receiveWalkInBundle: each material handed in on paper or scanned. */
export function paperInputs(materials: readonly SetMaterialDef[], presented: Record<string, Presented>): BundlePaperMaterialInput[] {
  const out: BundlePaperMaterialInput[] = [];
  for (const m of materials) {
    const p = presented[m.key];
    if (!p || m.generated || (!p.paper && !p.uploadId)) continue;
    out.push({ key: m.key, provided: p.paper, ...(p.uploadId ? { uploadId: p.uploadId } : {}) });
  }
  return out;
}

/** Required materials the counter has not ticked: the bundle can be received, but not accepted
 * until they come (补正) — deferrable ones may follow after acceptance (容缺). */
export function notPresented(materials: readonly SetMaterialDef[], presented: Record<string, Presented>, necessity: Necessity): string[] {
  return materials
    .filter((m) => materialRole(m) === 'provide' && m.necessity === necessity && !(presented[m.key]?.paper || presented[m.key]?.uploadId))
    .map((m) => m.name);
}

// --- the set of materials across the sub-cases (the parent page) --------------------------------

export interface SubCaseMaterial {
  materialKey: number;
  name: string;
  necessity: Necessity;
  state: CaseMaterialState;
  supplyNote: string;
  uploadId?: string | null;
}

export interface ItemWithCase {
  key: string;
  name: string;
  caseStatus: CaseStatus | null;
  case: { id: string; status: CaseStatus; materials: readonly SubCaseMaterial[] } | null;
}

export interface SetMaterialUses {
  key: string;
  name: string;
  necessity: Necessity;
  uses: readonly { itemKey: string; material: { key: number; reviewPoints?: string } }[];
}

/** One material of the set in one sub-case. */
export interface MaterialUse {
  itemKey: string;
  itemName: string;
  caseId: string;
  caseStatus: CaseStatus;
  materialKey: number;
  necessity: Necessity;
  state: CaseMaterialState;
  supplyNote: string;
  uploadId: string | null;
}

/** One material of the bundle's set, with what it is in each sub-case that uses it. */
export interface MaterialRow {
  key: string;
  name: string;
  reviewPoints: string;
  state: CaseMaterialState;
  uses: MaterialUse[];
}

const STATE_ORDER: CaseMaterialState[] = ['MISSING', 'PENDING', 'PROVIDED', 'REUSED', 'EXEMPT'];

/** The state of a material across its sub-cases: the one that asks most of the window (a material
 * missing in one item is missing for the bundle). */
export function worstState(states: readonly CaseMaterialState[]): CaseMaterialState {
  return STATE_ORDER.find((s) => states.includes(s)) ?? 'PENDING';
}

/** The set's materials as the sub-cases hold them, in the set's order. A sub-case's material is
 * found in the set by the item that uses it and its key (`uses`); one the set does not name (the
 * catalogue changed since) is keyed "M<key>", as the server keys non-standard materials. */
export function materialRows(set: readonly SetMaterialUses[] | null | undefined, items: readonly ItemWithCase[]): MaterialRow[] {
  const byUse = new Map<string, SetMaterialUses>();
  for (const m of set ?? []) for (const u of m.uses) byUse.set(`${u.itemKey}#${u.material.key}`, m);
  const rows = new Map<string, MaterialRow>();
  for (const m of set ?? []) {
    const points = m.uses.map((u) => u.material.reviewPoints ?? '').find((p) => p) ?? '';
    rows.set(m.key, { key: m.key, name: m.name, reviewPoints: points, state: 'PENDING', uses: [] });
  }
  for (const it of items) {
    const c = it.case;
    if (!c) continue;
    for (const cm of c.materials) {
      const found = byUse.get(`${it.key}#${cm.materialKey}`);
      const key = found?.key ?? `M${cm.materialKey}`;
      let row = rows.get(key);
      if (!row) {
        row = { key, name: cm.name, reviewPoints: '', state: 'PENDING', uses: [] };
        rows.set(key, row);
      }
      row.uses.push({
        itemKey: it.key, itemName: it.name, caseId: c.id, caseStatus: c.status, materialKey: cm.materialKey,
        necessity: cm.necessity, state: cm.state, supplyNote: cm.supplyNote, uploadId: cm.uploadId ?? null,
      });
    }
  }
  const out: MaterialRow[] = [];
  for (const row of rows.values()) {
    if (!row.uses.length) continue; // not in any sub-case yet (a later stage's)
    row.state = worstState(row.uses.map((u) => u.state));
    out.push(row);
  }
  return out;
}

const open = (s: CaseMaterialState) => s === 'PENDING' || s === 'MISSING';

/** Materials the window checks before accepting: provided in a sub-case waiting at the window. */
export function checkable(rows: readonly MaterialRow[]): MaterialRow[] {
  return rows.filter((r) => r.uses.some((u) => u.caseStatus === 'SUBMITTED' && u.state === 'PROVIDED'));
}

/** Materials that may be accepted missing (容缺): not yet handed in for an item waiting at the
 * window, and deferrable in every such item that uses it (the server refuses a material that is
 * a main material of any of them). */
export function deferrableRows(rows: readonly MaterialRow[]): MaterialRow[] {
  return rows.filter((r) => {
    const waiting = r.uses.filter((u) => u.caseStatus === 'SUBMITTED');
    return waiting.some((u) => open(u.state)) && waiting.every((u) => u.necessity === 'DEFERRABLE');
  });
}

/** Materials missing for an item waiting at the window that cannot be deferred: only a correction
 * (补正) gets them. */
export function blockingRows(rows: readonly MaterialRow[]): MaterialRow[] {
  return rows.filter((r) => r.uses.some((u) => u.caseStatus === 'SUBMITTED' && open(u.state) && u.necessity === 'REQUIRED'));
}

const SUPPLYING: CaseStatus[] = ['ACCEPTED', 'UNDER_REVIEW', 'SUSPENDED', 'CORRECTION_REQUESTED'];

/** Materials the bundle still owes (容缺 after acceptance, or 补正): what the window can take. */
export function owedRows(rows: readonly MaterialRow[]): MaterialRow[] {
  return rows.filter((r) => r.uses.some((u) => SUPPLYING.includes(u.caseStatus)
    && (u.state === 'MISSING' || (u.caseStatus === 'CORRECTION_REQUESTED' && u.state === 'PENDING' && u.necessity !== 'OPTIONAL'))));
}

/** The one-time correction notice, prefilled: what the check found wanting (with the clerk's
 * note) and the main materials still missing. */
export function correctionPrefill(
  rows: readonly MaterialRow[], checks: Record<string, { ok: boolean; note: string }>,
): { key: string | null; note: string }[] {
  const out: { key: string | null; note: string }[] = [];
  for (const r of rows) {
    const failed = checks[r.key] && !checks[r.key].ok;
    const missing = r.uses.some((u) => u.caseStatus === 'SUBMITTED' && open(u.state) && u.necessity === 'REQUIRED');
    if (failed) out.push({ key: r.key, note: checks[r.key].note.trim() || `请提交符合要求的“${r.name}”` });
    else if (missing) out.push({ key: r.key, note: `请提交“${r.name}”` });
  }
  return out;
}

// --- the stages against the budget (ECharts) ------------------------------------------------------

const DAY_MS = 86_400_000;

export interface StageSpan {
  number: number;
  name: string;
  opened: boolean;
  done: boolean;
  openedAt?: string | null;
  finishedAt?: string | null;
}

export interface TimelineRow {
  label: string;
  /** Start and end (ms); no bar while the stage has not opened. */
  start: number | null;
  end: number | null;
  state: 'done' | 'running' | 'waiting';
  text: string;
}

export interface Timeline {
  rows: TimelineRow[];
  min: number;
  max: number;
  /** The end of the deadline's day in China (the bundle must be done by then), or null. */
  deadlineAt: number | null;
  /** Now, or null once the bundle finished (the bars end there). */
  now: number | null;
  interval: number;
}

/** China midnight starting the day of an instant. */
export function chinaDayStart(at: number): number {
  return Date.parse(`${chinaToday(at)}T00:00:00+08:00`);
}

/** One bar per stage, from when it opened to when it finished (or now, while it runs), on an axis
 * from the acceptance day to the day after the later of the deadline and now, in whole China days. */
export function stageTimeline(
  stages: readonly StageSpan[], bundle: { acceptedAt: string | null; deadline: string | null; finishedAt?: string | null }, now: number,
): Timeline {
  const deadlineAt = bundle.deadline ? Date.parse(`${addDays(bundle.deadline, 1)}T00:00:00+08:00`) : null;
  const finishedAt = bundle.finishedAt ? Date.parse(bundle.finishedAt) : null;
  const until = finishedAt ?? now;
  const rows: TimelineRow[] = stages.map((s) => {
    const label = `第 ${s.number} 阶段 ${s.name}`;
    const start = s.openedAt ? Date.parse(s.openedAt) : null;
    if (start === null || !s.opened) return { label, start: null, end: null, state: 'waiting', text: '尚未开始' };
    const end = s.finishedAt ? Date.parse(s.finishedAt) : null;
    if (end !== null) {
      return { label, start, end, state: 'done', text: `${formatDateTime(start)} 至 ${formatDateTime(end)}` };
    }
    return { label, start, end: Math.max(start, until), state: 'running', text: `${formatDateTime(start)} 起，办理中` };
  });
  const starts = rows.map((r) => r.start).filter((v): v is number => v !== null);
  const accepted = bundle.acceptedAt ? Date.parse(bundle.acceptedAt) : null;
  const first = Math.min(...[accepted, ...starts, until].filter((v): v is number => v !== null));
  const last = Math.max(...[deadlineAt, until, ...rows.map((r) => r.end ?? 0)].filter((v): v is number => v !== null));
  const min = chinaDayStart(first);
  const max = Math.max(chinaDayStart(last) + (last === chinaDayStart(last) ? 0 : DAY_MS), min + DAY_MS);
  const days = Math.round((max - min) / DAY_MS);
  const interval = DAY_MS * Math.max(1, Math.ceil(days / 12));
  return { rows, min, max, deadlineAt, now: finishedAt === null ? now : null, interval };
}

const COLORS = { done: '#67c23a', running: '#409eff', waiting: '#c0c4cc', deadline: '#f56c6c', now: '#909399' };

/** The ECharts option of the timeline: a custom series drawing one bar per stage (the first stage
 * on top), the deadline and now as marker lines; every label in China time. */
export function timelineOption(t: Timeline, budgetText: string): Record<string, unknown> {
  const categories = t.rows.map((r) => r.label);
  const data = t.rows.map((r, i) => ({
    name: r.label,
    value: [i, r.start ?? t.min, r.end ?? t.min, r.state === 'waiting' ? 0 : 1],
    itemStyle: { color: COLORS[r.state] },
    text: r.text,
  }));
  const marks: Record<string, unknown>[] = [];
  if (t.deadlineAt !== null) {
    marks.push({
      xAxis: t.deadlineAt, lineStyle: { color: COLORS.deadline, type: 'solid', width: 2 },
      label: { formatter: `总时限 ${budgetText}\n${formatDate(t.deadlineAt - 1)} 止`, color: COLORS.deadline, position: 'start' },
    });
  }
  if (t.now !== null) marks.push({ xAxis: t.now, lineStyle: { color: COLORS.now, type: 'dashed' }, label: { formatter: '现在', color: COLORS.now, position: 'start' } });
  return {
    animation: false,
    grid: { left: 160, right: 70, top: 48, bottom: 30 },
    tooltip: { trigger: 'item', formatter: (p: { name: string; data: { text: string } }) => `${p.name}<br/>${p.data.text}` },
    xAxis: {
      type: 'value', min: t.min, max: t.max, interval: t.interval,
      axisLabel: { formatter: (v: number) => formatDate(v).slice(5) },
      splitLine: { show: true, lineStyle: { type: 'dashed' } },
    },
    yAxis: { type: 'category', data: categories, inverse: true, axisTick: { show: false } },
    series: [{
      type: 'custom',
      name: '阶段',
      encode: { x: [1, 2], y: 0 },
      data,
      renderItem: (_params: unknown, api: {
        value: (i: number) => number; coord: (p: number[]) => number[]; size: (p: number[]) => number[]; style: () => object;
      }) => {
        if (!api.value(3)) return null;
        const [x0, y] = api.coord([api.value(1), api.value(0)]);
        const [x1] = api.coord([api.value(2), api.value(0)]);
        const h = api.size([0, 1])[1] * 0.5;
        return { type: 'rect', shape: { x: x0, y: y - h / 2, width: Math.max(x1 - x0, 3), height: h }, style: api.style() };
      },
      markLine: { symbol: 'none', silent: true, data: marks },
    }],
  };
}

/** The budget used so far, in words: "已用 3 个工作日（总时限 10个工作日）". */
export function budgetUsage(workingDaysUsed: number | null | undefined, budgetText: string): string {
  if (workingDaysUsed === null || workingDaysUsed === undefined) return `总时限 ${budgetText}（受理后开始计算）`;
  return `已用 ${workingDaysUsed} 个工作日（总时限 ${budgetText}）`;
}

/** A bundle's working hours on its hall's hours, as the page's meter shows them. */
export interface HourMeter {
  percent: number; // of the budget used, 0…100
  status: '' | 'warning' | 'exception' | 'success';
  text: string;
}

export interface WorkingHoursView {
  budgetHours: number;
  usedHours: number;
  leftHours: number;
  dayHours: number;
  deadlineAt: string;
  state: string;
}

const HOUR_STATES: Record<string, { status: HourMeter['status']; label: string }> = {
  ON_TRACK: { status: '', label: '办理中' },
  HALF_USED: { status: 'warning', label: '用时已过半' },
  USED_UP: { status: 'exception', label: '已超出时限' },
  MET: { status: 'success', label: '已在时限内办结' },
  MISSED: { status: 'exception', label: '已办结，超出时限' },
};

/** "已用 3.8 / 7 小时，剩余 3.3 小时（10-08 16:30 到时）· 用时已过半". */
export function hourMeter(w: WorkingHoursView): HourMeter {
  const s = HOUR_STATES[w.state] ?? { status: '' as const, label: w.state };
  const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const percent = w.budgetHours > 0 ? Math.min(100, Math.round((w.usedHours / w.budgetHours) * 100)) : 0;
  const done = w.state === 'MET' || w.state === 'MISSED';
  const end = formatDateTime(w.deadlineAt).slice(5);
  const left = done ? '' : `，剩余 ${num(w.leftHours)} 小时（${end} 到时）`;
  return { percent, status: s.status, text: `已用 ${num(w.usedHours)} / ${num(w.budgetHours)} 工作小时${left} · ${s.label}` };
}

// --- misc --------------------------------------------------------------------------------------------

/** A fresh idempotency key for one walk-in bundle (8..64 characters). */
export function bundleKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return `bundle-${crypto.randomUUID()}`;
  return `bundle-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
