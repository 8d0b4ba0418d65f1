"""裁量 in the simple procedure (简易程序, R-SIM-001..008 with R-DIS-004/006): the on-the-spot decision is checked
against the benchmark in force that day — or, when none is (a suspended one is named), against the statutory range
and circumstances — and the version applied is recorded with how it was applied. The simple procedure has no
collective discussion (R-SIM-008): a decision that deviates from the benchmark is refused and goes to the general
procedure; a punished 首违 or 免罚清单 entry needs a written reason (R-DIS-011, R-DIS-014)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from zhifa.cases.errors import CaseError
from zhifa.cases.services.discretion_check import evaluate, has_material
from zhifa.cases.services.discretion_facts import Facts, case_circumstances
from zhifa.catalog.models import EnforcementItem
from zhifa.discretion import services as discretion
from zhifa.discretion.assessment import Proposal
from zhifa.discretion.choices import DiscretionTier
from zhifa.discretion.models import DiscretionBenchmark
from zhifa.parties.models import Party


@dataclass(frozen=True)
class SpotDiscretion:
    """What the on-the-spot case stores (empty when discretion does not apply to the item)."""

    circumstances: dict[str, Any] = field(default_factory=dict)
    benchmark: DiscretionBenchmark | None = None
    matched_tier: str = ""
    tier: str = ""
    lines: list[str] = field(default_factory=list)
    reason: str = ""


def spot_discretion(
    *,
    party: Party,
    item: EnforcementItem,
    day: date,
    kinds: list[str],
    fine: Decimal,
    circumstances: Mapping[str, Any],
    tier: str = "",
    benchmark: DiscretionBenchmark | None = None,
    reason: str = "",
) -> SpotDiscretion:
    """The discretion gates of ``decide_on_the_spot`` (read-only; the caller stores the result)."""
    reason = reason.strip()
    if tier and tier not in DiscretionTier.values:
        raise CaseError(f"裁量阶次“{tier}”无效", field="tier")
    if not (has_material(item, day) or circumstances or tier or benchmark):
        return SpotDiscretion()
    known = discretion.circumstances()
    values = case_circumstances(Facts(party, item, day), circumstances, {c.code: c for c in known})
    evaluation = evaluate(
        item, day, values=values, proposal=Proposal(frozenset(kinds), fine), tier=tier, known=known, benchmark=benchmark
    )
    result = evaluation.result
    if result.refusals:
        raise CaseError("；".join(result.refusals), field="fine_amount" if result.fine_refused else "penalty_kinds")
    if result.deviations:
        raise CaseError(
            f"当场处罚不符合裁量基准（{'；'.join(result.deviations)}）；偏离裁量基准须经集体讨论，"
            "简易程序不能适用，请立案按一般程序办理（R-DIS-005、R-SIM-008）",
            field="fine_amount",
        )
    if result.warnings and not reason:
        raise CaseError(f"{'；'.join(result.warnings)}。请填写裁量理由", field="discretion_reason")
    lines = [*evaluation.lines, *([f"裁量理由：{reason}"] if reason else [])]
    return SpotDiscretion(values, evaluation.benchmark, result.matched_tier, result.chosen_tier, lines, reason)
