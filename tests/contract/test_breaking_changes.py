"""A schema change that breaks what mobile-contract/ uses fails the tests (DESIGN.md rule 10).

The rule: schema/schema.graphql as it is now (work tree included) is compared, with graphql-core's
``find_breaking_changes``, against the schema at the *baseline* (:func:`server.contract.baseline_commit`):

1. the newest release tag (``v…``) HEAD contains, when there is one: released app builds send the
   operations of that release;
2. else the merge base of HEAD with main (``origin/main`` when the clone has it, else ``main``): on a
   branch, main where the branch left it; when HEAD *is* main (CI runs on a fresh full clone of main,
   and so does a developer on main), main's first parent: main before its last commit, plus any
   uncommitted change in the work tree.

Only changes that touch a type or field used by the contract's operations *of the baseline* fail (new
operations are checked against the current schema by test_operations). Removing such a field goes
through ``@deprecated`` first: deprecate it, move the app's operations off it, and remove it once no
operation uses it.

No history to compare with (not a git repository, a shallow clone, no main, no parent commit) FAILS:
the check never passes by not looking. Fetch the history (``git fetch --unshallow``) and run again.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema

from server.contract import (
    NoSchemaHistory,
    baseline_commit,
    contract_breaking_changes,
    operations,
    operations_at,
    previous_schema,
    used_by,
)
from server.settings import ROOT

SCHEMA = ROOT / "schema" / "schema.graphql"
SDL = SCHEMA.read_text(encoding="utf-8")


def test_the_schema_does_not_break_the_contract_since_the_baseline() -> None:
    try:
        commit, old = previous_schema(SCHEMA)
    except NoSchemaHistory as exc:
        pytest.fail(f"破坏性变更检查没有可比较的历史：{exc}。请在完整克隆中运行（git fetch --unshallow）。")
    # the operations of that time: what app builds then in use send (new ones are checked by test_operations)
    then = operations_at(commit)
    broken = contract_breaking_changes(old, SDL, then if then is not None else operations())
    assert broken == [], (
        f"相对 {commit[:10]} 的 schema/schema.graphql，以下变更会破坏移动端契约（先加 @deprecated，"
        "待 mobile-contract/ 不再使用后再删除）：\n" + "\n".join(broken)
    )


def _types(s: GraphQLSchema) -> dict[str, Any]:
    """The schema's named types, as the edits below reach into them (fields, values)."""
    return s.type_map


def changed(edit: Callable[[GraphQLSchema], object]) -> list[str]:
    schema = build_schema(SDL)
    edit(schema)
    return contract_breaking_changes(SDL, schema, operations())


@pytest.mark.parametrize(
    ("type_name", "member"),
    [("Department", "shortName"), ("Query", "halls"), ("ServiceItemFilter", "serviceObject"),
     ("Mutation", "signInWithSmsCode"), ("TokenPair", "refreshToken")],
)
def test_removing_a_field_the_contract_uses_is_caught(type_name: str, member: str) -> None:
    broken = changed(lambda s: _types(s)[type_name].fields.pop(member))
    assert broken == [f"FIELD_REMOVED: Field {type_name}.{member} was removed."]


# what the cases, materials, e-licences and notifications operations use: one removal each
@pytest.mark.parametrize(
    ("type_name", "member"),
    [("ServiceItem", "formFields"), ("Situation", "key"), ("Material", "key"), ("FormField", "required"),
     ("UploadedFile", "id"), ("Mutation", "uploadMaterial"), ("ApplicationInput", "situationKey"),
     ("ApplicationInput", "formData"), ("SaveApplicationDraftPayload", "case"), ("SubmitApplicationPayload", "created"),
     ("SubmitApplicationInput", "draftId"), ("Query", "myCases"), ("Case", "queryCode"), ("Case", "supplyBy"),
     ("Case", "deferralNotice"), ("CaseMaterial", "materialKey"), ("CaseEvent", "actionLabel"),
     ("NoticeItem", "requirement"), ("SuppliedMaterialInput", "uploadId"), ("WithdrawCasePayload", "case"),
     ("CaseReasonInput", "reason"), ("TrackedCase", "steps"), ("TrackedStep", "label"), ("ELicence", "validTo"),
     ("Query", "myElicences"), ("Notification", "readAt"), ("Query", "unreadNotificationCount"),
     ("MarkNotificationsReadPayload", "unreadCount"), ("MarkNotificationsReadInput", "all"),
     ("Subscription", "notificationReceived")],
)
def test_removing_a_field_a_cases_or_notifications_operation_uses_is_caught(type_name: str, member: str) -> None:
    broken = changed(lambda s: _types(s)[type_name].fields.pop(member))
    assert broken == [f"FIELD_REMOVED: Field {type_name}.{member} was removed."]


