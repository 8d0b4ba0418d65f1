"""执行: 分期/延期缴纳 (R-PEN-025), 催告 and the party's statements (R-COE-010), 复议/诉讼 (R-PEN-027/028).

Payments (including each instalment) are recorded by ``decision.record_payment``: the case closes as 执行完毕 when
everything due is paid, 加处罚款 included; what is due comes from ``execution_balance``, which follows an approved
plan. The enforcement decisions themselves (强制执行, 申请法院强制执行) are in ``enforcement``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from zhifa.cases.choices import (
    ExecutionMode,
    PaymentPlanKind,
    PaymentPlanState,
    PenaltyCaseState,
    RemedyKind,
    RemedyResult,
)
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import (
    DemandNotice,
    DemandStatement,
    PaymentInstallment,
    PaymentPlan,
    PenaltyCase,
    RemedyProceeding,
)
from zhifa.cases.models.execution import ACTIVE_PLAN_STATES
from zhifa.cases.services._common import allow, lock, note
from zhifa.cases.services.execution_balance import case_balance
from zhifa.cases.services.remedy_hooks import remedy_concluded
from zhifa.cases.services.service_dates import check_documented_service
from zhifa.core.calendar import add_months, format_day, missing_years, today
from zhifa.documents.choices import DeliveryMethod
from zhifa.documents.choices import DocumentKind as K

S = PenaltyCaseState
MIN_INSTALLMENTS = 2  # 分期 means at least two payments
MAX_PLAN_MONTHS = 36  # a sanity bound on a plan's length (the law sets none; not a legal limit)
HANDLER_ONLY = "只有本案承办人可以办理执行事项"
HEAD_ONLY = "只有本单位负责人可以批准或决定执行事项"


# --- plumbing (also used by ``enforcement``) ---------------------------------------------------------------


def executing(case: PenaltyCase, action: str) -> None:
    if case.state != S.EXECUTING:
        raise CaseStateConflict(
            f"案件当前状态为“{case.get_state_display()}”，不在执行环节，不能{action}", field="state"
        )


def text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise CaseError(message, field=field)
    return value


def day_between(day: date | None, *, after: date | None, field: str, message: str) -> date:
    """``day`` (default today) not before ``after`` and not in the future."""
    day = day or today()
    if day > today() or (after is not None and day < after):
        raise CaseError(message, field=field)
    return day


def provisional_years(start: date, end: date) -> list[int]:
    """R-TIME-001: years between ``start`` and ``end`` without a holiday table. Working days there are counted
    weekends-only (``provisional=True``), and the step says so: in its refusal (``provisional_note``) and in its
    ledger event (``provisional_calendar_years``); ``zhifa tick`` alerts about the missing table."""
    return missing_years(start, end)


def provisional_note(years: list[int]) -> str:
    if not years:
        return ""
    return f"（{'、'.join(str(y) for y in years)}年法定节假日安排尚未录入，暂按周末推算，R-TIME-001）"


def check_delivery(method: str, failure: str, *, document: str) -> str:
    """R-DOC-008 (行政强制法 第38条): 催告书 and 强制执行决定书 are served directly; another way only when that failed."""
    if method not in DeliveryMethod.values:
        raise CaseError(f"送达方式“{method}”无效", field="delivery_method")
    failure = (failure or "").strip()
    if method != DeliveryMethod.DIRECT and not failure:
        raise CaseError(
            f"{document}应当直接送达；采用其他方式的，须写明未能直接送达的情况（R-DOC-008）",
            field="direct_delivery_failure",
        )
    return failure


def _plan(case: PenaltyCase, state: str) -> PaymentPlan:
    plan = (
        PaymentPlan.objects.select_for_update()
        .filter(penalty_case_id=case.pk, state=state)
        .prefetch_related("installments")
        .first()
    )
    if plan is None:
        noun = "待审批的分期/延期缴纳申请" if state == PaymentPlanState.APPLIED else "已批准的分期/延期缴纳"
        raise CaseStateConflict(f"本案没有{noun}", field="payment_plan")
    return plan


def _schedule(
    kind: str,
    *,
    deadline: date,
    applied_on: date,
    unpaid: Decimal,
    deferred_until: date | None,
    installments: list[tuple[date, Decimal]] | None,
) -> tuple[list[tuple[date, Decimal]], date | None]:
    """The instalments (分期) or the deferral date (延期) applied for, checked; the other one empty."""
    limit = add_months(deadline, MAX_PLAN_MONTHS)
    if kind == PaymentPlanKind.DEFERRAL:
        if deferred_until is None or not deadline < deferred_until <= limit:
            raise CaseError(
                f"延期缴纳的期限应晚于原缴款期限{format_day(deadline)}，且不晚于{format_day(limit)}",
                field="deferred_until",
            )
        return [], deferred_until
    rows = sorted(installments or [])
    _check_installments(rows, amount=unpaid, start=applied_on, limit=limit)
    return rows, None


def _check_installments(rows: list[tuple[date, Decimal]], *, amount: Decimal, start: date, limit: date) -> None:
    if len(rows) < MIN_INSTALLMENTS:
        raise CaseError(f"分期缴纳应至少分{MIN_INSTALLMENTS}期", field="installments")
    days = [d for d, _ in rows]
    if days != sorted(days) or len(set(days)) != len(days):
        raise CaseError("各期缴纳期限应按先后顺序排列且不得重复", field="installments")
    if days[0] < start or days[-1] > limit:
        raise CaseError(f"各期缴纳期限应在{format_day(start)}至{format_day(limit)}之间", field="installments")
    if any(a <= 0 for _, a in rows):
        raise CaseError("每期金额应大于零", field="installments")
    if sum((a for _, a in rows), Decimal("0")) != amount:
        raise CaseError(f"各期金额合计应等于尚未缴纳的罚没款{amount}元", field="installments")


# --- 分期/延期缴纳 (R-PEN-025) -------------------------------------------------------------------------------


@transaction.atomic
def apply_for_payment_plan(
    *,
    actor: Any,
    case: PenaltyCase,
    kind: str,
    reason: str,
    applied_on: date | None = None,
    deferred_until: date | None = None,
    installments: list[tuple[date, Decimal]] | None = None,
) -> PaymentPlan:
    """当事人书面申请分期或者延期缴纳罚款 (R-PEN-025, 处罚法 第66条), recorded by a handler for the head to decide.

    The application is made within the payment period: once it has passed, 加处罚款 runs (R-PEN-027) and the
    party can only pay or be enforced against. It covers what is still unpaid.
    """
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    executing(case, "申请分期/延期缴纳")
    if kind not in PaymentPlanKind.values:
        raise CaseError(f"类别“{kind}”无效，应为分期缴纳或延期缴纳", field="kind")
    reason = text(reason, "reason", "请填写当事人申请的理由（确有经济困难的情况）（R-PEN-025）")
    deadline = case.payment_deadline
    day = day_between(
        applied_on,
        after=case.decision_served_on,
        field="applied_on",
        message="申请日期应在决定书送达之后且不晚于今天",
    )
    if deadline is None or day > deadline:
        raise CaseError(
            f"缴款期限已于{format_day(deadline) if deadline else '此前'}届满，逾期后不能再申请分期/延期缴纳，"
            "应当缴纳罚款及加处罚款（R-PEN-025、R-PEN-027）",
            field="applied_on",
        )
    if PaymentPlan.objects.filter(penalty_case=case, state__in=ACTIVE_PLAN_STATES).exists():
        raise CaseStateConflict("本案已有待审批或已批准的分期/延期缴纳", field="payment_plan")
    unpaid = case_balance(case, on=day).principal_due
    if unpaid <= 0:
        raise CaseError("罚没款已缴清，无需分期/延期缴纳", field="kind")
    rows, deferred_until = _schedule(
        kind, deadline=deadline, applied_on=day, unpaid=unpaid, deferred_until=deferred_until, installments=installments
    )
    plan = PaymentPlan.objects.create(
        penalty_case=case,
        kind=kind,
        reason=reason,
        applied_on=day,
        recorded_by=actor,
        principal_amount=unpaid,
        original_deadline=deadline,
        deferred_until=deferred_until,
    )
    PaymentInstallment.objects.bulk_create(
        PaymentInstallment(plan=plan, sequence=n, due_on=due, amount=amount) for n, (due, amount) in enumerate(rows, 1)
    )
    note(
        case,
        "payment_plan_applied",
        actor,
        kind=kind,
        applied_on=day,
        principal_amount=unpaid,
        deferred_until=deferred_until,
        installments=[{"due_on": due.isoformat(), "amount": str(amount)} for due, amount in rows],
    )
    return plan


@transaction.atomic
def approve_payment_plan(*, actor: Any, case: PenaltyCase, decided_on: date | None = None) -> PaymentPlan:
    """负责人批准 (R-PEN-025): the plan's dates replace the payment deadline; the 缴款期限 shown is its last date."""
    case = lock(case)
    allow(actor, "cases.approve_execution", case, "只有本单位负责人可以批准分期/延期缴纳（R-PEN-025）")
    executing(case, "批准分期/延期缴纳")
    plan = _plan(case, PaymentPlanState.APPLIED)
    day = day_between(decided_on, after=plan.applied_on, field="decided_on", message="审批日期应在申请之后且不晚于今天")
    plan.approve()
    plan.decided_by = actor
    plan.decided_on = day
    plan.save()
    case.payment_deadline = plan.last_due_on
    case.execution_mode = ExecutionMode.PAYMENT_PLAN
    case.save(update_fields=["payment_deadline", "execution_mode", "updated_at"])
    note(
        case,
        "payment_plan_approved",
        actor,
        payment_plan_id=plan.pk,
        kind=plan.kind,
        decided_on=day,
        original_deadline=plan.original_deadline,
        payment_deadline=case.payment_deadline,
    )
    return plan


