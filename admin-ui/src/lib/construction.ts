// 工程建设项目审批: a project's four stages against their budgets, as the construction project page
// draws them (pages/bundles/ConstructionProject.vue). The server counts the days
// (ProjectTime: working days on the clock per stage; the applicant's, intermediary services' and
// suspensions' days off the clock, apart); this turns them into Gantt rows and the ECharts option —
// per stage a planned bar (its share of the budget from its start, off-clock days added) and the
// actual one (from its start to its end, or today), coloured by its status.
import type { ProjectStageStatus, ProjectTodoKind } from '../gql/graphql';

export interface StageDays {
  number: number;
  name: string;
  main: boolean;
  budgetDays: number;
  usedDays: number;
  leftDays: number;
  overBudget: boolean;
  applicantDays: number;
  intermediaryDays: number;
  suspendedDays: number;
  status: ProjectStageStatus;
  statusLabel: string;
  heldBy: readonly string[];
  startedOn: string | null;
  endedOn: string | null;
  plannedStart: string;
  plannedEnd: string;
}

export const STAGE_STATUS_TAGS: Record<ProjectStageStatus, 'success' | 'primary' | 'warning' | 'danger' | 'info'> = {
  DONE: 'success', RUNNING: 'primary', WITH_APPLICANT: 'warning', HELD: 'danger', WAITING: 'info',
};

export const TODO_KINDS: Record<ProjectTodoKind, string> = {
  RESUBMIT: '补正后重新提交', CORRECT: '补正材料', REAPPLY: '重新申请',
};

const COLORS: Record<ProjectStageStatus | 'planned' | 'over', string> = {
  DONE: '#67c23a', RUNNING: '#409eff', WITH_APPLICANT: '#e6a23c', HELD: '#f56c6c', WAITING: '#c0c4cc',
  planned: '#dcdfe6', over: '#f56c6c',
};

const DAY_MS = 86_400_000;

/** A day (YYYY-MM-DD, China) as the epoch milliseconds of its start in China time. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

function dayText(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface GanttBar {
  row: number; // the stage's row (0: the first stage, drawn on top)
  kind: 'planned' | 'actual';
  start: number;
  end: number; // exclusive: the start of the day after the last
  color: string;
  text: string;
}

/** The off-clock days of a stage in words: "申请人补正 5 天、中介服务 4 天" (empty when none). */
export function offClockText(s: Pick<StageDays, 'applicantDays' | 'intermediaryDays' | 'suspendedDays'>): string {
  const parts: string[] = [];
  if (s.applicantDays) parts.push(`申请人补正 ${s.applicantDays} 天`);
  if (s.intermediaryDays) parts.push(`中介服务 ${s.intermediaryDays} 天`);
  if (s.suspendedDays) parts.push(`中止 ${s.suspendedDays} 天`);
  return parts.join('、');
}

/** What a stage used, in words: "已用 5 / 15 个工作日，剩余 10（不计时：申请人补正 5 天）". */
export function usageText(s: StageDays): string {
  const left = s.leftDays >= 0 ? `剩余 ${s.leftDays}` : `超出 ${-s.leftDays}`;
  const off = offClockText(s);
  return `已用 ${s.usedDays} / ${s.budgetDays} 个工作日，${left}${off ? `（不计时：${off}）` : ''}`;
}

/** The Gantt bars: per stage its planned span and, once started, its actual one (to today while it runs). */
export function ganttBars(stages: readonly StageDays[], today: string): GanttBar[] {
  const bars: GanttBar[] = [];
  stages.forEach((s, row) => {
    bars.push({
      row, kind: 'planned', start: dayStart(s.plannedStart), end: dayStart(s.plannedEnd) + DAY_MS, color: COLORS.planned,
      text: `计划：${s.plannedStart} 至 ${s.plannedEnd}（时限份额 ${s.budgetDays} 个工作日）`,
    });
    if (s.startedOn) {
      const last = s.endedOn ?? today;
      bars.push({
        row, kind: 'actual', start: dayStart(s.startedOn), end: Math.max(dayStart(last), dayStart(s.startedOn)) + DAY_MS,
        color: s.overBudget ? COLORS.over : COLORS[s.status],
        text: `实际：${s.startedOn} 至 ${s.endedOn ?? `${today}（${s.statusLabel}）`}，${usageText(s)}`,
      });
    }
  });
  return bars;
}

/** The ECharts option of the Gantt chart: one category per stage, the planned bar above the actual
 * one, today as a marker line; labels in China time. */
export function ganttOption(stages: readonly StageDays[], today: string): Record<string, unknown> {
  const bars = ganttBars(stages, today);
  const todayMs = dayStart(today);
  const min = Math.min(todayMs, ...bars.map((b) => b.start));
  const max = Math.max(todayMs + DAY_MS, ...bars.map((b) => b.end));
  const span = Math.round((max - min) / DAY_MS);
  return {
    animation: false,
    grid: { left: 210, right: 40, top: 40, bottom: 30 },
    legend: { data: ['计划（时限份额）', '实际'], top: 0 },
    tooltip: { trigger: 'item', formatter: (p: { data: { text: string } }) => p.data.text },
    xAxis: {
      type: 'value', min, max, interval: DAY_MS * Math.max(1, Math.ceil(span / 12)),
      axisLabel: { formatter: (v: number) => dayText(v).slice(5) },
      splitLine: { show: true, lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category', inverse: true, axisTick: { show: false },
      data: stages.map((s) => `第 ${s.number} 阶段 ${s.name}${s.main ? '' : '（非主流程）'}`),
    },
    series: (['planned', 'actual'] as const).map((kind) => ({
      type: 'custom',
      name: kind === 'planned' ? '计划（时限份额）' : '实际',
      itemStyle: { color: kind === 'planned' ? COLORS.planned : COLORS.RUNNING },
      encode: { x: [1, 2], y: 0 },
      data: bars.filter((b) => b.kind === kind).map((b) => ({ value: [b.row, b.start, b.end], itemStyle: { color: b.color }, text: b.text })),
      renderItem: (_params: unknown, api: {
        value: (i: number) => number; coord: (p: number[]) => number[]; size: (p: number[]) => number[]; style: () => object;
      }) => {
        const [x0, y] = api.coord([api.value(1), api.value(0)]);
        const [x1] = api.coord([api.value(2), api.value(0)]);
        const h = api.size([0, 1])[1] * 0.3;
        const top = kind === 'planned' ? y - h - 1 : y + 1;
        return { type: 'rect', shape: { x: x0, y: top, width: Math.max(x1 - x0, 3), height: h }, style: api.style() };
      },
      ...(kind === 'actual'
        ? { markLine: { symbol: 'none', silent: true, data: [{ xAxis: todayMs, lineStyle: { color: '#909399', type: 'dashed' }, label: { formatter: '今天', position: 'start' } }] } }
        : {}),
    })),
  };
}
