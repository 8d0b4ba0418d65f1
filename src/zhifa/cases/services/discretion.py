"""裁量 in the case (R-DIS-004..014): the benchmark and circumstances recorded with the proposal, the check of the
decision against the version in force on the decision day, the collective-discussion gate for deviations, the
免罚清单 and the 柔性执法 measures a no-penalty decision needs. The evaluation itself is
``cases.services.discretion_check``; the computed circumstances ``cases.services.discretion_facts``.

When it applies: every proposal for an item with a benchmark (in force or suspended) or a 免罚清单 entry, and any
proposal naming a tier, an entry or circumstances. A proposal that punishes is assessed against the benchmark in
force that day (or the law alone when none is); a proposal not to punish that names no tier and no entry (for want
of facts, R-PEN-013) only gets the computed circumstances and the list's suggestions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase, UpperBenchmarkApproval
from zhifa.cases.services.discretion_check import Evaluation, entry_notes, evaluate, has_material
from zhifa.cases.services.discretion_facts import Facts, case_circumstances, lookback_months
from zhifa.cases.services.discretion_measures import record_flexible_measure
from zhifa.cases.services.discretion_upper import approve_upper_deviation, is_upper_level
from zhifa.core.calendar import format_day, today
from zhifa.discretion import services as discretion
from zhifa.discretion.assessment import Proposal
from zhifa.discretion.choices import DiscretionTier
from zhifa.discretion.models import DiscretionBenchmark, ExemptionListEntry

BENCHMARK_DEVIATION = "benchmark_deviation"  # the collective-discussion topic of a deviation (R-DIS-005)

# --- the collective-discussion gate (R-DIS-005) ------------------------------------------------------------------
# The review app, above cases, registers a function saying whether the case's collective discussion of ``topic``
# was approved. Until one is registered, a decision that deviates from its benchmark cannot be made at all — the
# same default as the legal-review gate (``_common.require_legal_review_passed``).
DiscussionCheck = Callable[[PenaltyCase, str], bool]
_discussion_checks: dict[str, DiscussionCheck] = {}


def register_discussion_check(check: DiscussionCheck) -> None:
    """Install a check (keyed by its qualified name, so registering twice is harmless)."""
    _discussion_checks[f"{check.__module__}.{check.__qualname__}"] = check


def discussion_approved(case: PenaltyCase, topic: str) -> bool:
    return any(check(case, topic) for check in _discussion_checks.values())


def _require_reason(evaluation: Evaluation, reason: str, *, hint: str) -> None:
    result = evaluation.result
    if result.refusals:
        field_name = "proposed_fine_amount" if result.fine_refused else "proposed_tier"
        raise CaseError("；".join(result.refusals), field=field_name)
    if result.needs_reason and not reason:
        problems = "；".join([*result.deviations, *result.warnings])
        raise CaseError(f"{problems}。{hint}", field="deviation_reason")


# --- the proposal (调查终结) ----------------------------------------------------------------------------------------


def _check_entry(case: PenaltyCase, entry: ExemptionListEntry, values: Mapping[str, Any], on: date) -> None:
    """R-DIS-014: the entry is in a list in force, covers the case's item, and its circumstances all hold."""
    if entry.pk not in {e.pk for e in discretion.exemption_entries_for(item=case.enforcement_item, on=on)}:
        raise CaseError(f"“{entry}”在{format_day(on)}不适用于本案执法事项（R-DIS-014）", field="exemption_entry")
    missing = [c.name for c in entry.required_circumstances.all() if values.get(c.code) is not True]
    if missing:
        raise CaseError(f"适用“{entry}”须具备以下情节：{'、'.join(missing)}（R-DIS-014）", field="circumstances")
    if entry.is_no_penalty and case.proposed_kinds:
        raise CaseError(
            f"适用“{entry}”（{entry.get_kind_display()}）的，应当拟不予行政处罚（处罚法第33条）", field="proposed_kinds"
        )


