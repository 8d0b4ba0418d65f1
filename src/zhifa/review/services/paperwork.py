"""法制审核意见书 and 集体讨论记录: issued as numbered / unnumbered documents filed in the case (R-REV-011,
R-PEN-014). The content comes from the records; nobody types it twice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from zhifa.cases.choices import CompulsoryMethod
from zhifa.cases.models import PenaltyCase
from zhifa.catalog.choices import PenaltyKind
from zhifa.core.calendar import format_day
from zhifa.core.money import format_amount
from zhifa.documents.choices import DocumentKind
from zhifa.documents.models import Document
from zhifa.documents.services import issue_document
from zhifa.review.choices import CheckResult, DiscussionConclusion, ReviewOutcome
from zhifa.review.models import CollectiveDiscussion, LegalReview, ReviewRound


def penalty_phrase(kinds: list[str], fine: Decimal | str, confiscation: Decimal | str) -> str:
    """警告、罚款10,000.00元 … (empty when nothing is proposed)."""
    parts = [str(PenaltyKind(k).label) for k in kinds if k in PenaltyKind.values and k != PenaltyKind.FINE]
    if Decimal(fine) > 0:
        parts.append(f"罚款{format_amount(fine)}")
    if Decimal(confiscation) > 0:
        parts.append(f"没收违法所得{format_amount(confiscation)}")
    return "、".join(parts)


def enforcement_text(basis: dict[str, Any]) -> str:
    """拟作出的强制执行决定 (强制执行决定前审核): methods, date, legal basis and what is owed, in words."""
    methods = "、".join(
        str(CompulsoryMethod(m).label) for m in basis.get("methods", []) if m in CompulsoryMethod.values
    )
    when = format_day(date.fromisoformat(basis["scheduled_on"])) if basis.get("scheduled_on") else ""
    parts = [f"拟作出行政强制执行决定，强制执行方式：{methods}", f"拟执行时间：{when}"]
    if basis.get("is_immediate"):
        parts.append("立即强制执行")
    parts.append(f"法律依据：{basis.get('legal_basis', '')}")
    parts.append(f"送审时逾期未履行金额：{format_amount(basis.get('amount', '0'))}")
    return "；".join(parts)


def proposal_text(basis: dict[str, Any]) -> str:
    """The handler's proposal as submitted (route and penalty, or the enforcement proposal) in words."""
    if basis.get("kind") == "compulsory_execution":
        return enforcement_text(basis)
    if basis.get("route") == "transfer":
        return "涉嫌犯罪，拟移送司法机关"
    if basis.get("route") == "no_penalty":
        return "拟不予行政处罚"
    phrase = penalty_phrase(
        basis.get("kinds", []), basis.get("fine_amount", "0"), basis.get("confiscation_amount", "0")
    )
    return f"拟给予{phrase}" if phrase else "拟给予行政处罚"


def _case_lines(case: PenaltyCase) -> dict[str, Any]:
    return {"case_number": case.case_number, "case_cause": case.cause, "party_name": case.party.name}


def issue_opinion(*, review: LegalReview, review_round: ReviewRound, actor: Any) -> Document:
    """法制审核意见书 of one round, numbered (类别字 法审), filed in the case file (R-REV-011)."""
    case = review.penalty_case
    checks = [
        {
            "point": r.get_point_display(),
            "result": r.get_result_display(),
            "comment": r.comment,
            "problem": r.result == CheckResult.PROBLEM,
        }
        for r in review_round.check_results.order_by("id")
    ]
    context: dict[str, Any] = {
        **_case_lines(case),
        "review_agency": case.agency.name,
        "round": review_round.number,
        "stage": review.get_stage_display(),
        "submitted_on": review_round.submitted_on,
        "submitted_by": review_round.submitted_by.name or review_round.submitted_by.username,
        "reasons": list(review_round.basis.get("reasons", [])),
        "proposal": proposal_text(review_round.basis),
        "statement": review_round.statement,
        "supplement_note": review_round.supplement_note,
        "checks": checks,
        "outcome": ReviewOutcome(review_round.outcome).label,
        "opinion": review_round.opinion,
        "changes": review_round.changes,
        "reviewer": actor.name or actor.username,
    }
    if review_round.amended_kinds is not None:
        context["amended_proposal"] = "拟给予" + penalty_phrase(
            review_round.amended_kinds,
            review_round.amended_fine_amount or Decimal("0"),
            review_round.amended_confiscation_amount or Decimal("0"),
        )
    # A reviewer of the 司法局's pool issues it in their own agency's name; one without an agency (an appointed
    # 法律顾问 or 公职律师, R-REV-005) in the name of the agency they review for.
    agency = actor.agency if actor.agency_id and actor.agency_id != case.agency_id else case.agency
    return issue_document(
        kind=DocumentKind.LEGAL_REVIEW_OPINION,
        agency=agency,
        subject=case,
        context=context,
        actor=actor,
        numbered=True,
        issued_on=review_round.concluded_on,
    )


def issue_minutes(*, discussion: CollectiveDiscussion, actor: Any) -> Document:
    """集体讨论记录 (R-PEN-014: minutes filed), unnumbered, filed in the case."""
    case = discussion.penalty_case
    participants = [
        {"name": p.user.name or p.user.username, "position": p.position, "opinion": p.opinion}
        for p in discussion.participants.select_related("user").order_by("id")
    ]
    context = {
        **_case_lines(case),
        "topic": discussion.get_topic_display(),
        "question": discussion.question,
        "held_on": discussion.held_on,
        "place": discussion.place,
        "chair": discussion.chair.name if discussion.chair else "",
        "participants": participants,
        "proposal": proposal_text(discussion.basis),
        "conclusion": DiscussionConclusion(discussion.conclusion).label,
        "conclusion_text": discussion.conclusion_text,
    }
    return issue_document(
        kind=DocumentKind.DISCUSSION_MINUTES,
        agency=case.agency,
        subject=case,
        context=context,
        actor=actor,
        numbered=False,
        issued_on=discussion.held_on,
    )
