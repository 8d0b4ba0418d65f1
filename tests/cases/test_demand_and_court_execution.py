"""催告 (R-COE-010), 行政机关强制执行 (R-COE-011/012/014, R-COE-001) and 申请人民法院强制执行 (R-COE-016), with
the edge days: the day the surcharge passes 30 days, exactly 10 working days after the 催告 and the day before
(国庆 in between), the first and the last day of the three-month window."""

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
    reload,
)
from zhifa.cases.choices import ClosingReason, ExecutionMode, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.services import enforcement, execution
from zhifa.core.errors import PermissionDenied
from zhifa.documents.services import render_document

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case"]

TAX_LAW = "《中华人民共和国税收征收管理法》第四十条"  # stands in for a law that empowers an agency (R-COE-001)


def decide(case, head, day, **kwargs):
    values = {
        "agency_empowered": True,
        "legal_basis": TAX_LAW,
        "reason": "当事人逾期不缴纳罚款，加处罚款超过三十日，经催告仍不履行",
        "methods": ["transfer_deposits"],
        "scheduled_on": day,
    }
    values.update(kwargs)
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


def test_r_coe_011_and_r_coe_014_the_demand_deadline_and_more_than_30_days_of_surcharge(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 1), date(2026, 4, 16))
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 16)),
        "decided_on",
        "催告书确定的履行期限至2026年4月16日，期限届满前不能强制执行（R-COE-011）",
    )
    # 17 March + 30 days: on 16 April the surcharge has run exactly 30 days — "超过三十日" excludes 30 (R-TIME-006)
    refused(
        lambda: decide(
            executing_case, head, date(2026, 4, 16), is_immediate=True, immediate_evidence="当事人正在转移设备"
        ),
        "decided_on",
        "加处罚款已计30日，超过30日仍不履行的方可强制执行（R-COE-014）",
    )
    before = counts(executing_case)
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 17), is_immediate=True),
        "immediate_evidence",
        "立即强制执行须有证据证明当事人有转移或者隐匿财物的迹象（R-COE-011）",
    )
    assert counts(executing_case) == before
    execution_ = decide(executing_case, head, date(2026, 4, 17))
    assert (execution_.decided_on, execution_.methods, reload(executing_case).execution_mode) == (
        date(2026, 4, 17),
        ["transfer_deposits"],
        ExecutionMode.COMPULSORY,
    )


def test_r_coe_012_no_enforcement_on_a_rest_day_unless_urgent(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 1), date(2026, 4, 10))
    refused(
        lambda: decide(executing_case, head, date(2026, 4, 17), scheduled_on=date(2026, 4, 18)),
        "scheduled_on",
        "2026年4月18日为法定节假日或休息日，不得实施行政强制执行，情况紧急的须写明理由（R-COE-012）",
    )
    urgent = decide(
        executing_case,
        head,
        date(2026, 4, 17),
        scheduled_on=date(2026, 4, 18),
        is_urgent=True,
        urgent_reason="当事人已办理注销登记，账户资金将于周末转出",
    )
    assert (urgent.scheduled_on, urgent.is_urgent) == (date(2026, 4, 18), True)


def test_r_coe_011_compulsory_execution_served_carried_out_and_paid(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 4, 1), date(2026, 4, 10))
    decide(executing_case, head, date(2026, 4, 20), scheduled_on=date(2026, 4, 30))
    with on(date(2026, 4, 21)):
        refused(
            lambda: enforcement.record_compulsory_execution(
                actor=handler, case=executing_case, executed_on=date(2026, 4, 21), result="划拨"
            ),
            "served_on",
            "强制执行决定书尚未送达，不能实施强制执行（R-COE-011）",
        )
        refused(
            lambda: enforcement.serve_compulsory_execution(
                actor=handler, case=executing_case, served_on=date(2026, 4, 21), delivery_method="left_at_premises"
            ),
            "direct_delivery_failure",
            "强制执行决定书应当直接送达；采用其他方式的，须写明未能直接送达的情况（R-DOC-008）",
        )
        enforcement.serve_compulsory_execution(actor=handler, case=executing_case, served_on=date(2026, 4, 21))
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
    assert events(case)[-5:] == [
        "penalty_case.demand_notice_served",
        "penalty_case.compulsory_execution_decided",
        "penalty_case.compulsory_execution_served",
        "penalty_case.compulsory_execution_carried_out",
        "penalty_case.payment_recorded",
    ]


# --- 申请人民法院强制执行 -----------------------------------------------------------------------------------------


def test_r_coe_016_ten_working_days_after_the_demand_with_national_day_in_between(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 9, 28), date(2026, 10, 9))
    before = counts(executing_case)
    # 29, 30 Sep, (1–7 Oct 国庆), 8, 9, 10 (调休 Saturday), 12, 13, 14, 15, 16 Oct: the 10th working day is 16 Oct
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 10, 15)),
        "applied_on",
        "催告书于2026年9月28日送达，送达10个工作日后（2026年10月16日起）当事人仍未履行的，方可申请（R-COE-016）",
    )
    assert counts(executing_case) == before
    application = apply_to_court(executing_case, head, date(2026, 10, 16))
    assert (application.applied_on, application.materials, reload(executing_case).execution_mode) == (
        date(2026, 10, 16),
        ["application", "decision", "party_opinion", "subject"],
        ExecutionMode.COURT,
    )


def test_r_coe_016_ten_working_days_without_a_holiday(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 11, 13)),
        "applied_on",
        "催告书于2026年11月2日送达，送达10个工作日后（2026年11月16日起）当事人仍未履行的，方可申请（R-COE-016）",
    )
    assert apply_to_court(executing_case, head, date(2026, 11, 16)).applied_on == date(2026, 11, 16)


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
            executing_case, head, date(2026, 11, 16), materials=["application", "decision", "subject"]
        ),
        "materials",
        "申请材料不全，缺少：当事人的意见及行政机关催告情况（R-COE-016）",
    )
    with pytest.raises(PermissionDenied) as excinfo:
        apply_to_court(executing_case, handler, date(2026, 11, 16))
    assert excinfo.value.message == "强制执行申请书应当由本单位负责人签名（R-COE-016）"
    with on(date(2026, 11, 10)):
        execution.record_remedy(
            actor=handler, case=executing_case, kind="litigation", body="示范县人民法院", filed_on=date(2026, 11, 10)
        )
    refused(
        lambda: apply_to_court(executing_case, head, date(2026, 11, 16)),
        "applied_on",
        "当事人的行政复议或行政诉讼尚未审结，不能申请非诉强制执行（R-COE-016）",
    )
    assert counts(executing_case)[:5] == before[:5]


def test_r_coe_016_ruling_result_and_payment_close_the_case(executing_case, handler, head):
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    apply_to_court(executing_case, head, date(2026, 11, 16))
    with pytest.raises(CaseStateConflict) as excinfo:
        apply_to_court(executing_case, head, date(2026, 11, 17))
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
