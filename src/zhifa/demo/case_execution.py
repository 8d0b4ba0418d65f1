"""Demo 执行 and 中止, through the services with fixed dates (none after ``LAST_DAY``):

- 分期缴纳 (R-PEN-025): the first case just served at the demo day, three monthly instalments, the first paid;
- 延期缴纳 (R-PEN-025): the next one, deferred by two months;
- 催告 and 申请人民法院强制执行 (R-COE-010, R-COE-016): a case walked for the purpose from March 2026, so that the
  party's six-month litigation period has ended by November: 催告, the party's statement, the application with
  its materials, the court's ruling;
- 中止执行 (R-COE-017): an overdue, unpaid case whose party has no means;
- 中止 before the decision for 检测 and resumed, the 办案期限 moved by the paused days (R-TIME-008).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from zhifa.cases import services
from zhifa.cases.choices import PenaltyCaseState
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services import enforcement, execution, suspension
from zhifa.cases.services.enforcement_gates import court_application_period_end
from zhifa.cases.services.execution_balance import court_window
from zhifa.core.calendar import add_months, add_working_days
from zhifa.demo.case_measures import _handler_user, _head
from zhifa.demo.cases import LAST_DAY, _Builder
from zhifa.demo.context import DemoContext

S = PenaltyCaseState
CENT = Decimal("0.01")
COURT_CASE_FILED = date(2026, 3, 2)  # served in April: the litigation period ends in October
DEMAND_SERVED = date(2026, 10, 26)
DEMAND_DEADLINE = date(2026, 11, 2)
PAYMENT_WAY = "缴至示范县财政局非税收入汇缴结算户，或者通过湖南省非税收入电子缴款系统缴纳"


def _day(day: date) -> date:
    return min(day, LAST_DAY)


def _installments(case: PenaltyCase) -> None:
    actor, _ = _handler_user(case)
    deadline = case.payment_deadline or LAST_DAY
    total = case.total_penalty_amount
    part = (total / 3).quantize(CENT)
    rows = [(add_months(deadline, n), part) for n in range(2)] + [(add_months(deadline, 2), total - 2 * part)]
    applied = case.decision_served_on or LAST_DAY
    execution.apply_for_payment_plan(
        actor=actor,
        case=case,
        kind="installment",
        reason="当事人受市场影响资金周转困难，提交了近三个月的银行流水，申请分三期缴纳",
        applied_on=applied,
        installments=rows,
    )
    decided = _day(add_working_days(applied, 1, provisional=True))
    execution.approve_payment_plan(actor=_head(case), case=case, decided_on=decided)
    services.record_payment(
        actor=actor, case=case, paid_on=decided, amount=part, receipt_number=f"湘财罚2026-{case.pk:06d}-1"
    )


def _deferral(case: PenaltyCase) -> None:
    actor, _ = _handler_user(case)
    applied = case.decision_served_on or LAST_DAY
    execution.apply_for_payment_plan(
        actor=actor,
        case=case,
        kind="deferral",
        reason="当事人因自然灾害停业，申请暂缓两个月缴纳",
        applied_on=applied,
        deferred_until=add_months(case.payment_deadline or LAST_DAY, 2),
    )
    execution.approve_payment_plan(
        actor=_head(case), case=case, decided_on=_day(add_working_days(applied, 2, provisional=True))
    )


def _court_case(ctx: DemoContext) -> PenaltyCase:
    builder = _Builder(ctx)
    builder.rng = ctx.rng("case_execution")
    plan = builder.plan("scjg", "executing", 3000)
    plan.name = "court_execution"
    plan.dates = builder.timeline(plan, COURT_CASE_FILED)
    return builder.walk(plan)


def _demand_and_court(case: PenaltyCase) -> None:
    actor, _ = _handler_user(case)
    head = _head(case)
    execution.serve_demand_notice(
        actor=actor,
        case=case,
        served_on=DEMAND_SERVED,
        performance_deadline=DEMAND_DEADLINE,
        performance_manner="一次性缴纳罚没款及加处罚款",
        payment_method=PAYMENT_WAY,
    )
    execution.record_demand_statement(
        actor=actor,
        case=case,
        received_on=DEMAND_SERVED + timedelta(days=2),
        content="当事人称近期经营困难，请求暂缓缴纳。",
        review="当事人未在缴款期限内申请延期缴纳，也未提供经济困难的证明材料，理由不成立，不予采纳。",
    )
    window = court_window(case)
    earliest = court_application_period_end(DEMAND_SERVED) + timedelta(days=1)  # R-COE-016: "十日后"
    applied = max(window.opens_on if window else LAST_DAY, earliest)
    enforcement.apply_for_court_execution(
        actor=head,
        case=case,
        court="示范县人民法院",
        materials=["application", "decision", "party_opinion", "subject"],
        applied_on=applied,
    )
    enforcement.record_court_ruling(
        actor=actor,
        case=case,
        ruling="granted",
        ruled_on=_day(add_working_days(applied, 5, provisional=True)),
        ruling_number="（2026）湘0199行审7号",
    )


def load(ctx: DemoContext) -> None:
    served = PenaltyCase.objects.filter(state=S.EXECUTING, payment_deadline__gt=LAST_DAY).order_by("case_number")
    fresh = list(served[:2])
    if fresh:
        _installments(fresh[0])
    if len(fresh) > 1:
        _deferral(fresh[1])
    _demand_and_court(_court_case(ctx))
    unpaid = (
        PenaltyCase.objects.filter(state=S.EXECUTING, payment_deadline__lt=date(2026, 10, 1), payments__isnull=True)
        .filter(execution_mode="")
        .order_by("case_number")
        .first()
    )
    if unpaid is not None:
        suspension.suspend_case(
            actor=_head(unpaid),
            case=unpaid,
            ground="hardship",
            reason="当事人经营停止，经查询名下无可供执行的存款和财产，暂无履行能力",
            started_on=date(2026, 11, 2),
        )
    tested = PenaltyCase.objects.filter(state=S.FILED).order_by("filed_on", "case_number").first()
    if tested is not None and tested.filed_on < LAST_DAY:
        head = _head(tested)
        suspension.suspend_case(
            actor=head,
            case=tested,
            ground="testing",
            reason="抽取的样品送检，检验期间10日",
            started_on=tested.filed_on,
            party_told_on=tested.filed_on,
        )
        suspension.resume_suspended_case(actor=head, case=tested, ended_on=LAST_DAY, end_note="检验报告已出具")
