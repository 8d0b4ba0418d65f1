"""Which benchmark a case uses and what the law and the 免罚清单 say about its proposal (R-DIS-001..014) — one
evaluation shared by the proposal (调查终结), the decision and the on-the-spot decision (简易程序).

- The benchmark: per penalty article of the item, the most specific version in force on the day (the item's own,
  else the upper level's, R-DIS-003). A suspended one cannot be applied (R-DIS-001): the case says so and is
  checked against the statutory range it records and the statutory circumstances (``check_law``).
- With a benchmark the proposal is assessed against it (``assess``): the statutory range and the law's refusals
  first, then the tier. Without one, the law alone.
- 免罚清单 (R-DIS-014): every entry in force for the item whose circumstances all hold is suggested. Punishing
  anyway: a 首违不罚 entry needs a written reason (R-DIS-011 WARN), a 轻微不罚 or 无过错不罚 entry is the law's
  mandatory no-penalty and is refused (R-DIS-011 BLOCK), a 从轻减轻 entry needs a reason for a tier above 从轻.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from zhifa.cases.errors import CaseError
from zhifa.cases.services.discretion_facts import ticked
from zhifa.catalog.models import EnforcementItem
from zhifa.core.calendar import format_day
from zhifa.discretion import services as discretion
from zhifa.discretion.assessment import Assessment, Proposal, assess, check_law, severity, tier_label
from zhifa.discretion.choices import DiscretionTier, ExemptionKind
from zhifa.discretion.models import Circumstance, DiscretionBenchmark, ExemptionListEntry
from zhifa.discretion.specs import BenchmarkSpec

MANDATORY_KINDS = frozenset({ExemptionKind.MINOR_VIOLATION, ExemptionKind.NO_FAULT})


def applied_line(benchmark: DiscretionBenchmark, item: EnforcementItem | None = None) -> str:
    """“适用…裁量基准（第N版）（X起施行）”: the first line of every assessment kept in the file (R-DIS-004/006); an
    upper level's benchmark names its issuer (R-DIS-003)."""
    since = f"（{format_day(benchmark.effective_on)}起施行）" if benchmark.effective_on else ""
    upper = item is not None and benchmark.enforcement_item_id != item.pk
    issuer = f"（上级{benchmark.enforcement_item.agency.name}制定，直接适用，R-DIS-003）" if upper else ""
    return f"适用{benchmark}{since}{issuer}"


def suspended_line(benchmark: DiscretionBenchmark, day: date) -> str:
    """R-DIS-001: a suspended benchmark is not applied; the file says so and that none was in force."""
    return (
        f"{format_day(day)}没有现行有效的裁量基准：“{benchmark}”已暂停适用，不能作为裁量依据，"
        "仅按法定幅度和法定情节裁量（R-DIS-001）"
    )


@dataclass(frozen=True)
class Evaluation:
    benchmark: DiscretionBenchmark | None  # applied (in force on the day)
    suspended: DiscretionBenchmark | None  # the one that would apply, suspended: not applied
    result: Assessment
    lines: list[str]

    @property
    def refusal_field(self) -> str:
        return "fine_amount" if self.result.fine_refused else "tier"


def pick(
    item: EnforcementItem,
    on: date,
    *,
    benchmark: DiscretionBenchmark | None = None,
    article_id: int | None = None,
) -> tuple[DiscretionBenchmark | None, bool]:
    """The benchmark for the case and whether it is in force (``False``: suspended). ``benchmark`` is the one the
    handler named (it must be a candidate on ``on``); ``article_id`` the article of the one named earlier (its
    version of ``on`` is used); otherwise the item's only candidate."""
    candidates = discretion.candidates_for(item=item, on=on)
    every = candidates.all
    if benchmark is not None:
        found = next((b for b in every if b.pk == benchmark.pk), None)
        if found is None:
            raise CaseError(f"所选裁量基准在{format_day(on)}不适用于本案执法事项（R-DIS-001）", field="benchmark")
    elif article_id is not None:
        found = next((b for b in every if b.penalty_article_id == article_id), None)
    elif len(every) > 1:
        raise CaseError(
            "本案执法事项有多个处罚依据的裁量基准，请在调查终结报告中选择适用的基准（R-DIS-004）", field="benchmark"
        )
    else:
        found = every[0] if every else None
    return found, found is not None and found in candidates.in_force