@transaction.atomic
def refuse_payment_plan(*, actor: Any, case: PenaltyCase, reason: str, decided_on: date | None = None) -> PaymentPlan:
    """负责人不予批准, with the reasons: the original deadline stands (加处罚款 runs from it, R-PEN-027)."""
    case = lock(case)
    allow(actor, "cases.approve_execution", case, "只有本单位负责人可以决定不予批准分期/延期缴纳")
    executing(case, "审批分期/延期缴纳")
    plan = _plan(case, PaymentPlanState.APPLIED)
    reason = text(reason, "reason", "不予批准的，请写明理由")
    day = day_between(decided_on, after=plan.applied_on, field="decided_on", message="审批日期应在申请之后且不晚于今天")
    plan.refuse()
    plan.decided_by = actor
    plan.decided_on = day
    plan.refusal_reason = reason
    plan.save()
    note(case, "payment_plan_refused", actor, payment_plan_id=plan.pk, decided_on=day, reason=reason)
    return plan


# --- 催告 (R-COE-010) ----------------------------------------------------------------------------------------


@transaction.atomic
def serve_demand_notice(
    *,
    actor: Any,
    case: PenaltyCase,
    served_on: date,
    performance_deadline: date,
    performance_manner: str,
    payment_method: str,
    delivery_method: str = DeliveryMethod.DIRECT,
    direct_delivery_failure: str = "",
) -> DemandNotice:
    """催告书送达 (R-COE-010, 行政强制法 第35条): only once something is overdue — a due date passed unpaid, or 加处罚款
    left unpaid after the 罚没款 was paid late (without this the case could never leave 执行中); it states the
    deadline, the manner, the amount overdue (罚没款 past due and 加处罚款 on the day of service, computed here; an
    instalment not yet due is not demanded) and how to pay, and the party's right to state and defend (in the
    document's fixed text). Served directly first (R-DOC-008)."""
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    executing(case, "催告")
    day = day_between(
        served_on, after=case.decision_served_on, field="served_on", message="送达日期应在决定书送达之后且不晚于今天"
    )
    owed = case_balance(case, on=day)
    if owed.overdue_total <= 0:
        due = format_day(case.payment_deadline) if case.payment_deadline else "缴款期限"
        raise CaseError(f"当事人尚未逾期不履行（缴款期限{due}），不能催告（R-COE-010、R-PEN-025）", field="served_on")
    if performance_deadline <= day:
        raise CaseError(
            "催告书应给予当事人履行的期限，履行期限应晚于送达日期（R-COE-010）", field="performance_deadline"
        )
    manner = text(performance_manner, "performance_manner", "请填写履行义务的方式（R-COE-010）")
    method = text(payment_method, "payment_method", "请填写给付方式：缴款银行、账号或电子缴款渠道（R-COE-010）")
    failure = check_delivery(delivery_method, direct_delivery_failure, document="催告书")
    check_documented_service(case, (K.DEMAND_NOTICE,), day)  # R-DOC-006
    notice = DemandNotice.objects.create(
        penalty_case=case,
        served_on=day,
        delivery_method=delivery_method,
        direct_delivery_failure=failure,
        performance_deadline=performance_deadline,
        amount=owed.overdue_total,
        late_penalty_amount=owed.late_penalty_due,
        performance_manner=manner,
        payment_method=method,
        recorded_by=actor,
    )
    note(
        case,
        "demand_notice_served",
        actor,
        demand_notice_id=notice.pk,
        served_on=day,
        delivery_method=delivery_method,
        performance_deadline=performance_deadline,
        amount=notice.amount,
        late_penalty_amount=notice.late_penalty_amount,
    )
    return notice


