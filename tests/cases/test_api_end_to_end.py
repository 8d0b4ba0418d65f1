"""A general case from 案源 to 归档 and a simple-procedure case, ONLY through the API, each step by the right
persona (handler, colleague, head); the case after each step is the response (R-REC-001: every step on the ledger)."""

from __future__ import annotations

import pytest
import time_machine

from zhifa.cases.models import PenaltyCase
from zhifa.ledger.services import verify_chain

pytestmark = pytest.mark.django_db


def _as(api_client, user):
    api_client.force_authenticate(user)
    return api_client


def _post(api_client, user, url, data=None, *, expect=200):
    response = _as(api_client, user).post(url, data or {}, format="json")
    assert response.status_code == expect, response.json()
    return response.json()


def test_general_case_from_source_to_archive(api_client, handler, colleague, head, company, item, lead, co):
    source = _post(
        api_client,
        handler,
        "/api/v1/case-sources/",
        {
            "channel": "complaint",
            "received_on": "2026-02-26",
            "summary": "消费者投诉：售卖过期食品",
            "party": company.pk,
            "enforcement_item": item.pk,
        },
        expect=201,
    )
    assert (source["state"], source["verification_deadline"], source["penalty_case"]) == (
        "registered",
        "2026-03-18",  # 15 WD (R-PEN-007)
        None,
    )
    src = f"/api/v1/case-sources/{source['id']}"
    assert _post(api_client, handler, f"{src}/verify/")["state"] == "verifying"
    assert _post(api_client, handler, f"{src}/propose-filing/")["state"] == "awaiting_filing_approval"
    case = _post(
        api_client,
        head,
        "/api/v1/penalty-cases/",
        {
            "party": company.pk,
            "enforcement_item": item.pk,
            "cause": "销售超过保质期的食品",
            "act_on": "2026-02-20",
            "discovered_on": "2026-02-26",
            "lead_handler": lead.pk,
            "co_handlers": [co.pk],
            "source": source["id"],
        },
        expect=201,
    )
    assert (case["state"], case["decision_deadline"], case["deadline_status"]) == (
        "filed",
        "2026-05-31",  # 90 CD (R-PEN-021)
        "剩余61个工作日",  # 清明 and 劳动节 holidays, 9 May 调休 (R-TIME-001)
    )
    assert [(h["officer_name"], h["role"], h["declared_no_conflict"]) for h in case["handlers"]] == [
        ("周协办", "co", False),
        ("李承办", "lead", False),
    ]
    assert _as(api_client, handler).get(f"{src}/").json()["penalty_case"] == case["id"]
    url = f"/api/v1/penalty-cases/{case['id']}"
    _post(api_client, handler, f"{url}/declare-no-conflict/")
    case = _post(api_client, colleague, f"{url}/declare-no-conflict/")
    assert [h["declared_no_conflict"] for h in case["handlers"]] == [True, True]
    case = _post(
        api_client,
        handler,
        f"{url}/investigative-steps/",
        {
            "kind": "site_inspection",
            "performed_on": "2026-03-02",
            "place": "后厨",
            "summary": "发现超过保质期的食品12件",
            "officers": [lead.pk, co.pk],
        },
        expect=201,
    )
    assert (case["state"], case["investigative_steps"][0]["officer_names"]) == ("investigating", ["周协办", "李承办"])
    case = _post(
        api_client,
        handler,
        f"{url}/submit-investigation-report/",
        {"report": "事实清楚，证据确凿", "proposed_kinds": ["warning", "fine"], "proposed_fine_amount": "10873.00"},
    )
    assert case["state"] == "under_case_review"
    case = _post(
        api_client, head, f"{url}/complete-case-review/", {"route": "penalty", "facts_clear": True, "opinion": "同意"}
    )
    assert (case["route"], case["requires_hearing_notice"], case["requires_legal_review"]) == ("penalty", False, False)
    assert [(s["action"], s["blocked"]) for s in case["next_steps"]] == [  # as the head sees it
        ("serve-prior-notice", "需由本案承办人办理"),
        ("reopen-investigation", ""),  # 补充调查: the head's (R-PEN-013)
        ("extend-deadline", ""),
        ("issue-document", ""),  # the head may make the case's documents too
        ("suspend", ""),  # 中止 / 终止 are the head's (R-TIME-008)
        ("terminate", ""),
    ]
    case = _post(api_client, handler, f"{url}/serve-prior-notice/", {"served_on": "2026-03-02"})
    assert (case["state"], case["defense_deadline"]) == ("notified", "2026-03-09")
    case = _post(api_client, handler, f"{url}/waive-defense/", {"waived_on": "2026-03-02"})
    assert case["defense_waived_on"] == "2026-03-02"
    assert _post(api_client, handler, f"{url}/submit-for-decision/")["state"] == "awaiting_decision"
    case = _post(
        api_client,
        head,
        f"{url}/decide/",
        {
            "decision_kind": "penalty",
            "penalty_kinds": ["warning", "fine"],
            "fine_amount": "10873.00",
            "reasoning": "依据裁量基准一般档次",
        },
    )
    assert (case["state"], case["delivery_deadline"], case["deadline_status"]) == ("decided", "2026-03-11", "")
    case = _post(api_client, handler, f"{url}/serve-decision/", {"served_on": "2026-03-02"})
    assert (case["state"], case["payment_deadline"], case["amount_due"]) == ("executing", "2026-03-17", "10873.00")
    with time_machine.travel("2026-03-16T02:00:00Z", tick=False):
        case = _post(
            api_client,
            handler,
            f"{url}/payments/",
            {"paid_on": "2026-03-16", "amount": "10873.00", "receipt_number": "湘财罚2026-000123"},
            expect=201,
        )
        assert (case["state"], case["closing_reason"], case["payments"][0]["amount"]) == (
            "closed",
            "executed",
            "10873.00",
        )
        case = _post(api_client, handler, f"{url}/archive/")
    assert (case["state"], case["archived_on"]) == ("archived", "2026-03-16")
    assert [(e["event_type"], e["actor_name"]) for e in case["trail"]] == [
        ("penalty_case.filed", "郑负责"),
        ("penalty_case.recusal_declared", "李承办"),
        ("penalty_case.recusal_declared", "周协办"),
        ("penalty_case.investigated", "李承办"),
        ("penalty_case.investigation_reported", "李承办"),
        ("penalty_case.case_reviewed", "郑负责"),
        ("penalty_case.notified", "李承办"),
        ("penalty_case.defense_waived", "李承办"),
        ("penalty_case.submitted_for_decision", "李承办"),
        ("penalty_case.decided", "郑负责"),
        ("penalty_case.served", "李承办"),
        ("penalty_case.payment_recorded", "李承办"),
        ("penalty_case.archived", "李承办"),
    ]
    assert case["trail"][-1]["payload"] == {
        "case_number": case["case_number"],
        "state": "archived",
        "archived_on": "2026-03-16",
    }
    assert verify_chain().ok


