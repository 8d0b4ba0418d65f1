"""裁量 in the case (R-DIS-004..014): the benchmark and circumstances recorded with the proposal, the check of the
decision against the version in force on the decision day, the collective-discussion gate for deviations, the
免罚清单 and the 柔性执法 measures a no-penalty decision needs.

When it applies: a proposal that punishes (or names a tier or a list entry) is assessed against the benchmark of
the item in force that day; a proposal not to punish for want of facts (R-PEN-013) is not a discretion matter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from zhifa.cases.choices import DecisionKind
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import FlexibleMeasure, PenaltyCase
from zhifa.cases.services._common import allow, check_day, lock, note
from zhifa.core.calendar import add_calendar_days, add_months, format_day, today
from zhifa.discretion import services as discretion
from zhifa.discretion.assessment import Assessment, Proposal, assess
from zhifa.discretion.choices import CircumstanceKind, DiscretionTier, FlexibleMeasureKind
from zhifa.discretion.models import Circumstance, DiscretionBenchmark, ExemptionListEntry
from zhifa.parties.choices import PartyKind

BENCHMARK_DEVIATION = "benchmark_deviation"  # the collective-discussion topic of a deviation (R-DIS-005)
FIRST_VIOLATION = "first_violation"

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


# --- circumstances ------------------------------------------------------------------------------------------------


def clean_circumstances(raw: Mapping[str, Any], known: Mapping[str, Circumstance]) -> dict[str, Any]:
    """The ticked circumstances as stored on the case: flags ``True`` (unticked ones dropped), amounts as strings
    with two places, numbers as integers. An unknown code or a bad value is refused naming it."""
    cleaned: dict[str, Any] = {}
    for code, value in raw.items():
        circumstance = known.get(code)
        if circumstance is None:
            raise CaseError(f"裁量情节“{code}”不存在", field="circumstances")
        if circumstance.kind == CircumstanceKind.FLAG:
            if value is True or (isinstance(value, str) and value.lower() in ("true", "1", "on")):
                cleaned[code] = True
            continue
        if value in (None, ""):
            continue
        try:
            number = Decimal(str(value).replace(",", ""))
        except InvalidOperation:
            raise CaseError(f"“{circumstance.name}”应填写数值", field="circumstances") from None
        if number < 0 or not number.is_finite():
            raise CaseError(f"“{circumstance.name}”不能为负数", field="circumstances")
        if circumstance.kind == CircumstanceKind.COUNT:
            if number != number.to_integral_value():
                raise CaseError(f"“{circumstance.name}”应填写整数", field="circumstances")
            cleaned[code] = int(number)
        else:
            cleaned[code] = str(number.quantize(Decimal("0.01")))
    return cleaned


def ticked(stored: Mapping[str, Any]) -> dict[str, bool | Decimal]:
    """Stored circumstances typed for the assessment."""
    return {code: value if value is True else Decimal(str(value)) for code, value in stored.items()}


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def automatic_circumstances(case: PenaltyCase) -> dict[str, Any]:
    """R-DIS-008: the party's age on the act date, from the birth date, is not ticked but computed."""
    party = case.party
    if party.kind != PartyKind.NATURAL_PERSON or party.birth_on is None:
        return {}
    age = _age_on(party.birth_on, case.act_on)
    if age < 14:
        return {"under_14": True}
    if age < 18:
        return {"minor_14_to_18": True}
    return {}


def earlier_decisions(case: PenaltyCase, *, months: int) -> list[PenaltyCase]:
    """R-DIS-012: the party's penalty or no-penalty decisions for the same violation (same item of the same agency)
    decided in the ``months`` before the act."""
    item = case.enforcement_item
    since = add_months(case.act_on, -months)
    return list(
        PenaltyCase.objects.filter(
            party_id=case.party_id,
            enforcement_item__agency_id=item.agency_id,
            enforcement_item__code=item.code,
            decision_kind__in=[DecisionKind.PENALTY, DecisionKind.NO_PENALTY],
            decided_on__gte=since,
            decided_on__lte=case.act_on,
        )
        .exclude(pk=case.pk)
        .order_by("decided_on")
    )


