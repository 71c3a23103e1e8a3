// The theme and menu editors' logic (src/lib/themes.ts): conditions to and from the graph, the
// draft to ThemeContentInput, what each answer selects, the counts against items one by one, the
// status actions, and the service menu's entries.
import { describe, expect, it } from 'vitest';

import type { ThemeContentPartsFragment } from '../src/gql/graphql';
import {
  answerEffects,
  checkDraft,
  checkMenu,
  conditionFromGraph,
  conditionToInput,
  contentErrors,
  countRows,
  describeCondition,
  earlierItems,
  emptyCondition,
  emptyTheme,
  itemFromCatalogue,
  type MenuEntryDraft,
  menuChanges,
  menuFromGraph,
  menuToInput,
  move,
  needsSituation,
  newMenuEntry,
  newQuestion,
  nextKey,
  pathCount,
  pathTotals,
  pruneConditions,
  renameOptionValue,
  renameQuestionKey,
  standingErrors,
  themeActions,
  themeFromGraph,
  toContentInput,
  toggleSituation,
  valueAt,
  withKind,
} from '../src/lib/themes';

const INSURED = { key: 'insured', text: '是否参加失业保险满一年', kind: 'YES_NO' as const, help: '', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] };
const KIND = {
  key: 'kind', text: '人员类别', kind: 'CHOICE' as const, help: '',
  options: [{ value: 'jobless', label: '失业人员' }, { value: 'graduate', label: '高校毕业生' }, { value: 'veteran', label: '退役军人' }],
};

const GRAPH: ThemeContentPartsFragment = {
  name: '失业保障', audience: 'PERSON', lifeStage: 'EMPLOYMENT', foundsEntity: false, maxVisits: 0, keywords: ['失业金', '失业登记'],
  leadDepartmentCode: '371500-RSJ', leadDepartment: { code: '371500-RSJ', name: '聊城市人力资源和社会保障局' },
  cooperatingDepartmentCodes: ['371502-RSJ'], cooperatingDepartments: [{ code: '371502-RSJ', name: '东昌府区人力资源和社会保障局' }],
  budget: { value: 10, unit: 'WORKING_DAY', text: '10个工作日' },
  guide: { summary: '一次申请。', conditions: '', process: ['一次填报', '并联办理'], notes: [], faq: [{ question: '跑几次？', answer: '不用跑。' }], basis: '' },
  questions: [INSURED, KIND],
  stages: [
    {
      key: 'register', name: '失业登记', leadDepartmentCode: null, leadDepartment: null,
      items: [{
        key: 'register', basicCode: '200720001000', departmentCode: '371502-RSJ', dependsOn: [], note: '',
        department: { name: '东昌府区人力资源和社会保障局' },
        serviceItem: { id: 'x', name: '失业登记', situations: [{ name: '常住地失业登记' }] },
        situations: [], when: null,
      }],
    },
    {
      key: 'benefit', name: '待遇', leadDepartmentCode: '371500-RSJ', leadDepartment: { code: '371500-RSJ', name: '聊城市人力资源和社会保障局' },
      items: [
        {
          key: 'benefit', basicCode: '050701001000', departmentCode: '371500-RSJ', dependsOn: ['register'], note: '',
          department: { name: '聊城市人力资源和社会保障局' }, serviceItem: { id: 'y', name: '失业保险金申领', situations: [{ name: '申领' }] },
          situations: [], when: { question: 'insured', in: ['yes'], all: null, any: null },
        },
        {
          key: 'card', basicCode: '200720002000', departmentCode: '371500-RSJ', dependsOn: ['register'], note: '',
          department: { name: '聊城市人力资源和社会保障局' },
          serviceItem: { id: 'z', name: '就业创业证申领', situations: [{ name: '已办理就业或失业登记人员申领' }, { name: '毕业年度内高校毕业生申领' }] },
          situations: [
            { name: '已办理就业或失业登记人员申领', when: { question: 'kind', in: ['jobless', 'veteran'], all: null, any: null } },
            { name: '毕业年度内高校毕业生申领', when: { question: 'kind', in: ['graduate'], all: null, any: null } },
          ],
          when: {
            question: null, in: null, any: null,
            all: [{ question: 'insured', in: ['yes'], all: null, any: null }, { question: null, in: null, all: null, any: [{ question: 'kind', in: ['graduate'] }, { question: 'kind', in: ['veteran'] }] }],
          },
        },
      ],
    },
  ],
};

