"""How an opinion changes the case's proposal, and how a settled dispute puts it back (R-REV-008/009).

The reassessment is the case review's own computation (``cases.services.investigation``): the hearing right
(R-HEA-001/002) and the reasons the decision is major (R-REV-001/002) follow the proposal; a hearing already held
stays a reason (R-HEA-010). Nothing is ticked by hand.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from zhifa.cases.calculations import hearing_right_reasons, is_heavier
from zhifa.cases.choices import DecisionKind
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.investigation import legal_review_reasons
from zhifa.cases.services.major_decision import party_category
from zhifa.catalog.choices import PenaltyKind
from zhifa.catalog.services import large_fine_threshold
from zhifa.review.choices import ReviewStage
from zhifa.review.errors import ReviewError

HEARING_HELD = "经过听证"  # the reason close_hearing_stage adds (R-HEA-010, R-REV-001)
CASE_FIELDS = [
    "proposed_kinds",
    "proposed_fine_amount",
    "proposed_confiscation_amount",
    "route",
    "crime_suspected",
    "legal_review_reasons",
    "requires_legal_review",
    "requires_hearing_notice",
    "updated_at",
]


def check_amendment(
    case: PenaltyCase, *, stage: str, kinds: list[str] | None, fine: Decimal | None, confiscation: Decimal | None
) -> tuple[list[str], Decimal, Decimal]:
    """变更: a lawful penalty (R-PEN-001), different from the current proposal; after the prior notice never
    heavier than what was notified (R-PEN-017)."""
    if kinds is None:
        raise ReviewError("变更意见须写明变更后的处罚种类和金额", field="amended_kinds")
    unknown = [k for k in kinds if k not in PenaltyKind.values]
    if unknown or not kinds:
        raise ReviewError("变更后的处罚种类无效或为空（R-PEN-001）", field="amended_kinds")
    chosen = sorted(set(kinds))
    fine = (fine or Decimal("0")).quantize(Decimal("0.01"))
    confiscation = (confiscation or Decimal("0")).quantize(Decimal("0.01"))
    if fine < 0 or confiscation < 0:
        raise ReviewError("金额不能为负数", field="amended_fine_amount")
    if (PenaltyKind.FINE in chosen) != (fine > 0):
        raise ReviewError("变更后的处罚种类含罚款时须填写罚款金额，反之亦然", field="amended_fine_amount")
    current = (sorted(case.proposed_kinds), case.proposed_fine_amount, case.proposed_confiscation_amount)
    if (chosen, fine, confiscation) == current:
        raise ReviewError(
            "变更后的处罚与送审的拟处罚相同；无需变更的，请作出“同意”或“纠正”的意见", field="amended_kinds"
        )
    if stage == ReviewStage.BEFORE_DECISION and is_heavier(
        kinds=chosen,
        fine=fine,
        confiscation=confiscation,
        notified_kinds=case.notified_kinds,
        notified_fine=case.notified_fine_amount,
        notified_confiscation=case.notified_confiscation_amount,
    ):
        raise ReviewError(
            "事先告知后变更的处罚不得重于已告知的内容；须加重的，应退回补充并重新告知（R-PEN-017）",
            field="amended_kinds",
        )
    return chosen, fine, confiscation


def _reassess(case: PenaltyCase, *, stage: str, held: bool) -> None:
    hearing: list[str] = []
    if case.route == DecisionKind.PENALTY:
        threshold = large_fine_threshold(
            party_category=party_category(case), agency=case.agency, sector=case.enforcement_item.sector
        )
        hearing = hearing_right_reasons(
            kinds=case.proposed_kinds,
            fine_amount=case.proposed_fine_amount,
            confiscation_amount=case.proposed_confiscation_amount,
            large_amount_threshold=threshold,
        )
    reasons = legal_review_reasons(case, hearing_reasons=hearing)
    if held and HEARING_HELD not in reasons:
        reasons.append(HEARING_HELD)
    case.legal_review_reasons = reasons
    case.requires_legal_review = bool(reasons)
    if stage == ReviewStage.BEFORE_NOTICE:  # after the notice the party's rights were already told
        case.requires_hearing_notice = bool(hearing)


def apply_amendment(
    case: PenaltyCase, *, stage: str, kinds: list[str], fine: Decimal, confiscation: Decimal
) -> dict[str, Any]:
    """变更: the reviewer's penalty becomes the case's proposal; returns what it was (for the ledger)."""
    before = {
        "kinds": list(case.proposed_kinds),
        "fine_amount": case.proposed_fine_amount,
        "confiscation_amount": case.proposed_confiscation_amount,
    }
    held = HEARING_HELD in case.legal_review_reasons
    case.proposed_kinds, case.proposed_fine_amount, case.proposed_confiscation_amount = kinds, fine, confiscation
    _reassess(case, stage=stage, held=held)
    case.save(update_fields=CASE_FIELDS)
    return before


def apply_transfer(case: PenaltyCase, *, stage: str) -> None:
    """移送: the case is crime-suspected and routed to 移送司法机关 (R-TRN-001), as the case review would."""
    held = HEARING_HELD in case.legal_review_reasons
    case.crime_suspected = True
    case.route = DecisionKind.TRANSFER
    _reassess(case, stage=stage, held=held)
    case.save(update_fields=CASE_FIELDS)


def restore(case: PenaltyCase, *, basis: dict[str, Any], stage: str) -> None:
    """The handler's view prevailed (R-REV-009): the proposal, route and crime flag as submitted."""
    case.proposed_kinds = list(basis["kinds"])
    case.proposed_fine_amount = Decimal(basis["fine_amount"])
    case.proposed_confiscation_amount = Decimal(basis["confiscation_amount"])
    case.route = basis["route"]
    case.crime_suspected = bool(basis["crime_suspected"])
    _reassess(case, stage=stage, held=HEARING_HELD in basis["reasons"])
    case.legal_review_reasons = list(basis["reasons"])
    case.requires_legal_review = bool(case.legal_review_reasons)
    case.save(update_fields=CASE_FIELDS)
