"""Helpers of the review-lifecycle tests: a major case taken to 待决定 (reviewed, notified, rights waived), the heads'
collective discussion of its decision (R-PEN-014: two heads of the agency among three people), one decision call."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.review.review_support import LARGE_FINE, approved
from zhifa.cases import services as case_services
from zhifa.cases.models import PenaltyCase
from zhifa.review import services
from zhifa.review.services import ParticipantInput

MONDAY = date(2026, 3, 2)  # today in the case tests (tests/cases/conftest.py)


def fresh(case: PenaltyCase) -> PenaltyCase:
    return PenaltyCase.objects.get(pk=case.pk)


def notify_and_submit(case, handler, *, on: date = MONDAY) -> PenaltyCase:
    """事先告知 served on ``on``, the party waives 陈述申辩 and 听证 in writing the same day, 报请决定: 待决定."""
    case = case_services.serve_prior_notice(actor=handler, case=fresh(case), served_on=on)
    case_services.waive_defense(actor=handler, case=case, waived_on=on, waives_hearing=True)
    return case_services.submit_for_decision(actor=handler, case=fresh(case), on=on)


def to_decision(case, handler, reviewer) -> PenaltyCase:
    """A major case in 案件审核: approved (同意) before the notice, then notified and 待决定."""
    approved(case, handler, reviewer)
    return notify_and_submit(case, handler)


def heads(head, deputy, reviewer, opinion: str = "同意") -> list[ParticipantInput]:
    """Two heads of the agency (局长 chairs) and the legal reviewer."""
    return [
        ParticipantInput(head, opinion, "局长"),
        ParticipantInput(deputy, opinion, "副局长"),
        ParticipantInput(reviewer, "法制审核已通过", "法制股长"),
    ]


def discuss(case, head, deputy, reviewer, conclusion: str = "adopted"):
    """集体讨论 of the major decision (R-PEN-014): convened and concluded the same day."""
    discussion = services.convene_discussion(
        actor=head, case=fresh(case), topic="major_decision", question="拟作出的处罚，请负责人集体讨论决定"
    )
    return services.conclude_discussion(
        actor=head,
        discussion=discussion,
        participants=heads(head, deputy, reviewer),
        conclusion=conclusion,
        conclusion_text="同意拟作出的处罚。"
        if conclusion == "adopted"
        else "事实尚需查清，不同意按拟处理意见作出决定。",
    )


def decide(case, head, *, fine: Decimal = LARGE_FINE, kinds=("fine",), kind: str = "penalty") -> PenaltyCase:
    return case_services.decide_case(
        actor=head,
        case=fresh(case),
        decision_kind=kind,
        penalty_kinds=list(kinds) if kind == "penalty" else [],
        fine_amount=fine if kind == "penalty" else Decimal("0"),
    )
