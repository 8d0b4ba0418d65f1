"""Staff UI of 执行 on the case page: the balance today (加处罚款 included), the deadline or the plan's instalments,
催告, enforcement and the court window, 复议/诉讼; one form per step (happy path: records and ledger event; one
refusal each: the service's Chinese message on the field, nothing changed); why a step is blocked, with the
earliest day; outsiders 404, supervisors read-only (R-PEN-025/027/028, R-COE-001/010/011/012/014/016).

The executing case: 10,000元 fine served Monday 2 March 2026, payable until 17 March; the court window runs from
3 September to 2 December 2026 (``execution_support``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.execution_support import (
    ALL_MATERIALS,
    apply_to_court,
    counts,
    demand,
    events,
    fixture_executing_case,
    on,
    reload,
)
from tests.review.enforcement_approvals import approve_enforcement
from zhifa.cases.choices import ExecutionMode, PaymentPlanState
from zhifa.cases.models import CompulsoryExecution, CourtExecution, PaymentPlan, RemedyProceeding

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case"]

TAX_LAW = "《中华人民共和国税收征收管理法》第四十条"  # stands in for a law that empowers an agency (R-COE-001)
NOT_YET_OVERDUE = (
    "当事人尚未逾期不履行：缴款期限至2026年3月17日，届满仍未缴纳的方可催告（R-COE-010、R-PEN-025），最早2026年3月18日"
)


def _page(client, user, case, status=200):
    client.force_login(user)
    response = client.get(f"/cases/{case.pk}/")
    assert response.status_code == status
    return response


def _post(client, user, case, action, **fields):
    client.force_login(user)
    return client.post(f"/cases/{case.pk}/steps/{action}/", {f"{action}-{k}": v for k, v in fields.items()})


def _steps(response):
    return [(p.step.action, p.step.blocked) for p in response.context["panels"]]


def _blocked(response, action):
    return dict(_steps(response))[action]


def _errors(response, action):
    """The refused step's form as re-rendered on the full page (status of the error)."""
    panel = next(p for p in response.context["panels"] if p.step.action == action)
    return panel.form.errors


def _refused(response, action, field, message, status=400):
    assert response.status_code == status
    assert _errors(response, action)[field] == [message]
    assert message in response.content.decode()


def _done(response, case):
    assert (response.status_code, response["Location"]) == (302, f"/cases/{case.pk}/")


# --- the section -----------------------------------------------------------------------------------------------


def test_handler_sees_the_balance_the_deadline_and_the_court_window(client, handler, executing_case):
    response = _page(client, handler, executing_case)
    execution_ = response.context["execution"]
    assert (execution_["balance"].principal, execution_["balance"].late_penalty, execution_["balance"].total_due) == (
        Decimal("10000.00"),
        Decimal("0.00"),
        Decimal("10000.00"),
    )
    assert [(p.label, p.due_on, p.status) for p in execution_["portions"]] == [
        ("缴款期限", date(2026, 3, 17), "未到期（剩余15日）")
    ]
    html = response.content.decode()
    assert "<h2>执行</h2>" in html
    assert "2026年9月3日（首日）至2026年12月2日（末日）" in html  # R-COE-016
    assert "尚未开始（185日后可以申请）" in html
    assert "尚未催告" in html
    assert _steps(response) == [
        ("payments", ""),
        ("issue-document", ""),  # e.g. the 催告书 made from the case
        ("apply-payment-plan", ""),
        ("serve-demand-notice", NOT_YET_OVERDUE),
        ("remedies", ""),
    ]