@transaction.atomic
def record_demand_statement(
    *,
    actor: Any,
    case: PenaltyCase,
    received_on: date,
    content: str,
    review: str,
    is_adopted: bool = False,
    demand_notice: DemandNotice | None = None,
) -> DemandStatement:
    """当事人的陈述、申辩 after a 催告 (R-COE-010, 行政强制法 第36条): recorded with the agency's review of it."""
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    executing(case, "记录陈述申辩")
    notices = DemandNotice.objects.filter(penalty_case=case)
    notice = (
        notices.filter(pk=demand_notice.pk).first() if demand_notice else notices.order_by("-served_on", "-id").first()
    )
    if notice is None:
        raise CaseError("本案尚未送达催告书", field="demand_notice")
    day = day_between(
        received_on, after=notice.served_on, field="received_on", message="收到日期应在催告书送达之后且不晚于今天"
    )
    statement = DemandStatement.objects.create(
        demand_notice=notice,
        received_on=day,
        content=text(content, "content", "请填写当事人陈述申辩的内容"),
        review=text(
            review, "review", "请填写对当事人陈述申辩的复核意见：事实、理由或者证据成立的，应当采纳（R-COE-010）"
        ),
        is_adopted=is_adopted,
        recorded_by=actor,
    )
    note(
        case,
        "demand_statement_recorded",
        actor,
        demand_notice_id=notice.pk,
        received_on=day,
        is_adopted=is_adopted,
    )
    return statement