describe('conditions', () => {
  it('read a leaf, a flat all / any, and keep a nested one whole', () => {
    expect(conditionFromGraph(null)).toEqual(emptyCondition());
    expect(conditionFromGraph({ question: 'insured', in: ['yes'], all: null, any: null })).toEqual({ mode: 'all', clauses: [{ question: 'insured', values: ['yes'] }], raw: null });
    expect(conditionFromGraph({ any: [{ question: 'a', in: ['x'] }, { question: 'b', in: ['y', 'z'] }] })).toEqual({
      mode: 'any', clauses: [{ question: 'a', values: ['x'] }, { question: 'b', values: ['y', 'z'] }], raw: null,
    });
    const nested = conditionFromGraph(GRAPH.stages[1].items[1].when);
    expect(nested.clauses).toEqual([]);
    expect(nested.raw).toEqual({ all: [{ question: 'insured', in: ['yes'] }, { any: [{ question: 'kind', in: ['graduate'] }, { question: 'kind', in: ['veteran'] }] }] });
    expect(conditionToInput(nested)).toBe(nested.raw);
  });

  it('go back as null, a leaf, or all / any of leaves, without empty clauses', () => {
    expect(conditionToInput(emptyCondition())).toBeNull();
    expect(conditionToInput({ mode: 'any', clauses: [{ question: '', values: [] }], raw: null })).toBeNull();
    expect(conditionToInput({ mode: 'any', clauses: [{ question: 'insured', values: ['yes'] }], raw: null })).toEqual({ question: 'insured', in: ['yes'] });
    expect(conditionToInput({ mode: 'any', clauses: [{ question: 'insured', values: ['yes'] }, { question: 'kind', values: [] }], raw: null })).toEqual({
      any: [{ question: 'insured', in: ['yes'] }, { question: 'kind', in: [] }],
    });
  });

  it('read as Chinese', () => {
    const qs = [INSURED, KIND];
    expect(describeCondition(emptyCondition(), qs)).toBe('总是适用');
    expect(describeCondition({ mode: 'all', clauses: [{ question: 'insured', values: ['yes'] }, { question: 'kind', values: ['jobless', 'veteran'] }], raw: null }, qs))
      .toBe('是否参加失业保险满一年：是，并且人员类别：失业人员或退役军人');
    expect(describeCondition(conditionFromGraph(GRAPH.stages[1].items[1].when), qs))
      .toBe('（是否参加失业保险满一年：是，并且（人员类别：高校毕业生，或者人员类别：退役军人））');
  });
});

