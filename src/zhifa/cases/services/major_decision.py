"""Which decisions of a case are major (重大执法决定, R-REV-001/002/003): the agency's 重大执法决定法制审核目录清单
(``catalog.services.effective_criteria``) applied to the case's proposal, and the grounds the case review judges.

Every reason is a Chinese sentence naming its ground, so that the review, the documents and the refusals say why.
The catalog's rows, by kind:

- 适用听证程序的行政处罚: the hearing-right reasons (R-HEA-001/002) make the penalty decision major;
- 较大数额罚款或没收, 责令停产停业, 吊销许可证件: the proposal reaches the row (amounts inclusive, R-TIME-006; the
  threshold row is the one ``large_fine_criterion`` picks, the same as the hearing threshold's). Where the hearing
  row already states the same ground (a kind of R-HEA-001, an amount at that threshold) the row adds no second
  sentence; switched off, the row's own reason appears;
- 一般程序处罚决定全部审核: every general-procedure penalty decision (``reviews_all_general_procedure``);
- 其他: not computable — the case review ticks the rows that apply (``CATALOG_OTHER_PREFIX``);
- 行政强制执行决定, 强制拆除: the enforcement decision (``enforcement_review_reasons``), not the penalty decision;
- 土地征收: not a decision of a penalty case.

A row applies when it is the agency's effective row (agency > deepest region > national; inactive = switched off)
and has no sector or the case's sector.
"""

from __future__ import annotations

from collections.abc import Iterable

from zhifa.cases.choices import CATALOG_OTHER_PREFIX, DecisionKind, MajorCriterion
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.catalog.choices import CriterionKind, PartyCategory, PenaltyKind
from zhifa.catalog.models import MajorDecisionCriterion
from zhifa.catalog.services import effective_criteria, large_fine_criterion
from zhifa.core.money import format_amount
from zhifa.parties.choices import PartyKind

K = CriterionKind
# 目录清单 rows that name a penalty kind (the kind proposed makes the decision major).
KIND_ROWS = {K.SUSPEND_OPERATIONS: PenaltyKind.SUSPEND_OPERATIONS, K.REVOKE_LICENSE: PenaltyKind.REVOKE_LICENSE}
WHO = {PartyCategory.NATURAL_PERSON: "公民", PartyCategory.ORGANIZATION: "单位", PartyCategory.ANY: ""}


def party_category(case: PenaltyCase) -> str:
    """公民 (natural persons and, by default, individual businesses — R-SIM-002) or 法人或者其他组织."""
    if case.party.kind in (PartyKind.NATURAL_PERSON, PartyKind.INDIVIDUAL_BUSINESS):
        return PartyCategory.NATURAL_PERSON
    return PartyCategory.ORGANIZATION


def applicable_criteria(case: PenaltyCase) -> list[MajorDecisionCriterion]:
    """The agency's effective catalog rows for the case's sector (rows of another sector do not apply)."""
    sector_id = case.enforcement_item.sector_id
    return [row for row in effective_criteria(agency=case.agency) if row.sector_id in (None, sector_id)]


def _has(rows: Iterable[MajorDecisionCriterion], kind: str) -> bool:
    return any(row.kind == kind for row in rows)


def _large_fine_reason(case: PenaltyCase) -> str:
    row = large_fine_criterion(
        party_category=party_category(case), agency=case.agency, sector=case.enforcement_item.sector
    )
    if row is None or row.threshold_amount is None:
        return ""
    amounts = (case.proposed_fine_amount, case.proposed_confiscation_amount)
    if not any(row.matches_amount(amount) for amount in amounts if amount > 0):
        return ""
    return f"目录清单：{row.get_kind_display()}（{WHO[PartyCategory(row.party_category)]}≥{format_amount(row.threshold_amount)}）"


def penalty_catalog_reasons(case: PenaltyCase, *, hearing_reasons: list[str]) -> list[str]:
    """R-REV-002: the reasons the catalog gives for the case's proposed penalty decision (route 行政处罚)."""
    if case.route != DecisionKind.PENALTY:
        return []
    rows = applicable_criteria(case)
    hearing_row = _has(rows, K.HEARING_ELIGIBLE_PENALTY)
    reasons = [f"听证类处罚：{r}" for r in hearing_reasons] if hearing_row else []
    # The hearing reasons are computed with the same 较大数额 row and name every kind of ``KIND_ROWS``
    # (R-HEA-001): when the hearing row applies, the kind and amount rows add no second sentence.
    if not (hearing_row and hearing_reasons):
        amount_reason = _large_fine_reason(case)
        if amount_reason:
            reasons.append(amount_reason)
        for kind, penalty in KIND_ROWS.items():
            if penalty in case.proposed_kinds and _has(rows, kind):
                reasons.append(f"目录清单：{K(kind).label}")
    if _has(rows, K.REVIEW_ALL_GENERAL_PROCEDURE):
        reasons.append("本地目录清单规定一般程序行政处罚决定均须法制审核")
    return reasons


def other_rows(case: PenaltyCase) -> list[MajorDecisionCriterion]:
    """The catalog's “其他” rows that apply to the case: the case review says which of them the case falls under."""
    return [row for row in applicable_criteria(case) if row.kind == K.OTHER]


def other_label(row: MajorDecisionCriterion) -> str:
    return f"目录清单：其他——{row.description or row.get_kind_display()}"


def criterion_choices(case: PenaltyCase) -> list[tuple[str, str]]:
    """The grounds the case review may tick (R-REV-001, and the catalog's “其他” rows), for the form."""
    rows = [(f"{CATALOG_OTHER_PREFIX}{row.pk}", other_label(row)) for row in other_rows(case)]
    return [*MajorCriterion.choices, *rows]


def check_judged_criteria(case: PenaltyCase, criteria: list[str], reason: str) -> tuple[list[str], str]:
    """R-REV-001: the ticked grounds are known ones (a “其他” row must apply to the case) and, when any is ticked,
    the case review writes why; returned in the form's order."""
    known = [value for value, _ in criterion_choices(case)]
    unknown = [c for c in criteria if c not in known]
    if unknown:
        raise CaseError(f"重大执法决定情形“{'、'.join(unknown)}”无效或不适用于本案", field="major_criteria")
    reason = (reason or "").strip()
    if criteria and not reason:
        raise CaseError("认定属于重大执法决定情形的，须写明认定理由（R-REV-001）", field="major_criteria_reason")
    return [value for value in known if value in criteria], reason if criteria else ""


def judged_reasons(case: PenaltyCase) -> list[str]:
    """The grounds the case review ticked, in words (a “其他” row switched off since no longer applies)."""
    others = {f"{CATALOG_OTHER_PREFIX}{row.pk}": other_label(row) for row in other_rows(case)}
    reasons = []
    for criterion in case.major_criteria:
        if criterion in MajorCriterion.values:
            reasons.append(f"案件审核认定：{MajorCriterion(criterion).label}")
        elif criterion in others:
            reasons.append(others[criterion])
    return reasons


def enforcement_review_reasons(case: PenaltyCase, *, demolition: bool) -> list[str]:
    """R-REV-002 (default: 行政强制执行决定, 强制拆除): why the agency's enforcement decision on the case is major."""
    rows = applicable_criteria(case)
    reasons = []
    if _has(rows, K.COERCIVE_ENFORCEMENT):
        reasons.append(f"目录清单：{K.COERCIVE_ENFORCEMENT.label}")
    if demolition and _has(rows, K.FORCED_DEMOLITION):
        reasons.append(f"目录清单：{K.FORCED_DEMOLITION.label}")
    return reasons
