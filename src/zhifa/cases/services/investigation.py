"""调查取证、调查终结、案件审核、补充调查 (R-PEN-010, R-PEN-011, R-PEN-013, R-PER-005, R-REV-001/002)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from zhifa.cases.calculations import hearing_right_reasons
from zhifa.cases.choices import DecisionKind, InvestigativeStepKind, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import InvestigativeStep, PenaltyCase
from zhifa.cases.services._common import allow, check_officers, lock, move, note
from zhifa.cases.services.discretion import apply_proposal_discretion
from zhifa.cases.services.hooks import case_left_review
from zhifa.cases.services.major_decision import (
    check_judged_criteria,
    judged_reasons,
    party_category,
    penalty_catalog_reasons,
)
from zhifa.cases.services.notice import forget_notice
from zhifa.catalog.choices import PenaltyKind
from zhifa.catalog.services import large_fine_threshold
from zhifa.core.calendar import today
from zhifa.discretion.models import DiscretionBenchmark, ExemptionListEntry
from zhifa.personnel.models import Officer


@transaction.atomic
def record_investigative_step(
    *,
    actor: Any,
    case: PenaltyCase,
    kind: str,
    performed_on: date,
    place: str,
    summary: str,
    officers: list[Officer],
) -> InvestigativeStep:
    """调查取证: two certified handlers of the case who declared no conflict (R-PER-005, R-PEN-010)."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以记录调查取证")
    if kind not in InvestigativeStepKind.values:
        raise CaseError(f"调查取证类别“{kind}”无效", field="kind")
    if performed_on < case.filed_on or performed_on > today():
        raise CaseError("调查取证日期应在立案之后且不晚于今天", field="performed_on")
    handlers = {h.officer_id: h for h in case.handlers.all()}
    outsiders = [o.name for o in officers if o.pk not in handlers]
    if outsiders:
        raise CaseError(f"{'、'.join(outsiders)}不是本案承办人", field="officers")
    undeclared = [o.name for o in officers if not handlers[o.pk].declared_no_conflict]
    if undeclared:
        raise CaseError(f"{'、'.join(undeclared)}尚未作出回避声明（R-PEN-010）", field="officers")
    chosen = check_officers(officers, on=performed_on, sector=case.enforcement_item.sector)
    if case.state == PenaltyCaseState.FILED:
        move(case, case.investigate, "开始调查取证")
        case.save(update_fields=["state", "updated_at"])
    elif case.state != PenaltyCaseState.INVESTIGATING:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不能再记录调查取证", field="state")
    step = InvestigativeStep.objects.create(
        penalty_case=case,
        kind=kind,
        performed_on=performed_on,
        place=place.strip(),
        summary=summary.strip(),
        recorded_by=actor,
    )
    step.officers.set(chosen)
    note(
        case,
        "investigated",
        actor,
        step_id=step.pk,
        kind=kind,
        performed_on=performed_on,
        officers=[o.pk for o in chosen],
    )
    return step


def _valid_kinds(kinds: list[str]) -> list[str]:
    unknown = [k for k in kinds if k not in PenaltyKind.values]
    if unknown:
        raise CaseError(f"处罚种类“{'、'.join(unknown)}”不是法定种类（R-PEN-001）", field="penalty_kinds")
    return sorted(set(kinds))


