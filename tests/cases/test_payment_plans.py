"""分期/延期缴纳 (R-PEN-025): on application within the payment period and the head's approval; the plan's dates
replace the deadline, 加处罚款 runs only on a portion past its own date (R-PEN-027), the case closes as 执行完毕
when everything due is paid, 加处罚款 included."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.execution_support import DEADLINE, counts, events, fixture_executing_case, on, pay, reload
from zhifa.cases import services
from zhifa.cases.choices import ClosingReason, ExecutionMode, PaymentPlanState, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.services import execution
from zhifa.cases.services.execution_balance import court_window
from zhifa.core.errors import PermissionDenied

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case"]

REASON = "受市场影响经营困难，一次缴清罚款确有困难"
THREE = [
    (date(2026, 3, 17), Decimal("4000.00")),
    (date(2026, 4, 17), Decimal("3000.00")),
    (date(2026, 5, 18), Decimal("3000.00")),
]


def apply(case, handler, day=date(2026, 3, 10), **kwargs):
    values = {"kind": "installment", "reason": REASON, "installments": THREE}
    values.update(kwargs)
    with on(day):
        return execution.apply_for_payment_plan(actor=handler, case=case, applied_on=day, **values)


def approve(case, head, day=date(2026, 3, 12)):
    with on(day):
        return execution.approve_payment_plan(actor=head, case=case, decided_on=day)


def due(case, day):
    return services.amount_due(reload(case), on=day)


def test_r_pen_025_installments_shift_the_deadlines_and_close_when_all_is_paid(executing_case, handler, head):
    plan = apply(executing_case, handler)
    assert (plan.state, plan.principal_amount, plan.original_deadline) == ("applied", Decimal("10000.00"), DEADLINE)
    assert reload(executing_case).payment_deadline == DEADLINE  # nothing shifts before the approval
    plan = approve(executing_case, head)
    case = reload(executing_case)
    assert (plan.state, plan.decided_on, plan.decided_by) == ("approved", date(2026, 3, 12), head)
    assert (case.payment_deadline, case.execution_mode) == (date(2026, 5, 18), ExecutionMode.PAYMENT_PLAN)
    pay(case, handler, date(2026, 3, 16), "4000.00")
    # R-PEN-025: the second instalment is due on 17 April — nothing accrues on it before
    assert due(case, date(2026, 4, 17)) == Decimal("6000.00")
    # R-PEN-027: one day late, 3% of that instalment only
    assert due(case, date(2026, 4, 18)) == Decimal("6090.00")
    pay(case, handler, date(2026, 4, 20), "3000.00")  # three days late: 270.00
    assert due(case, date(2026, 4, 20)) == Decimal("3270.00")
    pay(case, handler, date(2026, 5, 18), "3000.00")  # the last instalment on its day; the surcharge still owed
    assert reload(case).state == PenaltyCaseState.EXECUTING
    assert due(case, date(2026, 5, 18)) == Decimal("270.00")
    pay(case, handler, date(2026, 5, 19), "270.00")
    case = reload(case)
    assert (case.state, case.closing_reason, case.closed_on) == (
        PenaltyCaseState.CLOSED,
        ClosingReason.EXECUTED,
        date(2026, 5, 19),
    )
    assert events(case)[-6:] == [
        "penalty_case.payment_plan_applied",
        "penalty_case.payment_plan_approved",
        "penalty_case.payment_recorded",
        "penalty_case.payment_recorded",
        "penalty_case.payment_recorded",
        "penalty_case.payment_recorded",
    ]


def test_r_pen_025_deferral_approved_after_the_deadline_passed_accrues_nothing_until_its_date(
    executing_case, handler, head
):
    apply(
        executing_case, handler, date(2026, 3, 16), kind="deferral", installments=None, deferred_until=date(2026, 6, 30)
    )
    approve(executing_case, head, date(2026, 3, 20))  # the original 17 March passed while the head considered it
    assert due(executing_case, date(2026, 3, 25)) == Decimal("10000.00")
    assert due(executing_case, date(2026, 6, 30)) == Decimal("10000.00")  # the deferral's last day
    assert due(executing_case, date(2026, 7, 1)) == Decimal("10300.00")  # the day after: 3% of the fine


def test_r_coe_016_a_deferral_beyond_the_litigation_period_moves_the_court_window(executing_case, handler, head):
    apply(executing_case, handler, kind="deferral", installments=None, deferred_until=date(2026, 10, 30))
    approve(executing_case, head)
    window = court_window(reload(executing_case))
    # 处罚法 第72条: the three months run from the deferral's end (30 Oct), not from the litigation period (2 Sep)
    assert (window.period_end, window.opens_on, window.due_on) == (
        date(2026, 10, 30),
        date(2026, 10, 31),
        date(2027, 1, 30),
    )
    assert window.last_day == date(2027, 2, 1)  # 30 Jan 2027 is a Saturday (R-TIME-004)


def test_r_pen_025_a_part_paid_before_the_plan_stays_on_the_original_deadline(executing_case, handler, head):
    pay(executing_case, handler, date(2026, 3, 5), "2000.00")
    rows = [(date(2026, 4, 17), Decimal("4000.00")), (date(2026, 5, 18), Decimal("4000.00"))]
    plan = apply(executing_case, handler, installments=rows)
    assert plan.principal_amount == Decimal("8000.00")
    approve(executing_case, head)
    assert due(executing_case, date(2026, 4, 17)) == Decimal("8000.00")
    assert due(executing_case, date(2026, 4, 18)) == Decimal("8120.00")  # 3% of 4,000 for one day


def test_r_pen_027_a_refused_plan_leaves_the_original_deadline(executing_case, handler, head):
    apply(executing_case, handler)
    with on(date(2026, 3, 20)):
        plan = execution.refuse_payment_plan(
            actor=head, case=executing_case, reason="当事人经营正常，不属于确有经济困难"
        )
    assert (plan.state, plan.refusal_reason) == (PaymentPlanState.REFUSED, "当事人经营正常，不属于确有经济困难")
    case = reload(executing_case)
    assert (case.payment_deadline, case.execution_mode) == (DEADLINE, "")
    assert due(case, date(2026, 3, 20)) == Decimal("10900.00")  # 18, 19, 20 March at 300.00 a day
    assert events(case)[-2:] == ["penalty_case.payment_plan_applied", "penalty_case.payment_plan_refused"]


# --- refusals: each with its message, and nothing changed -----------------------------------------------------


@pytest.mark.parametrize(
    ("day", "kwargs", "field", "message"),
    [
        (
            date(2026, 3, 18),
            {},
            "applied_on",
            "缴款期限已于2026年3月17日届满，逾期后不能再申请分期/延期缴纳，应当缴纳罚款及加处罚款（R-PEN-025、R-PEN-027）",
        ),
        (date(2026, 3, 10), {"reason": "  "}, "reason", "请填写当事人申请的理由（确有经济困难的情况）（R-PEN-025）"),
        (date(2026, 3, 10), {"kind": "monthly"}, "kind", "类别“monthly”无效，应为分期缴纳或延期缴纳"),
        (
            date(2026, 3, 10),
            {"installments": [(date(2026, 4, 17), Decimal("10000.00"))]},
            "installments",
            "分期缴纳应至少分2期",
        ),
        (
            date(2026, 3, 10),
            {"installments": [(date(2026, 4, 17), Decimal("5000.00")), (date(2026, 5, 18), Decimal("4000.00"))]},
            "installments",
            "各期金额合计应等于尚未缴纳的罚没款10000.00元",
        ),
        (
            date(2026, 3, 10),
            {"installments": [(date(2026, 3, 9), Decimal("5000.00")), (date(2026, 5, 18), Decimal("5000.00"))]},
            "installments",
            "各期缴纳期限应在2026年3月10日至2029年3月17日之间",
        ),
        (
            date(2026, 3, 10),
            {"kind": "deferral", "installments": None, "deferred_until": DEADLINE},
            "deferred_until",
            "延期缴纳的期限应晚于原缴款期限2026年3月17日，且不晚于2029年3月17日",
        ),
    ],
)
def test_r_pen_025_bad_applications_are_refused_and_change_nothing(
    executing_case, handler, day, kwargs, field, message
):
    before = counts(executing_case)
    with pytest.raises(CaseError) as excinfo:
        apply(executing_case, handler, day, **kwargs)
    assert (excinfo.value.field, excinfo.value.message) == (field, message)
    assert counts(executing_case) == before


def test_r_pen_025_the_last_day_of_the_payment_period_is_still_in_time(executing_case, handler):
    assert apply(executing_case, handler, DEADLINE).applied_on == DEADLINE


def test_r_pen_025_only_the_head_approves(executing_case, handler, colleague):
    apply(executing_case, handler)
    before = counts(executing_case)
    with pytest.raises(PermissionDenied) as excinfo:
        approve(executing_case, handler)
    assert excinfo.value.message == "只有本单位负责人可以批准分期/延期缴纳（R-PEN-025）"
    assert reload(executing_case).payment_plans.get().state == PaymentPlanState.APPLIED
    assert (reload(executing_case).payment_deadline, counts(executing_case)) == (DEADLINE, before)


def test_r_pen_025_one_plan_at_a_time_and_no_approval_without_an_application(executing_case, handler, head):
    with pytest.raises(CaseStateConflict) as excinfo:
        approve(executing_case, head)
    assert excinfo.value.message == "本案没有待审批的分期/延期缴纳申请"
    apply(executing_case, handler)
    before = counts(executing_case)
    with pytest.raises(CaseStateConflict) as excinfo:
        apply(executing_case, handler, date(2026, 3, 11))
    assert excinfo.value.message == "本案已有待审批或已批准的分期/延期缴纳"
    with pytest.raises(CaseError) as excinfo, on(date(2026, 3, 12)):
        execution.refuse_payment_plan(actor=head, case=executing_case, reason="")
    assert (excinfo.value.field, excinfo.value.message) == ("reason", "不予批准的，请写明理由")
    assert counts(executing_case) == before


def test_a_plan_is_only_for_a_case_in_execution(notified_case, handler):
    with pytest.raises(CaseStateConflict) as excinfo:
        apply(notified_case, handler)
    assert excinfo.value.message == "案件当前状态为“已告知”，不在执行环节，不能申请分期/延期缴纳"


def test_r_pen_027_surcharge_runs_on_the_fine_share_of_the_late_portion_only():
    """罚没款 12,000 = fine 10,000 + confiscated gains 2,000, in two halves; the second paid two days late: 加处罚款 is
    3% a day of that half's fine share (5,000), not of the gains nor of the half paid in time."""
    from zhifa.cases.execution_calculations import Portion, balance

    owed = balance(
        fine=Decimal("10000.00"),
        principal=Decimal("12000.00"),
        portions=[Portion(date(2026, 3, 17), Decimal("6000.00")), Portion(date(2026, 4, 17), Decimal("6000.00"))],
        payments=[(date(2026, 3, 16), Decimal("6000.00")), (date(2026, 5, 1), Decimal("6000.00"))],
        pauses=[],
        on=date(2026, 4, 19),
    )
    assert (owed.late_penalty, owed.total_due, owed.overdue_principal, owed.surcharge_days) == (
        Decimal("300.00"),
        Decimal("6300.00"),
        Decimal("6000.00"),
        2,
    )


