"""The case page's "执行" section and its 中止/终止 records: what the party owes today, the payment deadline or the
approved plan's instalments, 催告, 强制执行, 申请法院强制执行 with its window, 复议/诉讼, 中止/终止/终结执行.

Read-only: the numbers come from ``cases.services.execution_balance`` (the same as the API's ``…/execution/``);
the steps themselves are in ``execution_steps`` and posted through ``cases.case_step``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import prefetch_related_objects

from zhifa.cases.choices import (
    CompulsoryMethod,
    CourtMaterial,
    CourtRuling,
    PaymentPlanKind,
    PaymentPlanState,
    PenaltyCaseState,
)
from zhifa.cases.execution_calculations import Balance, Portion
from zhifa.cases.models import CaseSuspension, PaymentPlan, PenaltyCase
from zhifa.cases.services.execution_balance import CourtWindow, case_balance, court_window, portions
from zhifa.core.calendar import format_day

S = PenaltyCaseState
EXECUTION_EVENT_LABELS = {
    "penalty_case.payment_plan_applied": "申请分期/延期缴纳",
    "penalty_case.payment_plan_approved": "批准分期/延期缴纳",
    "penalty_case.payment_plan_refused": "不予批准分期/延期缴纳",
    "penalty_case.demand_notice_served": "催告书送达",
    "penalty_case.demand_statement_recorded": "记录催告后的陈述申辩",
    "penalty_case.remedy_recorded": "登记行政复议/行政诉讼",
    "penalty_case.remedy_concluded": "行政复议/行政诉讼审结",
    "penalty_case.enforcement_review_submitted": "强制执行决定送法制审核",
    "penalty_case.compulsory_execution_decided": "作出强制执行决定",
    "penalty_case.compulsory_execution_served": "强制执行决定书送达",
    "penalty_case.compulsory_execution_carried_out": "实施强制执行",
    "penalty_case.court_execution_applied": "申请人民法院强制执行",
    "penalty_case.court_ruling_recorded": "登记人民法院裁定",
    "penalty_case.court_execution_result_recorded": "登记人民法院执行结果",
    "penalty_case.suspended": "中止",
    "penalty_case.suspension_ended": "恢复（中止结束）",
    "penalty_case.terminated": "终止",
    "penalty_case.execution_ended": "终结执行",
}
SUSPENSIONS = ("suspensions__decided_by", "suspensions__ended_by")
EXECUTION_RECORDS = (
    "payment_plans__installments",
    "payment_plans__decided_by",
    "demand_notices__statements",
    "compulsory_executions__decided_by",
    "court_executions__applied_by",
    "remedies",
)


@dataclass(frozen=True)
class PortionRow:
    """One due date of the 罚没款 (the decision's deadline, or an instalment) and how it stands today."""

    label: str
    due_on: date
    amount: Decimal
    paid: Decimal
    status: str
    tone: str  # badge: ok / warn / bad / ""


@dataclass(frozen=True)
class WindowView:
    """R-COE-016: the court window and where today stands in it."""

    window: CourtWindow
    status: str
    tone: str


def portion_rows(rows: list[Portion], balance: Balance, day: date, *, labels: list[str]) -> list[PortionRow]:
    """Payments settle the portions in due order (as ``execution_calculations.balance`` does)."""
    left = balance.paid
    shown = []
    for portion, label in zip(rows, labels, strict=True):
        paid = min(left, portion.amount)
        left -= paid
        if paid >= portion.amount:
            status, tone = "已缴清", "ok"
        elif portion.due_on < day:
            status, tone = f"已逾期，自{format_day(portion.due_on)}次日起加处罚款（R-PEN-027）", "bad"
        elif portion.due_on == day:
            status, tone = "今日到期", "warn"
        else:
            status, tone = f"未到期（剩余{(portion.due_on - day).days}日）", ""
        if 0 < paid < portion.amount:
            status = f"已缴{paid}元；{status}"
        shown.append(PortionRow(label, portion.due_on, portion.amount, paid, status, tone))
    return shown


def _portions(case: PenaltyCase, plan: PaymentPlan | None, balance: Balance, day: date) -> list[PortionRow]:
    rows = sorted(portions(case, plan), key=lambda p: p.due_on)
    if plan is None:
        labels = ["缴款期限"] * len(rows)
    elif plan.kind == PaymentPlanKind.DEFERRAL:
        labels = ["延期缴纳" if p.due_on == plan.deferred_until else "原缴款期限" for p in rows]
    else:
        numbers = {i.due_on: i.sequence for i in plan.installments.all()}
        labels = [f"第{numbers[p.due_on]}期" if p.due_on in numbers else "原缴款期限" for p in rows]
    return portion_rows(rows, balance, day, labels=labels)


def window_view(window: CourtWindow | None, day: date) -> WindowView | None:
    if window is None:
        return None
    if day < window.opens_on:
        return WindowView(window, f"尚未开始（{(window.opens_on - day).days}日后可以申请）", "")
    if day <= window.last_day:
        left = (window.last_day - day).days
        return WindowView(window, f"剩余{left}日" if left else "今日届满", "warn" if left <= 30 else "ok")
    return WindowView(window, f"已于{format_day(window.last_day)}届满", "bad")


def suspension_label(suspension: CaseSuspension | None) -> str:
    """R-TIME-008: “已中止（自…起）” — the case's clocks are paused."""
    if suspension is None:
        return ""
    return f"已中止（自{format_day(suspension.started_on)}起）"


def open_suspension(case: PenaltyCase) -> CaseSuspension | None:
    return next((s for s in case.suspensions.all() if s.ended_on is None), None)


def _labels(values: list[str], choices: Any) -> str:
    return "、".join(str(choices(v).label) if v in choices.values else v for v in values)


def execution_context(case: PenaltyCase, day: date) -> dict[str, Any]:
    """The section's data (``execution`` is None before the decision was served). A suspended case's deadline
    status reads “已中止（自…起）” instead of the days left: its clock is paused (R-TIME-008), so this replaces the
    page's ``deadline_status``."""
    prefetch_related_objects([case], *SUSPENSIONS)
    context: dict[str, Any] = {
        "suspensions": list(case.suspensions.all()),
        "termination": getattr(case, "termination", None),
        "execution": None,
    }
    if case.state == S.SUSPENDED:
        context["deadline_status"] = suspension_label(open_suspension(case))
    if case.decision_served_on is None or not case.total_penalty_amount:
        return context
    prefetch_related_objects([case], *EXECUTION_RECORDS)
    in_execution = case.state == S.EXECUTING or (case.state == S.SUSPENDED and case.suspended_from == S.EXECUTING)
    plans = list(case.payment_plans.all())
    plan = next((p for p in plans if p.state == PaymentPlanState.APPROVED), None)
    balance = case_balance(case, on=day, plan=plan)
    remedies = list(case.remedies.all())
    pending = next((r for r in remedies if r.concluded_on is None), None)
    context["execution"] = {
        "balance": balance,
        "plan": plan,
        "plans": plans,
        "portions": _portions(case, plan, balance, day),
        "paused_since": pending.filed_on if pending else None,
        "demands": list(case.demand_notices.all()),
        "compulsory": [(c, _labels(c.methods, CompulsoryMethod)) for c in case.compulsory_executions.all()],
        "court": [(c, _labels(c.materials, CourtMaterial)) for c in case.court_executions.all()],
        "granted": CourtRuling.GRANTED,
        "in_execution": in_execution,
        "window": window_view(court_window(case, plan), day) if in_execution else None,
        "remedies": remedies,
    }
    return context
