"""好差评 and 差评整改 in the graph (issue 18): dimension sets, rating links, rectifications."""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry import relay

from server.domain.cases import ratings, rectification
from server.graphql.cases.types import CaseError, CaseRating


@strawberry.type(description="评价维度")
class RatingDimension:
    key: str = strawberry.field(description="维度代码，如 overall、efficiency")
    label: str = strawberry.field(description="维度名称，如“整体满意度”")


@strawberry.type(description="国家好差评评价维度集（按版本）")
class RatingDimensionSet:
    name: str = strawberry.field(description="online 网上办事；window 窗口服务")
    version: int = strawberry.field(description="版本")
    current: bool = strawberry.field(description="是否为当前版本")
    dimensions: list[RatingDimension] = strawberry.field(description="各维度")

    @classmethod
    def of(cls, name: str, version: int) -> RatingDimensionSet:
        return cls(name=name, version=version, current=ratings.CURRENT_VERSION[name] == version,
                   dimensions=[RatingDimension(key=k, label=v) for k, v in ratings.dimensions(name, version)])


@strawberry.input(description="一个维度的评分")
class RatingScoreInput:
    key: str = strawberry.field(description="维度代码（见 ratingDimensionSets）")
    score: int = strawberry.field(description="1 到 5")


def scores_of(items: list[RatingScoreInput] | None) -> dict[str, int]:
    return {s.key: s.score for s in (items or [])[:10]}


@strawberry.type(description="评价链接（短信、二维码）打开后显示的内容，不含个人信息")
class RatingLink:
    subject: str = strawberry.field(description="评价对象：case 单个办件；bundle 主题办件（一件事，整体评价一次，用 rateBundleByLink）")
    item_name: str = strawberry.field(description="事项名称（主题办件为主题名称）")
    case_number: str = strawberry.field(description="办件号（主题办件为主题办件号）")
    department_name: str = strawberry.field(description="办理部门代码（主题办件为牵头部门）")
    dimension_set: RatingDimensionSet = strawberry.field(description="本次评价的维度")
    expires_at: datetime = strawberry.field(description="链接到期时间")
    rated: bool = strawberry.field(description="该办件（主题办件）是否已评价")

    @classmethod
    def of(cls, v: ratings.LinkView) -> RatingLink:
        dims = RatingDimensionSet.of(v.dimension_set, ratings.CURRENT_VERSION[v.dimension_set])
        if v.bundle is not None:
            return cls(subject="bundle", item_name=v.bundle.theme_name, case_number=v.bundle.number,
                       department_name=v.bundle.lead_department_code, dimension_set=dims, expires_at=v.expires_at,
                       rated=v.rated)
        assert v.case is not None
        return cls(subject="case", item_name=v.case.item_name, case_number=v.case.number or "",
                   department_name=v.case.department_code, dimension_set=dims, expires_at=v.expires_at, rated=v.rated)


@strawberry.type(description="打开评价链接的结果")
class RatingLinkResult:
    link: RatingLink | None = strawberry.field(default=None, description="链接内容（无效、过期或已使用时为空）")
    errors: list[CaseError] = strawberry.field(default_factory=list, description="业务错误")


@strawberry.type(description="回访记录")
class RatingRevisit:
    satisfaction: int = strawberry.field(description="对整改结果的满意度 1 到 5")
    method: str = strawberry.field(description="phone 电话、sms 短信、visit 上门")
    note: str = strawberry.field(description="回访记录")
    at: datetime = strawberry.field(description="回访时间")