# --- 加处罚款 on what is still unpaid (R-PEN-027), and what is overdue (R-COE-010) -------------------------------


def test_r_pen_027_surcharge_accrues_day_by_day_on_what_is_still_unpaid(executing_case, handler):
    """9,000 of the 10,000 paid on 18 March, one day late: 18 March counts on the whole 10,000 (the day it is paid
    counts), 19–28 March on the 1,000 left."""
    pay(executing_case, handler, date(2026, 3, 18), "9000.00")
    owed = services.amount_due(reload(executing_case), on=date(2026, 3, 28))
    surcharge = Decimal("10000") * Decimal("0.03") * 1 + Decimal("1000") * Decimal("0.03") * 10  # 300 + 300
    assert surcharge == Decimal("600.00")
    assert owed == Decimal("1000.00") + surcharge


def test_r_pen_027_part_payments_and_a_pause_count_on_the_unpaid_amount_only():
    """Fine 10,000 due 17 March; 4,000 paid on 20 March, 6,000 on 10 April; a 复议 pending 25–31 March."""
    from zhifa.cases.execution_calculations import Pause, Portion, balance

    owed = balance(
        fine=Decimal("10000.00"),
        principal=Decimal("10000.00"),
        portions=[Portion(date(2026, 3, 17), Decimal("10000.00"))],
        payments=[(date(2026, 3, 20), Decimal("4000.00")), (date(2026, 4, 10), Decimal("6000.00"))],
        pauses=[Pause(date(2026, 3, 25), date(2026, 3, 31))],
        on=date(2026, 4, 15),
    )
    first = Decimal("10000") * Decimal("0.03") * 3  # 18, 19, 20 March on 10,000 = 900
    # 21 March – 10 April = 21 days on 6,000, less the 7 paused days (25–31 March): 14 days = 2,520
    second = Decimal("6000") * Decimal("0.03") * (21 - 7)
    assert (owed.late_penalty, owed.total_due, owed.overdue_principal) == (first + second, first + second, 0)
    assert (owed.overdue_total, owed.surcharge_days) == (Decimal("3420.00"), 3 + 14)