def test_r_pen_027_overdue_the_surcharge_accrues_and_the_head_sees_why_enforcement_waits(client, head, executing_case):
    with on(date(2026, 3, 20)):  # three days after the deadline: 3% × 3 of 10,000
        response = _page(client, head, executing_case)
    balance = response.context["execution"]["balance"]
    assert (balance.late_penalty, balance.total_due, balance.surcharge_days) == (
        Decimal("900.00"),
        Decimal("10900.00"),
        3,
    )
    html = response.content.decode()
    assert "已逾期，自2026年3月17日次日起加处罚款（R-PEN-027）" in html
    assert "逾期未缴罚没款10000.00元" in html
    assert _blocked(response, "serve-demand-notice") == "需由本案承办人办理"
    # R-COE-014: the 催告 for the agency's own route comes after more than 30 days of 加处罚款
    assert _blocked(response, "decide-compulsory-execution") == (
        "作出强制执行决定或申请人民法院强制执行前，应当事先书面催告当事人履行义务（R-COE-010）；"
        "加处罚款2026年4月17日起超过30日，届时可以催告"
    )
    assert _blocked(response, "apply-court-execution") == (
        "当事人的起诉期限（或分期/延期缴纳期限）至2026年9月2日届满，2026年9月3日起方可申请人民法院强制执行（R-COE-016）"
    )


def test_supervisor_reads_the_section_without_forms_and_outsiders_get_404(
    client, supervisor, other_agency_handler, other_region_supervisor, executing_case
):
    response = _page(client, supervisor, executing_case)
    assert response.context["execution"]["balance"].total_due == Decimal("10000.00")
    assert response.context["panels"] == []
    assert "2026年9月3日（首日）" in response.content.decode()
    for outsider in (other_agency_handler, other_region_supervisor):
        _page(client, outsider, executing_case, status=404)
        before = counts(executing_case)
        response = _post(client, outsider, executing_case, "remedies", kind="litigation", body="示范县人民法院")
        assert (response.status_code, counts(executing_case)) == (404, before)


def test_a_supervisor_s_post_is_refused_and_changes_nothing(client, supervisor, executing_case):
    before = counts(executing_case)
    response = _post(
        client,
        supervisor,
        executing_case,
        "remedies",
        kind="reconsideration",
        body="示范县人民政府",
        filed_on="2026-03-02",
    )
    assert response.status_code == 403
    assert response.context["refusals"] == ["只有本案承办人可以办理执行事项"]
    assert counts(executing_case) == before


# --- 分期/延期缴纳 (R-PEN-025) ------------------------------------------------------------------------------------


def test_r_pen_025_instalments_applied_for_approved_and_shown_with_their_due_dates(
    client, handler, head, executing_case
):
    before = counts(executing_case)
    response = _post(
        client,
        handler,
        executing_case,
        "apply-payment-plan",
        kind="installment",
        reason="受疫情影响资金周转困难",
        applied_on="2026-03-02",
        installments="2026-03-17 4000\n2026-04-17 5000",
    )
    _refused(response, "apply-payment-plan", "installments", "各期金额合计应等于尚未缴纳的罚没款10000.00元")
    assert counts(executing_case) == before
    response = _post(
        client,
        handler,
        executing_case,
        "apply-payment-plan",
        kind="installment",
        reason="受疫情影响资金周转困难",
        applied_on="2026-03-02",
        installments="2026-03-17 4000\n2026年4月17日，6000元",
    )
    _done(response, executing_case)
    assert events(executing_case)[-1] == "penalty_case.payment_plan_applied"
    page = _page(client, handler, executing_case)
    assert "待负责人审批" in page.content.decode()
    steps = dict(_steps(page))
    assert (steps["approve-payment-plan"], steps["refuse-payment-plan"]) == ("需由本单位负责人批准或决定",) * 2
    assert "apply-payment-plan" not in steps
    _done(_post(client, head, executing_case, "approve-payment-plan", decided_on="2026-03-02"), executing_case)
    case = reload(executing_case)
    assert (case.payment_deadline, case.execution_mode) == (date(2026, 4, 17), ExecutionMode.PAYMENT_PLAN)
    assert events(case)[-1] == "penalty_case.payment_plan_approved"
    with on(date(2026, 3, 20)):
        page = _page(client, handler, case)
    assert [(p.label, p.due_on, p.amount, p.status) for p in page.context["execution"]["portions"]] == [
        ("第1期", date(2026, 3, 17), Decimal("4000.00"), "已逾期，自2026年3月17日次日起加处罚款（R-PEN-027）"),
        ("第2期", date(2026, 4, 17), Decimal("6000.00"), "未到期（剩余28日）"),
    ]
    assert "apply-payment-plan" not in dict(_steps(page))  # the approved plan stands


