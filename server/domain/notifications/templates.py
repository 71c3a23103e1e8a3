"""Message templates in Chinese, per event, versioned: an outbox row names the code and the version
it was written with, so a later wording change never alters a message already queued.

Placeholders are ``str.format`` fields; ``secret`` names parameters scrubbed from the outbox row once
the message is delivered or dead (a sign-in code must not stay readable in the database).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Template:
    code: str
    version: int
    label: str
    title: str
    body: str
    urgent: bool = False  # urgent SMS ignore quiet hours
    audience: str = "citizen"  # citizen | staff
    secret: tuple[str, ...] = ()

    def render(self, params: dict[str, str]) -> tuple[str, str]:
        return self.title.format(**params), self.body.format(**params)


_ALL = [
    Template("sign_in_code", 1, "短信验证码", "登录验证码",
             "【聊易】您的登录验证码为 {code}，{minutes} 分钟内有效。工作人员不会向您索要验证码，请勿告诉他人。",
             urgent=True, secret=("code",)),
    Template("submitted", 1, "申请已提交", "申请已提交",
             "【聊易】您的“{item}”申请已提交（办件号 {case_no}），我们将尽快受理。"),
    Template("accepted", 1, "申请已受理", "申请已受理",
             "【聊易】您的“{item}”申请已受理（办件号 {case_no}），承诺 {deadline} 前办结。"),
    Template("accepted_missing", 1, "受理待补正", "已受理，请补充材料",
             "【聊易】您的“{item}”申请已受理（办件号 {case_no}），请于 {supply_by} 前补充：{materials}。"),
    Template("correction_needed", 1, "需要补正", "申请需要补正",
             "【聊易】您的“{item}”申请（办件号 {case_no}）需要补正：{reason}。请于 {supply_by} 前提交。"),
    Template("approved", 1, "审批通过", "审批通过",
             "【聊易】您的“{item}”申请（办件号 {case_no}）已审批通过。"),
    Template("denied", 1, "不予许可", "不予许可",
             "【聊易】您的“{item}”申请（办件号 {case_no}）未予许可，理由：{reason}。如有异议可依法申请复议或提起诉讼。"),
    Template("result_pickup", 1, "结果待领取", "办理结果可领取",
             "【聊易】您的“{item}”办理结果（办件号 {case_no}）已可领取，地点：{place}。"),
    Template("result_posted", 1, "结果已寄出", "办理结果已寄出",
             "【聊易】您的“{item}”办理结果（办件号 {case_no}）已寄出，运单号 {tracking_no}。"),
    Template("elicence_issued", 1, "电子证照已签发", "电子证照已签发",
             "【聊易】您的“{item}”电子证照已签发，可在“我的证照”中查看。"),
    Template("appointment_reminder", 1, "预约提醒", "预约提醒",
             "【聊易】提醒：您预约了 {date} {time} 在 {place} 办理“{item}”，请携带所需材料准时到达。"),
    Template("evaluation_invitation", 1, "邀请评价", "请评价本次服务",
             "【聊易】您的“{item}”已办结，请对本次服务作出评价：{link}"),
    Template("rejected", 1, "不予受理", "申请不予受理",
             "【聊易】您的“{item}”申请（办件号 {case_no}）不予受理，理由：{reason}。"),
    Template("supply_expired", 1, "逾期未补", "逾期未补齐材料",
             "【聊易】您的“{item}”申请（办件号 {case_no}）{reason}。"),
    Template("suspended", 1, "中止办理", "办件已中止",
             "【聊易】您的“{item}”申请（办件号 {case_no}）已中止办理，原因：{reason}。中止期间不计入办理时限。"),
    Template("deadline_moved", 1, "期限调整", "办理期限已按节假日安排调整",
             "【聊易】国务院公布了节假日安排，您的“{item}”申请（办件号 {case_no}）承诺办结期限由 {old} 调整为 {deadline}。"),
    Template("staff_case_urged", 1, "办件督办", "办件督办",
             "{by}督办办件 {case_no}（{item}）：{message}。承诺办结期限 {deadline}，请抓紧办理。", audience="staff"),
    Template("staff_deadline_moved", 1, "期限调整", "办件期限已按节假日安排调整",
             "办件 {case_no}（{item}）的承诺办结期限由 {old} 调整为 {deadline}（按新公布的节假日安排重新计算）。",
             audience="staff"),
    Template("extended", 1, "延期办理", "办理时限已延长",
             "【聊易】您的“{item}”申请（办件号 {case_no}）办理时限延长至 {deadline}，原因：{reason}。"),
    Template("staff_rejection_proposed", 1, "待确认不予受理", "有拟不予受理的办件待您确认",
             "办件 {case_no}（{item}）窗口拟不予受理，理由：{reason}。请确认或否决。", audience="staff"),
    Template("staff_rejection_overturned", 1, "不予受理意见被否决", "您的不予受理意见未被采纳",
             "办件 {case_no}（{item}）的拟不予受理意见已被大厅负责人否决：{reason}。请继续受理。", audience="staff"),
    Template("staff_new_case", 1, "新办件", "有新的办件待处理",
             "“{item}”新办件 {case_no} 已进入您的待办队列。", audience="staff"),
    Template("rectification_assigned", 1, "差评整改", "收到差评，请整改",
             "办件 {case_no}（{item}）收到差评（{level}），请于 {due} 前完成整改。", audience="staff"),
    Template("rectification_yellow", 1, "整改黄牌", "差评整改临近期限（黄牌）",
             "办件 {case_no}（{item}）的差评整改将于 {due} 到期，请尽快完成。", audience="staff"),
    Template("rectification_red", 1, "整改红牌", "差评整改已超期（红牌）",
             "办件 {case_no}（{item}）的差评整改期限 {due} 已过，已亮红牌，请立即整改。", urgent=True, audience="staff"),
    Template("staff_deadline_yellow", 1, "黄灯预警", "办件临近时限（黄灯）",
             "办件 {case_no}（{item}）将于 {deadline} 到期，请尽快办理。", audience="staff"),
    Template("staff_deadline_red", 1, "红灯预警", "办件即将超期（红灯）",
             "办件 {case_no}（{item}）将于 {deadline} 到期，已进入红灯状态。", urgent=True, audience="staff"),
    # v2: the red warning is sent once the deadline has passed (v1 read as if it were still ahead)
    Template("staff_deadline_red", 2, "红灯预警", "办件已超期（红灯）",
             "办件 {case_no}（{item}）的办理时限 {deadline} 已过，已进入红灯状态，请立即办理。", urgent=True,
             audience="staff"),
    Template("staff_bundle_hours_half", 1, "一件事用时过半", "一件事用时已过半",
             "主题办件 {bundle_no}（{theme}）已用 {used} 个工作小时，时限 {budget} 小时，将于 {deadline_at} 到时，"
             "请督促各事项尽快办结。", audience="staff"),
    Template("staff_bundle_hours_over", 1, "一件事超出时限", "一件事已超出时限",
             "主题办件 {bundle_no}（{theme}）的 {budget} 个工作小时已用完（{deadline_at} 到时），仍有事项未办结，请立即督办。",
             urgent=True, audience="staff"),
    Template("staff_tracking_locked", 1, "免登录查询已暂停", "办件查询码多次输错，已暂停免登录查询",
             "办件 {case_no}（{item}）的免登录查询连续 {failures} 次输错查询码，已暂停 {minutes} 分钟（至 {until}）。"
             "如非申请人本人所为，可能有人在试探查询码，请留意；申请人可登录后查看，或到窗口查询。", audience="staff"),
    # 吐槽找茬 (complaints) and 帮办代办 (assistance requests)
    Template("complaint_answered", 1, "投诉已答复", "您的投诉已答复",
             "【聊易】您的投诉（编号 {number}，关于{target}）已答复，请登录或凭投诉编号和查询码查看，并告诉我们是否满意。"),
    Template("staff_complaint_received", 1, "收到投诉", "收到一件新投诉",
             "收到关于{target}的投诉（编号 {number}，{category}），请于 {deadline} 前答复，先转办给承办人。",
             audience="staff"),
    Template("staff_complaint_assigned", 1, "投诉转办", "一件投诉转办给您",
             "关于{target}的投诉（编号 {number}，{category}）已转办给您，请于 {deadline} 前办理并答复。", audience="staff"),
    Template("staff_complaint_redo", 1, "投诉重办", "投诉人不满意，请重办",
             "投诉（编号 {number}，关于{target}）的投诉人对答复不满意，请重新办理并答复（期限 {deadline}）。",
             audience="staff"),
    Template("staff_complaint_supervised", 1, "投诉督办", "投诉督办单",
             "投诉（编号 {number}，关于{target}）重办后投诉人仍不满意，已下督办单，请承办人重新办理、大厅负责人跟踪。",
             audience="staff"),
    Template("staff_complaint_yellow_card", 1, "投诉黄牌", "投诉即将到期（黄牌）",
             "投诉（编号 {number}，关于{target}）将于 {deadline} 到期，尚未答复，请尽快办理。", audience="staff"),
    Template("staff_complaint_red_card", 1, "投诉红牌", "投诉已超期（红牌）",
             "投诉（编号 {number}，关于{target}）已于 {deadline} 到期仍未答复，已亮红牌，请立即办理。", audience="staff"),
    Template("staff_assistance_requested", 1, "帮办申请", "收到一件帮办代办申请",
             "收到{kind}申请（编号 {number}），请指派帮办代办员。", audience="staff"),
    Template("staff_assistance_assigned", 1, "帮办指派", "一件帮办代办申请指派给您",
             "{kind}申请（编号 {number}）已指派给您，请联系申请人。", audience="staff"),
    Template("staff_assistance_rectification", 1, "帮办差评整改", "帮办代办收到差评，请整改",
             "帮办代办申请 {number} 收到差评（{level} 星），请于 {due} 前完成整改。", audience="staff"),
    Template("assistance_assigned", 1, "已安排帮办员", "已为您安排帮办代办员",
             "【聊易】您的{kind}申请（编号 {number}）已安排帮办代办员 {agent}，稍后将与您联系。"),
    Template("supply_reminder", 1, "补正提醒", "请尽快补充材料",
             "【聊易】提醒：您的“{item}”申请（办件号 {case_no}）需在 {supply_by} 前补充材料，逾期未补的将按规定处理。"),
    Template("calendar_missing", 1, "节假日未导入", "明年节假日安排尚未导入",
             "{year} 年的全国节假日安排尚未导入工作日历，办理时限将按普通周末计算。请在国务院办公厅发布通知后"
             "更新 chinesecalendar 数据包并重新导入（seed），或在“工作日历”中手工设置。", audience="staff"),
    # themed bundles (主题式“一件事”): the bundle speaks for its sub-cases
    Template("bundle_submitted", 1, "主题申请已提交", "“一件事”申请已提交",
             "【聊易】您的“{theme}”申请已提交（编号 {bundle_no}），第一阶段 {count} 个事项：{items}，我们将尽快受理。"),
    Template("bundle_accepted", 1, "主题申请已受理", "“一件事”已受理",
             "【聊易】您的“{theme}”已受理（编号 {bundle_no}），{count} 个事项已分送各部门同步办理，承诺 {deadline} 前全部办结。"),
    Template("bundle_accepted_missing", 1, "主题容缺受理", "“一件事”已容缺受理，请补充材料",
             "【聊易】您的“{theme}”已容缺受理（编号 {bundle_no}），请于 {supply_by} 前补充：{materials}。"),
    Template("bundle_correction_needed", 1, "主题需要补正", "“一件事”需要补正",
             "【聊易】您的“{theme}”（编号 {bundle_no}）需要补正，一次告知如下：{reason}。请于 {supply_by} 前一并提交。"),
    Template("bundle_stage_opened", 1, "进入下一阶段", "“一件事”进入下一阶段",
             "【聊易】您的“{theme}”已进入第 {stage} 阶段（共 {stages} 个阶段）：{items}已分送部门办理，无需再跑窗口。"),
    Template("bundle_items_opened", 1, "事项开始办理", "“一件事”有事项开始办理",
             "【聊易】您的“{theme}”（编号 {bundle_no}）中{items}已具备条件，已分送部门办理。"),
    Template("bundle_item_failed", 1, "事项未办成", "“一件事”中有事项未办成",
             "【聊易】您的“{theme}”（编号 {bundle_no}）中“{item}”{outcome}，理由：{reason}。{effect}。{options}。"),
    Template("bundle_item_sent_back", 1, "事项退回补正", "“一件事”中有事项退回补正",
             "【聊易】您的“{theme}”（编号 {bundle_no}）中“{item}”在审查中退回补正，理由：{reason}。{effect}。"
             "请按要求补正后在主题办件中重新提交该事项；补正期间不计入办理时限。"),
    Template("staff_case_resubmitted", 1, "补正后重新提交", "退回补正的办件已重新提交",
             "办件 {case_no}（{item}）申请人已按退回意见补正并重新提交，请继续审查。", audience="staff"),
    Template("bundle_item_reapplied", 1, "重新申请事项", "已重新申请事项",
             "【聊易】您已在“{theme}”（编号 {bundle_no}）中重新申请“{item}”，请等待窗口受理。"),
    Template("bundle_results_ready", 1, "主题结果已出具", "“一件事”各事项已办理完毕",
             "【聊易】您的“{theme}”（编号 {bundle_no}）{count} 个事项已准予{failed}。电子证照已发放到您的证照夹，"
             "纸质结果将统一出件：窗口一次领取或一次寄递。"),
    Template("bundle_result_pickup", 1, "主题结果待领取", "“一件事”办理结果可一次领取",
             "【聊易】您的“{theme}”（编号 {bundle_no}）{count} 个事项的办理结果已统一出件，请到{place}一次领取。"),
    Template("bundle_result_posted", 1, "主题结果已寄出", "“一件事”办理结果已一次寄出",
             "【聊易】您的“{theme}”（编号 {bundle_no}）{count} 个事项的办理结果已一并寄出，运单号 {tracking_no}。"),
    Template("bundle_completed", 1, "主题已办结", "“一件事”已全部办结",
             "【聊易】您的“{theme}”（编号 {bundle_no}）{count} 个事项已全部办结，请对本次服务作出评价：{link}"),
    Template("bundle_finished_partly", 1, "主题部分办结", "“一件事”已办结，部分事项未办成",
             "【聊易】您的“{theme}”（编号 {bundle_no}）已办结 {done} 个事项，{failed}未办成，可在主题办件中重新申请。"),
    Template("bundle_rejected", 1, "主题不予受理", "“一件事”不予受理",
             "【聊易】您的“{theme}”申请（编号 {bundle_no}）不予受理，理由：{reason}。"),
    Template("bundle_withdrawn", 1, "主题已撤回", "“一件事”已撤回",
             "【聊易】您的“{theme}”（编号 {bundle_no}）已撤回，{count} 个在办事项一并撤回；已办结的事项仍然有效。"),
    Template("staff_bundle_rejection_proposed", 1, "主题待确认不予受理", "有拟不予受理的主题办件待您确认",
             "主题办件 {bundle_no}（{theme}）窗口拟不予受理，理由：{reason}。请确认或否决。", audience="staff"),
    Template("staff_bad_review", 1, "差评待整改", "差评已分派给您",
             "办件 {case_no}（{item}）收到差评，已分派给您整改，请于 {due} 前反馈。", audience="staff"),
]

TEMPLATES: dict[tuple[str, int], Template] = {(t.code, t.version): t for t in _ALL}
CURRENT: dict[str, Template] = {}
for _t in _ALL:
    if _t.code not in CURRENT or CURRENT[_t.code].version < _t.version:
        CURRENT[_t.code] = _t


def current(code: str) -> Template:
    return CURRENT[code]


def get(code: str, version: int) -> Template:
    return TEMPLATES[(code, version)]


def event_label(event: str, code: str, version: int) -> str:
    """An event in Chinese as the outbox shows it (issue 16: not ``elicence_issued``): the label of the
    template the row was written with, else of the event's current template, else the code itself."""
    tpl = TEMPLATES.get((code, version)) or CURRENT.get(event)
    return tpl.label if tpl is not None else event
