"""From a theme version and the questionnaire's answers to a bundle (一件事的办理清单).

:func:`resolve` is what an applicant's answers produce: the items (and their situations) that
apply, grouped by stage; one merged form (一表申请: a field several items ask for is asked once,
fields the platform knows are marked with their source); one set of materials (一套材料: a standard
material several items need appears once, listing the items it serves; 申请书 are generated from the
form). :func:`build` does the same from an already loaded :class:`Catalogue`, which is how a theme
is checked over every answer path with one set of queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from server.domain.catalog.forms import normalise_definition
from server.domain.catalog.models import ItemVersion, Material, ServiceItem, Situation, StandardMaterial
from server.domain.errors import DomainError, DomainErrors
from server.domain.themes import errors, rules
from server.domain.themes.content import (
    Answers,
    ThemeContent,
    answer_paths,
    check_answers,
    content_of,
    describe_answers,
    evaluate,
)
from server.domain.themes.models import ThemeVersion

_NECESSITY_RANK = {"required": 0, "deferrable": 1, "optional": 2}


@dataclass(slots=True)
class Catalogue:
    """The catalogue rows a theme's items need, loaded in a fixed number of queries."""

    items: list[ServiceItem]  # every implementation of the basic codes the theme names
    versions: dict[int, ItemVersion]  # published versions by id
    situations: dict[int, list[Situation]]  # by version id, in order
    materials: dict[int, list[Material]]  # by situation id, in order
    standards: dict[str, StandardMaterial]

    def find(self, ref: Mapping[str, Any]) -> list[ServiceItem]:
        """The implementations a theme item names: by department, or the one of its region."""
        same = [i for i in self.items if i.basic_code == ref["basic_code"]]
        if ref.get("department"):
            return [i for i in same if i.department_id == ref["department"]]
        return [i for i in same if i.region_id == ref.get("region")]


async def load_catalogue(refs: Iterable[Mapping[str, Any]]) -> Catalogue:
    """Five queries whatever the number of items: implementations, published versions, their
    situations, their materials, the standard materials."""
    codes = sorted({str(r["basic_code"]) for r in refs})
    items = await ServiceItem.filter(basic_code__in=codes).order_by("id") if codes else []
    version_ids = [i.published_version_id for i in items if i.published_version_id is not None]
    versions = {v.id: v for v in await ItemVersion.filter(id__in=version_ids)} if version_ids else {}
    situations: dict[int, list[Situation]] = {}
    materials: dict[int, list[Material]] = {}
    if versions:
        for s in await Situation.filter(version_id__in=list(versions)).order_by("version_id", "position"):
            situations.setdefault(s.version_id, []).append(s)
        sit_ids = [s.id for group in situations.values() for s in group]
        if sit_ids:
            for m in await Material.filter(situation_id__in=sit_ids).order_by("situation_id", "position"):
                materials.setdefault(m.situation_id, []).append(m)
    standards = {s.code: s for s in await StandardMaterial.all()}
    for item in items:
        if item.published_version_id in versions:
            versions[item.published_version_id].item = item  # as select_related would
    return Catalogue(items=list(items), versions=versions, situations=situations, materials=materials,
                     standards=standards)


@dataclass(slots=True)
class BundleItem:
    """One item of the bundle: it becomes one sub-case, routed to its department."""

    key: str  # the theme item's key (unique in the version)
    stage_key: str
    item: ServiceItem
    version: ItemVersion  # the item's published version now (a sub-case pins it)
    situations: list[Situation]
    depends_on: list[str]  # keys of applying items this one waits for
    note: str = ""
    partner_kind: str | None = None  # the applicant chooses the partner of this kind that does it

    @property
    def name(self) -> str:
        return self.version.name

    @property
    def department_code(self) -> str:
        return self.item.department_id


@dataclass(slots=True)
class BundleStage:
    key: str
    name: str
    number: int  # 1-based among the bundle's stages (stages without applying items are left out)
    lead_department_code: str | None
    items: list[BundleItem]


@dataclass(slots=True)
class MergedField:
    """One field of the merged form, asked once for every item that has it."""

    key: str
    label: str
    type: str
    required: bool
    options: list[str]
    max_length: int | None
    min: int | float | None
    max: int | float | None
    help: str
    source: str | None  # rules.KNOWN_FIELDS: the platform fills it in
    items: list[str]  # keys of the items asking for it

    def definition(self) -> dict[str, Any]:
        """As an item form-field definition (for catalog.forms.validate_form)."""
        return {"key": self.key, "label": self.label, "type": self.type, "required": self.required,
                "options": list(self.options), "max_length": self.max_length, "min": self.min, "max": self.max,
                "help": self.help}


