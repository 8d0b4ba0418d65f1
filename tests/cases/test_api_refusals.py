"""Every refusal reaches the API client as 400/403/409 with the Chinese message and the field; nothing changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.cases import services
from zhifa.cases.models import CaseSource, PenaltyCase
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db


def _post(api_client, user, url, data=None):
    api_client.force_authenticate(user)
    return api_client.post(url, data or {}, format="json")


def _state(case):
    return PenaltyCase.objects.get(pk=case.pk).state


def test_anonymous_gets_401_and_nothing_changes(api_client, filed_case):
    assert api_client.get("/api/v1/penalty-cases/").status_code == 401
    assert api_client.get("/api/v1/case-sources/").status_code == 401
    assert api_client.post(f"/api/v1/penalty-cases/{filed_case.pk}/archive/").status_code == 401
    assert _state(filed_case) == "filed"


def test_step_out_of_order_is_409_naming_the_state(api_client, handler, filed_case):
    response = _post(
        api_client, handler, f"/api/v1/penalty-cases/{filed_case.pk}/serve-decision/", {"served_on": "2026-03-02"}
    )
    assert (response.status_code, response.json()) == (
        409,
        {"code": "case_state_conflict", "field": "state", "message": "案件当前状态为“已立案”，没有待送达的决定书"},
    )
    assert _state(filed_case) == "filed"


def test_handler_may_not_decide_403(api_client, handler, notified_case):
    services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=notified_case)
    response = _post(
        api_client,
        handler,
        f"/api/v1/penalty-cases/{notified_case.pk}/decide/",
        {"decision_kind": "penalty", "penalty_kinds": ["fine"], "fine_amount": "100"},
    )
    assert (response.status_code, response.json()) == (
        403,
        {"code": "permission_denied", "field": None, "message": "只有本单位负责人可以作出处理决定"},
    )
    assert _state(notified_case) == "awaiting_decision"


def test_r_pen_016_submit_during_the_defence_window_is_400(api_client, handler, notified_case):
    events = Event.objects.count()
    response = _post(api_client, handler, f"/api/v1/penalty-cases/{notified_case.pk}/submit-for-decision/")
    assert (response.status_code, response.json()) == (
        400,
        {
            "code": "case_refused",
            "field": "defense_deadline",
            "message": "陈述申辩期限（2026年3月9日）届满前且当事人未书面放弃的，不得作出决定（R-PEN-016）",
        },
    )
    assert (_state(notified_case), Event.objects.count()) == ("notified", events)


def test_r_pen_017_heavier_decision_is_400(api_client, handler, head, notified_case):
    services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=notified_case)
    response = _post(
        api_client,
        head,
        f"/api/v1/penalty-cases/{notified_case.pk}/decide/",
        {"decision_kind": "penalty", "penalty_kinds": ["warning", "fine"], "fine_amount": "10000.01"},
    )
    assert (response.status_code, response.json()["field"], response.json()["message"]) == (
        400,
        "penalty_kinds",
        "处罚决定不得重于事先告知的内容；加重须重新告知（R-PEN-017）",
    )
    assert _state(notified_case) == "awaiting_decision"


def test_r_sim_001_on_the_spot_above_the_limit_is_400_and_nothing_is_created(
    api_client, handler, person, item, lead, co
):
    response = _post(
        api_client,
        handler,
        "/api/v1/penalty-cases/on-the-spot/",
        {
            "party": person.pk,
            "enforcement_item": item.pk,
            "cause": "占道经营",
            "place": "人民路12号",
            "officers": [lead.pk, co.pk],
            "penalty_kinds": ["fine"],
            "fine_amount": "200.01",
            "statement_heard": True,
        },
    )
    assert (response.status_code, response.json()) == (
        400,
        {
            "code": "case_refused",
            "field": "fine_amount",
            "message": "对公民（含个体工商户）当场罚款不得超过200.00元（本案200.01元），请适用一般程序立案办理（R-SIM-001、R-SIM-002）",
        },
    )
    assert PenaltyCase.objects.count() == 0


def test_filing_with_another_agencys_officer_is_400_naming_the_field(
    api_client, head, other_agency, company, item, lead, sector
):
    stranger = OfficerFactory(agency=other_agency, name="韩他局")
    CertificateFactory(officer=stranger, sectors=[sector])
    response = _post(
        api_client,
        head,
        "/api/v1/penalty-cases/",
        {
            "party": company.pk,
            "enforcement_item": item.pk,
            "cause": "案由",
            "act_on": "2026-02-20",
            "discovered_on": "2026-02-26",
            "lead_handler": lead.pk,
            "co_handlers": [stranger.pk],
        },
    )
    assert (response.status_code, response.json()) == (
        400,
        {"co_handlers": [f"协办人：编号为{stranger.pk}的记录不存在或不在您的数据范围内"]},
    )
    assert PenaltyCase.objects.count() == 0


def test_r_per_005_filing_gate_is_400_with_field(api_client, head, company, item, lead):
    response = _post(
        api_client,
        head,
        "/api/v1/penalty-cases/",
        {
            "party": company.pk,
            "enforcement_item": item.pk,
            "cause": "案由",
            "act_on": "2026-02-20",
            "discovered_on": "2026-02-26",
            "lead_handler": lead.pk,
            "co_handlers": [],
        },
    )
    assert (response.status_code, response.json()) == (
        400,
        {"code": "case_refused", "field": "handlers", "message": "执法人员不得少于2人（R-PER-005）"},
    )


def test_handler_may_not_file_403(api_client, handler, company, item, lead, co):
    response = _post(
        api_client,
        handler,
        "/api/v1/penalty-cases/",
        {
            "party": company.pk,
            "enforcement_item": item.pk,
            "cause": "案由",
            "act_on": "2026-02-20",
            "discovered_on": "2026-02-26",
            "lead_handler": lead.pk,
            "co_handlers": [co.pk],
        },
    )
    assert (response.status_code, response.json()["message"]) == (403, "只有本单位负责人可以批准立案")
    assert PenaltyCase.objects.count() == 0


def test_r_pen_010_investigating_before_recusal_is_400(api_client, handler, head, agency, company, item, lead, co):
    case = services.file_case(
        actor=head,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="案由",
        act_on=date(2026, 2, 20),
        discovered_on=date(2026, 2, 26),
        lead_handler=lead,
        co_handlers=[co],
    )
    response = _post(
        api_client,
        handler,
        f"/api/v1/penalty-cases/{case.pk}/investigative-steps/",
        {
            "kind": "inquiry",
            "performed_on": "2026-03-02",
            "place": "办案区",
            "summary": "询问",
            "officers": [lead.pk, co.pk],
        },
    )
    assert (response.status_code, response.json()["field"], response.json()["message"]) == (
        400,
        "officers",
        "李承办、周协办尚未作出回避声明（R-PEN-010）",
    )
    assert case.investigative_steps.count() == 0


def test_missing_input_is_400_per_field(api_client, handler, filed_case):
    response = _post(api_client, handler, f"/api/v1/penalty-cases/{filed_case.pk}/investigative-steps/", {})
    assert response.status_code == 400
    assert sorted(response.json()) == ["kind", "officers", "performed_on", "place", "summary"]


def test_decline_filing_without_reason_is_400_and_by_handler_403(api_client, handler, head, agency):
    source = services.register_source(
        actor=handler, agency=agency, channel="hotline_12345", received_on=date(2026, 3, 2), summary="工单"
    )
    services.start_verification(actor=handler, source=source)
    url = f"/api/v1/case-sources/{source.pk}/decline-filing/"
    assert _post(api_client, head, url).json() == {
        "code": "case_refused",
        "field": "reason",
        "message": "不予立案须写明理由",
    }
    assert _post(api_client, handler, url, {"reason": "不属于本单位管辖"}).status_code == 403
    response = _post(api_client, head, url, {"reason": "不属于本单位管辖"})
    assert (response.status_code, response.json()["state"], response.json()["decline_reason"]) == (
        200,
        "declined",
        "不属于本单位管辖",
    )
    assert CaseSource.objects.get(pk=source.pk).state == "declined"


def test_extension_by_the_head_moves_the_deadline(api_client, head, handler, filed_case):
    url = f"/api/v1/penalty-cases/{filed_case.pk}/extend-deadline/"
    data = {"calendar_days": 30, "reason": "案情复杂", "legal_basis": "《行政处罚法》第六十条"}
    assert _post(api_client, handler, url, data).status_code == 403
    response = _post(api_client, head, url, data)
    assert response.status_code == 200
    assert (response.json()["decision_deadline"], response.json()["extensions"][0]["approved_by_name"]) == (
        "2026-06-30",
        "郑负责",
    )
    assert PenaltyCase.objects.get(pk=filed_case.pk).fine_amount == Decimal("0.00")
