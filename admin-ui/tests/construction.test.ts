// 工程建设项目审批 in the admin UI: a project's four stages as Gantt bars against their budgets
// (planned vs actual), the off-clock days in words, and the chart's option.
import { describe, expect, it } from 'vitest';

import { dayStart, ganttBars, ganttOption, offClockText, type StageDays, usageText } from '../src/lib/construction';

const DAY = 86_400_000;

function stage(over: Partial<StageDays>): StageDays {
  return {
    number: 1, name: '立项用地规划许可', main: true, budgetDays: 10, usedDays: 3, leftDays: 7, overBudget: false,
    applicantDays: 0, intermediaryDays: 0, suspendedDays: 0, status: 'DONE', statusLabel: '已办结', heldBy: [],
    startedOn: '2025-03-03', endedOn: '2025-03-06', plannedStart: '2025-03-03', plannedEnd: '2025-03-17', ...over,
  };
}

const STAGES: StageDays[] = [
  stage({}),
  stage({ number: 2, name: '工程建设许可', budgetDays: 15, usedDays: 3, leftDays: 12, applicantDays: 3, status: 'WITH_APPLICANT',
          statusLabel: '待申请人补正、重新提交或重新申请', startedOn: '2025-03-06', endedOn: null, plannedStart: '2025-03-06', plannedEnd: '2025-03-31' }),
  stage({ number: 3, name: '施工许可', budgetDays: 20, usedDays: 0, leftDays: 20, status: 'HELD', statusLabel: '暂缓', heldBy: ['建设工程规划许可证核发'],
          startedOn: null, endedOn: null, plannedStart: '2025-03-31', plannedEnd: '2025-04-29' }),
  stage({ number: 4, name: '竣工验收', main: false, budgetDays: 12, usedDays: 14, leftDays: -2, overBudget: true, intermediaryDays: 4,
          status: 'RUNNING', statusLabel: '办理中', startedOn: '2025-04-29', endedOn: null, plannedStart: '2025-04-29', plannedEnd: '2025-05-16' }),
];

describe('the stages in words', () => {
  it('names the off-clock days apart from the budget', () => {
    expect(offClockText(STAGES[0])).toBe('');
    expect(offClockText({ applicantDays: 5, intermediaryDays: 4, suspendedDays: 1 })).toBe('申请人补正 5 天、中介服务 4 天、中止 1 天');
    expect(usageText(STAGES[1])).toBe('已用 3 / 15 个工作日，剩余 12（不计时：申请人补正 3 天）');
    expect(usageText(STAGES[3])).toBe('已用 14 / 12 个工作日，超出 2（不计时：中介服务 4 天）');
  });
});

describe('the Gantt bars', () => {
  const bars = ganttBars(STAGES, '2025-03-14');
  it('draws every stage’s plan and, once started, what it used, to today while it runs', () => {
    expect(bars.map((b) => [b.row, b.kind])).toEqual([
      [0, 'planned'], [0, 'actual'], [1, 'planned'], [1, 'actual'], [2, 'planned'], [3, 'planned'], [3, 'actual'],
    ]);
    const [plan1, done1, , running2] = bars;
    expect([plan1.start, plan1.end]).toEqual([dayStart('2025-03-03'), dayStart('2025-03-17') + DAY]);
    expect([done1.start, done1.end]).toEqual([dayStart('2025-03-03'), dayStart('2025-03-06') + DAY]);
    expect(running2.end).toBe(dayStart('2025-03-14') + DAY);
    expect(running2.text).toBe('实际：2025-03-06 至 2025-03-14（待申请人补正、重新提交或重新申请），已用 3 / 15 个工作日，剩余 12（不计时：申请人补正 3 天）');
  });
  it('colours a stage by its status, and red once over its share', () => {
    const colour = (row: number) => bars.find((b) => b.row === row && b.kind === 'actual')?.color;
    expect([colour(0), colour(1), colour(3)]).toEqual(['#67c23a', '#e6a23c', '#f56c6c']);
    expect(bars.filter((b) => b.kind === 'planned').every((b) => b.color === '#dcdfe6')).toBe(true);
  });
  it('is the chart’s option: one category per stage, plan and actual as two series, today marked', () => {
    const o = ganttOption(STAGES, '2025-03-14') as {
      yAxis: { data: string[] }; series: { name: string; data: unknown[]; markLine?: { data: { xAxis: number }[] } }[];
      xAxis: { min: number; max: number };
    };
    expect(o.yAxis.data).toEqual(['第 1 阶段 立项用地规划许可', '第 2 阶段 工程建设许可', '第 3 阶段 施工许可', '第 4 阶段 竣工验收（非主流程）']);
    expect(o.series.map((s) => [s.name, s.data.length])).toEqual([['计划（时限份额）', 4], ['实际', 3]]);
    expect(o.series[1].markLine?.data[0].xAxis).toBe(dayStart('2025-03-14'));
    expect([o.xAxis.min, o.xAxis.max]).toEqual([dayStart('2025-03-03'), dayStart('2025-05-16') + DAY]);
  });
});