def _check_first_violation(case: PenaltyCase, values: Mapping[str, Any], known: Mapping[str, Circumstance]) -> None:
    if values.get(FIRST_VIOLATION) is not True:
        return
    months = known[FIRST_VIOLATION].lookback_months or 24
    earlier = earlier_decisions(case, months=months)
    if earlier:
        first = earlier[0]
        assert first.decided_on is not None  # earlier_decisions filters on it
        raise CaseError(
            f"当事人于{format_day(first.decided_on)}已因同一违法行为在案件{first.case_number}中受到处理，"
            f"{months}个月内不属于初次违法（R-DIS-012）",
            field="circumstances",
        )


def applied_line(benchmark: DiscretionBenchmark) -> str:
    """“适用…裁量基准（第N版）（X起施行）”: the first line of every assessment kept in the file (R-DIS-004/006)."""
    since = f"（{format_day(benchmark.effective_on)}起施行）" if benchmark.effective_on else ""
    return f"适用{benchmark}{since}"


# --- the proposal (调查终结) ----------------------------------------------------------------------------------------


def _benchmark_for(case: PenaltyCase, chosen: DiscretionBenchmark | None, on: date) -> DiscretionBenchmark | None:
    available = discretion.benchmarks_for(item=case.enforcement_item, on=on)
    if chosen is not None:
        match = next((b for b in available if b.pk == chosen.pk), None)
        if match is None:
            raise CaseError(f"所选裁量基准在{format_day(on)}不适用于本案执法事项（R-DIS-001）", field="benchmark")
        return match
    if len(available) > 1:
        raise CaseError("本案执法事项有多个处罚依据的裁量基准，请选择适用的基准（R-DIS-004）", field="benchmark")
    return available[0] if available else None


def _check_entry(case: PenaltyCase, entry: ExemptionListEntry, values: Mapping[str, Any], on: date) -> None:
    """R-DIS-014: the entry is in a list in force, covers the case's item, and its circumstances are all ticked."""
    if entry.pk not in {e.pk for e in discretion.exemption_entries_for(item=case.enforcement_item, on=on)}:
        raise CaseError(f"“{entry}”在{format_day(on)}不适用于本案执法事项（R-DIS-014）", field="exemption_entry")
    missing = [c.name for c in entry.required_circumstances.all() if values.get(c.code) is not True]
    if missing:
        raise CaseError(f"适用“{entry}”须具备以下情节：{'、'.join(missing)}（R-DIS-014）", field="circumstances")
    if entry.is_no_penalty and case.proposed_kinds:
        raise CaseError(
            f"适用“{entry}”（{entry.get_kind_display()}）的，应当拟不予行政处罚（处罚法第33条）", field="proposed_kinds"
        )


def _assessment(
    benchmark: DiscretionBenchmark,
    values: Mapping[str, Any],
    proposal: Proposal,
    chosen: str,
    known: list[Circumstance],
) -> Assessment:
    return assess(benchmark.spec(known), ticked(values), proposal, chosen=chosen)


def _require_reason(result: Assessment, reason: str) -> None:
    if result.refusals:
        raise CaseError("；".join(result.refusals), field="proposed_tier")
    if result.needs_reason and not reason:
        problems = "；".join([*result.deviations, *result.warnings])
        raise CaseError(f"{problems}。请填写裁量理由", field="deviation_reason")


def apply_proposal_discretion(
    case: PenaltyCase,
    *,
    benchmark: DiscretionBenchmark | None,
    circumstances: Mapping[str, Any],
    tier: str,
    reason: str,
    exemption_entry: ExemptionListEntry | None,
) -> None:
    """调查终结: record the benchmark version in force today, the ticked circumstances, the tier and the check of
    the proposal (R-DIS-004); a deviation or a punished first violation needs a reason (R-DIS-005, R-DIS-011)."""
    on = today()
    if tier and tier not in DiscretionTier.values:
        raise CaseError(f"裁量阶次“{tier}”无效", field="proposed_tier")
    known = {c.code: c for c in discretion.circumstances()}
    values = {**clean_circumstances(circumstances, known), **automatic_circumstances(case)}
    _check_first_violation(case, values, known)
    if exemption_entry is not None:
        _check_entry(case, exemption_entry, values, on)
        if exemption_entry.is_no_penalty:
            tier = tier or DiscretionTier.NO_PENALTY
    assessed = bool(case.proposed_kinds or tier or exemption_entry)
    chosen = _benchmark_for(case, benchmark, on) if assessed else None
    case.circumstances = values
    case.exemption_entry = exemption_entry
    case.deviation_reason = reason.strip()
    case.benchmark = chosen
    case.proposed_tier = case.matched_tier = ""
    case.benchmark_deviation = False
    case.discretion_notes = []
    if chosen is None:
        if tier:
            case.proposed_tier = tier
        return
    proposal = Proposal(frozenset(case.proposed_kinds), case.proposed_fine_amount, case.proposed_confiscation_amount)
    result = _assessment(chosen, values, proposal, tier, list(known.values()))
    _require_reason(result, case.deviation_reason)
    case.proposed_tier = result.chosen_tier
    case.matched_tier = result.matched_tier
    case.benchmark_deviation = result.needs_discussion
    case.discretion_notes = [applied_line(chosen), *result.lines()]