def apply_proposal_discretion(
    case: PenaltyCase,
    *,
    benchmark: DiscretionBenchmark | None,
    circumstances: Mapping[str, Any],
    tier: str,
    reason: str,
    exemption_entry: ExemptionListEntry | None,
) -> None:
    """调查终结: record the benchmark version in force today, the circumstances (ticked and computed), the tier and
    the check of the proposal (R-DIS-004); what the law forbids is refused (R-DIS-007..011, R-PEN-001); a deviation,
    a punished first violation or a punished list entry needs a reason (R-DIS-005, R-DIS-011, R-DIS-014)."""
    on = today()
    if tier and tier not in DiscretionTier.values:
        raise CaseError(f"裁量阶次“{tier}”无效", field="proposed_tier")
    item = case.enforcement_item
    if not (has_material(item, on) or circumstances or tier or exemption_entry or benchmark):
        case.circumstances, case.exemption_entry, case.benchmark = {}, None, None
        case.proposed_tier = case.matched_tier = ""
        case.benchmark_deviation, case.discretion_notes, case.deviation_reason = False, [], reason.strip()
        return
    known = discretion.circumstances()
    values = case_circumstances(Facts.of(case), circumstances, {c.code: c for c in known})
    if exemption_entry is not None:
        _check_entry(case, exemption_entry, values, on)
        if exemption_entry.is_no_penalty:
            tier = tier or DiscretionTier.NO_PENALTY
    proposal = Proposal(frozenset(case.proposed_kinds), case.proposed_fine_amount, case.proposed_confiscation_amount)
    case.circumstances = values
    case.exemption_entry = exemption_entry
    case.deviation_reason = reason.strip()
    case.benchmark, case.proposed_tier, case.matched_tier, case.benchmark_deviation = None, "", "", False
    if not (proposal.kinds or tier or exemption_entry):  # not to punish, for want of facts (R-PEN-013)
        entries = discretion.exemption_entries_for(item=item, on=on)
        case.discretion_notes = entry_notes(entries, values, proposal, "", None)[0]
        return
    evaluation = evaluate(
        item,
        on,
        values=values,
        proposal=proposal,
        tier=tier,
        known=known,
        benchmark=benchmark,
        named_entry=exemption_entry,
    )
    _require_reason(evaluation, case.deviation_reason, hint="请填写裁量理由")
    result = evaluation.result
    case.benchmark = evaluation.benchmark
    case.proposed_tier = result.chosen_tier
    case.matched_tier = result.matched_tier
    case.benchmark_deviation = result.needs_discussion
    case.discretion_notes = evaluation.lines


# --- what the case page shows ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseDiscretion:
    """The benchmarks (in force, and suspended ones that cannot be applied), the list entries, the automatic
    first-violation lookup, the proposal's check and the decision's, for the case page and the API."""

    benchmarks: list[DiscretionBenchmark]
    suspended: list[DiscretionBenchmark]
    entries: list[ExemptionListEntry]
    earlier: list[PenaltyCase]
    lookback_months: int
    proposal: list[str]
    decision: list[str]
    discussion_needed: bool
    discussion_approved: bool
    upper_approval_needed: bool  # R-DIS-005: deviating from an upper level's benchmark needs its issuer's approval
    upper_approvals: list[UpperBenchmarkApproval]

    @property
    def first_violation(self) -> bool:
        """R-DIS-012, looked up by the system: no earlier decision for the same violation within the lookback."""
        return not self.earlier


def case_discretion(case: PenaltyCase, *, on: date) -> CaseDiscretion:
    months = lookback_months()
    candidates = discretion.candidates_for(item=case.enforcement_item, on=on)
    needed = case.benchmark_deviation and case.decided_on is None
    return CaseDiscretion(
        benchmarks=candidates.in_force,
        suspended=candidates.suspended,
        entries=discretion.exemption_entries_for(item=case.enforcement_item, on=on),
        earlier=Facts.of(case).earlier(months),
        lookback_months=months,
        proposal=list(case.discretion_notes),
        decision=list(case.applied_discretion),
        discussion_needed=needed,
        discussion_approved=needed and discussion_approved(case, BENCHMARK_DEVIATION),
        upper_approval_needed=needed and is_upper_level(case, case.benchmark),
        upper_approvals=list(case.upper_approvals.select_related("approved_by", "issuing_agency", "benchmark")),
    )


__all__ = [
    "BENCHMARK_DEVIATION",
    "CaseDiscretion",
    "apply_proposal_discretion",
    "approve_upper_deviation",
    "case_discretion",
    "discussion_approved",
    "record_flexible_measure",
    "register_discussion_check",
]
