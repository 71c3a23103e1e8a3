"""A schema change that breaks what mobile-contract/ uses fails the tests (DESIGN.md rule 10).

The committed schema/schema.graphql is compared with its latest committed version that differs
(HEAD's when the file has uncommitted changes, else the version before the last commit that changed
it) using graphql-core's ``find_breaking_changes``; only changes that touch a type or field used by
the contract's operations fail. Removing such a field goes through ``@deprecated`` first: deprecate
it, move the app's operations off it, and remove it once no operation uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema

from server.contract import contract_breaking_changes, operations, operations_at, previous_schema, used_by
from server.settings import ROOT

SCHEMA = ROOT / "schema" / "schema.graphql"
SDL = SCHEMA.read_text(encoding="utf-8")


def test_the_schema_does_not_break_the_contract_since_its_previous_version() -> None:
    previous = previous_schema(SCHEMA)
    if previous is None:
        print("schema/schema.graphql 没有可比较的早先版本（新仓库或浅克隆）：跳过破坏性变更比较")
        return
    commit, old = previous
    # the operations of that time: what app builds then in use send (new ones are checked by test_operations)
    then = operations_at(commit)
    broken = contract_breaking_changes(old, SDL, then if then is not None else operations())
    assert broken == [], (
        f"相对 {commit[:10]} 的 schema/schema.graphql，以下变更会破坏移动端契约（先加 @deprecated，"
        "待 mobile-contract/ 不再使用后再删除）：\n" + "\n".join(broken)
    )


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
    broken = changed(lambda s: s.type_map[type_name].fields.pop(member))  # type: ignore[union-attr]
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
    broken = changed(lambda s: s.type_map[type_name].fields.pop(member))  # type: ignore[union-attr]
    assert broken == [f"FIELD_REMOVED: Field {type_name}.{member} was removed."]


def test_changing_what_a_cases_operation_sends_or_receives_is_caught() -> None:
    from graphql import GraphQLArgument, GraphQLInputField, GraphQLNonNull, GraphQLString

    def require_a_new_input_field(s: GraphQLSchema) -> None:
        s.type_map["ApplicationInput"].fields["channel"] = GraphQLInputField(GraphQLNonNull(GraphQLString))  # type: ignore[union-attr]

    assert changed(require_a_new_input_field) == [
        "REQUIRED_INPUT_FIELD_ADDED: A required field ApplicationInput.channel was added."
    ]

    def require_a_new_argument(s: GraphQLSchema) -> None:
        s.type_map["Query"].fields["trackCase"].args["phone"] = GraphQLArgument(GraphQLNonNull(GraphQLString))  # type: ignore[union-attr]

    assert changed(require_a_new_argument) == [
        "REQUIRED_ARG_ADDED: A required argument Query.trackCase(phone:) was added."
    ]
    assert changed(lambda s: s.type_map["CaseStatus"].values.pop("WITHDRAWN")) == [  # type: ignore[union-attr]
        "VALUE_REMOVED_FROM_ENUM: Enum value CaseStatus.WITHDRAWN was removed."
    ]


def test_removing_a_value_of_an_enum_the_contract_uses_is_caught() -> None:
    assert changed(lambda s: s.type_map["ServiceObject"].values.pop("ENTERPRISE")) == [  # type: ignore[union-attr]
        "VALUE_REMOVED_FROM_ENUM: Enum value ServiceObject.ENTERPRISE was removed."
    ]


@pytest.mark.parametrize(
    ("type_name", "member"),
    [("Query", "catalogConsistency"), ("Material", "reviewPoints"), ("Mutation", "createApiKey")],
)
def test_changes_to_what_the_contract_does_not_use_pass(type_name: str, member: str) -> None:
    assert changed(lambda s: s.type_map[type_name].fields.pop(member)) == []  # type: ignore[union-attr]


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


def test_a_repository_without_history_passes(tmp_path: Path) -> None:
    copy = tmp_path / "schema.graphql"  # tmp_path is no git repository
    copy.write_text(SDL, encoding="utf-8")
    assert previous_schema(copy, root=tmp_path) is None


def test_the_operations_of_an_earlier_commit_are_read_from_git() -> None:
    previous = previous_schema(SCHEMA)
    assert previous is not None, "the repository has history: an earlier schema exists"
    then = operations_at(previous[0])
    assert then is not None and {op.name for op in then} >= {"SearchServiceItems", "SignInWithSmsCode"}
    assert all(op.text.strip() for op in then)