@dataclass(slots=True)
class MaterialUse:
    item_key: str
    material: Material  # the item's own material row (a case material points to it)
    produced_by: str | None = None  # an earlier item of the bundle whose result serves this use


@dataclass(slots=True)
class BundleMaterial:
    """One material of the bundle's set: submitted once, recognised by every item it serves."""

    key: str  # the standard code, or "M<material id>" of a material only one item asks for
    name: str
    standard_code: str | None
    generated: bool  # the 申请书 (SQB): printed from the merged form, never uploaded
    necessity: str  # the strictest of its uses
    elicence: str | None
    shared_data: bool  # every use can take it from shared data
    uses: list[MaterialUse]
    # the bundle item whose result is this material (the 营业执照 of 企业开办's first stage): the
    # applicant does not provide it, the department takes it from that item's e-licence
    produced_by: str | None = None

    @property
    def item_keys(self) -> list[str]:
        return list(dict.fromkeys(u.item_key for u in self.uses))


@dataclass(slots=True)
class BundleCounts:
    """The reform's measure: what the bundle asks against its items applied one by one."""

    items: int
    stages: int
    fields: int  # merged form fields
    fields_prefilled: int  # of which the platform fills in
    fields_separately: int  # sum of each item's form fields
    materials: int  # distinct materials to provide (generated forms and results of bundle items not counted)
    materials_generated: int  # application forms generated from the merged form
    materials_separately: int  # sum of each item's materials in its applying situations
    visits: int  # the theme's maximum visits
    visits_separately: int  # sum of each item's maximum visits

    @property
    def fields_asked(self) -> int:
        return self.fields - self.fields_prefilled


@dataclass(slots=True)
class Bundle:
    version: ThemeVersion | None
    content: ThemeContent
    answers: dict[str, str]
    stages: list[BundleStage]
    form: list[MergedField]
    materials: list[BundleMaterial]
    counts: BundleCounts
    problems: list[DomainError]  # items no longer available, conflicting fields …
    catalogue: Catalogue  # the rows it was built from (situations' materials, standard materials)

    @property
    def items(self) -> list[BundleItem]:
        return [i for s in self.stages for i in s.items]


def _where(s: int, i: int, *more: str | int) -> list[str]:
    return ["stages", str(s), "items", str(i), *(str(m) for m in more)]


def _merge_field(current: MergedField, raw: Mapping[str, Any], item_key: str, item_name: str,
                 where: list[str]) -> DomainError | None:
    f = normalise_definition(raw)
    current.items.append(item_key)
    label = current.label
    if f["type"] != current.type:
        return DomainError(
            errors.FORM_CONFLICT,
            f"表单项“{current.key}”在事项“{item_name}”中为“{f['type']}”，与其他事项的“{current.type}”不一致，"
            f"一表申请中同一标识只能有一种类型",
            [*where, "formFields", current.key],
        )
    current.required = current.required or bool(f["required"])
    current.help = current.help or f["help"] or ""
    if current.type == "select":
        options = [o for o in current.options if o in (f["options"] or [])]
        if not options:
            return DomainError(
                errors.FORM_CONFLICT, f"表单项“{label}”在各事项中的选项没有交集，无法合并为一项",
                [*where, "formFields", current.key],
            )
        current.options = options
    if f["max_length"] is not None:
        current.max_length = min(current.max_length or f["max_length"], f["max_length"])
    if f["min"] is not None:
        current.min = f["min"] if current.min is None else max(current.min, f["min"])
    if f["max"] is not None:
        current.max = f["max"] if current.max is None else min(current.max, f["max"])
    if current.min is not None and current.max is not None and current.min > current.max:
        return DomainError(
            errors.FORM_CONFLICT, f"表单项“{label}”在各事项中的取值范围没有交集，无法合并为一项",
            [*where, "formFields", current.key],
        )
    return None


def _source(key: str, content: ThemeContent, *, founding_item: bool = False) -> str | None:
    if content.founds_entity and not founding_item and key in rules.FOUNDED_FIELDS:
        return rules.FOUNDED_FIELDS[key]  # the registration produces it: filled when the later item opens
    source = rules.KNOWN_FIELDS.get(key)
    if source and source.startswith("enterprise.") and (content.audience != "enterprise" or content.founds_entity):
        return None  # no registered enterprise to take it from
    return source


