// 吐槽找茬 and the hall's day: what each complaint shows (its card, its column on the supervisor's
// board), which step a person may take next (the server decides again), and how a booking stands.

export type Card = 'YELLOW' | 'RED' | null | undefined;
export type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

export interface BoardRow {
  status: string;
  card?: Card;
  deadline: string;
}

export const BOARD_COLUMNS: { key: string; title: string; statuses: string[] }[] = [
  { key: 'new', title: '待转办', statuses: ['ACCEPTED'] },
  { key: 'doing', title: '办理中', statuses: ['ASSIGNED', 'HANDLED'] },
  { key: 'answered', title: '待回访', statuses: ['ANSWERED'] },
  { key: 'done', title: '待办结 / 已办结', statuses: ['REVISITED', 'CLOSED'] },
];

/** The board's columns, each with its complaints: red cards first, then yellow, then by deadline. */
export function boardColumns<T extends BoardRow>(rows: readonly T[]): { key: string; title: string; rows: T[] }[] {
  const weight = (r: T) => (r.card === 'RED' ? 0 : r.card === 'YELLOW' ? 1 : 2);
  return BOARD_COLUMNS.map((c) => ({
    key: c.key, title: c.title,
    rows: rows.filter((r) => c.statuses.includes(r.status))
      .sort((a, b) => weight(a) - weight(b) || a.deadline.localeCompare(b.deadline)),
  }));
}

export function cardTag(card: Card): { type: TagType; text: string } | null {
  if (card === 'RED') return { type: 'danger', text: '红牌 · 已超期' };
  if (card === 'YELLOW') return { type: 'warning', text: '黄牌 · 即将到期' };
  return null;
}

export type Step = 'assign' | 'extend' | 'handle' | 'answer' | 'revisit' | 'close';

/** The steps a handler (their own complaint) or a supervisor may take from a complaint's state. */
export function nextSteps(status: string, opts: { handler: boolean; supervisor: boolean; extended: boolean }): Step[] {
  const out: Step[] = [];
  if (opts.supervisor && (status === 'ACCEPTED' || status === 'ASSIGNED')) out.push('assign');
  if ((opts.handler || opts.supervisor) && !opts.extended && ['ACCEPTED', 'ASSIGNED', 'HANDLED'].includes(status)) out.push('extend');
  if (opts.handler && status === 'ASSIGNED') out.push('handle');
  if (opts.handler && status === 'HANDLED') out.push('answer');
  if (opts.supervisor && status === 'ANSWERED') out.push('revisit');
  if (opts.supervisor && status === 'REVISITED') out.push('close');
  return out;
}

export const STEP_LABELS: Record<Step, string> = {
  assign: '转办', extend: '延期', handle: '登记办理情况', answer: '答复', revisit: '回访', close: '办结',
};

/** A note's check before it is sent, as the server's: 2 to 1000 characters where one is required. */
export function noteError(step: Step, note: string): string {
  const text = note.trim();
  const required = step === 'extend' || step === 'handle' || step === 'answer';
  if (required && text.length < 2) return { extend: '请填写延期理由', handle: '请填写办理情况', answer: '请填写答复内容' }[step];
  if (text.length > 1000) return '最多 1000 字';
  return '';
}

export const APPOINTMENT_TAGS: Record<string, { type: TagType; text: string }> = {
  BOOKED: { type: 'primary', text: '待签到' },
  ATTENDED: { type: 'success', text: '已到场' },
  MISSED: { type: 'danger', text: '未到场' },
  CANCELLED: { type: 'info', text: '已取消' },
};

/** Whether the window may check a booking in now: booked, and today is its day. */
export function canCheckIn(a: { status: string; date: string }, today: string): boolean {
  return a.status === 'BOOKED' && a.date === today;
}

export const ASSISTANCE_STATUS: Record<string, { type: TagType; text: string }> = {
  REQUESTED: { type: 'warning', text: '待指派' },
  ASSIGNED: { type: 'primary', text: '帮办中' },
  CONFIRMED: { type: 'success', text: '已办结' },
  CANCELLED: { type: 'info', text: '已取消' },
};

export const ASSISTANCE_KINDS: Record<string, string> = {
  APPOINTMENT: '预约办理', EXTENDED_HOURS: '延时服务', WEEKEND: '周末服务', DOOR_TO_DOOR: '上门服务',
  REMOTE: '远程视频帮办', STARTUP: '企业开办全程帮办',
};
