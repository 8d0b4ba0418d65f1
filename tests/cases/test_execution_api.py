"""执行 through the API only, each step by its persona: a served case paid in instalments, late on the second,
催告, court application, ruling and the court's money — 执行中 → 已结案 (执行完毕); and 中止 → 恢复 → 终结执行.
Refusals come back as ``{code, field, message}`` and change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cases.execution_support import counts, events, fixture_executing_case, on, reload
from zhifa.cases.choices import PenaltyCaseState
from zhifa.ledger.services import verify_chain

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case"]


def _post(api_client, user, url, data=None, *, expect=200):
    api_client.force_authenticate(user)
    response = api_client.post(url, data or {}, format="json")
    assert response.status_code == expect, response.json()
    return response.json()


def _get(api_client, user, url, *, expect=200):
    api_client.force_authenticate(user)
    response = api_client.get(url)
    assert response.status_code == expect, response.json() if expect != 404 else ""
    return response.json() if expect == 200 else None


def test_executing_to_closed_through_the_api(api_client, executing_case, handler, head):
    url = f"/api/v1/penalty-cases/{executing_case.pk}"
    view = _get(api_client, handler, f"{url}/execution/")
    assert (view["state"], view["execution_mode"], view["payment_deadline"]) == ("executing", "voluntary", "2026-03-17")
    assert view["balance"]["total_due"] == "10000.00"
    assert view["court_window"] == {
        "period_end": "2026-09-02",
        "opens_on": "2026-09-03",
        "due_on": "2026-12-02",
        "last_day": "2026-12-02",
    }
    with on(date(2026, 3, 10)):
        view = _post(
            api_client,
            handler,
            f"{url}/apply-payment-plan/",
            {
                "kind": "installment",
                "reason": "受市场影响经营困难",
                "installments": [
                    {"due_on": "2026-03-17", "amount": "4000.00"},
                    {"due_on": "2026-04-17", "amount": "3000.00"},
                    {"due_on": "2026-05-18", "amount": "3000.00"},
                ],
            },
            expect=201,
        )
    assert [(p["kind"], p["state"], len(p["installments"])) for p in view["payment_plans"]] == [
        ("installment", "applied", 3)
    ]
    with on(date(2026, 3, 12)):
        before = counts(executing_case)
        refusal = _post(api_client, handler, f"{url}/approve-payment-plan/", expect=403)
        assert refusal == {
            "code": "permission_denied",
            "field": None,
            "message": "只有本单位负责人可以批准分期/延期缴纳（R-PEN-025）",
        }
        assert counts(executing_case) == before
        view = _post(api_client, head, f"{url}/approve-payment-plan/")
    assert (view["execution_mode"], view["payment_deadline"], view["payment_plans"][0]["state"]) == (
        "payment_plan",
        "2026-05-18",
        "approved",
    )
    with on(date(2026, 3, 16)):
        _post(
            api_client,
            handler,
            f"{url}/payments/",
            {"paid_on": "2026-03-16", "amount": "4000.00", "receipt_number": "湘财罚2026-000101"},
            expect=201,
        )
    with on(date(2026, 4, 20)):  # the second instalment is three days late: 3% of 3,000 a day
        # R-COE-010: the 催告 demands what is overdue (3,000 + 270); the third instalment is not due until 18 May
        view = _post(
            api_client,
            handler,
            f"{url}/serve-demand-notice/",
            {
                "served_on": "2026-04-20",
                "performance_deadline": "2026-04-30",
                "performance_manner": "一次性缴纳逾期的分期款及加处罚款",
                "payment_method": "缴至示范县财政局非税收入汇缴结算户",
            },
            expect=201,
        )
        assert [(n["amount"], n["late_penalty_amount"]) for n in view["demand_notices"]] == [("3270.00", "270.00")]
        view = _post(
            api_client,
            handler,
            f"{url}/demand-statements/",
            {
                "received_on": "2026-04-20",
                "content": "请求再宽限一个月",
                "review": "已批准分期缴纳，理由不成立，不予采纳",
            },
            expect=201,
        )
        assert view["demand_notices"][0]["statements"][0]["is_adopted"] is False
        early = _post(
            api_client, head, f"{url}/apply-court-execution/", {"court": "示范县人民法院", "materials": []}, expect=400
        )
        assert early == {
            "code": "case_refused",
            "field": "materials",
            "message": "申请材料不全，缺少：强制执行申请书（负责人签名、加盖印章、注明日期）、行政决定书及作出决定的事实、理由和依据、"
            "当事人的意见及行政机关催告情况、申请强制执行标的情况（R-COE-016）",
        }
    materials = ["application", "decision", "party_opinion", "subject"]
    with on(date(2026, 9, 3)):
        view = _post(
            api_client,
            head,
            f"{url}/apply-court-execution/",
            {"court": "示范县人民法院", "materials": materials},
            expect=201,
        )
    assert (view["execution_mode"], view["court_executions"][0]["applied_on"]) == ("court", "2026-09-03")
    with on(date(2026, 9, 10)):
        view = _post(api_client, handler, f"{url}/court-ruling/", {"ruling": "granted", "ruled_on": "2026-09-10"})
    assert view["court_executions"][0]["ruling_display"] == "准予执行"
    with on(date(2026, 9, 15)):
        view = _get(api_client, handler, f"{url}/execution/")
        # 加处罚款 on the two late instalments is far above the fine: capped at it (R-PEN-027, R-COE-014)
        assert (view["balance"]["late_penalty"], view["balance"]["total_due"]) == ("10000.00", "16000.00")
        _post(api_client, handler, f"{url}/court-execution-result/", {"result": "人民法院划拨存款16,000.00元"})
        _post(
            api_client,
            handler,
            f"{url}/payments/",
            {"paid_on": "2026-09-15", "amount": "16000.00", "receipt_number": "法院执行款-2026-0915"},
            expect=201,
        )
        case = _get(api_client, handler, f"{url}/")
    assert (case["state"], case["closing_reason"], case["closed_on"], case["amount_due"]) == (
        "closed",
        "executed",
        "2026-09-15",
        "0.00",
    )
    assert [e["event_type"] for e in case["trail"]][-9:] == [  # R-REC-001: every step on the ledger
        "penalty_case.payment_plan_applied",
        "penalty_case.payment_plan_approved",
        "penalty_case.payment_recorded",
        "penalty_case.demand_notice_served",
        "penalty_case.demand_statement_recorded",
        "penalty_case.court_execution_applied",
        "penalty_case.court_ruling_recorded",
        "penalty_case.court_execution_result_recorded",
        "penalty_case.payment_recorded",
    ]
    assert verify_chain().ok


def test_suspend_resume_and_end_execution_through_the_api(api_client, executing_case, handler, head):
    url = f"/api/v1/penalty-cases/{executing_case.pk}"
    with on(date(2026, 3, 20)):
        view = _post(
            api_client,
            handler,
            f"{url}/remedies/",
            {"kind": "reconsideration", "body": "示范县人民政府", "filed_on": "2026-03-20"},
            expect=201,
        )
        assert (view["state"], view["remedies"][0]["kind_display"]) == ("executing", "行政复议")  # R-PEN-028
    with on(date(2026, 4, 1)):
        _post(
            api_client,
            handler,
            f"{url}/conclude-remedy/",
            {"concluded_on": "2026-04-01", "result": "upheld", "outcome": "维持"},
        )
        before = counts(executing_case)
        refusal = _post(
            api_client, handler, f"{url}/suspend/", {"ground": "hardship", "reason": "无力缴纳"}, expect=403
        )
        assert refusal["message"] == "只有本单位负责人可以决定中止、恢复、终止或终结执行"
        conflict = _post(
            api_client, head, f"{url}/terminate/", {"ground": "party_died", "reason": "当事人死亡"}, expect=409
        )
        assert conflict == {
            "code": "case_state_conflict",
            "field": "state",
            "message": "案件当前状态为“执行中”：已作出决定的案件不能终止，执行阶段应终结执行",
        }
        bad = _post(api_client, head, f"{url}/suspend/", {"ground": "sleeping", "reason": "x"}, expect=400)
        assert list(bad) == ["ground"]
        assert counts(executing_case) == before
        view = _post(api_client, head, f"{url}/suspend/", {"ground": "hardship", "reason": "当事人暂无履行能力"})
    assert (view["state"], view["suspended_from"], view["suspensions"][0]["ground_display"]) == (
        "suspended",
        "executing",
        "当事人履行行政决定确有困难或者暂无履行能力",
    )
    with on(date(2026, 5, 4)):
        view = _post(api_client, head, f"{url}/resume/", {"end_note": "当事人恢复经营"})
        assert (view["state"], view["suspensions"][0]["paused_days"]) == ("executing", 33)
        view = _post(
            api_client,
            head,
            f"{url}/end-execution/",
            {"ground": "party_dissolved", "reason": "当事人已注销，无财产可供执行，无义务承受人"},
        )
    assert (view["state"], view["closing_reason"], view["termination"]["ground"]) == (
        "closed",
        "execution_ended",
        "party_dissolved",
    )
    assert reload(executing_case).state == PenaltyCaseState.CLOSED


def test_execution_is_read_only_inside_the_caller_s_scope(api_client, executing_case, other_agency_handler, supervisor):
    url = f"/api/v1/penalty-cases/{executing_case.pk}"
    _get(api_client, other_agency_handler, f"{url}/execution/", expect=404)
    # R-REC-007: the bureau's supervisor reads it, and the read is on the ledger
    assert _get(api_client, supervisor, f"{url}/execution/")["balance"]["total_due"] == "10000.00"
    assert events(executing_case)[-1] == "penalty_case.viewed"
    _post(api_client, supervisor, f"{url}/suspend/", {"ground": "hardship", "reason": "x"}, expect=403)
    before = counts(executing_case)
    _post(api_client, other_agency_handler, f"{url}/suspend/", {"ground": "hardship", "reason": "x"}, expect=404)
    assert counts(executing_case) == before
    api_client.force_authenticate(None)
    assert api_client.get(f"{url}/execution/").status_code in (401, 403)