# --- the decision ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionDiscretion:
    """What ``decide_case`` stores: the version applied, the tier and how it was applied (R-DIS-006)."""

    benchmark: DiscretionBenchmark | None = None
    tier: str = ""
    lines: list[str] = field(default_factory=list)
    deviation: bool = False
    reason: str = ""
    correction_order: str = ""
    correction_deadline: date | None = None


def _version_for_decision(case: PenaltyCase, day: date) -> DiscretionBenchmark | None:
    """The version in force on the decision day: of the benchmark chosen with the proposal, or the item's only one."""
    if case.benchmark is not None:
        return discretion.version_on(case.benchmark, on=day)
    available = discretion.benchmarks_for(item=case.enforcement_item, on=day)
    if len(available) > 1:
        raise CaseError(
            "本案执法事项有多个处罚依据的裁量基准，请由承办人在调查终结报告中选择适用的基准并勾选情节（R-DIS-004）",
            field="benchmark",
        )
    return available[0] if available else None


def decision_discretion(
    case: PenaltyCase,
    *,
    day: date,
    decision_kind: str,
    proposal: Proposal,
    reason: str = "",
    correction_order: str = "",
    correction_deadline: date | None = None,
) -> DecisionDiscretion:
    """The discretion gates of ``decide_case`` (read-only; the caller stores the result):

    - penalty: the decision is assessed against the benchmark version in force on ``day`` with the circumstances
      and tier of the proposal (R-DIS-004/006); a deviation needs a reason and an approved collective discussion
      (R-DIS-005), whatever the law forbids is refused (R-DIS-007..011);
    - no penalty under a 免罚清单 entry or the 不予处罚 tier: education recorded (R-DIS-013) and 责令改正 stated.
    """
    reason = reason.strip() or case.deviation_reason
    if decision_kind == DecisionKind.PENALTY:
        return _penalty_discretion(case, day=day, proposal=proposal, reason=reason)
    if decision_kind == DecisionKind.NO_PENALTY and (
        case.exemption_entry_id is not None or case.proposed_tier == DiscretionTier.NO_PENALTY
    ):
        return _no_penalty_discretion(
            case, day=day, reason=reason, correction_order=correction_order, correction_deadline=correction_deadline
        )
    return DecisionDiscretion()


def _penalty_discretion(case: PenaltyCase, *, day: date, proposal: Proposal, reason: str) -> DecisionDiscretion:
    version = _version_for_decision(case, day)
    if version is None:
        return DecisionDiscretion()
    result = _assessment(version, case.circumstances, proposal, case.proposed_tier, discretion.circumstances())
    if result.refusals:
        raise CaseError("；".join(result.refusals), field="penalty_kinds")
    if result.needs_reason and not reason:
        problems = "；".join([*result.deviations, *result.warnings])
        raise CaseError(f"{problems}。须书面说明裁量理由（R-DIS-005）", field="deviation_reason")
    if result.needs_discussion and not discussion_approved(case, BENCHMARK_DEVIATION):
        raise CaseError(
            f"处理决定偏离裁量基准（{'；'.join(result.deviations)}），须经集体讨论通过后方可作出决定（R-DIS-005）",
            field="benchmark_deviation",
        )
    lines = [applied_line(version), *result.lines()]
    if reason:
        lines.append(f"裁量理由：{reason}")
    return DecisionDiscretion(version, result.chosen_tier, lines, result.needs_discussion, reason)


