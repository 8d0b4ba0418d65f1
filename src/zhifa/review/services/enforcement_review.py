"""强制执行决定前审核 (R-REV-002/003/004/006): the agency's 行政强制执行决定 is a major decision by default (and 强制拆除),
so before the head decides it the handler submits the enforcement proposal — methods, legal basis, scheduled date, the
催告 it rests on and what is owed (``cases.services.enforcement_review_hooks.compulsory_proposal``) — for legal review.

The review runs like any other (受理, the checklist and the opinion, 延长, 分歧, 撤回: the shared services, shaped by
``stages``), but the case stays 执行中 throughout, and what is approved is the proposal of the round. The check
registered with the cases app (``enforcement_review_check``) opens ``decide_compulsory_execution`` only for exactly
that proposal (``EnforcementProposal.covered_by``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from zhifa.cases.choices import CompulsoryMethod, PenaltyCaseState
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services._common import lock, note
from zhifa.cases.services.enforcement_review_hooks import EnforcementProposal, compulsory_proposal, latest_demand
from zhifa.core.calendar import add_working_days, format_day, missing_years
from zhifa.core.permissions import require
from zhifa.review.choices import LegalReviewState, ReviewStage, SubmissionMaterial
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.models import LegalReview, ReviewRound
from zhifa.review.services._common import (
    day_between,
    lock_review,
    note_review,
    review_time_limit_working_days,
    step,
    text,
)
from zhifa.review.services.gate import latest_review
from zhifa.review.services.stages import is_enforcement

M = SubmissionMaterial
# R-REV-006: what the handler submits with an enforcement proposal (R-COE-010/011/014: the decision served, the 催告
# served and what the party said to it, the draft decision and its legal basis).
ENFORCEMENT_MATERIALS = (M.PENALTY_DECISION, M.DEMAND_NOTICE, M.DRAFT_ENFORCEMENT_DECISION, M.LEGAL_BASIS)
ONLY_HANDLER = "只有本案承办人可以送法制审核"


def required_enforcement_materials(case: PenaltyCase) -> list[str]:
    """The list above, plus the statements on the 催告 and their review when the party made any."""
    wanted = list(ENFORCEMENT_MATERIALS)
    notice = latest_demand(case)
    if notice is not None and notice.statements.exists():
        wanted.append(M.DEMAND_STATEMENTS)
    return [str(m) for m in wanted]


def _check_materials(case: PenaltyCase, materials: list[str], declared: bool) -> list[str]:
    unknown = [m for m in materials if m not in M.values]
    if unknown:
        raise ReviewError(f"送审材料“{'、'.join(unknown)}”无效", field="materials")
    missing = [M(m).label for m in required_enforcement_materials(case) if m not in materials]
    if missing:
        raise ReviewError(f"送审材料不全，缺少：{'、'.join(missing)}（R-REV-006）", field="materials")
    if not declared:
        raise ReviewError(
            "承办机构须对送审材料的真实性、准确性、完整性及来源的合法性负责，请确认后送审（R-REV-006）",
            field="declaration",
        )
    return sorted(set(materials), key=list(M.values).index)


def _proposal(
    case: PenaltyCase,
    *,
    methods: list[str],
    legal_basis: str,
    scheduled_on: date,
    is_immediate: bool,
    is_urgent: bool,
    on: date,
) -> EnforcementProposal:
    """The proposal to review: executing, a lawful method, a basis, a date not before the submission; major."""
    if case.state != PenaltyCaseState.EXECUTING:
        raise ReviewStateConflict(
            f"案件当前状态为“{case.get_state_display()}”，不在执行环节，不能就强制执行决定送法制审核", field="state"
        )
    unknown = [m for m in methods if m not in CompulsoryMethod.values]
    if not methods or unknown:
        raise ReviewError("请选择拟采取的强制执行方式", field="methods")
    basis = text(legal_basis, field="legal_basis", message="请填写拟作出强制执行决定的法律依据（R-COE-001）")
    if scheduled_on < on:
        raise ReviewError(f"拟强制执行时间不能早于送审日期（{format_day(on)}）", field="scheduled_on")
    proposal = compulsory_proposal(
        case,
        methods=methods,
        legal_basis=basis,
        scheduled_on=scheduled_on,
        is_immediate=is_immediate,
        is_urgent=is_urgent,
        on=on,
    )
    if not proposal.reasons:
        raise ReviewError(
            "依本单位重大执法决定法制审核目录清单，本案强制执行决定不属于重大执法决定，无需法制审核（R-REV-002）",
            field="penalty_case",
        )
    return proposal


def _open_round(
    review: LegalReview,
    *,
    actor: Any,
    on: date,
    materials: list[str],
    statement: str,
    supplement_note: str,
    proposal: EnforcementProposal,
) -> ReviewRound:
    review_round = ReviewRound.objects.create(
        legal_review=review,
        number=review.round,
        submitted_by=actor,
        submitted_on=on,
        materials=materials,
        statement=statement,
        supplement_note=supplement_note,
        basis=proposal.basis(),
        # R-REV-010, R-TIME-003; an enforcement may run into a year without a holiday table: the internal time limit
        # is then counted weekends-only (R-TIME-001) and the submission's ledger event names the year.
        review_deadline=add_working_days(on, review_time_limit_working_days(), provisional=True),
    )
    review.current_round = review_round
    return review_round


@transaction.atomic
def submit_enforcement_review(
    *,
    actor: Any,
    case: PenaltyCase,
    methods: list[str],
    legal_basis: str,
    scheduled_on: date,
    materials: list[str],
    statement: str,
    declaration: bool,
    is_immediate: bool = False,
    is_urgent: bool = False,
    submitted_on: date | None = None,
) -> LegalReview:
    """送法制审核 of the enforcement proposal (强制执行决定前审核, R-REV-002/004/006). The case stays 执行中; the time
    limit runs from the submission (R-REV-010). After 补充 the handler resubmits (``resubmit_enforcement_review``)."""
    case = lock(case)
    require(actor, "review.submit_legal_review", case, message=ONLY_HANDLER)
    day = day_between(
        submitted_on,
        field="submitted_on",
        label="送审日期",
        not_before=case.decision_served_on or case.filed_on,
        after_what="处罚决定书送达日期",
    )
    proposal = _proposal(
        case,
        methods=methods,
        legal_basis=legal_basis,
        scheduled_on=scheduled_on,
        is_immediate=is_immediate,
        is_urgent=is_urgent,
        on=day,
    )
    previous = latest_review(case, enforcement=True)
    if previous is not None and previous.state == LegalReviewState.RETURNED:
        raise ReviewStateConflict(
            "强制执行决定的法制审核已退回补充，请补充后再次送审（进入下一轮）", field="penalty_case"
        )
    if previous is not None and previous.is_open:
        raise ReviewStateConflict("本案已有正在进行的法制审核", field="penalty_case")
    if previous is not None and previous.passes and proposal.covered_by(previous.approved_basis):
        raise ReviewError("该强制执行方案已经法制审核通过，无需再次送审", field="penalty_case")
    chosen = _check_materials(case, materials, declaration)
    statement = text(statement, field="statement", message="请填写承办机构意见（送审理由及拟强制执行方案）")
    review = LegalReview.objects.create(
        penalty_case=case, stage=ReviewStage.BEFORE_ENFORCEMENT, return_state=case.state
    )
    review_round = _open_round(
        review, actor=actor, on=day, materials=chosen, statement=statement, supplement_note="", proposal=proposal
    )
    review.save(update_fields=["current_round"])
    note(case, "enforcement_review_submitted", actor, legal_review_id=review.pk, round=review.round, submitted_on=day)
    note_review(
        review,
        "submitted",
        actor,
        submitted_on=day,
        materials=chosen,
        review_deadline=review_round.review_deadline,
        reasons=list(proposal.reasons),
        proposal=proposal.basis(),
        provisional_calendar_years=missing_years(day, review_round.review_deadline),
    )
    return review


@transaction.atomic
def resubmit_enforcement_review(
    *,
    actor: Any,
    review: LegalReview,
    methods: list[str],
    legal_basis: str,
    scheduled_on: date,
    materials: list[str],
    statement: str,
    supplement_note: str,
    declaration: bool,
    is_immediate: bool = False,
    is_urgent: bool = False,
    submitted_on: date | None = None,
) -> LegalReview:
    """补充后再次送审 of the enforcement proposal, as amended (R-REV-008): a new round with its own time limit."""
    review = lock_review(review)
    case = review.penalty_case
    require(actor, "review.submit_legal_review", case, message="只有本案承办人可以再次送审")
    if not is_enforcement(review):
        raise ReviewError("该法制审核不是强制执行决定前审核", field="stage")
    step(review, review.resubmit, "再次送审")
    previous = review.current_round
    assert previous is not None  # every submission opens a round
    day = day_between(
        submitted_on,
        field="submitted_on",
        label="再次送审日期",
        not_before=previous.concluded_on or previous.submitted_on,
        after_what="上一轮审核日期",
    )
    proposal = _proposal(
        case,
        methods=methods,
        legal_basis=legal_basis,
        scheduled_on=scheduled_on,
        is_immediate=is_immediate,
        is_urgent=is_urgent,
        on=day,
    )
    chosen = _check_materials(case, materials, declaration)
    statement = text(statement, field="statement", message="请填写承办机构意见（送审理由及拟强制执行方案）")
    note_text = text(
        supplement_note, field="supplement_note", message="请说明针对退回意见所作的补充或修改（R-REV-008）"
    )
    review.outcome = ""
    review_round = _open_round(
        review,
        actor=actor,
        on=day,
        materials=chosen,
        statement=statement,
        supplement_note=note_text,
        proposal=proposal,
    )
    review.save()
    note(case, "enforcement_review_submitted", actor, legal_review_id=review.pk, round=review.round, submitted_on=day)
    note_review(
        review,
        "resubmitted",
        actor,
        submitted_on=day,
        materials=chosen,
        review_deadline=review_round.review_deadline,
        supplement_note=note_text,
        proposal=proposal.basis(),
        provisional_calendar_years=missing_years(day, review_round.review_deadline),
    )
    return review


def enforcement_review_check(case: PenaltyCase, proposal: EnforcementProposal) -> bool:
    """Registered with ``cases.services.enforcement_review_hooks``: the latest review of the case's enforcement
    decision passed and its approved proposal covers the one being decided (R-REV-004)."""
    review = latest_review(case, enforcement=True)
    return review is not None and review.passes and proposal.covered_by(review.approved_basis)
