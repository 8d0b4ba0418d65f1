"""The legal-review gate of the enforcement decision (R-REV-002/003/004: 行政强制执行决定 and 强制拆除 are major by
default). The review app, above cases, registers the check that says whether the enforcement proposal has an approved
legal review (``review.apps.ReviewConfig.ready``); the registry is separate from the penalty decision's one
(``_common.register_legal_review_check``) because what is approved differs: here it is the enforcement proposal.

``compulsory_proposal`` builds that proposal — the methods, the legal basis, the scheduled date, the 催告 it rests on
and what is owed — the same way for the submission (review) and for the decision (``decide_compulsory_execution``),
so that the approval covers exactly what is decided. Every registered check must say yes; with none registered no
major enforcement decision can be made (fails closed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from zhifa.cases.choices import CompulsoryMethod
from zhifa.cases.errors import CaseError
from zhifa.cases.models import DemandNotice, PenaltyCase
from zhifa.cases.services.execution_balance import case_balance
from zhifa.cases.services.major_decision import enforcement_review_reasons


@dataclass(frozen=True)
class EnforcementProposal:
    """拟作出的强制执行决定, as submitted for legal review and as decided. ``reasons`` empty = not major."""

    methods: tuple[str, ...]
    legal_basis: str
    scheduled_on: date
    is_immediate: bool
    is_urgent: bool
    demand_notice_id: int
    overdue_principal: Decimal  # 罚没款 past due and unpaid: what the enforcement collects, besides 加处罚款
    amount: Decimal  # all that is overdue on the day (with 加处罚款), shown to the reviewer
    decisions_before: int  # earlier enforcement decisions of the case: one approval covers one decision
    reasons: tuple[str, ...]

    def basis(self) -> dict[str, Any]:
        """What the review approves (JSON: dates ISO, money as text)."""
        return {
            "kind": "compulsory_execution",
            "methods": list(self.methods),
            "legal_basis": self.legal_basis,
            "scheduled_on": self.scheduled_on.isoformat(),
            "is_immediate": self.is_immediate,
            "is_urgent": self.is_urgent,
            "demand_notice_id": self.demand_notice_id,
            "overdue_principal": f"{self.overdue_principal:.2f}",
            "amount": f"{self.amount:.2f}",
            "decisions_before": self.decisions_before,
            "reasons": list(self.reasons),
        }

    def covered_by(self, approved: dict[str, Any]) -> bool:
        """The approved proposal covers this decision: same methods, basis, date, 催告 and flags, the same count of
        earlier decisions, and no more 罚没款 to collect than was approved (a payment since only lightens it)."""
        wanted = self.basis()
        same = ("kind", "methods", "legal_basis", "scheduled_on", "is_immediate", "is_urgent", "demand_notice_id")
        if any(approved.get(key) != wanted[key] for key in (*same, "decisions_before")):
            return False
        return self.overdue_principal <= Decimal(str(approved.get("overdue_principal", "0")))


def latest_demand(case: PenaltyCase) -> DemandNotice | None:
    """R-COE-010: the 催告 an enforcement rests on — the last one served."""
    return DemandNotice.objects.filter(penalty_case=case).order_by("-served_on", "-id").first()


def compulsory_proposal(
    case: PenaltyCase,
    *,
    methods: list[str],
    legal_basis: str,
    scheduled_on: date,
    is_immediate: bool,
    is_urgent: bool,
    on: date,
) -> EnforcementProposal:
    """The enforcement proposal on ``on``. 强制拆除 (R-COE-013) is not a method of a penalty decision's enforcement
    (``CompulsoryMethod``): the catalog's 强制拆除 row applies once such a method and its gates exist."""
    notice = latest_demand(case)
    if notice is None:
        raise CaseError(
            "作出强制执行决定或申请人民法院强制执行前，应当事先书面催告当事人履行义务（R-COE-010）",
            field="demand_notice",
        )
    owed = case_balance(case, on=on)
    return EnforcementProposal(
        methods=tuple(m for m in CompulsoryMethod.values if m in methods),
        legal_basis=legal_basis.strip(),
        scheduled_on=scheduled_on,
        is_immediate=is_immediate,
        is_urgent=is_urgent,
        demand_notice_id=notice.pk,
        overdue_principal=owed.overdue_principal,
        amount=owed.overdue_total,
        decisions_before=case.compulsory_executions.count(),
        reasons=tuple(enforcement_review_reasons(case, demolition=False)),
    )


EnforcementReviewCheck = Callable[[PenaltyCase, EnforcementProposal], bool]
# Keyed by the check's qualified name so that registering twice is harmless.
_registered_checks: dict[str, EnforcementReviewCheck] = {}


def register_enforcement_review_check(check: EnforcementReviewCheck) -> None:
    _registered_checks[f"{check.__module__}.{check.__qualname__}"] = check


def require_enforcement_review_passed(case: PenaltyCase, proposal: EnforcementProposal) -> None:
    """R-REV-004: no major enforcement decision without an approved legal review of exactly this proposal. Opens only
    when checks are registered and every one says yes (fails closed)."""
    if not proposal.reasons:
        return
    checks = list(_registered_checks.values())
    if checks and all(check(case, proposal) for check in checks):
        return
    raise CaseError(
        f"本强制执行决定属于重大执法决定（{'；'.join(proposal.reasons)}），须就拟作出的强制执行决定（方式、依据、"
        "执行时间、金额）经法制审核通过后方可作出（R-REV-004）",
        field="legal_review",
    )