# what the themed "one thing" operations use, one removal for each of them (more in the used_by test below)
@pytest.mark.parametrize(
    ("type_name", "member"),
    [("ServiceMenuEntry", "themeCodes"), ("ThemeQuestion", "options"), ("ThemeBundle", "form"),
     ("BundleMaterial", "toProvide"), ("ApplyForThemePayload", "created"), ("Bundle", "denial"),
     ("BundleItemProgress", "case"), ("ReapplyBundleItemInput", "caseId"), ("TrackedBundle", "stageList"),
     ("Bundle", "materials"), ("BundleSetMaterial", "key"), ("BundleSetMaterial", "supplyNote"), ("Bundle", "canRate"),
     ("Bundle", "rating"), ("Bundle", "resultMethod"), ("BundleStageProgress", "finishedAt"), ("CaseRating", "levelLabel"),
     ("Mutation", "rateBundle"), ("RateBundleInput", "comment"), ("RateBundlePayload", "errors")],
)
def test_removing_a_field_a_themes_or_bundles_operation_uses_is_caught(type_name: str, member: str) -> None:
    broken = changed(lambda s: _types(s)[type_name].fields.pop(member))
    assert broken == [f"FIELD_REMOVED: Field {type_name}.{member} was removed."]


def test_changing_what_a_cases_operation_sends_or_receives_is_caught() -> None:
    from graphql import GraphQLArgument, GraphQLInputField, GraphQLNonNull, GraphQLString

    def require_a_new_input_field(s: GraphQLSchema) -> None:
        _types(s)["ApplicationInput"].fields["channel"] = GraphQLInputField(GraphQLNonNull(GraphQLString))

    assert changed(require_a_new_input_field) == [
        "REQUIRED_INPUT_FIELD_ADDED: A required field ApplicationInput.channel was added."
    ]

    def require_a_new_argument(s: GraphQLSchema) -> None:
        _types(s)["Query"].fields["trackCase"].args["phone"] = GraphQLArgument(GraphQLNonNull(GraphQLString))

    assert changed(require_a_new_argument) == [
        "REQUIRED_ARG_ADDED: A required argument Query.trackCase(phone:) was added."
    ]
    assert changed(lambda s: _types(s)["CaseStatus"].values.pop("WITHDRAWN")) == [
        "VALUE_REMOVED_FROM_ENUM: Enum value CaseStatus.WITHDRAWN was removed."
    ]


def test_removing_a_value_of_an_enum_the_contract_uses_is_caught() -> None:
    assert changed(lambda s: _types(s)["ServiceObject"].values.pop("ENTERPRISE")) == [
        "VALUE_REMOVED_FROM_ENUM: Enum value ServiceObject.ENTERPRISE was removed."
    ]
    # what the bundle's end looks like on the phone: results ready, delivered by pickup
    assert changed(lambda s: _types(s)["BundleStatus"].values.pop("RESULTS_READY")) == [
        "VALUE_REMOVED_FROM_ENUM: Enum value BundleStatus.RESULTS_READY was removed."
    ]
    assert changed(lambda s: _types(s)["ResultMethod"].values.pop("PICKUP")) == [
        "VALUE_REMOVED_FROM_ENUM: Enum value ResultMethod.PICKUP was removed."
    ]


