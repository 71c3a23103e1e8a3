// Themed bundles in the admin UI: answers, the merged form at the window, the one set of materials
// across the sub-cases, and the stages against the budget.
import { describe, expect, it } from 'vitest';

import {
  answerInputs, applicantErrors, askedFields, blockingRows, budgetUsage, hourMeter, bundleFormData, bundleKey, checkable, chinaDayStart,
  correctionPrefill, creditCodeRule, deferrableRows, type ItemWithCase, knownValue, manualAfter, materialRole, materialRows,
  notPresented, owedRows, paperInputs, stageTimeline, storedAnswers, timelineOption, unanswered, validateBundleForm, worstState,
  type BundleFieldDef, type SetMaterialDef, type SetMaterialUses,
} from '../src/lib/bundles';

const yesNo = [{ value: 'yes' }, { value: 'no' }];

describe('the questionnaire', () => {
  const questions = [{ key: 'simplified', options: yesNo }, { key: 'fund', options: yesNo }];
  it('sends valid answers in the questions’ order and names the ones still open', () => {
    expect(answerInputs(questions, { fund: 'no', simplified: 'yes', other: 'x' })).toEqual([
      { question: 'simplified', value: 'yes' }, { question: 'fund', value: 'no' },
    ]);
    expect(answerInputs(questions, { fund: 'maybe' })).toEqual([]);
    expect(unanswered(questions, { fund: 'no' })).toEqual(['simplified']);
    expect(unanswered(questions, { fund: 'no', simplified: 'no' })).toEqual([]);
  });
  it('reads a bundle’s stored answers back as the graph’s list', () => {
    expect(storedAnswers({ simplified: 'no', fund: 'yes' })).toEqual([
      { question: 'simplified', value: 'no' }, { question: 'fund', value: 'yes' },
    ]);
    expect(storedAnswers(null)).toEqual([]);
    expect(storedAnswers(['x'])).toEqual([]);
  });
});

const field = (key: string, over: Partial<BundleFieldDef> = {}): BundleFieldDef => ({
  key, label: key, type: 'TEXT', required: true, options: [], maxLength: null, min: null, max: null, help: '',
  source: null, sourceLabel: null, itemKeys: ['cancel'], ...over,
});

describe('the merged form at the window', () => {
  const person = { idNumber: '11010519491231002x', name: ' 周建国 ', phone: '13800138000', enterpriseCreditCode: '' };
  const fields = [
    field('creditCode', { type: 'CREDIT_CODE', source: 'ENTERPRISE_CREDIT_CODE', sourceLabel: '企业登记信息（统一社会信用代码）' }),
    field('contactPhone', { type: 'PHONE', source: 'APPLICANT_PHONE', sourceLabel: '申请人账号绑定的手机号码' }),
    field('reason', { type: 'SELECT', options: ['股东会决议解散', '其他'] }),
    field('remark', { required: false }),
  ];

  it('previews what the counter gave for a field the platform fills, nothing for the registry’s', () => {
    expect(knownValue('APPLICANT_NAME', person)).toBe('周建国');
    expect(knownValue('APPLICANT_ID_NUMBER', person)).toBe('11010519491231002X');
    expect(knownValue('ENTERPRISE_CREDIT_CODE', person)).toBeNull();
    expect(knownValue('ENTERPRISE_NAME', person)).toBeNull();
    expect(knownValue(null, person)).toBeNull();
  });

  it('checks and sends only the fields the clerk fills, plus sourced ones the platform could not fill', () => {
    expect(askedFields(fields, new Set()).map((f) => f.key)).toEqual(['reason', 'remark']);
    expect(validateBundleForm(fields, { reason: null }, new Set())).toEqual({ 'formData.reason': ['请选择“reason”'] });
    expect(bundleFormData(fields, { reason: '其他', remark: ' ', creditCode: 'X' }, new Set())).toEqual({ reason: '其他' });
    const refused = { 'formData.contactPhone': ['请填写“联系电话”'], 'formData.reason': ['x'] };
    const manual = new Set(manualAfter(fields, refused));
    expect([...manual]).toEqual(['contactPhone']);
    expect(bundleFormData(fields, { reason: '其他', contactPhone: '13800138000' }, manual)).toEqual({
      reason: '其他', contactPhone: '13800138000',
    });
  });

  it('puts the enterprise errors on the credit code, and takes enterprises only for enterprise themes', () => {
    expect(applicantErrors({ enterpriseId: ['该主题面向企业，请以企业身份申请'], 'applicant.name': ['x'] })).toEqual({
      'applicant.enterpriseCreditCode': ['该主题面向企业，请以企业身份申请'], 'applicant.name': ['x'],
    });
    expect(creditCodeRule({ audience: 'ENTERPRISE', foundsEntity: false })).toBe('required');
    expect(creditCodeRule({ audience: 'ENTERPRISE', foundsEntity: true })).toBe('hidden');
    expect(creditCodeRule({ audience: 'PERSON', foundsEntity: false })).toBe('hidden');
  });
});