def _no_penalty_discretion(
    case: PenaltyCase, *, day: date, reason: str, correction_order: str, correction_deadline: date | None
) -> DecisionDiscretion:
    if not case.flexible_measures.exists():
        raise CaseError(
            "依据免罚清单或不予处罚阶次不予行政处罚的，须先记录对当事人的教育等柔性执法措施（R-DIS-013）",
            field="flexible_measures",
        )
    if not correction_order.strip():
        raise CaseError(
            "不予行政处罚的，仍应责令当事人改正违法行为：请填写责令改正内容（处罚法第28条）", field="correction_order"
        )
    entry = case.exemption_entry
    if correction_deadline is None and entry is not None and entry.correction_calendar_days:
        correction_deadline = add_calendar_days(day, entry.correction_calendar_days)
    if correction_deadline is not None and correction_deadline < day:
        raise CaseError("责令改正期限不能早于决定日期", field="correction_deadline")
    lines = []
    if entry is not None:
        lines.append(
            f"适用{entry.exemption_list.name}第{entry.sequence}项（{entry.get_kind_display()}）：{entry.conditions_text}"
        )
    version = _version_for_decision(case, day)
    if version is not None:
        lines.append(f"依{version}，适用不予处罚阶次")
    measures = "、".join(m.get_kind_display() for m in case.flexible_measures.all())
    lines.append(f"已采取柔性执法措施：{measures}；责令改正：{correction_order.strip()}")
    return DecisionDiscretion(
        version, DiscretionTier.NO_PENALTY, lines, False, reason, correction_order.strip(), correction_deadline
    )


def store_decision_discretion(case: PenaltyCase, result: DecisionDiscretion) -> None:
    case.applied_benchmark = result.benchmark
    case.applied_tier = result.tier
    case.applied_discretion = result.lines
    case.correction_order = result.correction_order
    case.correction_deadline = result.correction_deadline
    if result.benchmark is not None:
        case.benchmark_deviation = result.deviation
        case.deviation_reason = result.reason


# --- 柔性执法 (R-DIS-013) -----------------------------------------------------------------------------------------


@transaction.atomic
def record_flexible_measure(
    *, actor: Any, case: PenaltyCase, kind: str, performed_on: date, content: str
) -> FlexibleMeasure:
    """提醒、告诫、约谈、指导、建议、劝告: each measure is a record on the case (R-DIS-013), by its handlers."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以记录柔性执法措施")
    if case.archived_on is not None:
        raise CaseStateConflict("案件已归档，不能再记录", field="state")
    if kind not in FlexibleMeasureKind.values:
        raise CaseError(f"柔性执法措施“{kind}”无效", field="kind")
    check_day(performed_on, field="performed_on", label="措施日期", not_before=case.filed_on, after_what="立案日期")
    if not content.strip():
        raise CaseError("请填写措施内容（提醒、告诫或约谈的要点，当事人的表态）", field="content")
    measure = FlexibleMeasure.objects.create(
        penalty_case=case, kind=kind, performed_on=performed_on, content=content.strip(), recorded_by=actor
    )
    note(case, "flexible_measure_recorded", actor, measure_id=measure.pk, kind=kind, performed_on=performed_on)
    return measure


# --- what the case page shows ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseDiscretion:
    """The matching benchmarks and list entries, the proposal's check, and the decision's, for the case page."""

    benchmarks: list[DiscretionBenchmark]
    entries: list[ExemptionListEntry]
    earlier: list[PenaltyCase]
    proposal: list[str]
    decision: list[str]
    discussion_needed: bool
    discussion_approved: bool


def case_discretion(case: PenaltyCase, *, on: date) -> CaseDiscretion:
    months = next((c.lookback_months for c in discretion.circumstances() if c.code == FIRST_VIOLATION), None) or 24
    needed = case.benchmark_deviation and case.decided_on is None
    return CaseDiscretion(
        benchmarks=discretion.benchmarks_for(item=case.enforcement_item, on=on),
        entries=discretion.exemption_entries_for(item=case.enforcement_item, on=on),
        earlier=earlier_decisions(case, months=months),
        proposal=list(case.discretion_notes),
        decision=list(case.applied_discretion),
        discussion_needed=needed,
        discussion_approved=needed and discussion_approved(case, BENCHMARK_DEVIATION),
    )


__all__ = [
    "BENCHMARK_DEVIATION",
    "CaseDiscretion",
    "apply_proposal_discretion",
    "case_discretion",
    "decision_discretion",
    "discussion_approved",
    "earlier_decisions",
    "record_flexible_measure",
    "register_discussion_check",
    "store_decision_discretion",
]
