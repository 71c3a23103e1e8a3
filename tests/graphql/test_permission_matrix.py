"""The permission matrix: every mutation and every query, for every kind of caller, allowed or
refused as the RULES below say.

Generated from the schema: each field of Mutation, Query and Subscription must have a row in RULES,
so a new operation without a rule fails ``test_every_operation_has_a_rule`` with "add a rule for …". Each
row names the callers that are allowed; every other caller must be refused.

Callers: anonymous; one staff member per role (a demo account of the city, 371500, or a throw-away
one where the demo seed has none); a citizen (signed in through the SMS flow, real-name verified,
legal representative of a throw-away enterprise); a partner system (a county-system API key).

What the outcomes mean (the one rule of the README's "谁在调用：一种回答"):
- refused: a top-level error on the field's path, the field null, with code UNAUTHENTICATED for the
  anonymous caller and FORBIDDEN for every other (on the whole operation only for a partner's
  mutation, refused before it runs); or, for a caller the field's permission classes let in, the
  domain's payload error NOT_ALLOWED about the object. Any other shape of refusal fails the test:
  a top-level NOT_ALLOWED, UNAUTHENTICATED for somebody or FORBIDDEN for nobody, a payload
  NOT_ALLOWED for nobody, or a silent null (which counts as allowed, and so fails a refusing row).
- allowed: anything else. An allowed caller may still fail validation or find nothing (INVALID,
  NOT_FOUND, INVALID_STATE, RATE_LIMITED …): the inputs are minimal, built from the input types, or
  given per row in ``example`` where the operation needs a real object to get past its checks.
  An unexpected error (code INTERNAL, or a request error) fails the test whatever the rule says.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import yaml
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)
from stdnum.cn import ric
from strawberry import relay
from tortoise.transactions import in_transaction

from server import clock as server_clock
from server.domain.accounts import apikeys, tokens
from server.domain.accounts.models import AccessLog, ApiKey, Citizen, Enterprise, Mandate, StaffUser
from server.domain.accounts.roles import ANONYMOUS, Actor, Role
from server.domain.accounts.service import create_user
from server.domain.accounts.sms import get_sms_sender
from server.domain.appointments.models import Appointment
from server.domain.cases.models import Case as CaseRow
from server.domain.cases.models import CaseBundle, ELicence, Upload
from server.domain.catalog import service as catalog
from server.domain.catalog.content import ItemContent
from server.domain.complaints.models import AssistanceRequest as AssistanceRow
from server.domain.complaints.models import Complaint as ComplaintRow
from server.domain.exchange.models import ExchangeDifference as ExchangeDifferenceRow
from server.domain.exchange.models import ExchangeMessage as ExchangeMessageRow
from server.domain.exchange.models import Partner as ExchangePartnerRow
from server.domain.exchange.models import ReconciliationRun as ReconciliationRunRow
from server.domain.notifications import service as notifications
from server.domain.notifications.models import InboxMessage, Outbox
from server.domain.shareddata.models import SharedDataPull as SharedDataPullRow
from server.domain.themes.models import Theme, ThemeVersion
from server.graphql.context import Context
from server.graphql.schema import build_schema
from server.settings import Settings
from tests.conftest import DEMO_PASSWORD, ROOT

SCHEMA = build_schema(Settings())._schema
assert SCHEMA.mutation_type is not None

# --- callers ---------------------------------------------------------------------------------------

ROLES = [r.value for r in Role]
CALLERS = ["anonymous", *ROLES, "citizen", "partner"]


def callers(*names: str) -> frozenset[str]:
    unknown = set(names) - set(CALLERS)
    assert not unknown, f"unknown callers in RULES: {unknown}"
    return frozenset(names)


ANYONE = frozenset(CALLERS)
STAFF = callers(*ROLES)
NO_KEY = ANYONE - {"partner"}  # partner systems read, never write
SOMEBODY = ANYONE - {"anonymous"}  # anybody signed in or holding a key: the object itself is the domain's to answer (null)
SIGNED_IN = STAFF | {"citizen"}
CITY_ADMIN = callers("city_admin")
CATALOG_EDITORS = callers("city_admin", "catalog_admin")
REVEALERS = callers("window_clerk", "hall_supervisor", "dept_reviewer", "assistance_agent", "city_admin")
MANDATE_GRANTORS = callers("hall_supervisor", "city_admin")
APPLICANTS = callers("citizen", "assistance_agent")
CLERK = callers("window_clerk")
REVIEWER = callers("dept_reviewer")
CASE_READERS = callers("city_admin", "hall_supervisor", "county_viewer", "window_clerk", "dept_reviewer",
                       "assistance_agent", "partner")
NO_CASE = str(relay.GlobalID("Case", "999999999"))
NO_RECTIFICATION = str(relay.GlobalID("Rectification", "999999999"))
RECTIFIERS = callers("dept_reviewer", "hall_supervisor")
RECTIFICATION_READERS = callers("dept_reviewer", "hall_supervisor", "city_admin", "county_viewer")
NO_ITEM = str(relay.GlobalID("ServiceItem", "999999999"))
NO_BUNDLE = str(relay.GlobalID("Bundle", "999999999"))
NO_THEME = str(relay.GlobalID("Theme", "999999999"))
NO_PARTNER = str(relay.GlobalID("ExchangePartner", "999999999"))
NO_COMPLAINT = str(relay.GlobalID("Complaint", "999999999"))
NO_REQUEST = str(relay.GlobalID("AssistanceRequest", "999999999"))


# --- the objects the examples point at ---------------------------------------------------------------


@dataclass
class World:
    """Throw-away objects created for this module, so an allowed caller's call has something real to
    act on (and cannot touch shared demo data)."""

    item: str  # a draft ServiceItem of 371500-CGJ with no situations (so it cannot be published)
    citizen: str  # the signed-in test citizen
    other_citizen: str  # a second verified citizen
    enterprise: str  # represented by the test citizen, in 冠县
    staff: str  # a window clerk of 冠县 that admins may update, disable, reset
    api_key: str  # a county-system key that admins may revoke (not the partner caller's key)
    mandate: str  # a mandate of the assistance agent, given by the test citizen
    agent_username: str
    nodes: dict[str, str]  # per Node type, the global ID of one object for the node matrix


Example = Callable[[World], dict[str, Any]]


@dataclass(frozen=True)
class Rule:
    allowed: frozenset[str]
    example: Example | None = None  # the variables (by argument name); default: built from the types


def _no_case(w: World) -> dict[str, Any]:
    return {"input": {"caseId": NO_CASE, "reason": "权限矩阵测试"}}


def _no_bundle(w: World) -> dict[str, Any]:
    return {"input": {"bundleId": NO_BUNDLE, "reason": "权限矩阵测试"}}


def _status(w: World) -> dict[str, Any]:
    return {"input": {"id": w.item, "reason": "权限矩阵测试"}}


RULES: dict[str, Rule] = {
    # --- mutations: sign-in and tokens
    "login": Rule(NO_KEY),
    "refreshTokens": Rule(NO_KEY),
    "logout": Rule(SIGNED_IN),
    "requestSmsCode": Rule(NO_KEY, lambda w: {"input": {"phone": _phone()}}),
    "signInWithSmsCode": Rule(NO_KEY, lambda w: {"input": {"phone": _phone(), "code": "000000"}}),
    # --- mutations: citizens and enterprises (the citizen acts for itself, or as legal representative)
    "verifyRealName": Rule(callers("citizen"), lambda w: {"input": {"name": "张三", "idNumber": "371525"}}),
    "registerEnterprise": Rule(callers("citizen"), lambda w: {"input": {
        "creditCode": "INVALID", "name": "权限矩阵测试有限公司", "legalRepName": "张三", "legalRepIdNumber": "x"}}),
    "addEnterpriseOperator": Rule(callers("citizen"), lambda w: {"input": {
        "enterpriseId": w.enterprise, "phone": _phone()}}),
    "removeEnterpriseOperator": Rule(callers("citizen"), lambda w: {"input": {
        "enterpriseId": w.enterprise, "citizenId": w.other_citizen}}),
    "addCreditCodeException": Rule(CITY_ADMIN, lambda w: {"input": {"code": "BAD", "reason": "权限矩阵测试"}}),
    "removeCreditCodeException": Rule(CITY_ADMIN, lambda w: {"input": {"code": "NOT-ON-THE-LIST"}}),
    # --- mutations: staff administration, API keys, mandates
    "createStaffUser": Rule(CITY_ADMIN, lambda w: {"input": {
        "username": "!", "displayName": "权限矩阵", "password": "short", "roles": [], "regionCode": "371525"}}),
    "updateStaffUser": Rule(CITY_ADMIN, lambda w: {"input": {"id": w.staff}}),
    "disableStaffUser": Rule(CITY_ADMIN, lambda w: {"input": {"id": w.staff, "reason": "权限矩阵测试"}}),
    "enableStaffUser": Rule(CITY_ADMIN, lambda w: {"input": {"id": w.staff}}),
    "resetStaffPassword": Rule(CITY_ADMIN, lambda w: {"input": {"id": w.staff, "newPassword": "short"}}),
    "createApiKey": Rule(CITY_ADMIN, lambda w: {"input": {"name": "", "kind": "COUNTY_SYSTEM",
                                                           "regionCode": "371525"}}),
    "revokeApiKey": Rule(CITY_ADMIN, lambda w: {"input": {"id": w.api_key}}),
    "createMandate": Rule(MANDATE_GRANTORS, lambda w: {"input": {
        "principalCitizenId": w.citizen, "agentUsername": w.agent_username, "allItems": True,
        "validFrom": "2030-01-02", "validTo": "2030-01-01"}}),
    "revokeMandate": Rule(MANDATE_GRANTORS | {"citizen"}, lambda w: {"input": {"id": w.mandate, "reason": "权限矩阵测试"}}),
    # --- mutations: the catalogue
    "createServiceItem": Rule(CATALOG_EDITORS, lambda w: {"input": {
        "basicCode": "bad", "departmentCode": "371500-CGJ", "content": {
            "name": "权限矩阵测试事项", "itemType": "LICENSING", "statutoryLimit": {"value": 1, "unit": "WORKING_DAY"},
            "committedLimit": {"value": 1, "unit": "WORKING_DAY"}}}}),
    "updateServiceItemDraft": Rule(CATALOG_EDITORS, lambda w: {"input": {"id": w.item, "content": {}}}),
    "publishServiceItem": Rule(CATALOG_EDITORS, lambda w: {"input": {"id": w.item}}),
    "discardServiceItemDraft": Rule(CATALOG_EDITORS, lambda w: {"input": {"id": w.item}}),
    "suspendServiceItem": Rule(CATALOG_EDITORS, _status),
    "resumeServiceItem": Rule(CATALOG_EDITORS, _status),
    "cancelServiceItem": Rule(CATALOG_EDITORS, _status),
    "setSearchSynonym": Rule(CATALOG_EDITORS, lambda w: {"input": {"term": "", "words": []}}),
    "deleteSearchSynonym": Rule(CATALOG_EDITORS, lambda w: {"input": {"term": "权限矩阵没有的词"}}),
    # --- mutations: personal data
    "revealPersonalData": Rule(REVEALERS, lambda w: {"input": {
        "subjectId": w.citizen, "fields": ["ID_NUMBER"], "reason": "权限矩阵测试"}}),
    # --- mutations: the working-time calendar (an admin's call fails validation: nothing is written)
    "setCalendarDay": Rule(CITY_ADMIN, lambda w: {"input": {
        "regionCode": "371525", "date": "2024-10-08", "kind": "HOLIDAY", "name": ""}}),
    "clearCalendarDay": Rule(CITY_ADMIN, lambda w: {"input": {"regionCode": "371525", "date": "2000-01-03"}}),
    # --- queries: the calendar and deadline previews (public: holiday arrangements are public)
    "calendar": Rule(ANYONE, lambda w: {"regionCode": "371525", "from": "2024-09-28", "to": "2024-10-12"}),
    "deadlinePreview": Rule(ANYONE, lambda w: {"regionCode": "371525", "start": "2024-09-30", "value": 5,
                                               "unit": "WORKING_DAY"}),
    # --- queries: public (the catalogue, the Node interface: drafts and scoped nodes resolve to null)
    "serviceItems": Rule(ANYONE),
    "serviceItem": Rule(ANYONE),
    "serviceItemByCode": Rule(ANYONE),
    "itemVersionDiff": Rule(ANYONE),
    "catalogConsistency": Rule(ANYONE),
    "regions": Rule(ANYONE),
    "departments": Rule(ANYONE),
    "halls": Rule(ANYONE),
    "node": Rule(ANYONE),
    # --- queries: who am I (null for everyone else)
    "me": Rule(STAFF),
    "myProfile": Rule(callers("citizen")),
    "partner": Rule(callers("partner")),
    # --- queries: sensitive lists
    "staffUsers": Rule(CITY_ADMIN),
    "apiKeys": Rule(CITY_ADMIN),
    "mandates": Rule(MANDATE_GRANTORS | {"auditor", "assistance_agent", "citizen"}),
    "creditCodeExceptions": Rule(CATALOG_EDITORS),
    "personalDataAccessLog": Rule(callers("auditor", "city_admin")),
    # --- notifications: each person their own inbox; the outbox is for city admins
    "myNotifications": Rule(SIGNED_IN),
    "unreadNotificationCount": Rule(SIGNED_IN),
    "notificationOutbox": Rule(CITY_ADMIN),
    "markNotificationsRead": Rule(SIGNED_IN, lambda w: {"input": {"all": True}}),
    "notificationReceived": Rule(SIGNED_IN),  # a subscription: run in-process (test_subscription_matrix)
    "retryNotification": Rule(CITY_ADMIN, lambda w: {"input": {"id": w.nodes["OutboxNotification"]}}),
    # --- cases: each transition for the role DOMAIN.md gives it (the case does not exist, so an allowed
    # caller gets NOT_FOUND, a refused one NOT_ALLOWED or FORBIDDEN before the case is looked up)
    "saveApplicationDraft": Rule(APPLICANTS, lambda w: {"input": {"application": {"itemId": NO_ITEM}}}),
    "submitApplication": Rule(APPLICANTS, lambda w: {"input": {
        "idempotencyKey": "matrix-key-0001", "application": {"itemId": NO_ITEM}}}),
    "receiveWalkIn": Rule(CLERK, lambda w: {"input": {
        "idempotencyKey": "matrix-key-0002", "itemId": NO_ITEM, "applicant": {"idNumber": "x"}}}),
    "acceptCase": Rule(CLERK, lambda w: {"input": {"caseId": NO_CASE}}),
    "acceptCaseWithMissing": Rule(CLERK, lambda w: {"input": {"caseId": NO_CASE, "missing": [], "commitment": "承诺"}}),
    "requestCaseCorrection": Rule(CLERK, lambda w: {"input": {"caseId": NO_CASE, "items": [{"note": "补正"}]}}),
    "proposeCaseRejection": Rule(CLERK, _no_case),
    "confirmCaseRejection": Rule(callers("hall_supervisor"), _no_case),
    "overturnCaseRejection": Rule(callers("hall_supervisor"), _no_case),
    "supplyCaseMaterials": Rule(APPLICANTS | CLERK, lambda w: {"input": {"caseId": NO_CASE, "materials": []}}),
    "withdrawCase": Rule(APPLICANTS, _no_case),
    "claimCase": Rule(REVIEWER, lambda w: {"input": {"caseId": NO_CASE}}),
    # --- themes (一件事) and the service menu: catalogue admins edit, everybody reads what is published
    "createThemeDraft": Rule(CATALOG_EDITORS),
    "updateThemeDraft": Rule(CATALOG_EDITORS, lambda w: {"input": {"id": NO_THEME, "content": {}}}),
    "publishTheme": Rule(CATALOG_EDITORS, lambda w: {"input": {"id": NO_THEME}}),
    "suspendTheme": Rule(CATALOG_EDITORS, lambda w: {"input": {"id": NO_THEME, "reason": "权限矩阵"}}),
    "resumeTheme": Rule(CATALOG_EDITORS, lambda w: {"input": {"id": NO_THEME, "reason": "权限矩阵"}}),
    "cancelTheme": Rule(CATALOG_EDITORS, lambda w: {"input": {"id": NO_THEME, "reason": "权限矩阵"}}),
    "publishServiceMenu": Rule(CATALOG_EDITORS, lambda w: {"input": {"entries": []}}),
    "serviceMenu": Rule(ANYONE),
    "serviceMenuHistory": Rule(CATALOG_EDITORS),
    "themes": Rule(ANYONE),
    "findServices": Rule(ANYONE, lambda w: {"text": "身份证"}),
    "searchSuggestions": Rule(ANYONE, lambda w: {"prefix": "身份"}),
    "searchSynonyms": Rule(CATALOG_EDITORS),
    "theme": Rule(ANYONE, lambda w: {"code": "enterprise-startup"}),
    "themeBundle": Rule(ANYONE, lambda w: {"themeId": w.nodes["Theme"], "answers": []}),
    "releaseCase": Rule(REVIEWER, _no_case),
    "approveCase": Rule(REVIEWER, lambda w: {"input": {"caseId": NO_CASE, "opinion": "同意"}}),
    "denyCase": Rule(REVIEWER, _no_case),
    "suspendCase": Rule(REVIEWER, _no_case),
    "sendBackCase": Rule(REVIEWER, lambda w: {"input": {"caseId": NO_CASE, "reason": "权限矩阵测试"}}),
    "resubmitCase": Rule(APPLICANTS | CLERK, lambda w: {"input": {"caseId": NO_CASE}}),
    "resumeCase": Rule(REVIEWER, _no_case),
    "extendCase": Rule(REVIEWER | callers("hall_supervisor"), lambda w: {"input": {
        "caseId": NO_CASE, "days": 1, "reason": "延期"}}),
    "urgeCase": Rule(callers("hall_supervisor", "city_admin"), lambda w: {"input": {"caseId": NO_CASE, "message": "请尽快办理"}}),
    "issueCaseResult": Rule(CLERK, lambda w: {"input": {"caseId": NO_CASE, "method": "PICKUP"}}),
    "completeCase": Rule(CLERK, _no_case),
    "rateCase": Rule(callers("citizen"), lambda w: {"input": {"caseId": NO_CASE, "level": 5}}),
    # --- themed bundles (一件事): applying is the applicant's, the window's moves the clerk's (the
    # supervisor decides a rejection); the theme and the bundle do not exist, so an allowed caller
    # gets NOT_FOUND, a refused one NOT_ALLOWED or an auth error before the lookup
    "applyForTheme": Rule(APPLICANTS, lambda w: {"input": {"idempotencyKey": "matrix-key-0003", "themeId": NO_THEME}}),
    "receiveWalkInBundle": Rule(CLERK, lambda w: {"input": {
        "idempotencyKey": "matrix-key-0004", "themeId": NO_THEME, "applicant": {"idNumber": "x"}}}),
    "acceptBundle": Rule(CLERK, lambda w: {"input": {"bundleId": NO_BUNDLE}}),
    "acceptBundleWithMissing": Rule(CLERK, lambda w: {"input": {"bundleId": NO_BUNDLE, "missing": [], "commitment": "承诺"}}),
    "requestBundleCorrection": Rule(CLERK, lambda w: {"input": {"bundleId": NO_BUNDLE, "items": [{"note": "补正"}]}}),
    "proposeBundleRejection": Rule(CLERK, _no_bundle),
    "confirmBundleRejection": Rule(callers("hall_supervisor"), _no_bundle),
    "overturnBundleRejection": Rule(callers("hall_supervisor"), _no_bundle),
    "supplyBundleMaterials": Rule(APPLICANTS | CLERK, lambda w: {"input": {"bundleId": NO_BUNDLE, "materials": []}}),
    "withdrawBundle": Rule(APPLICANTS, _no_bundle),
    "reapplyBundleItem": Rule(APPLICANTS, lambda w: {"input": {"bundleId": NO_BUNDLE, "caseId": NO_CASE}}),
    "issueBundleResults": Rule(CLERK, lambda w: {"input": {"bundleId": NO_BUNDLE, "method": "PICKUP"}}),
    "completeBundle": Rule(CLERK, lambda w: {"input": {"bundleId": NO_BUNDLE}}),
    "rateBundle": Rule(callers("citizen"), lambda w: {"input": {"bundleId": NO_BUNDLE, "level": 5}}),
    # 二手房转移登记: the seller confirms and the buyer books the visit (citizens, themselves); the
    # department's reviewers record the deed tax and the on-site verification
    "confirmBundleParty": Rule(callers("citizen"), lambda w: {"input": {"bundleId": NO_BUNDLE}}),
    "bookBundleVerification": Rule(callers("citizen"), lambda w: {"input": {
        "bundleId": NO_BUNDLE, "day": "2026-01-05", "start": "09:00"}}),
    "recordDeedTaxPayment": Rule(REVIEWER, lambda w: {"input": {"caseId": NO_CASE, "amountYuan": "100", "receiptNumber": "SW000001"}}),
    "verifyBundleOnSite": Rule(REVIEWER, lambda w: {"input": {"caseId": NO_CASE}}),
    # the exchange: partners and the log for the region's admins; a partner answers for its routed
    # cases (the matrix's partner is a county-system key without a partner code: the domain refuses it)
    "partners": Rule(CITY_ADMIN),
    "exchangeMessages": Rule(CITY_ADMIN),
    "createPartner": Rule(CITY_ADMIN, lambda w: {"input": {"code": "", "fields": {}}}),
    "updatePartner": Rule(CITY_ADMIN, lambda w: {"input": {"partnerId": w.nodes["ExchangePartner"], "fields": {}}}),
    "rotatePartnerKey": Rule(CITY_ADMIN, lambda w: {"input": {"partnerId": NO_PARTNER}}),
    "retirePartnerKey": Rule(CITY_ADMIN, lambda w: {"input": {"partnerId": NO_PARTNER}}),
    "retryExchangeMessage": Rule(CITY_ADMIN, lambda w: {"input": {"id": w.nodes["ExchangeMessage"]}}),
    "reconciliationRuns": Rule(CITY_ADMIN),
    "exchangeDifferences": Rule(CITY_ADMIN),
    "reconcilePartner": Rule(CITY_ADMIN, lambda w: {"input": {"partnerId": NO_PARTNER}}),
    "closeExchangeDifference": Rule(CITY_ADMIN, lambda w: {"input": {"differenceId": w.nodes["ExchangeDifference"],
                                                                     "note": ""}}),
    "answerRoutedCase": Rule(frozenset(), lambda w: {"input": {"caseId": NO_CASE, "answer": "ACCEPTED"}}),
    # 好差评 (issue 18): the dimension sets and a rating link are public, rating by link needs no
    # sign-in (partners never); the window device is a hall_device key (none of these callers: the
    # county-system key is refused in the domain); the follow-up is the rater's
    "ratingDimensionSets": Rule(ANYONE),
    "ratingLink": Rule(ANYONE, lambda w: {"token": "1.x.forged"}),
    "ratingQrCode": Rule(SIGNED_IN, lambda w: {"caseId": NO_CASE}),
    "rateCaseByLink": Rule(NO_KEY, lambda w: {"input": {"token": "1.x.forged", "level": 5}}),
    "rateBundleByLink": Rule(NO_KEY, lambda w: {"input": {"token": "1.x.forged", "level": 5}}),
    "rateAtWindow": Rule(frozenset(), lambda w: {"input": {"level": 5}}),
    "followUpRating": Rule(callers("citizen"), lambda w: {"input": {"caseId": NO_CASE, "level": 5, "comment": "补充"}}),
    "serveCaseAtWindow": Rule(CLERK, lambda w: {"input": {"caseId": NO_CASE, "windowId": 1}}),
    # 差评整改: the department's reviewers and the hall's supervisors handle, a supervisor or admin
    # reviews "unable", the city admin reviews appeals; lists and measures for those and county viewers
    "rectifications": Rule(RECTIFICATION_READERS),
    "rectification": Rule(RECTIFICATION_READERS, lambda w: {"id": NO_RECTIFICATION}),
    "caseRatings": Rule(RECTIFICATION_READERS),
    "ratingMeasures": Rule(RECTIFICATION_READERS),
    "startRectification": Rule(RECTIFIERS, lambda w: {"input": {"id": NO_RECTIFICATION}}),
    "finishRectification": Rule(RECTIFIERS, lambda w: {"input": {"id": NO_RECTIFICATION, "text": "权限矩阵测试"}}),
    "reportUnableToRectify": Rule(RECTIFIERS, lambda w: {"input": {"id": NO_RECTIFICATION, "text": "权限矩阵测试"}}),
    "appealRating": Rule(RECTIFIERS, lambda w: {"input": {"id": NO_RECTIFICATION, "text": "权限矩阵测试"}}),
    "reviewUnableToRectify": Rule(callers("hall_supervisor", "city_admin"), lambda w: {"input": {
        "id": NO_RECTIFICATION, "approve": True, "note": "权限矩阵测试"}}),
    "reviewRatingAppeal": Rule(CITY_ADMIN, lambda w: {"input": {"id": NO_RECTIFICATION, "approve": True,
                                                                "note": "权限矩阵测试"}}),
    "extendRectification": Rule(RECTIFIERS | CITY_ADMIN, lambda w: {"input": {
        "id": NO_RECTIFICATION, "days": 1, "reason": "权限矩阵测试"}}),
    "recordRatingRevisit": Rule(RECTIFIERS | CITY_ADMIN, lambda w: {"input": {"id": NO_RECTIFICATION, "satisfaction": 5}}),
    # shared base data: the pull log for the region's admins, a person's own pulls for themselves
    "sharedDataPulls": Rule(CITY_ADMIN),
    "mySharedDataPulls": Rule(callers("citizen")),
    "myBundles": Rule(APPLICANTS),
    "mySales": Rule(callers("citizen")),
    "realEstateTransfer": Rule(SOMEBODY, lambda w: {"bundleId": NO_BUNDLE}),
    "bundle": Rule(SOMEBODY, lambda w: {"id": w.nodes["Bundle"]}),
    "bundleQueue": Rule(CASE_READERS - {"partner"}),
    "constructionProjects": Rule((CASE_READERS - {"partner"}) | {"citizen"}),
    "trackBundle": Rule(ANYONE, lambda w: {"number": "371500-20260101-00001", "queryCode": "AAAAAAAA"}),
    # --- cases: reading (lists are scoped in the query; a case nobody may see is null)
    "myCases": Rule(APPLICANTS),
    "myElicences": Rule(APPLICANTS),
    "case": Rule(SOMEBODY, lambda w: {"id": w.nodes["Case"]}),
    "caseQueue": Rule(CASE_READERS, lambda w: {"queue": "ALL"}),
    "overdueCases": Rule(CASE_READERS),
    # --- case statistics: admins, supervisors, county viewers and county/province systems, each its own region
    "bundleHourReport": Rule(callers("city_admin", "hall_supervisor", "county_viewer", "partner"), lambda w: {
        "themeCode": "enterprise-startup", "dateFrom": "2026-01-01", "dateTo": "2026-01-31"}),
    "caseStatistics": Rule(callers("city_admin", "hall_supervisor", "county_viewer", "partner"), lambda w: {
        "filter": {"dateFrom": "2024-01-01", "dateTo": "2024-01-31"}, "groupBy": "COUNTY"}),
    "trackCase": Rule(ANYONE, lambda w: {"number": "371500-20260101-00001", "queryCode": "AAAAAAAA"}),
    # who an ID number belongs to (masked), for the window clerk before saving a walk-in
    "counterPerson": Rule(CLERK, lambda w: {"idNumber": "11010519491231002X"}),
    # --- appointments: free slots are public; booking and cancelling are the citizen's own (the item and the
    # appointment do not exist: the citizen gets NOT_FOUND or INVALID, others NOT_ALLOWED before any lookup);
    # a hall's day is for its clerks and supervisor (demo accounts of the city hall) and the city admin
    "appointmentSlots": Rule(ANYONE, lambda w: {"hallCode": "371500-ZWFWZX", "itemId": NO_ITEM,
                                                "from": "2024-10-08", "to": "2024-10-09"}),
    "myAppointments": Rule(callers("citizen")),
    "hallAppointments": Rule(callers("window_clerk", "hall_supervisor", "city_admin"),
                             lambda w: {"hallCode": "371500-ZWFWZX", "day": "2024-10-08"}),
    "bookAppointment": Rule(callers("citizen"), lambda w: {"input": {
        "hallCode": "371500-ZWFWZX", "itemId": NO_ITEM, "date": "2024-10-08", "start": "09:00"}}),
    "cancelAppointment": Rule(callers("citizen"), lambda w: {"input": {
        "appointmentId": str(relay.GlobalID("Appointment", "999999999")), "reason": "权限矩阵测试"}}),
    # --- complaints (吐槽找茬): anybody but staff complains (the hall does not exist: NOT_FOUND; staff NOT_ALLOWED
    # in the domain, partners by PartnersReadOnly); the hotline key imports (this county key: refused in the
    # domain); supervisors assign, revisit and close, handlers handle and answer (the complaint does not exist)
    "submitComplaint": Rule(callers("anonymous", "citizen"), lambda w: {"input": {
        "targetKind": "HALL", "targetCode": "NO-SUCH-HALL", "category": "ATTITUDE", "content": "权限矩阵测试投诉"}}),
    "importHotlineComplaint": Rule(frozenset(), lambda w: {"input": {
        "hotlineRef": "M-1", "targetKind": "HALL", "targetCode": "NO-SUCH-HALL", "category": "OTHER",
        "content": "权限矩阵测试"}}),
    "assignComplaint": Rule(callers("hall_supervisor", "city_admin"), lambda w: {"input": {
        "complaintId": NO_COMPLAINT, "handlerUsername": "nobody"}}),
    "extendComplaint": Rule(callers("hall_supervisor", "city_admin", "dept_reviewer"), lambda w: {"input": {
        "complaintId": NO_COMPLAINT, "note": "延期理由"}}),
    "handleComplaint": Rule(REVIEWER, lambda w: {"input": {"complaintId": NO_COMPLAINT, "note": "已办理"}}),
    "answerComplaint": Rule(REVIEWER, lambda w: {"input": {"complaintId": NO_COMPLAINT, "note": "答复"}}),
    "revisitComplaint": Rule(callers("hall_supervisor", "city_admin", "citizen"), lambda w: {"input": {
        "complaintId": NO_COMPLAINT, "satisfied": True}}),
    "respondToComplaint": Rule(NO_KEY, lambda w: {"input": {
        "number": "TS20260101000000", "queryCode": "AAAAAAAA", "satisfied": True}}),
    "closeComplaint": Rule(callers("hall_supervisor", "city_admin"), lambda w: {"input": {"complaintId": NO_COMPLAINT}}),
    "myComplaints": Rule(callers("citizen")),
    "trackComplaint": Rule(ANYONE, lambda w: {"number": "TS20260101000000", "queryCode": "AAAAAAAA"}),
    "complaintQueue": Rule(callers("hall_supervisor", "city_admin", "county_viewer", "dept_reviewer")),
    # 帮办代办: a citizen asks, confirms and cancels; the hall's supervisor (or the admin) assigns an agent,
    # the agent records contacts (the hall and the request do not exist)
    "requestAssistance": Rule(callers("citizen"), lambda w: {"input": {
        "kind": "REMOTE", "hallCode": "NO-SUCH-HALL", "description": "权限矩阵测试"}}),
    "assignAssistanceAgent": Rule(MANDATE_GRANTORS, lambda w: {"input": {
        "requestId": NO_REQUEST, "agentUsername": w.agent_username}}),
    "recordAssistanceContact": Rule(callers("assistance_agent"), lambda w: {"input": {
        "requestId": NO_REQUEST, "kind": "PHONE", "note": "电话联系"}}),
    "confirmAssistance": Rule(callers("citizen"), lambda w: {"input": {"requestId": NO_REQUEST}}),
    "rateAssistance": Rule(callers("citizen"), lambda w: {"input": {"requestId": NO_REQUEST, "level": 5}}),
    "cancelAssistanceRequest": Rule(callers("citizen"), lambda w: {"input": {"requestId": NO_REQUEST}}),
    "myAssistanceRequests": Rule(callers("citizen")),
    "assistanceRequests": Rule(callers("hall_supervisor", "city_admin", "assistance_agent")),
    # the window checks in a booked person (the booking does not exist); the hall's supervisor publishes
    # extended-hours and weekend slots (a day in the past: INVALID)
    "checkInAppointment": Rule(callers("window_clerk", "hall_supervisor"), lambda w: {"input": {
        "appointmentId": str(relay.GlobalID("Appointment", "999999999"))}}),
    "publishExtraSlots": Rule(callers("hall_supervisor"), lambda w: {"input": {
        "hallCode": "371500-ZWFWZX", "date": "2024-10-12", "start": "09:00", "end": "12:00", "kind": "WEEKEND",
        "capacity": 2}}),
    # --- material uploads: citizens, and clerks and agents taking materials for someone (a JSON request
    # carries no file: an allowed caller gets INVALID, tests/http/test_uploads.py sends real files)
    "uploadMaterial": Rule(callers("citizen", "window_clerk", "assistance_agent"),
                           lambda w: {"input": {"file": "权限矩阵"}}),
}

# Who may read one object of each Node type through ``node(id:)`` (others get null). The objects:
# a region, department and hall (public); a draft item and its draft version of 371500-CGJ; the
# test citizen and its enterprise; a window clerk of 冠县; a county-system API key; the mandate; an
# access-log record of a view by the city clerk.
NODE_RULES: dict[str, frozenset[str]] = {
    "Region": ANYONE,
    "Department": ANYONE,
    "Hall": ANYONE,
    "ServiceItem": CATALOG_EDITORS,
    "ItemVersion": CATALOG_EDITORS,
    "Citizen": callers("citizen"),  # the citizen itself
    "Enterprise": callers("citizen"),  # its legal representative (and operators)
    "StaffUser": CITY_ADMIN,  # admins of its region (and the member itself)
    "ApiKey": CITY_ADMIN,
    "Mandate": MANDATE_GRANTORS | {"auditor", "assistance_agent", "citizen"},  # the agent, the principal
    "PersonalDataAccess": callers("auditor", "city_admin"),
    "Notification": callers("citizen"),  # its recipient
    "OutboxNotification": CITY_ADMIN,
    "ExchangePartner": CITY_ADMIN,  # a partner of the city: its admins
    "ExchangeMessage": CITY_ADMIN,
    "ReconciliationRun": CITY_ADMIN,
    "ExchangeDifference": CITY_ADMIN,
    "SharedDataPull": CITY_ADMIN,  # a pull for a matter of the city: its admins
    "MySharedDataPull": callers("citizen"),  # the same pull, of the test citizen's data: the citizen
    "UploadedFile": callers("citizen"),  # its owner (staff: only when a case they see uses it)
    # a city-level case of the test citizen at the city hall (department 371500-XZSPJ): the applicant,
    # and staff whose scope covers it (the hall's clerk, the department's reviewer, the city's
    # supervisor, admin and viewer); revealPersonalData of the citizen rests on it too
    "Case": callers("citizen", "city_admin", "hall_supervisor", "county_viewer", "window_clerk", "dept_reviewer"),
    "ELicence": callers("citizen"),  # its holder
    # a bundle of the test citizen at the city hall, with the case above as its sub-case: whoever sees
    # the case sees the bundle (its applicant, the hall's clerk, the department's reviewer, the region)
    "Bundle": callers("citizen", "city_admin", "hall_supervisor", "county_viewer", "window_clerk", "dept_reviewer"),
    "Theme": ANYONE,  # a published theme (drafts only for catalogue admins of its region)
    "ThemeVersion": ANYONE,  # its published version
    "Appointment": callers("citizen"),  # its booker (hall staff read a day's bookings, masked, by hallAppointments)
    # the test citizen's complaint about the city hall, with the city's department 371500-XZSPJ: the complainant,
    # the hall's supervisor, the city's admin and viewer, the department's handlers
    "Complaint": callers("citizen", "hall_supervisor", "city_admin", "county_viewer", "dept_reviewer"),
    # the test citizen's request at the city hall, assigned to the agent: the requester, the hall's
    # supervisor, the city's admin and the agent
    "AssistanceRequest": callers("citizen", "hall_supervisor", "city_admin", "assistance_agent"),
}

assert SCHEMA.mutation_type is not None and SCHEMA.query_type is not None
MUTATIONS = sorted(SCHEMA.mutation_type.fields)
QUERIES = sorted(SCHEMA.query_type.fields)
OPERATIONS = [("mutation", n) for n in MUTATIONS] + [("query", n) for n in QUERIES]
SUBSCRIPTIONS = sorted(SCHEMA.subscription_type.fields) if SCHEMA.subscription_type else []
NODE_TYPES = sorted(
    t.name for t in SCHEMA.type_map.values()
    if isinstance(t, GraphQLObjectType) and any(i.name == "Node" for i in t.interfaces)
)


def test_every_operation_has_a_rule() -> None:
    every = OPERATIONS + [("subscription", n) for n in SUBSCRIPTIONS]
    missing = [f"{kind} {name}" for kind, name in every if name not in RULES]
    assert not missing, "add a rule for " + ", ".join(missing) + " to RULES in tests/graphql/test_permission_matrix.py"
    stale = sorted(set(RULES) - set(MUTATIONS) - set(QUERIES) - set(SUBSCRIPTIONS))
    assert not stale, f"RULES names operations the schema no longer has: {stale}"
    assert not set(MUTATIONS) & set(QUERIES)
    assert not set(SUBSCRIPTIONS) & (set(MUTATIONS) | set(QUERIES))


def test_every_node_type_has_a_rule() -> None:
    missing = sorted(set(NODE_TYPES) - set(NODE_RULES))
    assert not missing, "add a rule for Node type " + ", ".join(missing) + " to NODE_RULES"
    assert not set(NODE_RULES) - set(NODE_TYPES), "NODE_RULES names types that are not Nodes"


def test_the_rules_refuse_partners_every_mutation() -> None:
    """Partner systems read only: no mutation row may allow them."""
    assert [name for name in MUTATIONS if "partner" in RULES[name].allowed] == []
    # … except their answers for the cases routed to them (refused to this one in the domain)
    from server.graphql.core.permissions import PARTNER_MUTATIONS

    assert PARTNER_MUTATIONS == {"answerRoutedCase", "importHotlineComplaint", "rateAtWindow"}  # rateAtWindow: hall_device keys only


# --- building requests from the schema ---------------------------------------------------------------

_ID = str(relay.GlobalID("PermissionMatrix", "1"))


def _phone() -> str:
    return "166" + f"{uuid.uuid4().int % 10**8:08d}"


def example_value(t: GraphQLInputType) -> Any:
    """A minimal well-formed value: required input fields only, empty lists, the first enum value."""
    if isinstance(t, GraphQLNonNull):
        return example_value(t.of_type)
    if isinstance(t, GraphQLList):
        return []
    if isinstance(t, GraphQLEnumType):
        return next(iter(t.values))
    if isinstance(t, GraphQLInputObjectType):
        return {
            name: example_value(f.type) for name, f in t.fields.items()
            if isinstance(f.type, GraphQLNonNull) and _no_default(f)
        }
    assert isinstance(t, GraphQLScalarType)
    return {
        "String": "权限矩阵", "ID": _ID, "Int": 1, "Float": 1.0, "Boolean": False,
        "DateTime": dt.datetime.now(dt.timezone.utc).isoformat(), "Date": server_clock.today().isoformat(),
    }[t.name]


def _no_default(f: Any) -> bool:
    from graphql.pyutils import Undefined

    return f.default_value is Undefined


def _selection(f: GraphQLField) -> str:
    named = get_named_type(f.type)
    if isinstance(named, GraphQLObjectType):
        if "errors" in named.fields:
            return "{ __typename errors { code message } }"
        return "{ __typename }"
    if isinstance(named, (GraphQLScalarType, GraphQLEnumType)):
        return ""
    return "{ __typename }"  # interfaces and unions


def document(kind: str, name: str, variables: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    root = {"mutation": SCHEMA.mutation_type, "query": SCHEMA.query_type,
            "subscription": SCHEMA.subscription_type}[kind]
    assert root is not None
    f = root.fields[name]
    values: dict[str, Any] = {}
    for arg_name, arg in f.args.items():
        if arg_name in variables:
            values[arg_name] = variables[arg_name]
        elif isinstance(arg.type, GraphQLNonNull) and _no_default(arg):
            values[arg_name] = example_value(arg.type)
    unknown = set(variables) - set(f.args)
    assert not unknown, f"{name}: the example names arguments the field does not have: {unknown}"
    header = "(" + ", ".join(f"${a}: {f.args[a].type}" for a in values) + ")" if values else ""
    call = "(" + ", ".join(f"{a}: ${a}" for a in values) + ")" if values else ""
    text = f"{kind} Matrix{header} {{ {name}{call} {_selection(f)} }}"
    return text, values


REFUSAL_CODES = {"UNAUTHENTICATED", "FORBIDDEN"}


def outcome(name: str, caller: str, status: int, body: dict[str, Any]) -> str:
    """"refused" or "allowed" (see the module docstring); a refusal of another shape, or anything
    unexpected, fails."""
    errors = body.get("errors", [])
    codes = [(e.get("extensions") or {}).get("code") for e in errors]
    assert "INTERNAL" not in codes, f"{name}: internal error {errors}"
    assert "NOT_ALLOWED" not in codes, f"{name} as {caller}: a top-level refusal is UNAUTHENTICATED or FORBIDDEN: {errors}"
    refusals = [e for e in errors if (e.get("extensions") or {}).get("code") in REFUSAL_CODES]
    if refusals:
        expected = "UNAUTHENTICATED" if caller == "anonymous" else "FORBIDDEN"
        for e in refusals:
            assert e["extensions"]["code"] == expected, f"{name} as {caller}: expected {expected}: {e}"
            assert e.get("message"), f"{name} as {caller}: a refusal without a message: {e}"
            whole = caller == "partner" and "path" not in e  # a partner's mutation, refused before it runs
            assert whole or e.get("path") == [name], f"{name} as {caller}: the refusal is not on the field: {e}"
        assert not (body.get("data") or {}).get(name), f"{name} as {caller}: refused, yet answered: {body}"
        return "refused"
    assert "data" in body, f"{name}: request error {status}: {body}"
    value = (body["data"] or {}).get(name)
    if isinstance(value, dict) and any(e["code"] == "NOT_ALLOWED" for e in value.get("errors") or []):
        assert caller != "anonymous", (
            f"{name}: nobody signed in is refused with a top-level UNAUTHENTICATED, not a payload NOT_ALLOWED: {value}")
        return "refused"
    return "allowed"


# --- fixtures --------------------------------------------------------------------------------------


def _demo_accounts() -> dict[str, str]:
    """A demo account of the city per role, where the seed has one."""
    data = yaml.safe_load((ROOT / "seeds" / "demo" / "accounts.yaml").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for a in data["accounts"]:
        if str(a["region"]) == "371500" and len(a["roles"]) == 1:
            found.setdefault(a["roles"][0], a["username"])
    return found


def _id_number() -> str:
    body = f"371525{1960 + secrets.randbelow(40)}{1 + secrets.randbelow(12):02d}{1 + secrets.randbelow(28):02d}" \
           f"{secrets.randbelow(1000):03d}"
    return body + ric.calc_check_digit(body)


@dataclass
class Cast:
    """Who plays each caller; tokens are issued fresh for every operation (logout revokes them)."""

    staff: dict[str, StaffUser]
    citizen: Citizen
    partner_key: str
    world: World


@pytest.fixture(scope="module")
async def cast(app: Any, settings: Settings) -> AsyncIterator[Cast]:
    made: list[Any] = []
    demo = _demo_accounts()
    staff: dict[str, StaffUser] = {}
    for role in ROLES:
        if role in demo:
            staff[role] = await StaffUser.get(username=demo[role])
        else:
            user = await create_user(
                actor=None, username=f"matrix_{role}_{uuid.uuid4().hex[:6]}", password=DEMO_PASSWORD,
                display_name="权限矩阵", roles=[Role(role)], region_code="371500",
            )
            staff[role] = user
            made.append(user)
    admin_row = await StaffUser.get(username=demo["city_admin"]).select_related("region")
    admin = tokens.staff_actor(admin_row, admin_row.region.path)

    # the citizen signs in through the SMS flow, from an address of its own (the code limits count per address)
    phone = _phone()
    transport = httpx.ASGITransport(app=app, client=("10.200.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as http:
        sent = await http.post("/graphql", json={
            "query": "mutation($p: String!) { requestSmsCode(input: {phone: $p}) { sent errors { code } } }",
            "variables": {"p": phone}})
        assert sent.json()["data"]["requestSmsCode"]["sent"], sent.text
        message = get_sms_sender(settings).last_to(phone)
        assert message is not None
        signed = await http.post("/graphql", json={
            "query": "mutation($p: String!, $c: String!) { signInWithSmsCode(input: {phone: $p, code: $c}) "
                     "{ citizen { id } errors { code } } }",
            "variables": {"p": phone, "c": message.params["code"]}})
        assert signed.json()["data"]["signInWithSmsCode"]["errors"] == [], signed.text
    citizen = await Citizen.get(phone=phone)
    await Citizen.filter(id=citizen.id).update(name="权矩阵", id_number=_id_number(),
                                               verified_at=dt.datetime.now(dt.timezone.utc))
    other = await Citizen.create(phone=_phone(), name="另一人", id_number=_id_number(),
                                 verified_at=dt.datetime.now(dt.timezone.utc))
    enterprise = await Enterprise.create(
        credit_code=uuid.uuid4().hex[:18].upper(), name="权限矩阵测试有限公司", legal_rep_name="权矩阵",
        legal_rep_id_number=_id_number(), legal_rep=citizen, region_id="371525",
    )
    target = await create_user(
        actor=None, username=f"matrix_target_{uuid.uuid4().hex[:6]}", password=DEMO_PASSWORD,
        display_name="权限矩阵对象", roles=[Role.WINDOW_CLERK], region_code="371525",
    )
    partner = await apikeys.create_api_key(actor=admin, name="权限矩阵县级系统", kind="county_system",
                                           region_code="371525")
    revocable = await apikeys.create_api_key(actor=admin, name="权限矩阵待吊销", kind="county_system",
                                             region_code="371525")
    agent = staff[Role.ASSISTANCE_AGENT.value]
    mandate = await Mandate.create(principal_citizen=citizen, agent=agent, all_items=True,
                                   valid_from=server_clock.today(), valid_to=server_clock.today() + dt.timedelta(days=30),
                                   created_by_id=admin_row.id)
    content = ItemContent(name="权限矩阵测试事项", item_type="licensing", statutory_limit=1,
                          statutory_unit="working_day", committed_limit=1, committed_unit="working_day")
    version = await catalog.create_item(actor=admin, basic_code=f"97{secrets.randbelow(10**10):010d}",
                                        department_code="371500-CGJ", content=content)
    draft = await catalog.create_item(actor=admin, basic_code=f"97{secrets.randbelow(10**10):010d}",
                                      department_code="371500-CGJ", content=content)  # stays a draft
    clerk = await StaffUser.get(username="city_clerk").select_related("region")
    view = await AccessLog.create(
        viewer_staff_id=clerk.id, viewer_label="刘芳(city_clerk)", viewer_region_path=clerk.region.path,
        subject_kind="citizen", subject_id=citizen.id, fields_shown=["name"], reason="权限矩阵测试",
    )

    async with in_transaction() as conn:
        note = await notifications.enqueue(conn, event="approved", channel="inbox",
                                           recipient=notifications.Recipient(citizen_id=citizen.id),
                                           params={"item": "权限矩阵测试事项", "case_no": "M-1"})
    assert (await notifications.deliver(note.id, settings)).status == "delivered"
    message_row = await InboxMessage.get(outbox_id=note.id)
    upload = await Upload.create(sha256="0" * 64, size=5, content_type="application/pdf", filename="权限矩阵.pdf",
                                 storage_key="0" * 64, owner_citizen_id=citizen.id)

    case = await CaseRow.create(
        status="submitted", channel="online", item_id=version.item_id, version_id=version.id,
        item_name="权限矩阵测试事项", basic_code="970000000000", department_code="371500-XZSPJ", region_code="371500",
        city_code="371500", county_code=None, hall_code="371500-ZWFWZX", applicant_kind="citizen",
        applicant_citizen_id=citizen.id, contact_citizen_id=citizen.id, applicant_name="权矩阵",
        number=f"371500-20260101-M{secrets.randbelow(10**4):04d}", query_code="MATRIX22",
    )
    theme = await Theme.create(code=f"matrix-{uuid.uuid4().hex[:8]}", region_code="371500", region_path="/100000/370000/371500/",
                               status="active")
    theme_version = await ThemeVersion.create(
        theme=theme, number=1, status="published", is_current=True, name="权限矩阵一件事", audience="person",
        life_stage="living", lead_department_code="371500-XZSPJ", budget_value=1, budget_unit="working_day",
        s_name="权限矩阵一件事", s_name_py="", s_name_ab="",
    )
    await Theme.filter(id=theme.id).update(published_version_id=theme_version.id)
    bundle = await CaseBundle.create(
        number=f"371500-20260101-B{secrets.randbelow(10**4):04d}", query_code="MATRIX33", channel="online",
        theme_id=theme.id, theme_version=theme_version, theme_code=theme.code, theme_version_number=1,
        theme_name="权限矩阵一件事", lead_department_code="371500-XZSPJ", region_code="371500", city_code="371500",
        hall_code="371500-ZWFWZX", applicant_kind="citizen", applicant_citizen_id=citizen.id,
        contact_citizen_id=citizen.id, applicant_name="权矩阵", stages=1, budget_value=1, budget_unit="working_day",
        plan=[{"stage": 1, "key": "s", "name": "阶段", "items": [{"key": "i", "item_id": version.item_id, "name": "权限矩阵测试事项",
                                                                 "department_code": "371500-XZSPJ", "depends_on": []}]}],
    )
    await CaseRow.filter(id=case.id).update(bundle_id=bundle.id, bundle_stage=1)
    licence = await ELicence.create(number=f"DZZZ-MATRIX-{uuid.uuid4().hex[:8]}", kind="营业执照",
                                    holder_citizen_id=citizen.id, holder_name="权矩阵", department_code="371500-XZSPJ",
                                    issued_at=dt.datetime.now(dt.timezone.utc))

    booking = await Appointment.create(
        hall_code="371500-ZWFWZX", hall_name="聊城市政务服务中心", region_code="371500", item_id=version.item_id,
        item_name="权限矩阵测试事项", department_code="371500-CGJ", citizen_id=citizen.id, day=dt.date(2030, 1, 2),
        start="09:00", end="09:30", status="cancelled",
    )

    complaint = await ComplaintRow.create(
        number=f"TS20260101{secrets.randbelow(10**6):06d}", query_code="MATRIX44", citizen_id=citizen.id,
        channel="app", target_kind="hall", target_ref="371500-ZWFWZX", target_label="聊城市政务服务中心",
        category="attitude", content="权限矩阵测试投诉", region_code="371500", region_path="/100000/370000/371500/",
        hall_code="371500-ZWFWZX", department_code="371500-XZSPJ", deadline=dt.date(2030, 1, 2))
    help_request = await AssistanceRow.create(
        citizen_id=citizen.id, kind="remote", hall_code="371500-ZWFWZX", region_code="371500",
        region_path="/100000/370000/371500/", description="权限矩阵测试", status="assigned", agent_id=agent.id)

    xpartner = await ExchangePartnerRow.create(
        code=f"pm-{uuid.uuid4().hex[:8]}", name="权限矩阵合作银行", kind="bank", region_code="371500",
        base_url="http://127.0.0.1:9/inbox", keys=[{"id": "k1", "secret": "whsec_" + "A" * 44}], routes=[], is_active=False)
    xmessage = await ExchangeMessageRow.create(
        message_id=f"msg_{uuid.uuid4().hex}", direction="out", partner_code=xpartner.code, event="case.routed",
        region_code="371500", digest="0" * 64, status="delivered")
    xrun = await ReconciliationRunRow.create(partner_code=xpartner.code, region_code="371500",
                                             started_at=dt.datetime.now(dt.timezone.utc))
    xdiff = await ExchangeDifferenceRow.create(
        run_id=xrun.id, partner_code=xpartner.code, region_code="371500", case_id=999999999, kind="status",
        ours="accepted", theirs="approved", first_seen_at=xrun.started_at, last_seen_at=xrun.started_at)

    pulled = await SharedDataPullRow.create(
        batch=uuid.uuid4().hex, base="population", subject_kind="person", subject_label="权**（3715**********0000）",
        subject_citizen_id=citizen.id, purpose="权限矩阵测试", region_code="371500", city_code="371500",
        caller_kind="citizen", caller_id=citizen.id, caller_label="申请人本人", at=dt.datetime.now(dt.timezone.utc))

    def gid(type_name: str, pk: int | str) -> str:
        return str(relay.GlobalID(type_name, str(pk)))

    world = World(
        item=gid("ServiceItem", version.item_id), citizen=gid("Citizen", citizen.id),
        other_citizen=gid("Citizen", other.id), enterprise=gid("Enterprise", enterprise.id),
        staff=gid("StaffUser", target.id), api_key=gid("ApiKey", revocable.row.id), mandate=gid("Mandate", mandate.id),
        agent_username=agent.username,
        nodes={
            "Region": gid("Region", "371500"), "Department": gid("Department", "371500-CGJ"),
            "Hall": gid("Hall", "371500-ZWFWZX"),
            "ServiceItem": gid("ServiceItem", draft.item_id),
            "ItemVersion": gid("ItemVersion", draft.id), "Citizen": gid("Citizen", citizen.id),
            "Enterprise": gid("Enterprise", enterprise.id), "StaffUser": gid("StaffUser", target.id),
            "ApiKey": gid("ApiKey", revocable.row.id), "Mandate": gid("Mandate", mandate.id),
            "PersonalDataAccess": gid("PersonalDataAccess", view.id),
            "Notification": gid("Notification", message_row.id),
            "OutboxNotification": gid("OutboxNotification", note.id),
            "UploadedFile": gid("UploadedFile", upload.id),
            "Case": gid("Case", case.id), "ELicence": gid("ELicence", licence.id),
            "Appointment": gid("Appointment", booking.id), "Bundle": gid("Bundle", bundle.id),
            "Theme": gid("Theme", theme.id), "ThemeVersion": gid("ThemeVersion", theme_version.id),
            "ExchangePartner": gid("ExchangePartner", xpartner.id), "ExchangeMessage": gid("ExchangeMessage", xmessage.id),
            "ReconciliationRun": gid("ReconciliationRun", xrun.id),
            "ExchangeDifference": gid("ExchangeDifference", xdiff.id),
            "SharedDataPull": gid("SharedDataPull", pulled.id), "MySharedDataPull": gid("MySharedDataPull", pulled.id),
            "Complaint": gid("Complaint", complaint.id), "AssistanceRequest": gid("AssistanceRequest", help_request.id),
        },
    )
    yield Cast(staff=staff, citizen=citizen, partner_key=partner.full_key, world=world)

    await AccessLog.filter(subject_kind="citizen", subject_id=citizen.id).delete()
    await complaint.delete()
    await help_request.delete()
    await SharedDataPullRow.filter(id=pulled.id).delete()
    await ExchangeMessageRow.filter(id=xmessage.id).delete()
    await ExchangeDifferenceRow.filter(id=xdiff.id).delete()
    await ReconciliationRunRow.filter(id=xrun.id).delete()
    await ExchangePartnerRow.filter(id=xpartner.id).delete()
    await InboxMessage.filter(id=message_row.id).delete()
    await upload.delete()
    await licence.delete()
    await booking.delete()
    await case.delete()
    await bundle.delete()
    await theme_version.delete()
    await theme.delete()
    await Outbox.filter(id=note.id).delete()
    await Mandate.filter(id=mandate.id).delete()
    await ApiKey.filter(id__in=[partner.row.id, revocable.row.id]).delete()
    await enterprise.delete()
    await Citizen.filter(id__in=[citizen.id, other.id]).delete()
    await StaffUser.filter(id__in=[target.id, *(u.id for u in made)]).delete()


@pytest.fixture
async def matrix_http(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    # an address of its own: the per-address limits on SMS codes must not spill over into other tests
    transport = httpx.ASGITransport(app=app, client=("10.200.0.2", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.test") as c:
        yield c


async def _headers(cast: Cast, caller: str, settings: Settings) -> dict[str, str]:
    headers = {"accept": "application/graphql-response+json"}
    if caller == "partner":
        headers["x-api-key"] = cast.partner_key
    elif caller == "citizen":
        pair = await tokens.issue(lifetimes=settings.token_lifetimes, citizen=cast.citizen)
        headers["authorization"] = f"Bearer {pair.access_token}"
    elif caller != "anonymous":
        pair = await tokens.issue(lifetimes=settings.token_lifetimes, user=cast.staff[caller])
        headers["authorization"] = f"Bearer {pair.access_token}"
    return headers


@pytest.mark.parametrize(("kind", "name"), OPERATIONS, ids=[n for _k, n in OPERATIONS])
async def test_matrix(kind: str, name: str, cast: Cast, matrix_http: httpx.AsyncClient, settings: Settings) -> None:
    rule = RULES.get(name)
    assert rule is not None, f"add a rule for {kind} {name} to RULES"
    wrong: list[str] = []
    for caller in CALLERS:
        variables = rule.example(cast.world) if rule.example else {}
        text, values = document(kind, name, variables)
        r = await matrix_http.post("/graphql", json={"query": text, "variables": values},
                                   headers=await _headers(cast, caller, settings))
        got = outcome(name, caller, r.status_code, r.json())
        expected = "allowed" if caller in rule.allowed else "refused"
        if got != expected:
            wrong.append(f"  {caller}: expected {expected}, got {got}: {r.json()}")
    assert not wrong, f"{kind} {name}:\n" + "\n".join(wrong)


SUBSCRIPTION_START_S = 0.5  # a refusal comes at once; an allowed stream is still open after this


async def _context(cast: Cast, caller: str, settings: Settings) -> Context:
    """The context the WebSocket endpoint builds after ``connection_init``, for this caller."""
    actor: Actor | None = ANONYMOUS
    if caller == "partner":
        actor = await apikeys.actor_for_api_key(cast.partner_key)
    elif caller != "anonymous":
        token = (await _headers(cast, caller, settings))["authorization"].removeprefix("Bearer ")
        found = await tokens.actor_for_token(token)
        assert found is not None
        actor = found
    assert actor is not None
    return Context(actor=actor, settings=settings, request_id="matrix")


@pytest.mark.parametrize("name", SUBSCRIPTIONS)
async def test_subscription_matrix(name: str, cast: Cast, settings: Settings) -> None:
    """Subscriptions run over WebSocket, not HTTP: each caller subscribes in-process with the context
    the WebSocket endpoint would build; refused = an auth error at once, allowed = an open stream."""
    rule = RULES.get(name)
    assert rule is not None, f"add a rule for subscription {name} to RULES"
    schema = build_schema(settings)
    wrong: list[str] = []
    for caller in CALLERS:
        variables = rule.example(cast.world) if rule.example else {}
        text, values = document("subscription", name, variables)
        stream = await schema.subscribe(text, variable_values=values,
                                        context_value=await _context(cast, caller, settings))
        try:
            first = await asyncio.wait_for(anext(stream), SUBSCRIPTION_START_S)
        except TimeoutError:
            got = "allowed"  # subscribed: waiting for the next event
        else:
            body = {"data": first.data, "errors": [e.formatted for e in first.errors or []]}
            got = outcome(name, caller, 200, body)
        finally:
            await stream.aclose()
        expected = "allowed" if caller in rule.allowed else "refused"
        if got != expected:
            wrong.append(f"  {caller}: expected {expected}, got {got}")
    assert not wrong, f"subscription {name}:\n" + "\n".join(wrong)


NODE_QUERY = "query($id: ID!) { node(id: $id) { __typename id } }"


@pytest.mark.parametrize("type_name", NODE_TYPES)
async def test_node_matrix(type_name: str, cast: Cast, matrix_http: httpx.AsyncClient, settings: Settings) -> None:
    """The Node interface is a second door to every object: it must be guarded like the lists."""
    allowed = NODE_RULES.get(type_name)
    assert allowed is not None, f"add a rule for Node type {type_name} to NODE_RULES"
    node_id = cast.world.nodes.get(type_name)
    assert node_id is not None, f"add an object of type {type_name} to World.nodes in the cast fixture"
    wrong: list[str] = []
    for caller in CALLERS:
        r = await matrix_http.post("/graphql", json={"query": NODE_QUERY, "variables": {"id": node_id}},
                                   headers=await _headers(cast, caller, settings))
        body = r.json()
        assert "errors" not in body, f"{type_name} as {caller}: {body}"
        got = "refused" if body["data"]["node"] is None else "allowed"
        if got == "allowed":
            assert body["data"]["node"] == {"__typename": type_name, "id": node_id}
        expected = "allowed" if caller in allowed else "refused"
        if got != expected:
            wrong.append(f"  {caller}: expected {expected}, got {got}")
    assert not wrong, f"node({type_name}):\n" + "\n".join(wrong)
