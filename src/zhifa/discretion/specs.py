"""The frozen shapes the pure discretion functions work on (``assessment``, ``validity``): a benchmark with its tiers
and conditions, the circumstances, a proposal. The services build them from the database (``….spec()``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from zhifa.catalog.choices import PenaltyKind
from zhifa.core.money import format_amount
from zhifa.discretion.choices import TIER_ORDER, CircumstanceKind, DiscretionTier, MatchMode, MultipleBase

__all__ = [
    "CENT",
    "BenchmarkSpec",
    "CircumstanceSpec",
    "ConditionSpec",
    "Proposal",
    "Ticked",
    "TierSpec",
    "kind_labels",
    "multiple_base_value",
    "number_text",
    "range_text",
    "severity",
    "tier_label",
]

CENT = Decimal("0.01")
T = DiscretionTier

Ticked = Mapping[str, bool | Decimal]


def severity(tier: str) -> int:
    return TIER_ORDER.index(tier)


def tier_label(tier: str) -> str:
    return T(tier).label if tier in T.values else tier


def kind_labels(kinds: Iterable[str]) -> str:
    """In the order of 处罚法 第9条 (the ``PenaltyKind`` order), not alphabetically."""
    order = {k: i for i, k in enumerate(PenaltyKind.values)}
    ranked = sorted(kinds, key=lambda k: order.get(k, len(order)))
    return "、".join(PenaltyKind(k).label if k in PenaltyKind.values else k for k in ranked)


def number_text(value: Decimal) -> str:
    return f"{value.normalize():f}"


def range_text(low: Decimal | None, high: Decimal | None) -> str:
    """“5,000.00元至15,000.00元”, “5,000.00元以上”, “200.00元以下” (inclusive, R-TIME-006)."""
    if low is not None and high is not None:
        return f"{format_amount(low)}至{format_amount(high)}"
    if low is not None:
        return f"{format_amount(low)}以上"
    return f"{format_amount(high or Decimal('0'))}以下"


@dataclass(frozen=True)
class CircumstanceSpec:
    """裁量情节. ``mandatory_tier``: the law requires at least this leniency when it is ticked; ``statutory_ground``:
    a 法定从轻减轻情节 (处罚法 第30–32条), the only ground for 减轻 (R-DIS-007)."""

    code: str
    name: str
    kind: str = CircumstanceKind.FLAG
    mandatory_tier: str = ""
    statutory_ground: bool = False
    rule_id: str = ""


@dataclass(frozen=True)
class ConditionSpec:
    circumstance: CircumstanceSpec
    min_value: Decimal | None = None
    max_value: Decimal | None = None

    def holds(self, ticked: Ticked) -> bool:
        value = ticked.get(self.circumstance.code)
        if self.circumstance.kind == CircumstanceKind.FLAG:
            return value is True
        if not isinstance(value, Decimal):
            return False
        if self.min_value is not None and value < self.min_value:
            return False
        return self.max_value is None or value <= self.max_value

    def describe(self) -> str:
        name = self.circumstance.name
        if self.circumstance.kind == CircumstanceKind.FLAG:
            return name
        fmt = format_amount if self.circumstance.kind == CircumstanceKind.AMOUNT else number_text
        low = f"{fmt(self.min_value)}以上" if self.min_value is not None else ""
        high = f"{fmt(self.max_value)}以下" if self.max_value is not None else ""
        return f"{name}{low}{high}"

    def describe_for_import(self) -> str:
        """The Excel form read back by ``discretion.importers``: 货值金额≥1000, 货值金额1000~10000."""
        name = self.circumstance.name
        low, high = self.min_value, self.max_value
        if low is not None and high is not None:
            return f"{name}{number_text(low)}~{number_text(high)}"
        if low is not None:
            return f"{name}≥{number_text(low)}"
        if high is not None:
            return f"{name}≤{number_text(high)}"
        return name


@dataclass(frozen=True)
class TierSpec:
    tier: str
    conditions: tuple[ConditionSpec, ...] = ()
    match_mode: str = MatchMode.ANY
    fine_min: Decimal | None = None
    fine_max: Decimal | None = None
    multiple_min: Decimal | None = None
    multiple_max: Decimal | None = None
    allowed_kinds: frozenset[str] = frozenset()
    required_kinds: frozenset[str] = frozenset()
    conditions_text: str = ""

    @property
    def label(self) -> str:
        return tier_label(self.tier)

    @property
    def has_fine_range(self) -> bool:
        return self.fine_min is not None or self.fine_max is not None

    @property
    def has_multiple_range(self) -> bool:
        return self.multiple_min is not None or self.multiple_max is not None

    def matches(self, ticked: Ticked) -> bool:
        if not self.conditions:
            return False
        results = [c.holds(ticked) for c in self.conditions]
        return all(results) if self.match_mode == MatchMode.ALL else any(results)

    def describe_conditions(self) -> str:
        joiner = "且" if self.match_mode == MatchMode.ALL else "或"
        return joiner.join(c.describe() for c in self.conditions)


@dataclass(frozen=True)
class BenchmarkSpec:
    """A benchmark; ``legal_*`` is the statutory range of its article (in 元, or as a multiple of
    ``multiple_base``). A spec without tiers carries only the statutory range and the circumstances: what the law
    says when no benchmark can be applied (none in force, or the one in force suspended)."""

    label: str
    tiers: tuple[TierSpec, ...]
    multiple_base: str = MultipleBase.ILLEGAL_GAINS
    legal_fine_min: Decimal | None = None
    legal_fine_max: Decimal | None = None
    legal_multiple_min: Decimal | None = None
    legal_multiple_max: Decimal | None = None
    circumstances: tuple[CircumstanceSpec, ...] = ()

    def tier(self, tier: str) -> TierSpec | None:
        return next((t for t in self.tiers if t.tier == tier), None)

    def circumstance(self, code: str) -> CircumstanceSpec | None:
        known = {c.code: c for c in self.circumstances}
        for tier in self.tiers:
            for condition in tier.conditions:
                known.setdefault(condition.circumstance.code, condition.circumstance)
        return known.get(code)

    @property
    def has_legal_fine_range(self) -> bool:
        return self.legal_fine_min is not None or self.legal_fine_max is not None

    @property
    def has_legal_multiple_range(self) -> bool:
        return self.legal_multiple_min is not None or self.legal_multiple_max is not None

    @property
    def base_label(self) -> str:
        return MultipleBase(self.multiple_base).label if self.multiple_base in MultipleBase.values else "基数"


@dataclass(frozen=True)
class Proposal:
    """拟处罚: penalty kinds (``PenaltyKind`` values), the fine and the illegal gains confiscated, in 元."""

    kinds: frozenset[str]
    fine: Decimal = Decimal("0")
    gains: Decimal = Decimal("0")

    @property
    def fines(self) -> bool:
        return PenaltyKind.FINE in self.kinds


def multiple_base_value(spec: BenchmarkSpec, ticked: Ticked, proposal: Proposal) -> Decimal | None:
    """The base a multiple range multiplies (the amount circumstance of the same code; for 违法所得, the gains
    confiscated when it was not entered), or None when unknown or not positive."""
    value = ticked.get(spec.multiple_base)
    if not isinstance(value, Decimal) and spec.multiple_base == MultipleBase.ILLEGAL_GAINS:
        value = proposal.gains
    if not isinstance(value, Decimal) or value <= 0:
        return None
    return value