def test_r_pen_027_the_surcharge_reaches_the_fine_exactly_and_stops_there():
    """Fine 3,000 due 17 March; 2,000 paid on 27 March (10 days on 3,000 = 900), then 30.00 a day on the 1,000 left:
    70 more days (28 March – 5 June) make 2,100, the surcharge equals the fine (R-COE-014: never above it)."""
    from zhifa.cases.execution_calculations import Portion, balance

    def late_on(day):
        return balance(
            fine=Decimal("3000.00"),
            principal=Decimal("3000.00"),
            portions=[Portion(date(2026, 3, 17), Decimal("3000.00"))],
            payments=[(date(2026, 3, 27), Decimal("2000.00"))],
            pauses=[],
            on=day,
        ).late_penalty

    assert late_on(date(2026, 6, 4)) == Decimal("900") + Decimal("30") * 69  # 2,970.00, the day before
    assert late_on(date(2026, 6, 5)) == Decimal("3000.00")
    assert late_on(date(2026, 6, 6)) == Decimal("3000.00")


def test_r_coe_010_overdue_total_leaves_out_an_instalment_not_yet_due(executing_case, handler, head):
    apply(executing_case, handler)
    approve(executing_case, head)
    pay(executing_case, handler, date(2026, 3, 16), "4000.00")
    from zhifa.cases.services.execution_balance import case_balance

    owed = case_balance(reload(executing_case), on=date(2026, 4, 20))
    # the second instalment (3,000, due 17 April) is 3 days late: 3,000 × 3% × 3 = 270; the third is due 18 May
    assert (owed.overdue_principal, owed.late_penalty, owed.overdue_total, owed.total_due) == (
        Decimal("3000.00"),
        Decimal("270.00"),
        Decimal("3270.00"),
        Decimal("6270.00"),
    )
