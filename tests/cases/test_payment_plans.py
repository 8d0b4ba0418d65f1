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