# --- 复议 / 诉讼 (R-PEN-027/028) ----------------------------------------------------------------------------


@transaction.atomic
def record_remedy(*, actor: Any, case: PenaltyCase, kind: str, body: str, filed_on: date) -> RemedyProceeding:
    """当事人申请行政复议或者提起行政诉讼: execution is not suspended (R-PEN-028 — the case stays 执行中, nothing else
    moves); 加处罚款 is not counted from this day until it ends (R-PEN-027)."""
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    executing(case, "登记行政复议或行政诉讼")
    if kind not in RemedyKind.values:
        raise CaseError(f"类别“{kind}”无效，应为行政复议或行政诉讼", field="kind")
    body = text(body, "body", "请填写受理的复议机关或人民法院")
    day = day_between(
        filed_on,
        after=case.decision_served_on,
        field="filed_on",
        message="申请（起诉）日期应在决定书送达之后且不晚于今天",
    )
    if RemedyProceeding.objects.filter(penalty_case=case, concluded_on__isnull=True).exists():
        raise CaseStateConflict("本案已有尚未审结的行政复议或行政诉讼，请先登记其结果", field="kind")
    remedy = RemedyProceeding.objects.create(penalty_case=case, kind=kind, body=body, filed_on=day, recorded_by=actor)
    note(case, "remedy_recorded", actor, remedy_id=remedy.pk, kind=kind, body=body, filed_on=day)
    return remedy


@transaction.atomic
def conclude_remedy(
    *, actor: Any, case: PenaltyCase, concluded_on: date, result: str, outcome: str
) -> RemedyProceeding:
    """复议决定 / 裁判 recorded: 加处罚款 runs again from the next day. A decision set aside ends the execution by
    ``end_execution`` (ground 据以执行的行政决定被撤销); its publication is withdrawn in this transaction by the
    remedy hooks (R-PUB-008).

    For a 复议 ``concluded_on`` is the day the party received the 复议决定: the 15 days in which it may still sue run
    from it (行诉法 第45条) and keep the court window closed (R-COE-016, ``execution_balance.court_window``). After a
    lawsuit the judgment is executed (行诉法 第95条), not the decision."""
    case = lock(case)
    allow(actor, "cases.execute_case", case, HANDLER_ONLY)
    remedy = RemedyProceeding.objects.select_for_update().filter(penalty_case=case, concluded_on__isnull=True).first()
    if remedy is None:
        raise CaseStateConflict("本案没有尚未审结的行政复议或行政诉讼", field="concluded_on")
    remedy.concluded_on = day_between(
        concluded_on, after=remedy.filed_on, field="concluded_on", message="审结日期应在申请之后且不晚于今天"
    )
    if result not in RemedyResult.values:
        raise CaseError("请选择复议决定或裁判的结果类别（维持、变更、撤销等）", field="result")
    remedy.result = result
    remedy.outcome = text(outcome, "outcome", "请填写复议决定或裁判的结果")
    remedy.save(update_fields=["concluded_on", "result", "outcome"])
    note(
        case,
        "remedy_concluded",
        actor,
        remedy_id=remedy.pk,
        kind=remedy.kind,
        concluded_on=remedy.concluded_on,
        result=remedy.result,
        outcome=remedy.outcome,
    )
    remedy_concluded(remedy, actor=actor)  # R-PUB-008: publicity withdraws a decision set aside
    return remedy
