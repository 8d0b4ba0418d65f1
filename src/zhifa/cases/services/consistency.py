"""同事不同罚 (R-DIS-015): decided fines of the same violation and tier compared with each other.

The rule, so that a supervisor can check a flag by hand:

- Rows: decided penalty cases with a fine and an applied benchmark version (``PenaltyCase.applied_benchmark``),
  in the caller's data scope (``PenaltyCase.objects.visible_to``).
- Group: the benchmark's penalty article (the violation type: several agencies may enforce the same article, each
  through its own item), the tier applied, and the measure of the tier's range. A tier ranged in 元 compares the
  fines. A tier ranged as a multiple of a base (违法所得, 货值金额) compares the multiples, fine ÷ base: fines on
  bases of different sizes are not comparable as amounts. A case whose base was not recorded cannot be turned into
  a multiple; it is left out of the comparison and listed with that reason (``ConsistencyReport.excluded``).
- Flag 1, any group size: the fine lies outside the applied tier's range of the version applied (a deviation —
  flagged even when a collective discussion approved it, so that supervisors see every one).
- Flag 2, groups of at least ``MIN_GROUP_SIZE`` cases: a robust z-score. With the group's median m and its median
  absolute deviation MAD, a value x is an outlier when |x − m| > K × s, where s = max(1.4826 × MAD,
  ``MIN_SCALE_SHARE`` × m). 1.4826 × MAD estimates the standard deviation without letting the outliers inflate it
  (the Hampel identifier, K = 3); the floor of 10% of the median keeps a group of nearly identical values from
  flagging a difference of a few yuan.

R-DAT-005 (fines appear as totals only, never as rankings or performance of people or units): the report gives
figures per group only. It names no officer and gives no count, median or other figure per agency or per person;
each case row names its deciding agency, as the decision itself does.
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

from zhifa.cases.choices import DecisionKind
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.discretion_facts import ticked
from zhifa.core.money import format_amount
from zhifa.discretion.assessment import Proposal, assess, tier_label
from zhifa.discretion.models import BenchmarkTier
from zhifa.discretion.specs import multiple_base_value, number_text

K = Decimal("3")
MAD_TO_SIGMA = Decimal("1.4826")
MIN_GROUP_SIZE = 5
MIN_SCALE_SHARE = Decimal("0.10")
AMOUNT, MULTIPLE = "amount", "multiple"
UNITS = {AMOUNT: "元", MULTIPLE: "倍"}


@dataclass(frozen=True)
class FineRecord:
    case_id: int
    case_number: str
    agency_id: int
    agency_name: str
    item_name: str
    article: str
    tier: str
    measure: str  # AMOUNT: ``value`` is the fine; MULTIPLE: ``value`` is fine ÷ ``base``
    fine: Decimal
    base: Decimal | None
    base_label: str
    value: Decimal
    decided_on: date
    tier_range: tuple[Decimal, Decimal | None] | None
    reasons: tuple[str, ...] = ()

    @property
    def tier_label(self) -> str:
        return tier_label(self.tier)

    @property
    def is_consistency_outlier(self) -> bool:
        return bool(self.reasons)

    @property
    def value_text(self) -> str:
        if self.measure == MULTIPLE:
            return f"{self.base_label}{format_amount(self.base or Decimal('0'))}的{number_text(self.value)}倍"
        return format_amount(self.value)


@dataclass(frozen=True)
class Excluded:
    """A decided fine left out of the comparison, and why."""

    case_id: int
    case_number: str
    agency_name: str
    article: str
    tier: str
    fine: Decimal
    reason: str

    @property
    def tier_label(self) -> str:
        return tier_label(self.tier)


@dataclass(frozen=True)
class FineGroup:
    article: str
    tier: str
    measure: str
    records: tuple[FineRecord, ...]
    median: Decimal
    mad: Decimal

    @property
    def tier_label(self) -> str:
        return tier_label(self.tier)

    @property
    def unit(self) -> str:
        return UNITS[self.measure]

    @property
    def outliers(self) -> tuple[FineRecord, ...]:
        return tuple(r for r in self.records if r.is_consistency_outlier)

    @property
    def compared(self) -> bool:
        """Whether the group is large enough for the robust comparison (flag 2)."""
        return len(self.records) >= MIN_GROUP_SIZE


@dataclass(frozen=True)
class ConsistencyReport:
    groups: list[FineGroup]
    excluded: list[Excluded]


def decided_fines(cases: QuerySet[PenaltyCase]) -> QuerySet[PenaltyCase]:
    """The rows of the comparison, with everything the report reads (one query per relation, no N+1)."""
    tiers = BenchmarkTier.objects.prefetch_related("conditions__circumstance")
    return (
        cases.filter(decision_kind=DecisionKind.PENALTY, fine_amount__gt=0, applied_benchmark__isnull=False)
        .select_related("agency", "enforcement_item", "applied_benchmark__penalty_article__version__law")
        .prefetch_related(Prefetch("applied_benchmark__tiers", queryset=tiers))
        .order_by("decided_on", "id")
    )


def _record(case: Any) -> FineRecord | Excluded:
    benchmark = case.applied_benchmark
    spec = benchmark.spec()
    facts = ticked(case.circumstances)
    proposal = Proposal(frozenset(case.penalty_kinds), case.fine_amount, case.confiscated_gains_amount)
    checked = assess(spec, facts, proposal, chosen=case.applied_tier)
    tier = spec.tier(case.applied_tier)
    measure = MULTIPLE if tier is not None and tier.has_multiple_range and not tier.has_fine_range else AMOUNT
    base = multiple_base_value(spec, facts, proposal) if measure == MULTIPLE else None
    article = benchmark.penalty_article.citation
    if measure == MULTIPLE and base is None:
        return Excluded(
            case.pk,
            case.case_number,
            case.agency.name,
            article,
            case.applied_tier,
            case.fine_amount,
            f"该阶次按{spec.base_label}的倍数计罚，但案件未记录{spec.base_label}，无法折算倍数，未参与比较",
        )
    reasons = []
    fine_range = checked.fine_range
    if fine_range is not None:
        low, high = fine_range
        if case.fine_amount < low or (high is not None and case.fine_amount > high):
            upper = format_amount(high) if high is not None else "—"
            reasons.append(
                f"罚款{format_amount(case.fine_amount)}超出{tier_label(case.applied_tier)}阶次幅度"
                f"（{format_amount(low)}至{upper}）"
            )
    value = (case.fine_amount / base).quantize(Decimal("0.01")) if base is not None else case.fine_amount
    return FineRecord(
        case_id=case.pk,
        case_number=case.case_number,
        agency_id=case.agency_id,
        agency_name=case.agency.name,
        item_name=case.enforcement_item.name,
        article=article,
        tier=case.applied_tier,
        measure=measure,
        fine=case.fine_amount,
        base=base,
        base_label=spec.base_label,
        value=value,
        decided_on=case.decided_on,
        tier_range=fine_range,
        reasons=tuple(reasons),
    )


def _median(values: Iterable[Decimal]) -> Decimal:
    return Decimal(median(list(values))).quantize(Decimal("0.01"))


def _show(value: Decimal, measure: str) -> str:
    return format_amount(value) if measure == AMOUNT else f"{number_text(value)}倍"


def _group(article: str, tier: str, measure: str, records: list[FineRecord]) -> FineGroup:
    center = _median(r.value for r in records)
    mad = _median(abs(r.value - center) for r in records)
    flagged = []
    for record in records:
        reasons = list(record.reasons)
        if len(records) >= MIN_GROUP_SIZE:
            scale = max(MAD_TO_SIGMA * mad, MIN_SCALE_SHARE * center)
            if abs(record.value - center) > K * scale:
                side = "畸重" if record.value > center else "畸轻"
                what = f"罚款{format_amount(record.fine)}" if measure == AMOUNT else f"罚款为{record.value_text}"
                reasons.append(
                    f"{side}：{what}偏离同类案件中位数{_show(center, measure)}超过"
                    f"{K}倍稳健标准差（{_show(scale.quantize(Decimal('0.01')), measure)}）"
                )
        flagged.append(replace(record, reasons=tuple(reasons)))
    return FineGroup(article=article, tier=tier, measure=measure, records=tuple(flagged), median=center, mad=mad)


def consistency(cases: QuerySet[PenaltyCase]) -> ConsistencyReport:
    """R-DIS-015: the groups (article + tier + measure) of ``cases`` with every fine flagged or not, largest groups
    first, and the fines left out with the reason."""
    by_group: dict[tuple[str, str, str], list[FineRecord]] = defaultdict(list)
    excluded: list[Excluded] = []
    for case in decided_fines(cases):
        row = _record(case)
        if isinstance(row, Excluded):
            excluded.append(row)
        else:
            by_group[(row.article, row.tier, row.measure)].append(row)
    groups = [_group(article, tier, measure, rows) for (article, tier, measure), rows in by_group.items()]
    groups.sort(key=lambda g: (-len(g.records), g.article, g.tier, g.measure))
    return ConsistencyReport(groups, excluded)


def consistency_report(cases: QuerySet[PenaltyCase]) -> list[FineGroup]:
    """The groups of ``consistency``."""
    return consistency(cases).groups


def outliers(groups: Iterable[FineGroup]) -> list[FineRecord]:
    return [record for group in groups for record in group.outliers]
