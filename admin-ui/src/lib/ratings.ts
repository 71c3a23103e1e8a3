// 好差评 and 差评整改: what a rectification card shows and which actions it offers (the server
// decides; these only hide buttons that would be refused), and the measures as percentages.

export interface CardState {
  status: string;
  card?: string | null;
  extended: boolean;
  needsRevisit: boolean;
  review?: string | null;
}

export type Action = 'start' | 'finish' | 'unable' | 'appeal' | 'extend' | 'revisit' | 'reviewUnable' | 'reviewAppeal';

const OPEN = ['pending', 'in_progress'];

/** The actions a card offers to a caller with these roles. */
export function actionsFor(r: CardState, roles: string[]): Action[] {
  const handler = roles.includes('DEPT_REVIEWER') || roles.includes('HALL_SUPERVISOR');
  const supervisor = roles.includes('HALL_SUPERVISOR') || roles.includes('CITY_ADMIN');
  const out: Action[] = [];
  if (handler && r.status === 'pending') out.push('start');
  if (handler && OPEN.includes(r.status)) {
    out.push('finish', 'unable');
    if (!r.review || !['upheld', 'rejected'].includes(r.review)) out.push('appeal');
  }
  if ((handler || supervisor) && OPEN.includes(r.status) && !r.extended) out.push('extend');
  if ((handler || supervisor) && r.needsRevisit) out.push('revisit');
  if (supervisor && r.status === 'unable_review') out.push('reviewUnable');
  if (roles.includes('CITY_ADMIN') && r.status === 'appealed') out.push('reviewAppeal');
  return out;
}

/** The card's colour: red and yellow as cases' deadlines, green when closed, grey otherwise. */
export function cardTag(r: CardState): { type: 'danger' | 'warning' | 'success' | 'info'; text: string } {
  if (r.card === 'red') return { type: 'danger', text: '红牌（已超期）' };
  if (r.card === 'yellow' && OPEN.includes(r.status)) return { type: 'warning', text: '黄牌（今日到期）' };
  if (['done', 'unable', 'upheld'].includes(r.status)) return { type: 'success', text: '已办结' };
  return { type: 'info', text: '期限内' };
}

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
}

export const STARS = (level: number): string => '★'.repeat(level) + '☆'.repeat(5 - level);

export const CHANNEL_LABELS: Record<string, string> = {
  app: '移动端', web: '网页', sms: '短信链接', window: '窗口评价器', qr: '二维码', default: '默认评价',
};

/** A text the server requires (measures, reasons, notes), checked as the server does. */
export function textError(text: string, what: string): string {
  const t = text.trim();
  if (t.length < 2) return `请填写${what}`;
  return t.length > 1000 ? `${what}不能超过 1000 个字` : '';
}