describe('the draft', () => {
  it('comes from the graph and goes back as the whole content', () => {
    const d = themeFromGraph(GRAPH, 'unemployment-test', '新增');
    expect(d.keywords).toBe('失业金，失业登记');
    expect(d.process).toBe('一次填报\n并联办理');
    expect(d.stages[1].items[1].ownSituations).toHaveLength(2);
    const input = toContentInput(d);
    expect(input.guide).toEqual({ summary: '一次申请。', conditions: '', process: ['一次填报', '并联办理'], notes: [], faq: [{ question: '跑几次？', answer: '不用跑。' }], basis: '' });
    expect(input.keywords).toEqual(['失业金', '失业登记']);
    expect(input.questions?.[0]).toEqual({ key: 'insured', text: '是否参加失业保险满一年', kind: 'YES_NO', help: '', options: [] });
    expect(input.questions?.[1].options).toHaveLength(3);
    expect(input.stages?.[0]).toEqual({
      key: 'register', name: '失业登记', leadDepartment: null,
      items: [{ key: 'register', basicCode: '200720001000', department: '371502-RSJ', situations: [], when: null, dependsOn: [], note: '' }],
    });
    expect(input.stages?.[1].items[0].when).toEqual({ question: 'insured', in: ['yes'] });
    expect(input.stages?.[1].items[1].situations[1]).toEqual({ name: '毕业年度内高校毕业生申领', when: { question: 'kind', in: ['graduate'] } });
    expect(input.budget).toEqual({ value: 10, unit: 'WORKING_DAY' });
    // a person's theme never founds an enterprise, whatever the checkbox said
    expect(toContentInput({ ...d, foundsEntity: true }).foundsEntity).toBe(false);
  });

  it('adds catalogue items with fresh keys, and asks for situations where an item has several', () => {
    const d = emptyTheme();
    const one = itemFromCatalogue({ name: '失业登记', basicCode: '200720001000', departmentCode: '371502-RSJ', department: { name: '东昌府区人社局' }, situations: [{ name: '常住地失业登记' }] }, d.stages);
    d.stages[0].items.push(one);
    const two = itemFromCatalogue({ name: '就业创业证申领', basicCode: '200720002000', departmentCode: '371500-RSJ', department: { name: '市人社局' }, situations: [{ name: '甲' }, { name: '乙' }] }, d.stages);
    d.stages[0].items.push(two);
    expect([one.key, two.key]).toEqual(['item1', 'item2']);
    expect(needsSituation(one)).toBe(false);
    expect(needsSituation(two)).toBe(true);
    expect(checkDraft(d, false)['stages.0.items.1.situations']?.[0]).toContain('请勾选适用的情形');
    two.situations = toggleSituation(two, '乙', true);
    two.situations = toggleSituation(two, '甲', true);
    expect(two.situations.map((s) => s.name)).toEqual(['甲', '乙']);
    two.situations = toggleSituation(two, '甲', false);
    expect(two.situations.map((s) => s.name)).toEqual(['乙']);
    expect(needsSituation(two)).toBe(false);
    expect(earlierItems(d.stages, 0, 1)).toEqual([{ key: 'item1', label: '失业登记' }]);
  });

  it('checks keys and the theme code before sending, at the server paths', () => {
    const d = emptyTheme();
    d.code = 'Bad Code';
    d.stages[0].key = '1st';
    d.questions.push({ ...newQuestion('CHOICE', []), key: 'Q' });
    const errors = checkDraft(d, true);
    expect(Object.keys(errors).sort()).toEqual(['code', 'questions.0.key', 'stages.0.key']);
    expect(checkDraft({ ...d, code: 'bad code' }, false).code).toBeUndefined();
  });

  it('maps the mutations’ content paths onto the page’s', () => {
    expect(contentErrors({ 'content.stages.0.items.1.basicCode': ['事项不存在'], code: ['编码重复'], content: ['内容必填'] })).toEqual({
      'stages.0.items.1.basicCode': ['事项不存在'], code: ['编码重复'], _: ['内容必填'],
    });
  });

  it('drops an error once its field changes, and keeps the others', () => {
    const before = toContentInput(themeFromGraph(GRAPH, 't'));
    expect(valueAt(before, 'stages.1.items.0.when')).toEqual({ question: 'insured', in: ['yes'] });
    expect(valueAt(before, 'stages.9.name')).toBeUndefined();
    const after = { ...before, leadDepartment: '371502-RSJ' };
    const errors = { leadDepartment: ['牵头部门不存在'], 'stages.0.name': ['阶段名称不能为空'], _: ['服务器错误'] };
    expect(standingErrors(errors, before, after)).toEqual({ 'stages.0.name': ['阶段名称不能为空'], _: ['服务器错误'] });
  });

  it('keeps conditions in step with the questionnaire', () => {
    const d = themeFromGraph(GRAPH, 't');
    renameQuestionKey(d, 'insured', 'insured1y');
    expect(d.stages[1].items[0].when.clauses[0].question).toBe('insured1y');
    renameOptionValue(d, 'kind', 'graduate', 'student');
    expect(d.stages[1].items[1].situations[1].when.clauses[0].values).toEqual(['student']);
    d.questions = d.questions.filter((q) => q.key !== 'kind');
    pruneConditions(d);
    expect(d.stages[1].items[1].situations[0].when.clauses).toEqual([]);
    expect(d.stages[1].items[0].when.clauses).toHaveLength(0); // 'insured1y' is not a question any more
  });
});

describe('the questionnaire', () => {
  it('counts its answer paths and makes new questions', () => {
    expect(pathCount([])).toBe(1);
    expect(pathCount([INSURED, KIND])).toBe(6);
    const q = newQuestion('YES_NO', ['q1']);
    expect(q).toMatchObject({ key: 'q2', kind: 'YES_NO', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] });
    expect(withKind(KIND, 'YES_NO').options.map((o) => o.value)).toEqual(['yes', 'no']);
    expect(nextKey('stage', ['stage1', 'stage3'])).toBe('stage2');
  });

  it('names what each answer selects', () => {
    const effects = answerEffects(themeFromGraph(GRAPH, 't'));
    expect(effects[0]).toEqual({
      key: 'insured', text: '是否参加失业保险满一年',
      options: [{ value: 'yes', label: '是', selects: ['失业保险金申领', '就业创业证申领'] }, { value: 'no', label: '否', selects: [] }],
    });
    expect(effects[1].options.map((o) => [o.value, o.selects])).toEqual([
      ['jobless', ['就业创业证申领：已办理就业或失业登记人员申领']],
      ['graduate', ['就业创业证申领', '就业创业证申领：毕业年度内高校毕业生申领']],
      ['veteran', ['就业创业证申领', '就业创业证申领：已办理就业或失业登记人员申领']],
    ]);
  });
});