const mat = (key: string, over: Partial<SetMaterialDef> = {}): SetMaterialDef => ({
  key, name: key, necessity: 'REQUIRED', generated: false, sharedData: false, producedBy: null, elicence: null, ...over,
});

describe('the one set of materials at the counter', () => {
  const set = [
    mat('SQB', { generated: true }), mat('YYZZ'), mat('M1421', { necessity: 'DEFERRABLE' }), mat('M388', { sharedData: true }),
    mat('LIC', { producedBy: 'tax' }),
  ];
  it('asks the counter only for what is neither generated, produced inside the bundle nor shared', () => {
    expect(set.map(materialRole)).toEqual(['generated', 'provide', 'provide', 'shared', 'produced']);
  });
  it('sends paper and scans once per material, and names what is not yet handed in', () => {
    const presented = {
      YYZZ: { paper: true, uploadId: null }, M1421: { paper: false, uploadId: null },
      M388: { paper: false, uploadId: 'VXBsb2FkZWRGaWxlOjE=' }, SQB: { paper: true, uploadId: null },
    };
    expect(paperInputs(set, presented)).toEqual([
      { key: 'YYZZ', provided: true }, { key: 'M388', provided: false, uploadId: 'VXBsb2FkZWRGaWxlOjE=' },
    ]);
    expect(notPresented(set, presented, 'DEFERRABLE')).toEqual(['M1421']);
    expect(notPresented(set, {}, 'REQUIRED')).toEqual(['YYZZ']);
  });
});