def test_r_pen_025_an_instalment_line_that_is_not_a_date_and_an_amount_is_refused_naming_it(
    client, handler, executing_case
):
    before = counts(executing_case)
    response = _post(
        client,
        handler,
        executing_case,
        "apply-payment-plan",
        kind="installment",
        reason="资金困难",
        applied_on="2026-03-02",
        installments="2026-03-17 5000\n四月再缴5000",
    )
    _refused(
        response,
        "apply-payment-plan",
        "installments",
        "第2行“四月再缴5000”应写作“缴纳期限 金额”，如“2026-04-17 5000.00”",
    )
    assert counts(executing_case) == before


def test_r_pen_025_deferral_refused_by_the_head_with_reasons(client, handler, head, executing_case):
    with on(date(2026, 3, 10)):
        _done(
            _post(
                client,
                handler,
                executing_case,
                "apply-payment-plan",
                kind="deferral",
                reason="当事人因火灾停业",
                applied_on="2026-03-10",
                deferred_until="2026-05-17",
                installments="（延期缴纳时不看这一栏）",
            ),
            executing_case,
        )
        before = counts(executing_case)
        response = _post(client, head, executing_case, "approve-payment-plan", decided_on="2026-03-09")
        _refused(response, "approve-payment-plan", "decided_on", "审批日期应在申请之后且不晚于今天")
        response = _post(client, head, executing_case, "refuse-payment-plan", decided_on="2026-03-10", reason=" ")
        _refused(response, "refuse-payment-plan", "reason", "不予批准的，请写明理由")
        assert counts(executing_case) == before
        response = _post(
            client, head, executing_case, "refuse-payment-plan", decided_on="2026-03-10", reason="未提供停业的证明材料"
        )
        _done(response, executing_case)
    plan = PaymentPlan.objects.get(penalty_case=executing_case)
    assert (plan.state, plan.refusal_reason) == (PaymentPlanState.REFUSED, "未提供停业的证明材料")
    assert events(executing_case)[-1] == "penalty_case.payment_plan_refused"
    with on(date(2026, 3, 18)):
        page = _page(client, handler, executing_case)
    assert "不予批准：未提供停业的证明材料" in page.content.decode()
    assert _blocked(page, "apply-payment-plan") == (
        "缴款期限已于2026年3月17日届满，逾期后不能再申请分期/延期缴纳，应当缴纳罚款及加处罚款（R-PEN-025、R-PEN-027）"
    )


# --- 催告 and the party's statements (R-COE-010) ----------------------------------------------------------------


def _demand_form(**extra):
    values = {
        "served_on": "2026-03-18",
        "performance_deadline": "2026-03-27",
        "performance_manner": "一次性缴纳罚款及加处罚款",
        "payment_method": "缴至示范县财政局非税收入汇缴结算户",
        "delivery_method": "direct",
    }
    values.update(extra)
    return values


def test_r_coe_010_demand_before_the_deadline_is_refused_then_served_the_day_after(client, handler, executing_case):
    with on(date(2026, 3, 17)):  # the last day to pay
        before = counts(executing_case)
        response = _post(client, handler, executing_case, "serve-demand-notice", **_demand_form(served_on="2026-03-17"))
        _refused(
            response,
            "serve-demand-notice",
            "served_on",
            "当事人尚未逾期不履行（缴款期限2026年3月17日），不能催告（R-COE-010、R-PEN-025）",
        )
        assert counts(executing_case) == before
    with on(date(2026, 3, 18)):
        _done(_post(client, handler, executing_case, "serve-demand-notice", **_demand_form()), executing_case)
        page = _page(client, handler, executing_case)
    notice = executing_case.demand_notices.get()
    assert (notice.amount, notice.late_penalty_amount) == (Decimal("10300.00"), Decimal("300.00"))
    assert "penalty_case.demand_notice_served" in events(executing_case)
    html = page.content.decode()
    assert "10300.00（其中加处罚款300.00）" in html
    assert "剩余9日" in html  # the 催告's 履行期限, 27 March
    assert ("demand-statements", "") in _steps(page)