def law_spec(known: list[Circumstance], suspended: DiscretionBenchmark | None) -> BenchmarkSpec:
    """The law without a benchmark: the statutory range recorded on the suspended benchmark (if any) and every
    circumstance (their mandatory tiers and statutory grounds)."""
    base = suspended.spec(known) if suspended is not None else BenchmarkSpec(label="", tiers=())
    return replace(base, tiers=(), circumstances=tuple(c.spec() for c in known))


def entry_notes(
    entries: list[ExemptionListEntry],
    values: Mapping[str, Any],
    proposal: Proposal,
    tier: str,
    named: ExemptionListEntry | None,
) -> tuple[list[str], list[str], list[str]]:
    """R-DIS-014 suggestions of the entries whose circumstances all hold: (reasons, refusals, warnings)."""
    reasons: list[str] = []
    refusals: list[str] = []
    warnings: list[str] = []
    for entry in entries:
        required = list(entry.required_circumstances.all())
        if (named and entry.pk == named.pk) or not required or any(values.get(c.code) is not True for c in required):
            continue
        label = f"免罚清单“{entry}”（{entry.get_kind_display()}：{entry.violation}）"
        if not proposal.kinds:
            reasons.append(f"符合{label}的适用条件，可以适用该清单事项（R-DIS-014）")
        elif entry.kind in MANDATORY_KINDS:
            refusals.append(f"符合{label}，依法应当不予行政处罚，不得给予处罚（R-DIS-011、R-DIS-014）")
        elif entry.kind == ExemptionKind.FIRST_VIOLATION:
            warnings.append(f"符合{label}，建议不予行政处罚；仍拟给予处罚的，须说明理由（R-DIS-011、R-DIS-014）")
        elif tier and severity(tier) > severity(DiscretionTier.LIGHTER):
            warnings.append(f"符合{label}，建议从轻或者减轻处罚；适用{tier_label(tier)}阶次的，须说明理由（R-DIS-014）")
        else:
            reasons.append(f"符合{label}，从轻或者减轻处罚（R-DIS-014）")
    return reasons, refusals, warnings


def evaluate(
    item: EnforcementItem,
    on: date,
    *,
    values: Mapping[str, Any],
    proposal: Proposal,
    tier: str,
    known: list[Circumstance],
    benchmark: DiscretionBenchmark | None = None,
    article_id: int | None = None,
    named_entry: ExemptionListEntry | None = None,
) -> Evaluation:
    """The benchmark (or the law alone) and the 免罚清单 applied to ``proposal`` on ``on``."""
    found, in_force = pick(item, on, benchmark=benchmark, article_id=article_id)
    facts = ticked(values)
    lines: list[str] = []
    if found is not None and in_force:
        result = assess(found.spec(known), facts, proposal, chosen=tier)
        lines.append(applied_line(found, item))
    else:
        if found is not None:
            lines.append(suspended_line(found, on))
        elif article_id is not None:  # the article chosen with the proposal has no benchmark in force any more
            lines.append(f"{format_day(on)}本案处罚依据没有现行有效的裁量基准，仅按法定情节裁量（R-DIS-001）")
        result = check_law(law_spec(known, found), facts, proposal, chosen=tier)
    reasons, refusals, warnings = entry_notes(
        discretion.exemption_entries_for(item=item, on=on), values, proposal, result.chosen_tier, named_entry
    )
    result = replace(
        result,
        reasons=(*result.reasons, *reasons),
        refusals=(*result.refusals, *refusals),
        warnings=(*result.warnings, *warnings),
    )
    return Evaluation(found if in_force else None, None if in_force else found, result, [*lines, *result.lines()])


def has_material(item: EnforcementItem, on: date) -> bool:
    """Whether discretion applies to the item at all: a benchmark (in force or suspended) or a 免罚清单 entry."""
    return bool(discretion.candidates_for(item=item, on=on).all or discretion.exemption_entries_for(item=item, on=on))