def build(content: ThemeContent, answers: Answers, catalogue: Catalogue,
          version: ThemeVersion | None = None) -> Bundle:
    """The bundle for validated answers over a loaded catalogue (no queries)."""
    problems: list[DomainError] = []
    stages: list[BundleStage] = []
    applying: set[str] = set()
    for s, stage in enumerate(content.stages):
        built: list[BundleItem] = []
        for i, ref in enumerate(stage["items"]):
            if not evaluate(ref.get("when"), answers):
                continue
            found = catalogue.find(ref)
            if len(found) != 1:
                problems.append(DomainError(errors.UNKNOWN_ITEM, f"事项 {ref['basic_code']} 未找到唯一的实施", _where(s, i)))
                continue
            item = found[0]
            version_row = catalogue.versions.get(item.published_version_id or -1)
            if version_row is None or item.status != "active":
                problems.append(DomainError(
                    errors.ITEM_UNAVAILABLE, f"事项 {ref['basic_code']}（{item.department_id}）当前不可申请", _where(s, i)
                ))
                continue
            own = catalogue.situations.get(version_row.id, [])
            wanted = [x["name"] for x in ref.get("situations") or [] if evaluate(x.get("when"), answers)]
            if not ref.get("situations"):
                if len(own) != 1:
                    problems.append(DomainError(
                        errors.UNKNOWN_SITUATION,
                        f"事项“{version_row.name}”有 {len(own)} 个办理情形，须指明适用哪一个", _where(s, i, "situations"),
                    ))
                    continue
                chosen = own
            else:
                by_name = {x.name: x for x in own}
                missing = [n for n in wanted if n not in by_name]
                for n in missing:
                    problems.append(DomainError(
                        errors.UNKNOWN_SITUATION, f"事项“{version_row.name}”没有办理情形“{n}”", _where(s, i, "situations")
                    ))
                chosen = [by_name[n] for n in wanted if n in by_name]
                if not chosen:
                    if not missing:
                        problems.append(DomainError(
                            errors.UNKNOWN_SITUATION, f"事项“{version_row.name}”适用，但按此回答没有适用的办理情形",
                            _where(s, i, "situations"),
                        ))
                    continue
            built.append(BundleItem(
                key=ref["key"], stage_key=stage["key"], item=item, version=version_row, situations=chosen,
                depends_on=[d for d in ref.get("depends_on") or [] if d in applying], note=ref.get("note") or "",
                partner_kind=ref.get("partner_kind") or None,
            ))
            applying.add(ref["key"])
        if built:
            stages.append(BundleStage(key=stage["key"], name=stage["name"], number=len(stages) + 1,
                                      lead_department_code=stage.get("lead_department"), items=built))
    positions = {(ref["key"]): (s, i) for s, i, ref in content.items()}
    form, form_problems = _merged_form(content, stages, positions)
    materials = _materials(stages, catalogue)
    items = [i for st in stages for i in st.items]
    counts = BundleCounts(
        items=len(items), stages=len(stages), fields=len(form),
        fields_prefilled=sum(1 for f in form if f.source),
        fields_separately=sum(len(i.version.form_fields or []) for i in items),
        materials=sum(1 for m in materials if not m.generated and m.produced_by is None),
        materials_generated=sum(1 for m in materials for _ in m.item_keys if m.generated),
        materials_separately=sum(len(catalogue.materials.get(s.id, [])) for i in items for s in i.situations),
        visits=content.max_visits, visits_separately=sum(i.version.max_visits for i in items),
    )
    return Bundle(version=version, content=content, answers=dict(answers), stages=stages, form=form,
                  materials=materials, counts=counts, problems=problems + form_problems, catalogue=catalogue)


def _founds(version: ItemVersion) -> bool:
    from server.domain.cases.apply import founds_entity

    return founds_entity(version)


def _merged_form(
    content: ThemeContent, stages: Sequence[BundleStage], positions: Mapping[str, tuple[int, int]]
) -> tuple[list[MergedField], list[DomainError]]:
    merged: dict[str, MergedField] = {}
    problems: list[DomainError] = []
    for stage in stages:
        for item in stage.items:
            where = _where(*positions[item.key])
            for raw in item.version.form_fields or []:
                key = raw["key"]
                if key not in merged:
                    f = normalise_definition(raw)
                    merged[key] = MergedField(
                        key=key, label=f["label"], type=f["type"], required=bool(f["required"]),
                        options=list(f["options"] or []), max_length=f["max_length"], min=f["min"], max=f["max"],
                        help=f["help"] or "", items=[item.key],
                        source=_source(key, content, founding_item=_founds(item.version)),
                    )
                else:
                    problem = _merge_field(merged[key], raw, item.key, item.name, where)
                    if problem is not None:
                        problems.append(problem)
    return list(merged.values()), problems