def test_simple_procedure_case_on_the_spot_then_lodged_paid_and_archived(api_client, handler, person, item, lead, co):
    case = _post(
        api_client,
        handler,
        "/api/v1/penalty-cases/on-the-spot/",
        {
            "party": person.pk,
            "enforcement_item": item.pk,
            "cause": "占道经营",
            "facts": "在人行道摆摊",
            "place": "人民路12号",
            "officers": [lead.pk, co.pk],
            "penalty_kinds": ["fine"],
            "fine_amount": "200.00",
            "statement_heard": True,
        },
        expect=201,
    )
    assert (case["procedure"], case["state"], case["payment_deadline"], case["lodge_deadline"]) == (
        "simple",
        "executing",
        "2026-03-17",
        "2026-03-05",
    )
    assert [s["action"] for s in case["next_steps"]] == [
        "lodge",
        "payments",
        "apply-payment-plan",
        "serve-demand-notice",  # blocked until the 15 days to pay have passed (R-COE-010)
        "remedies",
    ]
    url = f"/api/v1/penalty-cases/{case['id']}"
    assert _post(api_client, handler, f"{url}/lodge/", {"lodged_on": "2026-03-02"})["lodged_on"] == "2026-03-02"
    case = _post(
        api_client,
        handler,
        f"{url}/payments/",
        {"paid_on": "2026-03-02", "amount": "200.00", "receipt_number": "湘财罚2026-000200"},
        expect=201,
    )
    assert case["state"] == "closed"
    assert _post(api_client, handler, f"{url}/archive/")["state"] == "archived"
    assert PenaltyCase.objects.get(pk=case["id"]).archived_on.isoformat() == "2026-03-02"
