"""催告 (R-COE-010), 行政机关强制执行 (R-COE-011/012/014, R-COE-001) and 申请人民法院强制执行 (R-COE-016), with
the edge days: a 催告 served on the 30th and on the 31st day of 加处罚款, the 10th working day after the 催告 and
the day after it (国庆 in between), the first and the last day of the three-month window; one enforcement route at
a time; a working-day rule in a year without holiday data (R-TIME-001)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.execution_support import (
    apply_to_court,
    counts,
    demand,
    events,
    fixture_executing_case,
    on,
    pay,
    payload,
    reload,
)
from tests.review.enforcement_approvals import approve_enforcement
from zhifa.cases.choices import ClosingReason, ExecutionMode, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.services import enforcement, execution
from zhifa.cases.services.enforcement_gates import compulsory_execution_refusal, court_execution_refusal
from zhifa.core.errors import PermissionDenied
from zhifa.documents.services import render_document

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case"]

TAX_LAW = "《中华人民共和国税收征收管理法》第四十条"  # stands in for a law that empowers an agency (R-COE-001)


def decide(case, head, day, *, reviewed=False, **kwargs):
    """The head's 强制执行决定 on ``day``; ``reviewed``: the same proposal was approved by a legal review that day
    first (R-REV-002/004: major by default — ``tests/review/test_enforcement_review.py`` tests the gate itself)."""
    values = {
        "agency_empowered": True,
        "legal_basis": TAX_LAW,
        "reason": "当事人逾期不缴纳罚款，加处罚款超过三十日，经催告仍不履行",
        "methods": ["transfer_deposits"],
        "scheduled_on": day,
    }
    values.update(kwargs)
    if reviewed:
        approve_enforcement(
            case,
            day=day,
            methods=values["methods"],
            legal_basis=values["legal_basis"],
            scheduled_on=values["scheduled_on"],
            is_immediate=values.get("is_immediate", False),
            is_urgent=values.get("is_urgent", False) and bool(values.get("urgent_reason", "").strip()),
        )
    with on(day):
        return enforcement.decide_compulsory_execution(actor=head, case=case, decided_on=day, **values)


def refused(call, field, message):
    with pytest.raises(CaseError) as excinfo:
        call()
    assert (excinfo.value.field, excinfo.value.message) == (field, message)


# --- 催告 -------------------------------------------------------------------------------------------------------


def test_r_coe_010_demand_only_after_the_deadline_passed_unpaid(executing_case, handler):
    before = counts(executing_case)
    refused(
        lambda: demand(executing_case, handler, date(2026, 3, 17), date(2026, 3, 27)),
        "served_on",
        "当事人尚未逾期不履行（缴款期限2026年3月17日），不能催告（R-COE-010、R-PEN-025）",
    )
    assert counts(executing_case) == before
    notice = demand(executing_case, handler, date(2026, 3, 18), date(2026, 3, 27))
    # the amount is the case's on the day of service: 10,000 + one day of 加处罚款 (R-PEN-027)
    assert (notice.amount, notice.late_penalty_amount, notice.delivery_method) == (
        Decimal("10300.00"),
        Decimal("300.00"),
        "direct",
    )
    assert events(executing_case)[-1] == "penalty_case.demand_notice_served"


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        (
            {"deadline": date(2026, 3, 18)},
            "performance_deadline",
            "催告书应给予当事人履行的期限，履行期限应晚于送达日期（R-COE-010）",
        ),
        ({"performance_manner": " "}, "performance_manner", "请填写履行义务的方式（R-COE-010）"),
        ({"payment_method": ""}, "payment_method", "请填写给付方式：缴款银行、账号或电子缴款渠道（R-COE-010）"),
        (
            {"delivery_method": "postal"},
            "direct_delivery_failure",
            "催告书应当直接送达；采用其他方式的，须写明未能直接送达的情况（R-DOC-008）",
        ),
    ],
)
def test_r_coe_010_demand_content_and_r_doc_008_direct_service(executing_case, handler, kwargs, field, message):
    deadline = kwargs.pop("deadline", date(2026, 3, 27))
    before = counts(executing_case)
    refused(lambda: demand(executing_case, handler, date(2026, 3, 18), deadline, **kwargs), field, message)
    assert counts(executing_case) == before


def test_r_doc_008_other_service_after_direct_service_failed(executing_case, handler):
    notice = demand(
        executing_case,
        handler,
        date(2026, 3, 18),
        date(2026, 3, 27),
        delivery_method="postal",
        direct_delivery_failure="3月18日上门直接送达，经营场所关闭，法定代表人拒不见面",
    )
    assert (notice.delivery_method, notice.direct_delivery_failure) == (
        "postal",
        "3月18日上门直接送达，经营场所关闭，法定代表人拒不见面",
    )


def test_r_coe_010_statements_are_recorded_with_their_review(executing_case, handler):
    refused(
        lambda: execution.record_demand_statement(
            actor=handler, case=executing_case, received_on=date(2026, 3, 2), content="无力缴纳", review="不予采纳"
        ),
        "demand_notice",
        "本案尚未送达催告书",
    )
    notice = demand(executing_case, handler, date(2026, 3, 18), date(2026, 3, 27))
    with on(date(2026, 3, 20)):
        refused(
            lambda: execution.record_demand_statement(
                actor=handler, case=executing_case, received_on=date(2026, 3, 20), content="无力缴纳", review=" "
            ),
            "review",
            "请填写对当事人陈述申辩的复核意见：事实、理由或者证据成立的，应当采纳（R-COE-010）",
        )
        refused(
            lambda: execution.record_demand_statement(
                actor=handler, case=executing_case, received_on=date(2026, 3, 17), content="无力缴纳", review="不予采纳"
            ),
            "received_on",
            "收到日期应在催告书送达之后且不晚于今天",
        )
        statement = execution.record_demand_statement(
            actor=handler,
            case=executing_case,
            received_on=date(2026, 3, 20),
            content="近期资金周转困难，请求延缓缴纳",
            review="当事人未提供经济困难的证明材料，理由不成立，不予采纳",
        )
    assert (statement.demand_notice, statement.is_adopted) == (notice, False)
    assert events(executing_case)[-1] == "penalty_case.demand_statement_recorded"


def test_r_coe_010_demand_notice_document_states_the_law_s_content():
    from tests.documents.contexts import CONTEXTS

    html = render_document("demand_notice", {"agency_name": "示范县发展和改革局", **CONTEXTS["demand_notice"]})
    for expected in [
        "催告书",
        "于2026年8月10日前履行下列义务",
        "共计21,746.00元（贰万壹仟柒佰肆拾陆元整）",
        "履行方式：一次性缴纳罚款及加处罚款",
        "给付方式：缴至示范县财政局非税收入汇缴结算户",
        "收到本催告书后有权进行陈述和申辩",
        "申请人民法院强制执行",
    ]:
        assert expected in html, expected


# --- 行政机关强制执行 ---------------------------------------------------------------------------------------------


def test_r_coe_001_an_agency_without_power_is_sent_to_the_court(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 1), date(2026, 4, 10))
    before = counts(executing_case)
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 20), agency_empowered=False),
        "agency_empowered",
        "本机关没有法律授予的行政强制执行权，不能自行强制执行，应当申请人民法院强制执行（R-COE-001、R-COE-014、R-COE-016）",
    )
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 20), legal_basis="《某市城市管理办法》第十条"),
        "legal_basis",
        "行政强制执行由法律设定，法律依据须引用授权本机关强制执行的法律（《……法》）（R-COE-001）",
    )
    assert counts(executing_case) == before
    assert reload(executing_case).execution_mode == ""


def test_r_coe_010_no_enforcement_decision_without_a_demand(executing_case, head):
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 20)),
        "demand_notice",
        "作出强制执行决定或申请人民法院强制执行前，应当事先书面催告当事人履行义务（R-COE-010）",
    )


def test_r_coe_014_the_demand_comes_after_more_than_30_days_of_surcharge(executing_case, handler, head):
    """行政强制法 第46条: 加处罚款超过三十日, 经催告仍不履行 → enforce. A 催告 served on the 30th day of 加处罚款
    (16 April: 18 March – 16 April) does not count: "超过" excludes 30 (R-TIME-006); one served on the 31st does."""
    demand(executing_case, handler, date(2026, 4, 16), date(2026, 4, 23))
    before = counts(executing_case)
    message = (
        "催告书于2026年4月16日送达时加处罚款已计30日：加处罚款超过30日，经催告仍不履行的，方可强制执行，"
        "请在加处罚款超过30日后重新催告（R-COE-014）"
    )
    refused(lambda: decide(executing_case, head, date(2026, 4, 24)), "demand_notice", message)
    assert counts(executing_case) == before
    # the pages that list the next steps ask the same gates (read only)
    assert compulsory_execution_refusal(reload(executing_case), date(2026, 4, 24)) == message
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 24)),
        "decided_on",
        "催告书确定的履行期限至2026年4月24日，期限届满前不能强制执行（R-COE-011）",
    )
    before = counts(executing_case)
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 24), is_immediate=True),
        "immediate_evidence",
        "立即强制执行须有证据证明当事人有转移或者隐匿财物的迹象（R-COE-011）",
    )
    assert counts(executing_case) == before
    assert compulsory_execution_refusal(reload(executing_case), date(2026, 4, 27)) == ""
    execution_ = decide(executing_case, head, date(2026, 4, 27), reviewed=True)
    assert (execution_.decided_on, execution_.methods, reload(executing_case).execution_mode) == (
        date(2026, 4, 27),
        ["transfer_deposits"],
        ExecutionMode.COMPULSORY,
    )


def test_r_coe_011_immediate_enforcement_within_the_demand_period_on_evidence(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 30))
    execution_ = decide(
        executing_case,
        head,
        date(2026, 4, 20),
        is_immediate=True,
        immediate_evidence="当事人正在转移设备",
        reviewed=True,
    )
    assert (execution_.is_immediate, execution_.immediate_evidence) == (True, "当事人正在转移设备")


def test_r_coe_014_a_surcharge_stopped_before_30_days_leaves_only_the_court(executing_case, handler, head):
    """The fine paid on 1 April, 15 days late: 加处罚款 stopped at 15 days (4,500), so the agency cannot enforce it
    itself (第46条 needs more than 30 days); it is demanded and the court is asked (R-COE-016) — the case is never
    stuck in 执行中."""
    pay(executing_case, handler, date(2026, 4, 1), "10000.00")
    case = reload(executing_case)
    assert case.state == PenaltyCaseState.EXECUTING
    notice = demand(case, handler, date(2026, 4, 2), date(2026, 4, 10))
    assert (notice.amount, notice.late_penalty_amount) == (Decimal("4500.00"), Decimal("4500.00"))  # 300 × 15
    before = counts(case)
    refused(
        lambda: decide(case, head, date(2026, 4, 20)),
        "demand_notice",
        "加处罚款计15日后因逾期的罚没款缴清而停止计算，未超过30日，不能自行强制执行，可以申请人民法院强制执行"
        "（R-COE-014、R-COE-016）",
    )
    assert counts(case) == before
    application = apply_to_court(case, head, date(2026, 9, 3))
    assert (application.applied_on, reload(case).execution_mode) == (date(2026, 9, 3), ExecutionMode.COURT)


def test_r_coe_012_no_enforcement_on_a_rest_day_unless_urgent(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 27), scheduled_on=date(2026, 5, 2)),
        "scheduled_on",
        "2026年5月2日为法定节假日或休息日，不得实施行政强制执行，情况紧急的须写明理由（R-COE-012）",
    )
    urgent = decide(
        executing_case,
        head,
        date(2026, 4, 27),
        scheduled_on=date(2026, 5, 2),
        is_urgent=True,
        urgent_reason="当事人已办理注销登记，账户资金将于节日期间转出",
        reviewed=True,
    )
    assert (urgent.scheduled_on, urgent.is_urgent) == (date(2026, 5, 2), True)


def test_r_coe_011_compulsory_execution_served_carried_out_and_paid(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    decide(executing_case, head, date(2026, 4, 27), scheduled_on=date(2026, 4, 30), reviewed=True)
    with on(date(2026, 4, 28)):
        refused(
            lambda: enforcement.record_compulsory_execution(
                actor=handler, case=executing_case, executed_on=date(2026, 4, 28), result="划拨"
            ),
            "served_on",
            "强制执行决定书尚未送达，不能实施强制执行（R-COE-011）",
        )
        refused(
            lambda: enforcement.serve_compulsory_execution(
                actor=handler, case=executing_case, served_on=date(2026, 4, 28), delivery_method="left_at_premises"
            ),
            "direct_delivery_failure",
            "强制执行决定书应当直接送达；采用其他方式的，须写明未能直接送达的情况（R-DOC-008）",
        )
        enforcement.serve_compulsory_execution(actor=handler, case=executing_case, served_on=date(2026, 4, 28))
    with on(date(2026, 5, 1)):  # 劳动节
        refused(
            lambda: enforcement.record_compulsory_execution(
                actor=handler, case=executing_case, executed_on=date(2026, 5, 1), result="划拨"
            ),
            "executed_on",
            "2026年5月1日为法定节假日或休息日，除情况紧急外不得实施行政强制执行（R-COE-012）",
        )
    with on(date(2026, 4, 30)):
        enforcement.record_compulsory_execution(
            actor=handler, case=executing_case, executed_on=date(2026, 4, 30), result="通过开户银行划拨存款20,000.00元"
        )
    # 加处罚款 stops at the fine (R-COE-014: never above the principal)
    pay(executing_case, handler, date(2026, 4, 30), "20000.00", "划拨-2026-0430")
    case = reload(executing_case)
    assert (case.state, case.closing_reason) == (PenaltyCaseState.CLOSED, ClosingReason.EXECUTED)
    assert events(case)[-7:] == [
        "penalty_case.demand_notice_served",
        "penalty_case.enforcement_review_submitted",  # R-REV-002/004: the proposal reviewed first
        "penalty_case.legal_review_concluded",
        "penalty_case.compulsory_execution_decided",
        "penalty_case.compulsory_execution_served",
        "penalty_case.compulsory_execution_carried_out",
        "penalty_case.payment_recorded",
    ]


# --- 申请人民法院强制执行 -----------------------------------------------------------------------------------------


def test_r_coe_016_after_ten_working_days_from_the_demand_with_national_day_in_between(executing_case, handler, head):
    """行政强制法 第54条 "催告书送达十日后": the 10th working day is still inside the period."""
    demand(executing_case, handler, date(2026, 9, 28), date(2026, 10, 9))
    before = counts(executing_case)
    # 29, 30 Sep, (1–7 Oct 国庆), 8, 9, 10 (调休 Saturday), 12, 13, 14, 15, 16 Oct: the 10th working day is 16 Oct
    message = (
        "催告书于2026年9月28日送达，送达后10个工作日至2026年10月16日届满，届满后当事人仍未履行的，方可申请（R-COE-016）"
    )
    refused(lambda: apply_to_court(executing_case, head, date(2026, 10, 15)), "applied_on", message)
    refused(lambda: apply_to_court(executing_case, head, date(2026, 10, 16)), "applied_on", message)
    assert counts(executing_case) == before
    assert court_execution_refusal(reload(executing_case), date(2026, 10, 16)) == message
    assert court_execution_refusal(reload(executing_case), date(2026, 10, 19)) == ""
    application = apply_to_court(executing_case, head, date(2026, 10, 19))  # 17, 18 Oct: a weekend
    assert (application.applied_on, application.materials, reload(executing_case).execution_mode) == (
        date(2026, 10, 19),
        ["application", "decision", "party_opinion", "subject"],
        ExecutionMode.COURT,
    )


def test_r_coe_016_after_ten_working_days_without_a_holiday(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 11, 16)),
        "applied_on",
        "催告书于2026年11月2日送达，送达后10个工作日至2026年11月16日届满，届满后当事人仍未履行的，方可申请（R-COE-016）",
    )
    assert apply_to_court(executing_case, head, date(2026, 11, 17)).applied_on == date(2026, 11, 17)


def test_r_coe_016_not_before_the_party_s_litigation_period_ends(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 8, 3), date(2026, 8, 10))
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 9, 2)),
        "applied_on",
        "当事人的起诉期限（或分期/延期缴纳期限）至2026年9月2日届满，2026年9月3日起方可申请人民法院强制执行（R-COE-016）",
    )
    assert apply_to_court(executing_case, head, date(2026, 9, 3)).applied_on == date(2026, 9, 3)


def test_r_coe_016_the_last_day_of_the_three_months_and_the_day_after(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    before = counts(executing_case)
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 12, 3)),
        "applied_on",
        "申请人民法院强制执行的期限已于2026年12月2日届满（期限届满之日起三个月，R-COE-016）",
    )
    assert counts(executing_case) == before
    assert apply_to_court(executing_case, head, date(2026, 12, 2)).applied_on == date(2026, 12, 2)


def test_r_coe_016_materials_signature_and_pending_remedy(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    before = counts(executing_case)
    refused(
        lambda: apply_to_court(
            executing_case, head, date(2026, 11, 17), materials=["application", "decision", "subject"]
        ),
        "materials",
        "申请材料不全，缺少：当事人的意见及行政机关催告情况（R-COE-016）",
    )
    with pytest.raises(PermissionDenied) as excinfo:
        apply_to_court(executing_case, handler, date(2026, 11, 17))
    assert excinfo.value.message == "强制执行申请书应当由本单位负责人签名（R-COE-016）"
    with on(date(2026, 11, 10)):
        execution.record_remedy(
            actor=handler, case=executing_case, kind="litigation", body="示范县人民法院", filed_on=date(2026, 11, 10)
        )
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 11, 17)),
        "applied_on",
        "当事人的行政复议或行政诉讼尚未审结，不能申请非诉强制执行（R-COE-016）",
    )
    assert counts(executing_case)[:5] == before[:5]


def test_r_coe_016_ruling_result_and_payment_close_the_case(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    apply_to_court(executing_case, head, date(2026, 11, 17))
    with pytest.raises(CaseStateConflict) as excinfo:
        apply_to_court(executing_case, head, date(2026, 11, 18))
    assert excinfo.value.message == "本案已申请人民法院强制执行"
    with on(date(2026, 11, 20)):
        refused(
            lambda: enforcement.record_court_ruling(
                actor=handler, case=executing_case, ruling="refused", ruled_on=date(2026, 11, 20)
            ),
            "reason",
            "人民法院裁定不予执行的，请填写裁定书载明的理由",
        )
        refused(
            lambda: enforcement.record_court_execution_result(actor=handler, case=executing_case, result="已执行"),
            "ruling",
            "人民法院裁定准予执行后，方可登记执行结果",
        )
        application = enforcement.record_court_ruling(
            actor=handler,
            case=executing_case,
            ruling="granted",
            ruled_on=date(2026, 11, 20),
            ruling_number="（2026）湘0199行审12号",
        )
    assert (application.ruling, application.ruling_number) == ("granted", "（2026）湘0199行审12号")
    with on(date(2026, 11, 27)):
        enforcement.record_court_execution_result(
            actor=handler, case=executing_case, result="人民法院划拨被执行人存款20,000.00元，执行完毕"
        )
    pay(executing_case, handler, date(2026, 11, 27), "20000.00", "法院执行款-2026-1127")
    # R-COE-014: 加处罚款 never above the fine; 10,000 + 10,000 paid → 执行完毕
    case = reload(executing_case)
    assert (case.state, case.closing_reason, case.closed_on) == (
        PenaltyCaseState.CLOSED,
        ClosingReason.EXECUTED,
        date(2026, 11, 27),
    )


# --- one route at a time (R-COE-014, R-COE-016) ---------------------------------------------------------------------


def test_r_coe_014_no_court_application_after_the_agency_decided_to_enforce(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    decide(executing_case, head, date(2026, 4, 27), scheduled_on=date(2026, 4, 30), reviewed=True)
    before = counts(executing_case)
    with pytest.raises(CaseStateConflict) as excinfo:
        decide(executing_case, head, date(2026, 4, 28), scheduled_on=date(2026, 4, 30))
    assert (excinfo.value.field, excinfo.value.message) == (
        "compulsory_execution",
        "本案已于2026年4月27日作出强制执行决定，尚未登记实施情况，不能再次作出（R-COE-014）",
    )
    assert counts(executing_case) == before
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    before = counts(executing_case)
    with pytest.raises(CaseStateConflict) as excinfo:
        apply_to_court(executing_case, head, date(2026, 11, 17))
    assert (excinfo.value.field, excinfo.value.message) == (
        "compulsory_execution",
        "本机关已于2026年4月27日作出强制执行决定，不能就同一义务再申请人民法院强制执行（R-COE-014、R-COE-016）",
    )
    assert counts(executing_case) == before
    assert reload(executing_case).execution_mode == ExecutionMode.COMPULSORY


def test_r_coe_016_no_agency_enforcement_while_the_court_application_is_pending_or_granted(
    executing_case, handler, head
):
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    apply_to_court(executing_case, head, date(2026, 11, 17))
    before = counts(executing_case)
    with pytest.raises(CaseStateConflict) as excinfo:
        decide(executing_case, head, date(2026, 11, 18))
    assert (excinfo.value.field, excinfo.value.message) == (
        "court_execution",
        "本案已于2026年11月17日申请人民法院强制执行（人民法院尚未裁定），不能再自行强制执行（R-COE-014、R-COE-016）",
    )
    with on(date(2026, 11, 20)):
        enforcement.record_court_ruling(
            actor=handler, case=executing_case, ruling="granted", ruled_on=date(2026, 11, 20)
        )
    with pytest.raises(CaseStateConflict) as excinfo:
        decide(executing_case, head, date(2026, 11, 23))
    assert excinfo.value.message == (
        "本案已于2026年11月17日申请人民法院强制执行（准予执行），不能再自行强制执行（R-COE-014、R-COE-016）"
    )
    assert counts(executing_case)[:4] == before[:4]
    assert reload(executing_case).execution_mode == ExecutionMode.COURT


def test_r_coe_016_after_the_court_refused_an_empowered_agency_may_enforce(executing_case, handler, head):
    """E.g. the court refused because a 法律 gives the agency the power itself (R-COE-001): then the agency acts."""
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    apply_to_court(executing_case, head, date(2026, 11, 17))
    with on(date(2026, 11, 20)):
        enforcement.record_court_ruling(
            actor=handler,
            case=executing_case,
            ruling="refused",
            ruled_on=date(2026, 11, 20),
            reason="申请人依法具有强制执行权，应自行强制执行",
        )
    execution_ = decide(executing_case, head, date(2026, 11, 23), reviewed=True)
    assert (execution_.decided_on, reload(executing_case).execution_mode) == (
        date(2026, 11, 23),
        ExecutionMode.COMPULSORY,
    )


# --- an adopted statement (R-COE-010/011) ------------------------------------------------------------------------


def test_r_coe_010_no_enforcement_on_a_demand_whose_statement_was_adopted(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    with on(date(2026, 4, 20)):
        execution.record_demand_statement(
            actor=handler,
            case=executing_case,
            received_on=date(2026, 4, 20),
            content="已于3月16日通过电子缴款缴纳5,000元，银行未入账",
            review="经核实缴款凭证属实，理由成立，予以采纳",
            is_adopted=True,
        )
    message = (
        "当事人对2026年4月17日催告书的陈述申辩已予采纳，不能据此强制执行：请依法变更原决定，"
        "或者按复核结果重新催告（R-COE-010、R-COE-011）"
    )
    before = counts(executing_case)
    refused(lambda: decide(executing_case, head, date(2026, 4, 27)), "demand_notice", message)
    refused(lambda: apply_to_court(executing_case, head, date(2026, 9, 3)), "demand_notice", message)
    assert counts(executing_case) == before
    demand(executing_case, handler, date(2026, 4, 28), date(2026, 5, 8))  # a new 催告, no statement adopted
    assert decide(executing_case, head, date(2026, 5, 11), reviewed=True).demand_notice.served_on == date(2026, 4, 28)


# --- the court window after 复议 or 诉讼 (R-COE-016) ------------------------------------------------------------


def test_r_coe_016_after_a_reconsideration_the_party_has_15_days_to_sue(executing_case, handler, head):
    """行诉法 第45条: 15 days from receiving the 复议决定 (28 August → 12 September, a Saturday: extended to Monday
    14 September, R-TIME-004); the window opens the day after and runs three months (行诉解释 第156条)."""
    from zhifa.cases.services.execution_balance import court_window

    with on(date(2026, 3, 20)):
        execution.record_remedy(
            actor=handler,
            case=executing_case,
            kind="reconsideration",
            body="示范县人民政府",
            filed_on=date(2026, 3, 20),
        )
    with on(date(2026, 8, 28)):
        execution.conclude_remedy(
            actor=handler,
            case=executing_case,
            concluded_on=date(2026, 8, 28),
            result="upheld",
            outcome="复议决定维持原处罚决定",
        )
    window = court_window(reload(executing_case))
    assert (window.period_end, window.opens_on, window.due_on, window.last_day) == (
        date(2026, 9, 14),
        date(2026, 9, 15),
        date(2026, 12, 14),
        date(2026, 12, 14),
    )
    demand(executing_case, handler, date(2026, 8, 31), date(2026, 9, 7))  # 10 working days end on 14 September
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 9, 14)),
        "applied_on",
        "当事人的起诉期限（或分期/延期缴纳期限）至2026年9月14日届满，2026年9月15日起方可申请人民法院强制执行（R-COE-016）",
    )
    assert apply_to_court(executing_case, head, date(2026, 9, 15)).applied_on == date(2026, 9, 15)


def test_r_coe_016_an_early_reconsideration_never_shortens_the_six_months(executing_case, handler):
    """A 复议 decided on 10 April: the party's 15 days end in April, but the window still opens only after the six
    months from service (the reading that never lets the agency go to court while the party may still sue)."""
    from zhifa.cases.services.execution_balance import court_window

    with on(date(2026, 3, 20)):
        execution.record_remedy(
            actor=handler,
            case=executing_case,
            kind="reconsideration",
            body="示范县人民政府",
            filed_on=date(2026, 3, 20),
        )
    with on(date(2026, 4, 10)):
        execution.conclude_remedy(
            actor=handler, case=executing_case, concluded_on=date(2026, 4, 10), result="upheld", outcome="维持"
        )
    window = court_window(reload(executing_case))
    assert (window.period_end, window.opens_on, window.last_day) == (
        date(2026, 9, 2),
        date(2026, 9, 3),
        date(2026, 12, 2),
    )


def test_r_coe_016_after_a_concluded_lawsuit_the_judgment_is_executed_instead(executing_case, handler, head):
    with on(date(2026, 3, 20)):
        execution.record_remedy(
            actor=handler, case=executing_case, kind="litigation", body="示范县人民法院", filed_on=date(2026, 3, 20)
        )
    with on(date(2026, 8, 28)):
        execution.conclude_remedy(
            actor=handler,
            case=executing_case,
            concluded_on=date(2026, 8, 28),
            result="upheld",
            outcome="判决驳回原告诉讼请求",
        )
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    before = counts(executing_case)
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 11, 17)),
        "applied_on",
        "当事人已就本决定提起行政诉讼并已审结，应当依据人民法院发生法律效力的裁判申请强制执行（行诉法第95条），"
        "不能申请非诉强制执行（R-COE-016）",
    )
    assert counts(executing_case) == before


# --- years without holiday data (R-TIME-001) ---------------------------------------------------------------------


def test_r_time_001_enforcement_days_in_a_year_without_holiday_data_are_provisional(executing_case, handler, head):
    """2027 has no holiday table: working days are counted weekends-only, and the record says so."""
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    refused(
        lambda: decide(executing_case, head, date(2027, 1, 8), scheduled_on=date(2027, 1, 9)),
        "scheduled_on",
        "2027年1月9日为法定节假日或休息日，不得实施行政强制执行，情况紧急的须写明理由（R-COE-012）"
        "（2027年法定节假日安排尚未录入，暂按周末推算，R-TIME-001）",
    )
    decide(executing_case, head, date(2027, 1, 8), scheduled_on=date(2027, 1, 12), reviewed=True)
    with on(date(2027, 1, 11)):
        enforcement.serve_compulsory_execution(actor=handler, case=executing_case, served_on=date(2027, 1, 11))
    with on(date(2027, 1, 16)):
        refused(
            lambda: enforcement.record_compulsory_execution(
                actor=handler, case=executing_case, executed_on=date(2027, 1, 16), result="划拨"
            ),
            "executed_on",
            "2027年1月16日为法定节假日或休息日，除情况紧急外不得实施行政强制执行（R-COE-012）"
            "（2027年法定节假日安排尚未录入，暂按周末推算，R-TIME-001）",
        )
    with on(date(2027, 1, 12)):
        enforcement.record_compulsory_execution(
            actor=handler, case=executing_case, executed_on=date(2027, 1, 12), result="划拨存款20,000.00元"
        )
    decided = payload(executing_case, "penalty_case.compulsory_execution_decided")
    carried_out = payload(executing_case, "penalty_case.compulsory_execution_carried_out")
    assert (decided["provisional_calendar_years"], carried_out["provisional_calendar_years"]) == ([2027], [2027])


def test_r_time_001_ten_working_days_into_a_year_without_holiday_data(executing_case, handler, head):
    """A deferral to 18 December 2026 moves the window to 19 December 2026 – March 2027 (处罚法 第72条); a 催告 on
    21 December: 22–25, 28–31 December 2026 and, weekends-only, 1 and 4 January 2027 — provisional."""
    with on(date(2026, 3, 10)):
        execution.apply_for_payment_plan(
            actor=handler,
            case=executing_case,
            kind="deferral",
            reason="受灾停业",
            applied_on=date(2026, 3, 10),
            deferred_until=date(2026, 12, 18),
        )
        execution.approve_payment_plan(actor=head, case=executing_case, decided_on=date(2026, 3, 10))
    demand(executing_case, handler, date(2026, 12, 21), date(2026, 12, 28))
    refused(
        lambda: apply_to_court(executing_case, head, date(2027, 1, 4)),
        "applied_on",
        "催告书于2026年12月21日送达，送达后10个工作日至2027年1月4日届满，届满后当事人仍未履行的，方可申请（R-COE-016）"
        "（2027年法定节假日安排尚未录入，暂按周末推算，R-TIME-001）",
    )
    assert apply_to_court(executing_case, head, date(2027, 1, 5)).applied_on == date(2027, 1, 5)
    applied = payload(executing_case, "penalty_case.court_execution_applied")
    assert applied["provisional_calendar_years"] == [2027]