def _materials(stages: Sequence[BundleStage], catalogue: Catalogue) -> list[BundleMaterial]:
    grouped: dict[tuple[str, ...], BundleMaterial] = {}
    for stage in stages:
        for item in stage.items:
            for situation in item.situations:
                for m in catalogue.materials.get(situation.id, []):
                    std = catalogue.standards.get(m.standard_code) if m.standard_code else None
                    group = ("std", std.code) if std else ("own", item.key, m.name)
                    bm = grouped.get(group)
                    if bm is None:
                        grouped[group] = BundleMaterial(
                            key=std.code if std else f"M{m.id}", name=std.name if std else m.name,
                            standard_code=std.code if std else None, generated=bool(std and std.generated),
                            necessity=m.necessity, elicence=(std.elicence if std else None) or m.elicence,
                            shared_data=m.shared_data, uses=[MaterialUse(item.key, m)],
                        )
                        continue
                    if any(u.item_key == item.key and u.material.name == m.name for u in bm.uses):
                        continue  # the same material of two situations of one item
                    bm.uses.append(MaterialUse(item.key, m))
                    if _NECESSITY_RANK.get(m.necessity, 0) < _NECESSITY_RANK.get(bm.necessity, 0):
                        bm.necessity = m.necessity
                    bm.shared_data = bm.shared_data and m.shared_data
                    bm.elicence = bm.elicence or m.elicence
    out = list(grouped.values())
    _mark_produced(stages, out)
    return out


def _mark_produced(stages: Sequence[BundleStage], materials: list[BundleMaterial]) -> None:
    """A use is served inside the bundle when an item before it issues the material as its result
    (its e-licence): in an earlier stage, or one the using item waits for. The material is produced
    by that item when every use is served so (the 营业执照 of 企业开办's first stage); when the
    producer needs it too (a transfer needs the old certificate), the applicant provides it once."""
    stage_of = {i.key: st.number for st in stages for i in st.items}
    items = {i.key: i for st in stages for i in st.items}
    for bm in materials:
        if bm.elicence is None or bm.generated:
            continue
        producers = [i for i in items.values() if i.version.result_licence == bm.elicence]
        for use in bm.uses:
            user = items[use.item_key]
            use.produced_by = next(
                (p.key for p in producers
                 if p.key != user.key and (stage_of[user.key] > stage_of[p.key] or p.key in user.depends_on)),
                None,
            )
        served = {u.produced_by for u in bm.uses}
        if len(served) == 1 and None not in served:
            bm.produced_by = served.pop()


async def resolve(*, version: ThemeVersion, answers: Answers) -> Bundle:
    """The bundle a version gives for a full set of answers (every question answered with one of its
    options, or ``INVALID_ANSWERS`` errors). Items take their current published version.

    ``bundle.problems`` names what no longer fits since the theme was published (an item suspended,
    a renamed situation); the bundle leaves those items out."""
    content = content_of(version)
    problems = check_answers(content.questions, answers)
    if problems:
        raise DomainErrors(problems)
    catalogue = await load_catalogue(ref for _, _, ref in content.items())
    return build(content, answers, catalogue, version)


@dataclass(slots=True)
class AnswerPath:
    """One combination of answers (:func:`content.answer_paths`) and the bundle it gives."""

    answers: dict[str, str]
    description: str  # “是否参加失业保险满一年：是” (content.describe_answers)
    bundle: Bundle


async def resolve_every_path(*, versions: Sequence[ThemeVersion]) -> dict[int, list[AnswerPath]]:
    """The bundle of every answer path of each version (by version id), each as :func:`resolve`
    gives it for that answer set: the preview of a theme, draft or published, over today's catalogue.

    One :func:`load_catalogue` for all the versions together (at most five queries, however many
    versions, answer paths and items), then :func:`build` in memory per path; a theme without
    questions has one path (no answers). Paths are at most ``rules.MAX_PATHS`` per version, which
    validation enforces at save. The caller passes only versions the actor may read (drafts only
    to catalogue editors of the theme's region: ``service.versions_by_ids`` and the like)."""
    contents = {v.id: content_of(v) for v in versions}
    catalogue = await load_catalogue(ref for c in contents.values() for _, _, ref in c.items())
    out: dict[int, list[AnswerPath]] = {}
    for v in versions:
        content = contents[v.id]
        out[v.id] = [
            AnswerPath(answers=answers, description=describe_answers(content.questions, answers),
                       bundle=build(content, answers, catalogue, v))
            for answers in answer_paths(content.questions)
        ]
    return out