def test_r_coe_010_a_statement_needs_the_review_then_it_is_recorded(client, handler, executing_case):
    demand(executing_case, handler, date(2026, 3, 18), date(2026, 3, 27))
    with on(date(2026, 3, 20)):
        before = counts(executing_case)
        response = _post(
            client,
            handler,
            executing_case,
            "demand-statements",
            received_on="2026-03-20",
            content="无力缴纳",
            review="",
        )
        _refused(
            response,
            "demand-statements",
            "review",
            "请填写对当事人陈述申辩的复核意见：事实、理由或者证据成立的，应当采纳（R-COE-010）",
        )
        assert counts(executing_case) == before
        response = _post(
            client,
            handler,
            executing_case,
            "demand-statements",
            received_on="2026-03-20",
            content="近期资金周转困难，请求延缓缴纳",
            review="未提供经济困难的证明材料，不予采纳",
        )
        _done(response, executing_case)
        html = _page(client, handler, executing_case).content.decode()
    assert events(executing_case)[-1] == "penalty_case.demand_statement_recorded"  # a handler's read is not logged
    assert "近期资金周转困难，请求延缓缴纳" in html
    assert "复核：未提供经济困难的证明材料，不予采纳" in html


# --- 复议 / 诉讼 (R-PEN-027/028) ----------------------------------------------------------------------------------


def test_r_pen_028_a_reconsideration_is_recorded_execution_goes_on_and_r_pen_027_the_surcharge_pauses(
    client, handler, executing_case
):
    with on(date(2026, 3, 20)):
        before = counts(executing_case)
        response = _post(
            client, handler, executing_case, "remedies", kind="reconsideration", body="", filed_on="2026-03-20"
        )
        _refused(response, "remedies", "body", "请填写受理的复议机关或人民法院")
        assert counts(executing_case) == before
        response = _post(
            client,
            handler,
            executing_case,
            "remedies",
            kind="reconsideration",
            body="示范县人民政府",
            filed_on="2026-03-20",
        )
        _done(response, executing_case)
    assert reload(executing_case).state == "executing"
    with on(date(2026, 3, 30)):
        page = _page(client, handler, executing_case)
    # 18 and 19 March count; from 20 March the 复议 pauses it: 2 days × 300
    assert page.context["execution"]["balance"].late_penalty == Decimal("600.00")
    html = page.content.decode()
    assert "行政复议/诉讼期间（自2026年3月20日起）不计加处罚款（R-PEN-027），不停止执行（R-PEN-028）" in html
    assert ("conclude-remedy", "") in _steps(page) and "remedies" not in dict(_steps(page))
    with on(date(2026, 4, 10)):
        response = _post(
            client, handler, executing_case, "conclude-remedy", concluded_on="2026-04-10", result="upheld", outcome=""
        )
        _refused(response, "conclude-remedy", "outcome", "请填写复议决定或裁判的结果")
        response = _post(
            client,
            handler,
            executing_case,
            "conclude-remedy",
            concluded_on="2026-04-10",
            result="upheld",
            outcome="维持原处罚决定",
        )
        _done(response, executing_case)
    remedy = RemedyProceeding.objects.get(penalty_case=executing_case)
    assert (remedy.concluded_on, remedy.outcome) == (date(2026, 4, 10), "维持原处罚决定")
    assert events(executing_case)[-1] == "penalty_case.remedy_concluded"


# --- 行政机关强制执行 (R-COE-001, R-COE-011/012/014) ---------------------------------------------------------------


def _decision_form(day: str, **extra):
    values = {
        "agency_empowered": "on",
        "legal_basis": TAX_LAW,
        "reason": "当事人逾期不缴纳罚款，加处罚款超过三十日，经催告仍不履行",
        "methods": ["transfer_deposits"],
        "scheduled_on": day,
        "decided_on": day,
    }
    values.update(extra)
    return values