def _amount(value: Decimal, field: str) -> Decimal:
    if value < 0:
        raise CaseError("金额不能为负数", field=field)
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def submit_investigation_report(
    *,
    actor: Any,
    case: PenaltyCase,
    report: str,
    proposed_kinds: list[str],
    proposed_fine_amount: Decimal = Decimal("0"),
    proposed_confiscation_amount: Decimal = Decimal("0"),
    crime_suspected: bool = False,
    benchmark: DiscretionBenchmark | None = None,
    circumstances: Mapping[str, Any] | None = None,
    proposed_tier: str = "",
    deviation_reason: str = "",
    exemption_entry: ExemptionListEntry | None = None,
) -> PenaltyCase:
    """调查终结报告 → 案件审核. Evidence comes before any decision: at least one investigative step (R-PEN-011).
    With the proposal, the ticked circumstances, the tier and any 免罚清单 entry are checked against the item's
    benchmark in force today and recorded (R-DIS-004/005/014, ``cases.services.discretion``)."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以提交调查终结报告")
    if not case.investigative_steps.exists():
        raise CaseError("尚无调查取证记录，不能调查终结（R-PEN-011）", field="investigative_steps")
    if not report.strip():
        raise CaseError("请填写调查终结报告", field="report")
    kinds = _valid_kinds(proposed_kinds)
    fine = _amount(proposed_fine_amount, "proposed_fine_amount")
    if (PenaltyKind.FINE in kinds) != (fine > 0):
        raise CaseError("拟处罚种类含罚款时须填写罚款金额，反之亦然", field="proposed_fine_amount")
    move(case, case.submit_for_case_review, "提交案件审核")
    case.investigation_report = report.strip()
    case.proposed_kinds = kinds
    case.proposed_fine_amount = fine
    case.proposed_confiscation_amount = _amount(proposed_confiscation_amount, "proposed_confiscation_amount")
    case.crime_suspected = crime_suspected
    apply_proposal_discretion(
        case,
        benchmark=benchmark,
        circumstances=circumstances or {},
        tier=proposed_tier,
        reason=deviation_reason,
        exemption_entry=exemption_entry,
    )
    case.save()
    note(
        case,
        "investigation_reported",
        actor,
        proposed_kinds=kinds,
        proposed_fine_amount=fine,
        proposed_confiscation_amount=case.proposed_confiscation_amount,
        crime_suspected=crime_suspected,
        benchmark_id=case.benchmark_id,
        proposed_tier=case.proposed_tier,
        benchmark_deviation=case.benchmark_deviation,
        exemption_entry_id=case.exemption_entry_id,
    )
    return case


def legal_review_reasons(case: PenaltyCase, *, hearing_reasons: list[str]) -> list[str]:
    """R-REV-001/002: why the decision is major (法制审核 required): the agency's catalog rows applied to the
    proposal (``major_decision.penalty_catalog_reasons``), a suspected crime, and the grounds the case review
    judged (stored on the case, so every reassessment keeps them). Computed, never ticked."""
    reasons = penalty_catalog_reasons(case, hearing_reasons=hearing_reasons)
    if case.crime_suspected:
        reasons.append("涉嫌犯罪，拟移送司法机关")
    return [*reasons, *judged_reasons(case)]


@transaction.atomic
def complete_case_review(
    *,
    actor: Any,
    case: PenaltyCase,
    route: str,
    facts_clear: bool,
    opinion: str,
    reviewed_on: date | None = None,
    major_criteria: list[str] | None = None,
    major_criteria_reason: str = "",
) -> PenaltyCase:
    """案件审核: the reviewer states whether facts are clear and which way the case goes (R-PEN-013), and which
    grounds of a major decision only a person can judge apply (R-REV-001: 重大公共利益, 重大社会影响或社会风险,
    疑难复杂, 法律法规规章规定; the catalog's “其他” rows), with the written reason. Whether the decision is major
    follows from them and from the catalog: ``requires_legal_review`` is computed, never ticked."""
    case = lock(case)
    allow(actor, "cases.review_case", case, "只有本单位审核人或负责人可以进行案件审核")
    if case.state != PenaltyCaseState.UNDER_CASE_REVIEW:
        raise CaseStateConflict(f"案件当前状态为“{case.get_state_display()}”，不在案件审核环节", field="state")
    day = reviewed_on or today()
    if day < case.filed_on or day > today():
        raise CaseError("审核日期应在立案之后且不晚于今天", field="reviewed_on")
    if route not in DecisionKind.values:
        raise CaseError(f"审核意见“{route}”无效", field="route")
    if route == DecisionKind.PENALTY and not facts_clear:
        raise CaseError("违法事实不清、证据不足的，不得给予行政处罚（R-PEN-013）", field="facts_clear")
    if case.crime_suspected and route in (DecisionKind.PENALTY, DecisionKind.NO_PENALTY):
        raise CaseError("涉嫌犯罪的案件应当移送司法机关，不得以罚代刑（R-TRN-001）", field="route")
    criteria, criteria_reason = check_judged_criteria(case, list(major_criteria or []), major_criteria_reason)
    threshold = large_fine_threshold(
        party_category=party_category(case), agency=case.agency, sector=case.enforcement_item.sector
    )
    hearing = (
        hearing_right_reasons(
            kinds=case.proposed_kinds,
            fine_amount=case.proposed_fine_amount,
            confiscation_amount=case.proposed_confiscation_amount,
            large_amount_threshold=threshold,
        )
        if route == DecisionKind.PENALTY
        else []
    )
    case.route = route
    case.facts_clear = facts_clear
    case.case_review_opinion = opinion.strip()
    case.case_reviewed_on = day
    case.major_criteria, case.major_criteria_reason = criteria, criteria_reason  # R-REV-001
    case.requires_hearing_notice = bool(hearing)
    case.legal_review_reasons = legal_review_reasons(case, hearing_reasons=hearing)
    case.requires_legal_review = bool(case.legal_review_reasons)
    if route != DecisionKind.PENALTY:
        move(case, case.await_decision, "报请决定")
    case.save()
    note(
        case,
        "case_reviewed",
        actor,
        route=route,
        facts_clear=facts_clear,
        requires_legal_review=case.requires_legal_review,
        requires_hearing_notice=case.requires_hearing_notice,
        major_criteria=criteria,
        legal_review_reasons=case.legal_review_reasons,
    )
    return case


REOPENABLE_STATES = (PenaltyCaseState.UNDER_CASE_REVIEW, PenaltyCaseState.AWAITING_DECISION)


@transaction.atomic
def reopen_investigation(*, actor: Any, case: PenaltyCase, reason: str) -> PenaltyCase:
    """补充调查 (R-PEN-013): the head sends a case in 案件审核 or 待决定 back to 调查取证 — after the legal review returned
    it for 补充, a defence was adopted, or the collective discussion did not adopt the proposal. New evidence is then
    gathered and the case goes through 调查终结 and 案件审核 again (route cleared). A notice already served no longer
    counts: new facts need a new notice (R-PEN-017), and a heavier penalty is never decided on the old one. A legal
    review returned for 补充 and a discussion still convened are closed by the review app (``hooks``)."""
    case = lock(case)
    allow(actor, "cases.reopen_investigation", case, "只有本单位负责人可以决定补充调查")
    if case.state not in REOPENABLE_STATES:
        raise CaseStateConflict(
            f"案件当前状态为“{case.get_state_display()}”，案件审核或报请决定环节方可退回补充调查", field="state"
        )
    reason = reason.strip()
    if not reason:
        raise CaseError("请写明补充调查的理由（需要查明的事实、补充的证据）", field="reason")
    reopened_from = case.state
    notice_served_on = case.notice_served_on
    move(case, case.reopen_investigation, "退回补充调查")
    case.route = ""
    case.facts_clear = None
    forget_notice(case)
    case.save()
    case_left_review(case, actor=actor, reason="案件退回补充调查")
    note(
        case,
        "investigation_reopened",
        actor,
        reason=reason,
        reopened_from=reopened_from,
        notice_withdrawn_served_on=notice_served_on,
    )
    return case