@strawberry.type(description="差评整改单")
class Rectification:
    id: relay.GlobalID = strawberry.field(description="全局 ID")
    case_number: str = strawberry.field(description="办件号")
    item_name: str = strawberry.field(description="事项名称")
    department_code: str = strawberry.field(description="责任部门")
    hall_code: str | None = strawberry.field(description="窗口所在大厅")
    status: str = strawberry.field(description="pending、in_progress、done、unable_review、unable、appealed、upheld")
    status_label: str = strawberry.field(description="状态的中文说明")
    due_date: date = strawberry.field(description="整改期限（工作日计）")
    extended: bool = strawberry.field(description="是否已延期（只能一次）")
    card: str | None = strawberry.field(description="yellow 黄牌（到期日）、red 红牌（已超期）")
    measures: str = strawberry.field(description="整改措施")
    reason: str = strawberry.field(description="无法整改或申诉的理由")
    review: str | None = strawberry.field(description="审核结果：accepted、refused（无法整改），upheld、rejected（申诉）")
    review_note: str = strawberry.field(description="审核、复核意见")
    created_at: datetime = strawberry.field(description="生成时间")
    finished_at: datetime | None = strawberry.field(description="完成时间")
    rating: CaseRating = strawberry.field(description="差评")
    real_name: bool = strawberry.field(description="实名评价（须回访）")
    revisit: RatingRevisit | None = strawberry.field(description="回访")
    needs_revisit: bool = strawberry.field(description="待回访")

    @classmethod
    def of(cls, v: rectification.View) -> Rectification:
        r = v.row
        return cls(
            id=relay.GlobalID("Rectification", str(r.id)), case_number=v.case_number, item_name=v.item_name,
            department_code=r.department_code, hall_code=r.hall_code, status=r.status,
            status_label=rectification.STATUSES[r.status], due_date=r.due_date, extended=r.extended, card=r.card,
            measures=r.measures, reason=r.reason, review=r.review, review_note=r.review_note, created_at=r.created_at,
            finished_at=r.finished_at, rating=CaseRating.of(v.rating),
            real_name=v.rating.citizen_id is not None and v.rating.channel != "default",
            revisit=RatingRevisit(satisfaction=v.revisit.satisfaction, method=v.revisit.method, note=v.revisit.note,
                                  at=v.revisit.at) if v.revisit else None,
            needs_revisit=v.needs_revisit,
        )


@strawberry.type(description="差评整改单列表")
class RectificationList:
    items: list[Rectification] = strawberry.field(description="本页")
    total: int = strawberry.field(description="总数")


@strawberry.type(description="一条评价及其办件")
class RatedCase:
    case_number: str = strawberry.field(description="办件号")
    item_name: str = strawberry.field(description="事项名称")
    rating: CaseRating = strawberry.field(description="评价")


@strawberry.type(description="评价列表")
class RatingList:
    items: list[RatedCase] = strawberry.field(description="本页")
    total: int = strawberry.field(description="总数")


@strawberry.type(description="好差评统计（默认评价不计为群众评价；申诉成立的差评不计入）")
class RatingMeasures:
    completed: int = strawberry.field(description="办结办件数")
    rated_by_people: int = strawberry.field(description="群众主动评价数（不含默认评价）")
    defaults: int = strawberry.field(description="默认“基本满意”数")
    bad: int = strawberry.field(description="差评数（不含申诉成立的）")
    excluded: int = strawberry.field(description="申诉成立、不计入的评价数")
    coverage: float | None = strawberry.field(description="评价覆盖率（主动评价 / 办结）")
    bad_share: float | None = strawberry.field(description="差评占比")
    rectifications: int = strawberry.field(description="整改单数")
    on_time_rate: float | None = strawberry.field(description="按期整改率：按期办结的整改单 /（已办结 + 已超期未办结）")
    real_name_bad: int = strawberry.field(description="实名差评数")
    revisited: int = strawberry.field(description="已回访数")
    revisit_rate: float | None = strawberry.field(description="实名差评回访率（目标 100%）")

    @classmethod
    def of(cls, m: rectification.Measures) -> RatingMeasures:
        return cls(completed=m.completed, rated_by_people=m.rated_by_people, defaults=m.defaults, bad=m.bad,
                   excluded=m.excluded, coverage=m.coverage, bad_share=m.bad_share, rectifications=m.rectifications,
                   on_time_rate=m.on_time_rate, real_name_bad=m.real_name_bad, revisited=m.revisited,
                   revisit_rate=m.revisit_rate)


@strawberry.type(description="差评整改操作的结果")
class RectificationPayload:
    rectification: Rectification | None = strawberry.field(default=None, description="操作后的整改单")
    errors: list[CaseError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="追加评价的结果")
class FollowUpRatingPayload:
    rating: CaseRating | None = strawberry.field(default=None, description="评价（含追加评价）")
    errors: list[CaseError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="打印在办理结果和通知书上的评价二维码（服务端离线生成）")
class RatingQrCode:
    svg: str = strawberry.field(description="二维码的 SVG 文本")
    data_uri: str = strawberry.field(description="同一二维码的 data: URI（可直接作为 <img src> 打印）")

    @classmethod
    def of(cls, svg: str) -> RatingQrCode:
        import base64

        return cls(svg=svg, data_uri="data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode())


@strawberry.type(description="通过短信链接评价主题办件的结果（不含个人信息）")
class RateBundleByLinkPayload:
    rated: bool = strawberry.field(default=False, description="是否已评价")
    bundle_number: str | None = strawberry.field(default=None, description="主题办件号")
    level: int | None = strawberry.field(default=None, description="所评等级")
    errors: list[CaseError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="登记窗口服务的结果")
class ServeCaseAtWindowPayload:
    served: bool = strawberry.field(default=False, description="是否已登记（评价器可对其评价）")
    errors: list[CaseError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")