def test_r_coe_014_a_demand_before_30_days_of_surcharge_is_not_enough_and_the_head_sees_when_to_demand_again(
    client, handler, head, executing_case
):
    demand(executing_case, handler, date(2026, 4, 1), date(2026, 4, 10))
    refusal = (
        "催告书于2026年4月1日送达时加处罚款已计15日：加处罚款超过30日，经催告仍不履行的，方可强制执行，"
        "请在加处罚款超过30日后重新催告（R-COE-014）"
    )
    with on(date(2026, 4, 16)):  # 17 March + 30 days: exactly 30 days of surcharge, not "more than 30"
        page = _page(client, head, executing_case)
    assert (
        _blocked(page, "decide-compulsory-execution") == f"{refusal}；加处罚款2026年4月17日起超过30日，届时可以重新催告"
    )
    with on(date(2026, 4, 17)):
        page = _page(client, head, executing_case)
    assert _blocked(page, "decide-compulsory-execution") == f"{refusal}；加处罚款现已计31日，可以重新催告"
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    with on(date(2026, 4, 27)):
        assert _blocked(_page(client, head, executing_case), "decide-compulsory-execution") == ""


def test_r_coe_001_without_the_power_of_a_law_the_decision_is_refused_then_made_served_and_carried_out(
    client, handler, head, executing_case
):
    demand(executing_case, handler, date(2026, 4, 20), date(2026, 4, 24))  # after 34 days of surcharge
    with on(date(2026, 4, 27)):
        before = counts(executing_case)
        response = _post(
            client,
            head,
            executing_case,
            "decide-compulsory-execution",
            **_decision_form("2026-04-27", agency_empowered=""),
        )
        _refused(
            response,
            "decide-compulsory-execution",
            "agency_empowered",
            "本机关没有法律授予的行政强制执行权，不能自行强制执行，应当申请人民法院强制执行（R-COE-001、R-COE-014、R-COE-016）",
        )
        assert counts(executing_case) == before
        # R-REV-002/004: the enforcement decision is major by default; its proposal was approved first
        approve_enforcement(executing_case, day=date(2026, 4, 27), scheduled_on=date(2026, 4, 30))
        response = _post(
            client,
            head,
            executing_case,
            "decide-compulsory-execution",
            **_decision_form("2026-04-27", scheduled_on="2026-04-30"),
        )
        _done(response, executing_case)
        assert reload(executing_case).execution_mode == ExecutionMode.COMPULSORY
        page = _page(client, handler, executing_case)
        assert ("serve-compulsory-execution", "") in _steps(page)
        assert "划拨存款、汇款" in page.content.decode()
    with on(date(2026, 4, 28)):
        response = _post(
            client,
            handler,
            executing_case,
            "serve-compulsory-execution",
            served_on="2026-04-28",
            delivery_method="postal",
        )
        _refused(
            response,
            "serve-compulsory-execution",
            "direct_delivery_failure",
            "强制执行决定书应当直接送达；采用其他方式的，须写明未能直接送达的情况（R-DOC-008）",
        )
        response = _post(
            client,
            handler,
            executing_case,
            "serve-compulsory-execution",
            served_on="2026-04-28",
            delivery_method="direct",
        )
        _done(response, executing_case)
    with on(date(2026, 5, 1)):  # 劳动节
        response = _post(
            client, handler, executing_case, "record-compulsory-execution", executed_on="2026-05-01", result="划拨"
        )
        _refused(
            response,
            "record-compulsory-execution",
            "executed_on",
            "2026年5月1日为法定节假日或休息日，除情况紧急外不得实施行政强制执行（R-COE-012）",
        )
    with on(date(2026, 4, 30)):
        response = _post(
            client,
            handler,
            executing_case,
            "record-compulsory-execution",
            executed_on="2026-04-30",
            result="通过开户银行划拨存款20,000.00元",
        )
        _done(response, executing_case)
    record = CompulsoryExecution.objects.get(penalty_case=executing_case)
    assert (record.served_on, record.executed_on) == (date(2026, 4, 28), date(2026, 4, 30))
    assert events(executing_case)[-1] == "penalty_case.compulsory_execution_carried_out"


# --- 申请人民法院强制执行 (R-COE-016) ---------------------------------------------------------------------------------