def test_changing_what_rating_a_bundle_sends_is_caught() -> None:
    from graphql import GraphQLInputField, GraphQLNonNull, GraphQLString

    def require_a_new_input_field(s: GraphQLSchema) -> None:
        _types(s)["RateBundleInput"].fields["caseId"] = GraphQLInputField(GraphQLNonNull(GraphQLString))

    assert changed(require_a_new_input_field) == [
        "REQUIRED_INPUT_FIELD_ADDED: A required field RateBundleInput.caseId was added."
    ]


@pytest.mark.parametrize(
    ("type_name", "member"),
    [("Query", "catalogConsistency"), ("Material", "reviewPoints"), ("Mutation", "createApiKey")],
)
def test_changes_to_what_the_contract_does_not_use_pass(type_name: str, member: str) -> None:
    assert changed(lambda s: _types(s)[type_name].fields.pop(member)) == []


def test_the_contract_uses_what_its_operations_select() -> None:
    types, fields = used_by(build_schema(SDL), operations())
    assert {"Query.serviceItems", "ServiceItem.guide", "Guide.faq", "Mutation.requestSmsCode",
            "RegisterEnterpriseInput.creditCode", "Level.COUNTY"} <= fields
    assert {"ServiceItemFilter", "Hall", "Citizen", "AccountErrorCode"} <= types
    assert "Query.catalogConsistency" not in fields and "ApiKey" not in types
    # the cases, materials, e-licences and notifications operations: sent (inputs, the upload) and received
    assert {"Subscription.notificationReceived", "Mutation.submitApplication", "ApplicationInput.materials",
            "MaterialFileInput.uploadId", "Case.timeline", "CaseStatus.WITHDRAWN", "CaseMaterialState.MISSING",
            "Query.trackCase", "Query.myElicences", "Mutation.markNotificationsRead", "UploadMaterialInput.file"} <= fields
    assert {"Subscription", "Upload", "JSON", "CaseErrorCode", "UploadErrorCode", "NotificationErrorCode",
            "DeferralNotice", "CorrectionNotice", "TrackedCase"} <= types
    assert "Query.caseQueue" not in fields and "Mutation.approveCase" not in fields
    # the themes and bundles operations: what the citizen does, not what the window does
    assert {"Query.serviceMenu", "Query.themes", "Query.theme", "Theme.questions", "ThemeGuide.process",
            "ThemeStageItem.when", "Query.themeBundle", "ThemeAnswerInput.question", "BundleMaterialUse.material",
            "BundleCounts.visits", "Mutation.applyForTheme", "ApplyForThemeInput.answers", "BundleMaterialFileInput.uploadId",
            "Query.myBundles", "Query.bundle", "Bundle.stageList", "Bundle.correctionNotice", "BundleItemProgress.attempts",
            "BundleDenial.options", "Mutation.supplyBundleMaterials", "BundleSuppliedMaterialInput.key",
            "Mutation.withdrawBundle", "BundleReasonInput.reason", "Mutation.reapplyBundleItem",
            "ReapplyBundleItemPayload.case", "Query.trackBundle", "TrackedBundleItem.departmentName",
            "BundleStatus.PARTLY_DENIED", "BundleItemState.HELD", "QuestionKind.YES_NO"} <= fields
    # the bundle's end: the one set of materials, the results delivered together, the one rating
    assert {"Bundle.materials", "BundleSetMaterial.itemKeys", "Bundle.canRate", "Bundle.rating", "CaseRating.ratedAt",
            "Bundle.resultMethod", "Bundle.trackingNumber", "Bundle.resultsIssuedAt", "Bundle.finishedAt",
            "Bundle.workingDaysUsed", "BundleStageProgress.openedAt", "BundleStatus.RESULTS_READY", "ResultMethod.PICKUP",
            "Mutation.rateBundle", "RateBundleInput.level", "RateBundleInput.channel", "RateBundlePayload.bundle"} <= fields
    assert {"ServiceMenu", "ThemeCondition", "BundleErrorCode", "ThemeErrorCode", "TrackedBundleStage", "BundleSetMaterial",
            "ResultMethod", "RateBundleInput"} <= types
    assert "Mutation.acceptBundle" not in fields and "Query.bundleQueue" not in fields
    assert "Mutation.issueBundleResults" not in fields and "Mutation.completeBundle" not in fields
    assert "IssueBundleResultsInput" not in types
    # 好差评 (issue 18): the app rates a case with the dimensions, follows up, and rates by the SMS link;
    # the window device and the rectification moves are no part of the mobile contract
    assert {"Mutation.rateCase", "RateCaseInput.scores", "RatingScoreInput.key", "CaseRating.scores",
            "Mutation.followUpRating", "Query.ratingLink", "Mutation.rateCaseByLink", "Query.ratingDimensionSets"} <= fields
    assert "Mutation.rateAtWindow" not in fields and "Mutation.startRectification" not in fields
    assert "Mutation.requestBundleCorrection" not in fields and "Mutation.publishServiceMenu" not in fields


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _repo(tmp_path: Path, versions: list[str]) -> tuple[Path, list[str]]:
    """A repository on main whose commits write schema/schema.graphql with each text in turn."""
    repo = tmp_path / "repo"
    (repo / "schema").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    commits = []
    for text in versions:
        (repo / "schema" / "schema.graphql").write_text(text, encoding="utf-8")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", text)
        commits.append(_git(repo, "rev-parse", "HEAD"))
    return repo, commits