describe('the set across the sub-cases', () => {
  const set: SetMaterialUses[] = [
    { key: 'YYZZ', name: '营业执照', necessity: 'REQUIRED', uses: [
      { itemKey: 'tax', material: { key: 1420, reviewPoints: '' } }, { itemKey: 'social', material: { key: 1422, reviewPoints: '核对名称' } },
      { itemKey: 'cancel', material: { key: 389 } },
    ] },
    { key: 'M1421', name: '发票缴销情况说明', necessity: 'DEFERRABLE', uses: [{ itemKey: 'tax', material: { key: 1421 } }] },
    { key: 'M1423', name: '职工减员说明', necessity: 'REQUIRED', uses: [{ itemKey: 'social', material: { key: 1423 } }] },
    { key: 'M386', name: '股东会决议', necessity: 'REQUIRED', uses: [{ itemKey: 'cancel', material: { key: 386 } }] },
  ];
  const cm = (materialKey: number, state: string, necessity = 'REQUIRED', supplyNote = '') => ({
    materialKey, name: `材料${materialKey}`, necessity, state, supplyNote,
  }) as ItemWithCase['case'] extends infer C ? C extends { materials: readonly (infer M)[] } ? M : never : never;
  const items = (tax: string, social: string): ItemWithCase[] => [
    { key: 'tax', name: '清税', caseStatus: tax as never, case: { id: 'c1', status: tax as never, materials: [cm(1420, 'PROVIDED'), cm(1421, 'PENDING', 'DEFERRABLE')] } },
    { key: 'social', name: '社保注销', caseStatus: social as never, case: { id: 'c2', status: social as never, materials: [cm(1422, 'PROVIDED'), cm(1423, 'PROVIDED'), cm(9, 'PENDING', 'OPTIONAL')] } },
    { key: 'cancel', name: '公司注销', caseStatus: null, case: null },
  ];

  it('finds each sub-case material in the set by its item and key; unknown ones by "M<key>"; later stages left out', () => {
    const rows = materialRows(set, items('SUBMITTED', 'SUBMITTED'));
    expect(rows.map((r) => [r.key, r.state, r.uses.map((u) => u.itemKey)])).toEqual([
      ['YYZZ', 'PROVIDED', ['tax', 'social']], ['M1421', 'PENDING', ['tax']], ['M1423', 'PROVIDED', ['social']], ['M9', 'PENDING', ['social']],
    ]);
    expect(rows[0].reviewPoints).toBe('核对名称');
    expect(materialRows(null, items('SUBMITTED', 'SUBMITTED')).map((r) => r.key)).toEqual(['M1420', 'M1421', 'M1422', 'M1423', 'M9']);
    expect(worstState(['PROVIDED', 'MISSING', 'PENDING'])).toBe('MISSING');
  });

  it('offers for 容缺 what is deferrable in every waiting item, checks what was handed in, blocks on main materials', () => {
    const rows = materialRows(set, items('SUBMITTED', 'SUBMITTED'));
    expect(deferrableRows(rows).map((r) => r.key)).toEqual(['M1421']);
    expect(checkable(rows).map((r) => r.key)).toEqual(['YYZZ', 'M1423']);
    expect(blockingRows(rows)).toEqual([]);
    expect(owedRows(rows)).toEqual([]);
    const accepted = materialRows(set, items('ACCEPTED', 'SUBMITTED'));
    expect(deferrableRows(accepted)).toEqual([]); // the tax item is no longer at the window
    expect(checkable(accepted).map((r) => r.key)).toEqual(['YYZZ', 'M1423']);
  });

  it('owes what was deferred after acceptance, and what a correction asks for', () => {
    const owed = items('ACCEPTED', 'ACCEPTED');
    owed[0].case!.materials = [cm(1420, 'PROVIDED'), cm(1421, 'MISSING', 'DEFERRABLE', '到受理窗口补交')];
    expect(owedRows(materialRows(set, owed)).map((r) => [r.key, r.uses[0].supplyNote])).toEqual([['M1421', '到受理窗口补交']]);
    const correcting = items('CORRECTION_REQUESTED', 'ACCEPTED');
    correcting[0].case!.materials = [cm(1420, 'PENDING'), cm(1421, 'PROVIDED', 'DEFERRABLE')];
    expect(owedRows(materialRows(set, correcting)).map((r) => r.key)).toEqual(['YYZZ']);
  });

  it('prefills the one correction notice with failed checks and missing main materials', () => {
    const waiting = items('SUBMITTED', 'SUBMITTED');
    waiting[1].case!.materials = [cm(1422, 'PROVIDED'), cm(1423, 'PENDING')];
    const rows = materialRows(set, waiting);
    expect(blockingRows(rows).map((r) => r.key)).toEqual(['M1423']);
    expect(correctionPrefill(rows, { YYZZ: { ok: false, note: '' } })).toEqual([
      { key: 'YYZZ', note: '请提交符合要求的“营业执照”' }, { key: 'M1423', note: '请提交“职工减员说明”' },
    ]);
    expect(correctionPrefill(rows, { YYZZ: { ok: false, note: ' 名称与登记不符 ' } })[0].note).toBe('名称与登记不符');
  });
});