def test_r_coe_016_ten_working_days_after_the_demand_are_shown_with_the_first_day(
    client, handler, head, executing_case
):
    demand(executing_case, handler, date(2026, 9, 28), date(2026, 10, 9))
    # 29, 30 Sep, (1–7 Oct 国庆), 8, 9, 10 (调休 Saturday), 12…16 Oct: the tenth working day is 16 October, and the
    # application comes after it ("十日后")
    with on(date(2026, 10, 16)):
        page = _page(client, head, executing_case)
    assert _blocked(page, "apply-court-execution") == (
        "催告书于2026年9月28日送达，送达后10个工作日至2026年10月16日届满，届满后当事人仍未履行的，方可申请"
        "（R-COE-016），最早2026年10月17日"
    )
    window = page.context["execution"]["window"]
    assert (window.window.opens_on, window.window.last_day, window.status) == (
        date(2026, 9, 3),
        date(2026, 12, 2),
        "剩余47日",
    )
    with on(date(2026, 10, 17)):
        page = _page(client, head, executing_case)
        assert _blocked(page, "apply-court-execution") == ""
        before = counts(executing_case)
        response = _post(
            client,
            head,
            executing_case,
            "apply-court-execution",
            court="示范县人民法院",
            materials=["application"],
            applied_on="2026-10-17",
        )
        _refused(
            response,
            "apply-court-execution",
            "materials",
            "申请材料不全，缺少：行政决定书及作出决定的事实、理由和依据、当事人的意见及行政机关催告情况、申请强制执行标的情况（R-COE-016）",
        )
        assert counts(executing_case) == before
        response = _post(
            client,
            head,
            executing_case,
            "apply-court-execution",
            court="示范县人民法院",
            materials=ALL_MATERIALS,
            applied_on="2026-10-17",
        )
        _done(response, executing_case)
    application = CourtExecution.objects.get(penalty_case=executing_case)
    assert (application.applied_on, application.applied_by) == (date(2026, 10, 17), head)
    assert events(executing_case)[-1] == "penalty_case.court_execution_applied"


def test_r_coe_016_the_court_s_ruling_and_result(client, handler, head, executing_case):
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    apply_to_court(executing_case, head, date(2026, 11, 17))
    with on(date(2026, 11, 30)):
        page = _page(client, handler, executing_case)
        assert ("court-ruling", "") in _steps(page)
        assert "待人民法院裁定" in page.content.decode()
        response = _post(
            client, handler, executing_case, "court-ruling", ruling="refused", ruled_on="2026-11-30", reason=""
        )
        _refused(response, "court-ruling", "reason", "人民法院裁定不予执行的，请填写裁定书载明的理由")
        response = _post(
            client,
            handler,
            executing_case,
            "court-ruling",
            ruling="granted",
            ruled_on="2026-11-30",
            ruling_number="（2026）湘0101行审123号",
        )
        _done(response, executing_case)
        response = _post(client, handler, executing_case, "court-execution-result", result="", result_on="2026-11-30")
        _refused(response, "court-execution-result", "result", "请填写人民法院的执行结果")
        response = _post(
            client, handler, executing_case, "court-execution-result", result="已执行到位", result_on="2026-11-30"
        )
        _done(response, executing_case)
        html = _page(client, handler, executing_case).content.decode()
    application = CourtExecution.objects.get(penalty_case=executing_case)
    assert (application.ruling, application.ruling_number, application.result) == (
        "granted",
        "（2026）湘0101行审123号",
        "已执行到位",
    )
    assert "准予执行" in html and "已执行到位" in html
    assert events(executing_case)[-1] == "penalty_case.court_execution_result_recorded"


def test_a_handler_cannot_apply_to_the_court_and_the_page_says_who_signs(client, handler, executing_case):
    with on(date(2026, 3, 20)):
        before = counts(executing_case)
        response = _post(
            client,
            handler,
            executing_case,
            "apply-court-execution",
            court="示范县人民法院",
            materials=ALL_MATERIALS,
            applied_on="2026-03-20",
        )
    assert response.status_code == 403
    assert response.context["refusals"] == ["强制执行申请书应当由本单位负责人签名（R-COE-016）"]
    assert counts(executing_case) == before
