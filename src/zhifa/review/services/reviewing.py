"""受理, 审核 and 延长审核期限 (R-REV-005, R-REV-007, R-REV-008, R-REV-010, R-REV-011)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from zhifa.cases.choices import DecisionKind, PenaltyCaseState
from zhifa.cases.services._common import note
from zhifa.core.calendar import add_working_days, format_day, today
from zhifa.core.permissions import require
from zhifa.review.choices import CheckResult, LegalReviewState, ReviewCheck, ReviewOutcome
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.models import LegalReview, ReviewCheckResult, ReviewRound
from zhifa.review.services._common import (
    day_between,
    lock_review,
    move_case,
    note_review,
    review_extension_working_days,
    step,
    text,
)
from zhifa.review.services.eligibility import reviewer_refusal
from zhifa.review.services.paperwork import issue_opinion
from zhifa.review.services.proposal import apply_amendment, apply_transfer, check_amendment
from zhifa.review.services.stages import check_stage_outcome, current_basis, moves_case

Outcome = ReviewOutcome
APPROVING = (Outcome.APPROVE, Outcome.AMEND, Outcome.CORRECT)
C = ReviewCheck
# R-REV-007: problems a 变更/纠正 opinion cannot cure — the reviewer may change the penalty or correct the law, the
# documents, a procedural step or the discretion, but not make the agency competent, the officers qualified, the
# facts clear or the evidence sufficient, nor turn a suspected crime into a penalty. Such a problem is 补充 (or 移送).
INCURABLE: dict[str, str] = {
    C.SUBJECT_COMPETENT: "执法主体不合法或超越法定职权的，不能作出处理决定，应退回补充（移交有权机关或撤销立案）（R-REV-007）",
    C.OFFICERS_QUALIFIED: "执法人员不具备执法资格的，取得的证据不能作为定案依据，应退回补充（R-PER-001、R-REV-007）",
    C.FACTS_CLEAR: "违法事实不清的，不得给予行政处罚，应退回补充调查（R-PEN-013）",
    C.EVIDENCE_SUFFICIENT: "证据不足的，不得给予行政处罚，应退回补充调查（R-PEN-013）",
    C.CRIME_SUSPECTED: "涉嫌犯罪的，应作出“移送”或“补充”的意见，不得以罚代刑（R-TRN-001）",
}


@dataclass(frozen=True)
class CheckInput:
    """One answered point of the checklist."""

    point: str
    result: str
    comment: str = ""


def _current(review: LegalReview) -> ReviewRound:
    current = review.current_round
    if current is None:  # every submission opens a round
        raise ReviewStateConflict("法制审核没有送审记录", field="state")
    return current


@transaction.atomic
def take_legal_review(*, actor: Any, review: LegalReview, started_on: date | None = None) -> LegalReview:
    """法制审核人员受理: only an eligible reviewer (R-REV-005, R-PER-008) — checked again at the opinion."""
    review = lock_review(review)
    case = review.penalty_case
    require(actor, "review.take_legal_review", review, message="只有本单位法制审核人员或指派的外部审核人员可以受理")
    refusal = reviewer_refusal(actor, case)
    if refusal:
        raise ReviewError(refusal, field="reviewer")
    step(review, review.start, "受理")
    current = _current(review)
    current.reviewer = actor
    current.started_on = day_between(
        started_on, field="started_on", label="受理日期", not_before=current.submitted_on, after_what="送审日期"
    )
    current.save(update_fields=["reviewer", "started_on"])
    review.save(update_fields=["state", "updated_at"])
    note_review(review, "started", actor, reviewer_id=actor.pk, started_on=current.started_on)
    return review


def _checklist(checks: list[CheckInput]) -> list[CheckInput]:
    """R-REV-007: every point answered once; a problem says what it is."""
    seen: dict[str, CheckInput] = {}
    for check in checks:
        if check.point not in ReviewCheck.values:
            raise ReviewError(f"审核要点“{check.point}”无效", field="checks")
        if check.result not in CheckResult.values:
            raise ReviewError(f"“{ReviewCheck(check.point).label}”的审核结果无效", field="checks")
        if check.point in seen:
            raise ReviewError(f"审核要点“{ReviewCheck(check.point).label}”重复", field="checks")
        if check.result == CheckResult.PROBLEM and not check.comment.strip():
            raise ReviewError(f"“{ReviewCheck(check.point).label}”存在问题的，须写明问题", field="checks")
        seen[check.point] = check
    missing = [ReviewCheck(p).label for p in ReviewCheck.values if p not in seen]
    if missing:
        raise ReviewError(f"以下审核要点尚未审核：{'、'.join(missing)}（R-REV-007）", field="checks")
    return [seen[p] for p in ReviewCheck.values]


def _check_outcome(outcome: str, problems: list[str], changes: str, route: str) -> None:
    if outcome not in Outcome.values:
        raise ReviewError(f"审核意见“{outcome}”无效", field="outcome")
    labels = "、".join(ReviewCheck(p).label for p in problems)
    if outcome == Outcome.APPROVE and problems:
        raise ReviewError(f"审核要点存在问题（{labels}），不能作出同意的审核意见（R-REV-007）", field="outcome")
    if outcome != Outcome.APPROVE and not problems:
        raise ReviewError(
            f"作出“{Outcome(outcome).label}”的意见，须在审核要点中写明存在的问题（R-REV-007）", field="checks"
        )
    if outcome in (Outcome.AMEND, Outcome.CORRECT):
        incurable = [p for p in problems if p in INCURABLE]
        if incurable:
            point = incurable[0]
            raise ReviewError(
                f"审核要点“{C(point).label}”存在问题，不能以“{Outcome(outcome).label}”意见通过：{INCURABLE[point]}",
                field="outcome",
            )
    if outcome in (Outcome.AMEND, Outcome.CORRECT) and not changes.strip():
        raise ReviewError(f"“{Outcome(outcome).label}”意见须写明变更或纠正的内容", field="changes")
    if outcome == Outcome.TRANSFER:
        if ReviewCheck.CRIME_SUSPECTED not in problems:
            raise ReviewError("建议移送的，须在“是否涉嫌犯罪”要点中写明涉嫌犯罪的理由（R-TRN-001）", field="checks")
        if route == DecisionKind.TRANSFER:
            raise ReviewError("本案已拟移送司法机关；同意移送的，请作出“同意”的审核意见", field="outcome")


@transaction.atomic
def conclude_legal_review(
    *,
    actor: Any,
    review: LegalReview,
    outcome: str,
    checks: list[CheckInput],
    opinion: str,
    changes: str = "",
    amended_kinds: list[str] | None = None,
    amended_fine_amount: Decimal | None = None,
    amended_confiscation_amount: Decimal | None = None,
    concluded_on: date | None = None,
) -> LegalReview:
    """书面审核意见 (R-REV-008) on the checklist (R-REV-007), issued as a numbered 法制审核意见书 filed in the case
    (R-REV-011). 同意/变更/纠正 approve (变更 makes the reviewer's penalty the proposal); 补充 returns the case to the
    handler; 移送 routes it to 移送司法机关. A late opinion is recorded and flagged (R-REV-010, DUE)."""
    review = lock_review(review)
    case = review.penalty_case
    require(actor, "review.conclude_legal_review", review, message="只有受理本轮审核的法制审核人员可以作出审核意见")
    if review.state != LegalReviewState.IN_REVIEW:
        raise ReviewStateConflict(f"法制审核当前状态为“{review.get_state_display()}”，不能作出审核意见", field="state")
    refusal = reviewer_refusal(actor, case)
    if refusal:
        raise ReviewError(refusal, field="reviewer")
    answered = _checklist(checks)
    problems = [c.point for c in answered if c.result == CheckResult.PROBLEM]
    check_stage_outcome(review, outcome)  # 强制执行决定前审核: 同意/纠正/补充 only
    _check_outcome(outcome, problems, changes, case.route)
    opinion = text(opinion, field="opinion", message="请填写审核意见及理由（R-REV-008）")
    current = _current(review)
    day = day_between(
        concluded_on,
        field="concluded_on",
        label="审核日期",
        not_before=current.started_on or current.submitted_on,
        after_what="受理日期",
    )
    amendment = None
    if outcome == Outcome.AMEND:
        amendment = check_amendment(
            case,
            stage=review.stage,
            kinds=amended_kinds,
            fine=amended_fine_amount,
            confiscation=amended_confiscation_amount,
        )
    ReviewCheckResult.objects.bulk_create(
        ReviewCheckResult(review_round=current, point=c.point, result=c.result, comment=c.comment.strip())
        for c in answered
    )
    before: dict[str, Any] = {}
    if amendment is not None:
        kinds, fine, confiscation = amendment
        current.amended_kinds, current.amended_fine_amount, current.amended_confiscation_amount = amendment
        before = apply_amendment(case, stage=review.stage, kinds=kinds, fine=fine, confiscation=confiscation)
    back_to = review.return_state
    if outcome in APPROVING:
        step(review, review.approve, "作出同意的审核意见")
    elif outcome == Outcome.SUPPLEMENT:
        step(review, review.return_for_supplement, "退回补充")
    else:
        apply_transfer(case, stage=review.stage)
        step(review, review.recommend_transfer, "建议移送")
        back_to = PenaltyCaseState.AWAITING_DECISION
    review.outcome = outcome
    review.approved_basis = current_basis(review) if review.passes else {}
    current.outcome, current.opinion, current.changes, current.concluded_on = outcome, opinion, changes.strip(), day
    current.save()
    if moves_case(review):  # the enforcement stage leaves the case 执行中 (``stages``)
        move_case(case, case.conclude_legal_review, "结束法制审核", back_to)
        case.save(update_fields=["state", "updated_at"])
    current.document = issue_opinion(review=review, review_round=current, actor=actor)  # R-REV-011
    current.save(update_fields=["document"])
    review.save()
    late = day > current.review_deadline
    note(case, "legal_review_concluded", actor, legal_review_id=review.pk, outcome=outcome, round=review.round)
    note_review(
        review,
        "concluded",
        actor,
        outcome=outcome,
        problems=problems,
        concluded_on=day,
        review_deadline=current.review_deadline,
        late=late,
        document_id=current.document.pk,
        amended_from=before,
    )
    return review


@transaction.atomic
def extend_legal_review(*, actor: Any, review: LegalReview, reason: str) -> LegalReview:
    """延长审核期限 (R-REV-010): once, by the configured working days, approved by the head before it expires."""
    review = lock_review(review)
    require(actor, "review.extend_legal_review", review, message="只有本单位负责人可以批准延长审核期限")
    if review.state not in (LegalReviewState.SUBMITTED, LegalReviewState.IN_REVIEW):
        raise ReviewStateConflict(f"法制审核当前状态为“{review.get_state_display()}”，无需延长审核期限", field="state")
    current = _current(review)
    if current.is_extended:
        raise ReviewError("本轮审核期限已延长过一次，不能再次延长（R-REV-010）", field="review_deadline")
    day = today()
    if day > current.review_deadline:
        raise ReviewError(
            f"本轮审核期限已于{format_day(current.review_deadline)}届满，不能再延长（R-REV-010）",
            field="review_deadline",
        )
    current.extension_reason = text(reason, field="reason", message="请填写延长审核期限的理由（R-REV-010）")
    current.original_deadline = current.review_deadline
    current.review_deadline = add_working_days(current.review_deadline, review_extension_working_days())
    current.extended_by, current.extended_on = actor, day
    current.save()
    note_review(
        review,
        "extended",
        actor,
        previous_deadline=current.original_deadline,
        review_deadline=current.review_deadline,
        reason=current.extension_reason,
    )
    return review