describe('the stages against the budget', () => {
  const now = Date.parse('2026-03-05T10:00:00+08:00');
  const stages = [
    { number: 1, name: '清税清费', opened: true, done: true, openedAt: '2026-03-02T01:30:00Z', finishedAt: '2026-03-04T08:00:00Z' },
    { number: 2, name: '注销登记', opened: true, done: false, openedAt: '2026-03-04T08:00:00Z', finishedAt: null },
    { number: 3, name: '银行销户', opened: false, done: false, openedAt: null, finishedAt: null },
  ];

  it('draws a bar from opening to finish (or now), none before a stage opens, on whole China days to past the deadline', () => {
    const t = stageTimeline(stages, { acceptedAt: '2026-03-02T02:00:00Z', deadline: '2026-03-16' }, now);
    expect(t.rows.map((r) => r.state)).toEqual(['done', 'running', 'waiting']);
    expect(t.rows[0].end).toBe(Date.parse('2026-03-04T08:00:00Z'));
    expect(t.rows[1].end).toBe(now);
    expect(t.rows[2].start).toBeNull();
    expect(t.min).toBe(Date.parse('2026-03-02T00:00:00+08:00'));
    expect(t.deadlineAt).toBe(Date.parse('2026-03-17T00:00:00+08:00'));
    expect(t.max).toBe(t.deadlineAt);
    expect(t.interval).toBe(86_400_000 * 2);
    expect(t.rows[0].text).toBe('2026-03-02 09:30 至 2026-03-04 16:00');
  });

  it('ends a running bar where the bundle finished (no “now” then), and runs the axis to now past the deadline', () => {
    const finished = stageTimeline(stages, { acceptedAt: '2026-03-02T02:00:00Z', deadline: '2026-03-03', finishedAt: '2026-03-04T09:00:00Z' }, now);
    expect(finished.rows[1].end).toBe(Date.parse('2026-03-04T09:00:00Z'));
    expect(finished.max).toBe(chinaDayStart(Date.parse('2026-03-04T09:00:00Z')) + 86_400_000);
    expect(finished.now).toBeNull();
    const late = stageTimeline(stages, { acceptedAt: '2026-03-02T02:00:00Z', deadline: '2026-03-03' }, now);
    expect(late.max).toBe(chinaDayStart(now) + 86_400_000);
    const early = stageTimeline([], { acceptedAt: null, deadline: null }, now);
    expect(early.max - early.min).toBe(86_400_000);
    expect(early.deadlineAt).toBeNull();
  });

  it('becomes an ECharts option with the deadline and now as marker lines, labels in China time', () => {
    const t = stageTimeline(stages, { acceptedAt: '2026-03-02T02:00:00Z', deadline: '2026-03-16' }, now);
    const option = timelineOption(t, '10个工作日') as {
      yAxis: { data: string[] }; xAxis: { axisLabel: { formatter: (v: number) => string } };
      series: { data: { value: number[] }[]; markLine: { data: { xAxis: number; label: { formatter: string } }[] } }[];
    };
    expect(option.yAxis.data).toEqual(['第 1 阶段 清税清费', '第 2 阶段 注销登记', '第 3 阶段 银行销户']);
    expect(option.series[0].data.map((d) => d.value[3])).toEqual([1, 1, 0]);
    const [deadline, nowMark] = option.series[0].markLine.data;
    expect(deadline.xAxis).toBe(t.deadlineAt);
    expect(deadline.label.formatter).toBe('总时限 10个工作日\n2026-03-16 止');
    expect(nowMark.xAxis).toBe(now);
    expect(option.xAxis.axisLabel.formatter(Date.parse('2026-03-02T16:30:00Z'))).toBe('03-03');
  });

  it('shows the working hours as a meter, warning past half', () => {
    const w = { budgetHours: 7, usedHours: 3.75, leftHours: 3.25, dayHours: 7, deadlineAt: '2024-10-08T08:30:00Z', state: 'HALF_USED' };
    expect(hourMeter(w)).toEqual({ percent: 54, status: 'warning',
      text: '已用 3.8 / 7 工作小时，剩余 3.3 小时（10-08 16:30 到时） · 用时已过半' });
    expect(hourMeter({ ...w, usedHours: 2, leftHours: 5, state: 'ON_TRACK' }).status).toBe('');
    expect(hourMeter({ ...w, usedHours: 8.5, leftHours: 0, state: 'MISSED' })).toEqual({ percent: 100, status: 'exception',
      text: '已用 8.5 / 7 工作小时 · 已办结，超出时限' });
  });

  it('says how much of the budget is used', () => {
    expect(budgetUsage(null, '10个工作日')).toBe('总时限 10个工作日（受理后开始计算）');
    expect(budgetUsage(3, '10个工作日')).toBe('已用 3 个工作日（总时限 10个工作日）');
  });
});

describe('idempotency keys', () => {
  it('are fresh and 8..64 characters', () => {
    const a = bundleKey();
    expect(a).not.toBe(bundleKey());
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(64);
  });
});
