"""送审 (R-REV-004/006): the handler submits a major decision for legal review with the material list and the
declaration that it is true and complete; after 补充 the resubmission opens the next round. 撤回 by the handler."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from zhifa.cases.choices import DecisionKind, HearingState, PenaltyCaseState
from zhifa.cases.models import Hearing, PenaltyCase
from zhifa.cases.services._common import lock, note
from zhifa.core.calendar import add_working_days, today
from zhifa.core.permissions import require
from zhifa.review.choices import LegalReviewState, ReviewStage, SubmissionMaterial
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.models import LegalReview, ReviewRound
from zhifa.review.services._common import (
    day_between,
    lock_review,
    move_case,
    note_review,
    review_time_limit_working_days,
    step,
    text,
)
from zhifa.review.services.gate import basis_of, latest_review, review_passed
from zhifa.review.services.stages import is_enforcement, moves_case

M = SubmissionMaterial
S = PenaltyCaseState
# R-REV-006: the material list every submission carries (cfg: a department may add to it).
BASE_MATERIALS = (M.INVESTIGATION_REPORT, M.EVIDENCE, M.DRAFT_DECISION, M.LEGAL_BASIS)
STAGE_OF = {S.UNDER_CASE_REVIEW: ReviewStage.BEFORE_NOTICE, S.AWAITING_DECISION: ReviewStage.BEFORE_DECISION}


def required_materials(case: PenaltyCase) -> list[str]:
    """R-REV-006: the base list, plus the defence records when the party made any, plus the hearing record and
    report when a hearing was held."""
    wanted = list(BASE_MATERIALS)
    if case.defenses.exists():
        wanted.append(M.DEFENSE_MATERIALS)
    if Hearing.objects.filter(penalty_case=case, state=HearingState.REPORTED).exists():
        wanted.append(M.HEARING_MATERIALS)
    return [str(m) for m in wanted]


def _check_materials(case: PenaltyCase, materials: list[str], declared: bool) -> list[str]:
    unknown = [m for m in materials if m not in M.values]
    if unknown:
        raise ReviewError(f"送审材料“{'、'.join(unknown)}”无效", field="materials")
    missing = [M(m).label for m in required_materials(case) if m not in materials]
    if missing:
        raise ReviewError(f"送审材料不全，缺少：{'、'.join(missing)}（R-REV-006）", field="materials")
    if not case.investigation_report.strip():
        raise ReviewError("案件尚无调查终结报告，不能送审（R-REV-006）", field="materials")
    if not case.investigative_steps.exists():
        raise ReviewError("案件尚无调查取证记录，证据材料不能送审（R-REV-006）", field="materials")
    if not declared:
        raise ReviewError(
            "承办机构须对送审材料的真实性、准确性、完整性及来源的合法性负责，请确认后送审（R-REV-006）",
            field="declaration",
        )
    return sorted(set(materials), key=list(M.values).index)


def _check_case_ready(case: PenaltyCase) -> None:
    if not case.requires_legal_review:
        raise ReviewError("本案不属于重大执法决定，无需法制审核（R-REV-001）", field="penalty_case")
    if case.state not in STAGE_OF:
        raise ReviewStateConflict(
            f"案件当前状态为“{case.get_state_display()}”，不能送法制审核：应在案件审核后、事先告知前，或在报请决定后送审",
            field="state",
        )
    if case.state == S.UNDER_CASE_REVIEW and case.route != DecisionKind.PENALTY:
        raise ReviewError("案件审核尚未作出给予行政处罚的意见，不能送法制审核", field="route")
    if review_passed(case):
        raise ReviewError("本案现拟处理意见已经法制审核通过，无需再次送审", field="penalty_case")


def _open_round(
    review: LegalReview, *, actor: Any, on: date, materials: list[str], statement: str, supplement_note: str
) -> ReviewRound:
    case = review.penalty_case
    review_round = ReviewRound.objects.create(
        legal_review=review,
        number=review.round,
        submitted_by=actor,
        submitted_on=on,
        materials=materials,
        statement=statement,
        supplement_note=supplement_note,
        basis=basis_of(case),
        review_deadline=add_working_days(on, review_time_limit_working_days()),  # R-REV-010, R-TIME-003
    )
    review.current_round = review_round
    return review_round


@transaction.atomic
def submit_legal_review(
    *,
    actor: Any,
    case: PenaltyCase,
    materials: list[str],
    statement: str,
    declaration: bool,
    submitted_on: date | None = None,
) -> LegalReview:
    """送法制审核 (R-REV-004/006): the case goes to 法制审核中; the time limit runs from the submission (R-REV-010).

    A case whose last review was returned for 补充 is resubmitted with ``resubmit_legal_review`` instead."""
    case = lock(case)
    require(actor, "review.submit_legal_review", case, message="只有本案承办人可以送法制审核")
    _check_case_ready(case)
    previous = latest_review(case)
    if previous is not None and previous.state == LegalReviewState.RETURNED:
        raise ReviewStateConflict("本案法制审核已退回补充，请补充后再次送审（进入下一轮）", field="penalty_case")
    if previous is not None and previous.is_open:
        raise ReviewStateConflict("本案已有正在进行的法制审核", field="penalty_case")
    chosen = _check_materials(case, materials, declaration)
    statement = text(statement, field="statement", message="请填写承办机构意见（送审理由及拟处理意见）")
    day = day_between(
        submitted_on,
        field="submitted_on",
        label="送审日期",
        not_before=case.case_reviewed_on or case.filed_on,
        after_what="案件审核日期",
    )
    review = LegalReview.objects.create(penalty_case=case, stage=STAGE_OF[S(case.state)], return_state=case.state)
    review_round = _open_round(review, actor=actor, on=day, materials=chosen, statement=statement, supplement_note="")
    review.save(update_fields=["current_round"])
    move_case(case, case.submit_for_legal_review, "送法制审核")
    case.save(update_fields=["state", "updated_at"])
    note(case, "legal_review_submitted", actor, legal_review_id=review.pk, round=review.round, submitted_on=day)
    note_review(
        review,
        "submitted",
        actor,
        submitted_on=day,
        materials=chosen,
        review_deadline=review_round.review_deadline,
        reasons=review_round.basis["reasons"],
    )
    return review


@transaction.atomic
def resubmit_legal_review(
    *,
    actor: Any,
    review: LegalReview,
    materials: list[str],
    statement: str,
    supplement_note: str,
    declaration: bool,
    submitted_on: date | None = None,
) -> LegalReview:
    """补充后再次送审 (R-REV-008): a new round with its own time limit; earlier rounds are kept as history."""
    review = lock_review(review)
    case = review.penalty_case
    require(actor, "review.submit_legal_review", case, message="只有本案承办人可以再次送审")
    if is_enforcement(review):
        raise ReviewError("强制执行决定前审核退回补充的，请连同修改后的强制执行方案再次送审", field="stage")
    step(review, review.resubmit, "再次送审")
    if case.state != review.return_state:
        raise ReviewStateConflict(
            f"案件当前状态为“{case.get_state_display()}”，已不在退回补充时的环节，不能再次送审", field="state"
        )
    if not case.requires_legal_review:
        raise ReviewError("本案已不属于重大执法决定，无需法制审核（R-REV-001）", field="penalty_case")
    chosen = _check_materials(case, materials, declaration)
    statement = text(statement, field="statement", message="请填写承办机构意见（送审理由及拟处理意见）")
    note_text = text(
        supplement_note, field="supplement_note", message="请说明针对退回意见所作的补充或修改（R-REV-008）"
    )
    previous = review.current_round
    assert previous is not None
    day = day_between(
        submitted_on,
        field="submitted_on",
        label="再次送审日期",
        not_before=previous.concluded_on or previous.submitted_on,
        after_what="上一轮审核日期",
    )
    review.outcome = ""
    review_round = _open_round(
        review, actor=actor, on=day, materials=chosen, statement=statement, supplement_note=note_text
    )
    review.save()
    move_case(case, case.submit_for_legal_review, "再次送法制审核")
    case.save(update_fields=["state", "updated_at"])
    note(case, "legal_review_submitted", actor, legal_review_id=review.pk, round=review.round, submitted_on=day)
    note_review(
        review,
        "resubmitted",
        actor,
        submitted_on=day,
        materials=chosen,
        review_deadline=review_round.review_deadline,
        supplement_note=note_text,
    )
    return review


@transaction.atomic
def withdraw_legal_review(*, actor: Any, review: LegalReview, reason: str) -> LegalReview:
    """承办机构撤回送审 (e.g. the case review changes its route): before the opinion, or after a 补充 return."""
    review = lock_review(review)
    case = review.penalty_case
    require(actor, "review.submit_legal_review", case, message="只有本案承办人可以撤回送审")
    reason = text(reason, field="reason", message="请填写撤回送审的理由")
    was_open = review.state in (LegalReviewState.SUBMITTED, LegalReviewState.IN_REVIEW)
    step(review, review.withdraw, "撤回")
    review.withdrawn_by = actor
    review.withdrawn_on = today()
    review.withdrawal_reason = reason
    review.save()
    if was_open and moves_case(review):  # the enforcement stage leaves the case 执行中 (``stages``)
        move_case(case, case.conclude_legal_review, "撤回法制审核", review.return_state)
        case.save(update_fields=["state", "updated_at"])
        note(case, "legal_review_withdrawn", actor, legal_review_id=review.pk)
    note_review(review, "withdrawn", actor, reason=reason)
    return review