describe('the preview', () => {
  const counts = { items: 3, stages: 2, fields: 12, fieldsPrefilled: 3, fieldsAsked: 9, fieldsSeparately: 24, materials: 4, materialsGenerated: 3, materialsSeparately: 10, visits: 0, visitsSeparately: 2 };
  it('sets the bundle against the items one by one', () => {
    expect(countRows(counts)).toEqual([
      { label: '申请人填写的表单项', bundle: 9, separately: 24, saved: '少填 15 项（-63%）' },
      { label: '申请人提交的材料', bundle: 4, separately: 10, saved: '少交 6 份（-60%）' },
      { label: '到现场次数', bundle: 0, separately: 2, saved: '少跑 2 次（-100%）' },
      { label: '办理环节（申请 + 每阶段）', bundle: 3, separately: 6, saved: '少 3 个（-50%）' },
    ]);
    expect(countRows({ ...counts, visits: 1, visitsSeparately: 1 })[2].saved).toBe('相同');
    expect(pathTotals([{ bundle: { counts } }, { bundle: { counts: { ...counts, items: 1 } } }])).toEqual({ paths: 2, minItems: 1, maxItems: 3 });
  });
});

describe('status actions', () => {
  it('follow the theme’s status', () => {
    expect(themeActions('DRAFT', true)).toEqual(['publish', 'cancel']);
    expect(themeActions('ACTIVE', false)).toEqual(['suspend', 'cancel']);
    expect(themeActions('ACTIVE', true)).toEqual(['publish', 'suspend', 'cancel']);
    expect(themeActions('SUSPENDED', false)).toEqual(['resume', 'cancel']);
    expect(themeActions('CANCELLED', true)).toEqual([]);
  });
});

describe('the service menu', () => {
  const graph = [
    { key: 'enterprise-startup', title: '企业开办', category: '企业服务', description: '', itemCodes: [], themeCodes: ['enterprise-startup'] },
    { key: 'id-card', title: '身份证办理', category: '户籍证件', description: '首次、换领、补领', itemCodes: ['070750001000'], themeCodes: [] },
  ];
  it('round-trips, adds, moves and reports its changes', () => {
    const before = menuFromGraph(graph);
    const after: MenuEntryDraft[] = menuFromGraph(graph);
    expect(menuToInput(after)).toEqual([
      { key: 'enterprise-startup', title: '企业开办', category: '企业服务', description: '', items: [], themes: ['enterprise-startup'] },
      { key: 'id-card', title: '身份证办理', category: '户籍证件', description: '首次、换领、补领', items: ['070750001000'], themes: [] },
    ]);
    expect(menuChanges(before, after)).toEqual({ added: [], removed: [], moved: false, edited: [] });
    const entry = newMenuEntry(after, '户籍证件');
    expect(entry).toEqual({ key: 'entry-1', title: '', category: '户籍证件', description: '', items: [], themes: [] });
    after.push({ ...entry, title: '失业保障', themes: ['unemployment'] });
    expect(move(after, 2, -2)).toBe(true);
    expect(move(after, 0, -1)).toBe(false);
    after[2].description = '改';
    expect(menuChanges(before, after)).toEqual({ added: ['entry-1'], removed: [], moved: false, edited: ['id-card'] });
    expect(move(after, 1, 1)).toBe(true);
    after.splice(0, 1);
    expect(menuChanges(before, after)).toEqual({ added: [], removed: [], moved: true, edited: ['id-card'] });
  });

  it('checks keys, titles, categories and targets at the server paths', () => {
    const entries = menuFromGraph(graph);
    entries.push({ key: 'id-card', title: '企业开办', category: '', description: '', items: [], themes: [] });
    expect(checkMenu(entries)).toEqual({
      'entries.2.key': ['菜单项标识“id-card”重复'],
      'entries.2.title': ['菜单项“企业开办”重复'],
      'entries.2.category': ['菜单项分类不能为空，不超过 16 个字符'],
      'entries.2': ['菜单项“企业开办”须指向至少一个事项或主题'],
    });
    expect(checkMenu([])).toEqual({ entries: ['服务菜单至少需要一项'] });
    expect(checkMenu(menuFromGraph(graph))).toEqual({});
  });
});
