"""Helpers of the review tests: a major case ready for review, the checklist, one call per review step."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.cases.conftest import investigate
from zhifa.cases import services as case_services
from zhifa.review import services
from zhifa.review.choices import ReviewCheck

LARGE_FINE = Decimal("60000.00")  # ≥ 50,000元 against a company: 较大数额 (R-HEA-002), a major decision
MATERIALS = ["investigation_report", "evidence", "draft_decision", "legal_basis"]


def major_case(case, handler, head, lead, co, *, fine=LARGE_FINE, kinds=("fine",)):
    """Investigated and case-reviewed (penalty): waiting in 案件审核中 for the legal review (R-REV-004)."""
    investigate(case, handler, lead, co, fine=fine, kinds=kinds)
    return case_services.complete_case_review(actor=head, case=case, route="penalty", facts_clear=True, opinion="同意")


def checks(**problems: str) -> list[services.CheckInput]:
    """Every point answered: 无问题, except the points named with their problem."""
    return [
        services.CheckInput(point, "problem" if point in problems else "ok", problems.get(point, ""))
        for point in ReviewCheck.values
    ]


def submit(case, handler, *, on: date | None = None, materials=None):
    return services.submit_legal_review(
        actor=handler,
        case=case,
        materials=list(services.required_materials(case) if materials is None else materials),
        statement="事实清楚，证据确凿，拟罚款六万元，请予审核。",
        declaration=True,
        submitted_on=on,
    )


def conclude(review, reviewer, outcome="approve", *, problems=None, changes="", **kwargs):
    return services.conclude_legal_review(
        actor=reviewer,
        review=review,
        outcome=outcome,
        checks=checks(**(problems or {})),
        opinion="经审核，执法主体合法，程序合法，适用法律准确。" if outcome == "approve" else "经审核，存在下列问题。",
        changes=changes,
        **kwargs,
    )


def approved(case, handler, reviewer):
    """Submitted, taken and approved (同意) in one go."""
    review = submit(case, handler)
    services.take_legal_review(actor=reviewer, review=review)
    return conclude(review, reviewer)