def test_without_history_the_check_fails_it_never_passes(tmp_path: Path) -> None:
    copy = tmp_path / "schema.graphql"  # tmp_path is no git repository
    copy.write_text(SDL, encoding="utf-8")
    with pytest.raises(NoSchemaHistory):
        previous_schema(copy, root=tmp_path)
    repo, _ = _repo(tmp_path, ["type Query { a: Int }"])  # one commit: nothing before it
    with pytest.raises(NoSchemaHistory):
        previous_schema(repo / "schema" / "schema.graphql", root=repo)


def test_a_shallow_clone_fails(tmp_path: Path) -> None:
    repo, _ = _repo(tmp_path, ["type Query { a: Int }", "type Query { a: Int b: Int }"])
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    with pytest.raises(NoSchemaHistory, match="浅克隆"):
        baseline_commit(shallow)


def test_on_main_the_baseline_is_main_before_its_last_commit(tmp_path: Path) -> None:
    repo, commits = _repo(tmp_path, ["type Query { a: Int }", "type Query { a: Int b: Int }", "type Query { b: Int }"])
    assert previous_schema(repo / "schema" / "schema.graphql", root=repo) == (commits[1], "type Query { a: Int b: Int }")


def test_on_a_branch_the_baseline_is_the_merge_base_with_main(tmp_path: Path) -> None:
    repo, commits = _repo(tmp_path, ["type Query { a: Int }", "type Query { a: Int b: Int }"])
    _git(repo, "checkout", "-q", "-b", "feature")
    for text in ("type Query { b: Int }", "type Query { c: Int }"):
        (repo / "schema" / "schema.graphql").write_text(text, encoding="utf-8")
        _git(repo, "commit", "-q", "-am", text)
    assert baseline_commit(repo)[0] == commits[1]


def test_the_last_release_comes_before_main(tmp_path: Path) -> None:
    repo, commits = _repo(tmp_path, ["type Query { a: Int }", "type Query { a: Int b: Int }", "type Query { b: Int }"])
    _git(repo, "tag", "v1.0.0", commits[0])
    assert previous_schema(repo / "schema" / "schema.graphql", root=repo) == (commits[0], "type Query { a: Int }")


def test_the_operations_of_an_earlier_commit_are_read_from_git() -> None:
    commit, _ = previous_schema(SCHEMA)
    then = operations_at(commit)
    assert then is not None and {op.name for op in then} >= {"SearchServiceItems", "SignInWithSmsCode"}
    assert all(op.text.strip() for op in then)
