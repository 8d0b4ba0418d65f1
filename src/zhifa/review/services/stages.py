"""How a review's stage shapes the shared steps (受理, 审核意见, 分歧, 撤回, 延长).

The penalty stages (告知前、决定前审核) hold the case in 法制审核中 while they run and approve the case's proposal
(``gate.basis_of``): their steps move the case. The 强制执行决定前审核 (R-REV-002/003) approves the enforcement
proposal submitted in its round (``enforcement_review``) and leaves the case 执行中: its steps never move the case,
and its opinion cannot 变更 a penalty or 移送 — a different enforcement is a new proposal (补充, then resubmitted).
"""

from __future__ import annotations

from typing import Any

from zhifa.review.choices import ReviewOutcome, ReviewStage
from zhifa.review.errors import ReviewError
from zhifa.review.models import LegalReview
from zhifa.review.services.gate import basis_of, latest_review


def is_enforcement(review: LegalReview) -> bool:
    return review.stage == ReviewStage.BEFORE_ENFORCEMENT


def moves_case(review: LegalReview) -> bool:
    """The case waits in 法制审核中 while the review runs (penalty stages only)."""
    return not is_enforcement(review)


def current_basis(review: LegalReview) -> dict[str, Any]:
    """What an approval of ``review`` covers now: the case's proposal (penalty stages) or the enforcement proposal of
    its current round."""
    if is_enforcement(review):
        return dict(review.current_round.basis) if review.current_round is not None else {}
    return basis_of(review.penalty_case)


def latest_of_stage(review: LegalReview) -> LegalReview | None:
    """The case's latest review of the same decision as ``review`` (penalty or enforcement)."""
    return latest_review(review.penalty_case, enforcement=is_enforcement(review))


def check_stage_outcome(review: LegalReview, outcome: str) -> None:
    """The enforcement stage approves (同意/纠正) or returns (补充) the proposal as submitted."""
    if not is_enforcement(review):
        return
    if outcome == ReviewOutcome.AMEND:
        raise ReviewError(
            "强制执行决定前审核不能“变更”处罚；须改变强制执行方式、依据或时间的，请作出“补充”意见，由承办机构修改后再次送审",
            field="outcome",
        )
    if outcome == ReviewOutcome.TRANSFER:
        raise ReviewError("强制执行决定前审核不适用“移送”意见", field="outcome")
