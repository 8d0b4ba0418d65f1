"""同事不同罚 (R-DIS-015): decided fines of the same violation and tier compared across agencies and officers.

The rule, so that a supervisor can check a flag by hand:

- Rows: decided penalty cases with a fine and an applied benchmark version (``PenaltyCase.applied_benchmark``),
  in the caller's data scope (``PenaltyCase.objects.visible_to``).
- Group: the benchmark's penalty article (the violation type: several agencies may enforce the same article, each
  through its own item) and the tier applied.
- Flag 1, any group size: the fine lies outside the applied tier's range of the version applied (a deviation —
  flagged even when a collective discussion approved it, so that supervisors see every one).
- Flag 2, groups of at least ``MIN_GROUP_SIZE`` fines: a robust z-score. With the group's median m and its median
  absolute deviation MAD, a fine x is an outlier when |x − m| > K × s, where s = max(1.4826 × MAD,
  ``MIN_SCALE_SHARE`` × m). 1.4826 × MAD estimates the standard deviation without letting the outliers inflate it
  (the Hampel identifier, K = 3); the floor of 10% of the median keeps a group of nearly identical fines from
  flagging a difference of a few yuan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from statistics import median
from typing import Any

from django.db.models import Prefetch, QuerySet

from zhifa.cases.choices import DecisionKind, HandlerRole
from zhifa.cases.models import CaseHandler, PenaltyCase
from zhifa.cases.services.discretion import ticked
from zhifa.core.money import format_amount
from zhifa.discretion.assessment import Proposal, assess, tier_label
from zhifa.discretion.models import BenchmarkTier

K = Decimal("3")
MAD_TO_SIGMA = Decimal("1.4826")
MIN_GROUP_SIZE = 5
MIN_SCALE_SHARE = Decimal("0.10")


@dataclass(frozen=True)
class FineRecord:
    case_id: int
    case_number: str
    agency_id: int
    agency_name: str
    officer_name: str
    item_name: str
    article: str
    tier: str
    fine: Decimal
    decided_on: date
    tier_range: tuple[Decimal, Decimal | None] | None
    reasons: tuple[str, ...] = ()

    @property
    def tier_label(self) -> str:
        return tier_label(self.tier)

    @property
    def is_consistency_outlier(self) -> bool:
        return bool(self.reasons)


@dataclass(frozen=True)
class Share:
    """One agency's or officer's part of a group: how many fines, and their median."""

    name: str
    count: int
    median: Decimal


@dataclass(frozen=True)
class FineGroup:
    article: str
    tier: str
    records: tuple[FineRecord, ...]
    median: Decimal
    mad: Decimal
    agencies: tuple[Share, ...]
    officers: tuple[Share, ...]

    @property
    def tier_label(self) -> str:
        return tier_label(self.tier)

    @property
    def outliers(self) -> tuple[FineRecord, ...]:
        return tuple(r for r in self.records if r.is_consistency_outlier)

    @property
    def compared(self) -> bool:
        """Whether the group is large enough for the robust comparison (flag 2)."""
        return len(self.records) >= MIN_GROUP_SIZE


def decided_fines(cases: QuerySet[PenaltyCase]) -> QuerySet[PenaltyCase]:
    """The rows of the comparison, with everything the report reads (one query per relation, no N+1)."""
    tiers = BenchmarkTier.objects.prefetch_related("conditions__circumstance")
    leads = CaseHandler.objects.filter(role=HandlerRole.LEAD).select_related("officer")
    return (
        cases.filter(decision_kind=DecisionKind.PENALTY, fine_amount__gt=0, applied_benchmark__isnull=False)
        .select_related("agency", "enforcement_item", "applied_benchmark__penalty_article__version__law")
        .prefetch_related(
            Prefetch("applied_benchmark__tiers", queryset=tiers),
            Prefetch("handlers", queryset=leads, to_attr="leads"),
        )
        .order_by("decided_on", "id")
    )


def _record(case: Any) -> FineRecord:
    benchmark = case.applied_benchmark
    proposal = Proposal(frozenset(case.penalty_kinds), case.fine_amount, case.confiscated_gains_amount)
    checked = assess(benchmark.spec(), ticked(case.circumstances), proposal, chosen=case.applied_tier)
    fine_range = checked.fine_range
    reasons = []
    if fine_range is not None:
        low, high = fine_range
        if case.fine_amount < low or (high is not None and case.fine_amount > high):
            upper = format_amount(high) if high is not None else "—"
            reasons.append(
                f"罚款{format_amount(case.fine_amount)}超出{tier_label(case.applied_tier)}阶次幅度"
                f"（{format_amount(low)}至{upper}）"
            )
    return FineRecord(
        case_id=case.pk,
        case_number=case.case_number,
        agency_id=case.agency_id,
        agency_name=case.agency.name,
        officer_name=case.leads[0].officer.name if case.leads else "—",
        item_name=case.enforcement_item.name,
        article=benchmark.penalty_article.citation,
        tier=case.applied_tier,
        fine=case.fine_amount,
        decided_on=case.decided_on,
        tier_range=fine_range,
        reasons=tuple(reasons),
    )


def _median(values: Iterable[Decimal]) -> Decimal:
    return Decimal(median(list(values))).quantize(Decimal("0.01"))


def _shares(records: list[FineRecord], key: str) -> tuple[Share, ...]:
    by: dict[str, list[Decimal]] = defaultdict(list)
    for record in records:
        by[getattr(record, key)].append(record.fine)
    return tuple(Share(name, len(fines), _median(fines)) for name, fines in sorted(by.items()))


def _group(article: str, tier: str, records: list[FineRecord]) -> FineGroup:
    center = _median(r.fine for r in records)
    mad = _median(abs(r.fine - center) for r in records)
    flagged = []
    for record in records:
        reasons = list(record.reasons)
        if len(records) >= MIN_GROUP_SIZE:
            scale = max(MAD_TO_SIGMA * mad, MIN_SCALE_SHARE * center)
            if abs(record.fine - center) > K * scale:
                side = "畸重" if record.fine > center else "畸轻"
                reasons.append(
                    f"{side}：罚款{format_amount(record.fine)}偏离同类案件中位数{format_amount(center)}超过"
                    f"{K}倍稳健标准差（{format_amount(scale.quantize(Decimal('0.01')))}）"
                )
        flagged.append(replace(record, reasons=tuple(reasons)))
    return FineGroup(
        article=article,
        tier=tier,
        records=tuple(flagged),
        median=center,
        mad=mad,
        agencies=_shares(flagged, "agency_name"),
        officers=_shares(flagged, "officer_name"),
    )


def consistency_report(cases: QuerySet[PenaltyCase]) -> list[FineGroup]:
    """R-DIS-015: the groups (article + tier) of ``cases`` with every fine flagged or not, largest groups first."""
    by_group: dict[tuple[str, str], list[FineRecord]] = defaultdict(list)
    for case in decided_fines(cases):
        record = _record(case)
        by_group[(record.article, record.tier)].append(record)
    groups = [_group(article, tier, records) for (article, tier), records in by_group.items()]
    return sorted(groups, key=lambda g: (-len(g.records), g.article, g.tier))


def outliers(groups: Iterable[FineGroup]) -> list[FineRecord]:
    return [record for group in groups for record in group.outliers]
