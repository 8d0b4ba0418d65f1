"""裁量 without I/O: which tier the ticked circumstances lead to, and whether a proposal fits it.

Pure functions over frozen dataclasses (STYLE §4: pure calculations get their own module); the services build
the specs from the database (``DiscretionBenchmark.spec()``) and store the result on the case.

How a tier is found (R-DIS-004):

1. A condition holds when its circumstance is ticked (a flag) or its value lies between ``min_value`` and
   ``max_value``, both inclusive (以上/以下 include the number, R-TIME-006).
2. A tier with conditions matches when all of them hold (``MatchMode.ALL``) or any of them (``ANY``). A tier
   without conditions never matches by itself; 一般 is the fallback.
3. Lenient matches (不予处罚、减轻、从轻) and a 从重 match together → 一般 (both kinds of circumstances are
   weighed against each other); only lenient matches → the most lenient; only 从重 → 从重; none → 一般.
4. The law puts a ceiling on severity that no benchmark can lift (the "floor" of leniency): a ticked
   circumstance with a ``mandatory_tier`` (R-DIS-008, R-DIS-010, R-DIS-011) and the combination
   违法行为轻微 + 及时改正 + 没有造成危害后果 (处罚法 第33条第1款). The matched tier is never more severe than it.

The handler may choose another tier than the matched one; that, and any proposal outside the chosen tier's
range or kinds, is a deviation: a written reason and an approved collective discussion are needed (R-DIS-005).
What the law forbids — a tier more severe than the floor, 减轻 without a statutory ground (R-DIS-007) — is a
refusal, which no discussion can approve.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from zhifa.catalog.choices import PenaltyKind
from zhifa.core.money import format_amount
from zhifa.discretion.choices import (
    LENIENT_TIERS,
    RANGED_TIERS,
    TIER_ORDER,
    CircumstanceKind,
    DiscretionTier,
    MatchMode,
    MultipleBase,
)

__all__ = [
    "Assessment",
    "BenchmarkSpec",
    "CircumstanceSpec",
    "ConditionSpec",
    "Proposal",
    "Ticked",
    "TierSpec",
    "assess",
    "benchmark_problems",
    "floor_tier",
    "matched_tier",
    "severity",
    "tier_label",
    "tier_problems",
]

CENT = Decimal("0.01")
T = DiscretionTier
# 处罚法 第33条第1款: minor, corrected in time and no harmful consequence → no penalty (mandatory, R-DIS-011).
STATUTORY_NO_PENALTY = frozenset({"minor_violation", "corrected_in_time", "no_harm"})
FIRST_VIOLATION = "first_violation"

Ticked = Mapping[str, bool | Decimal]


def severity(tier: str) -> int:
    return TIER_ORDER.index(tier)


def tier_label(tier: str) -> str:
    return T(tier).label if tier in T.values else tier


def _kind_labels(kinds: Iterable[str]) -> str:
    """In the order of 处罚法 第9条 (the ``PenaltyKind`` order), not alphabetically."""
    order = {k: i for i, k in enumerate(PenaltyKind.values)}
    ranked = sorted(kinds, key=lambda k: order.get(k, len(order)))
    return "、".join(PenaltyKind(k).label if k in PenaltyKind.values else k for k in ranked)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


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
        fmt = format_amount if self.circumstance.kind == CircumstanceKind.AMOUNT else _number
        low = f"{fmt(self.min_value)}以上" if self.min_value is not None else ""
        high = f"{fmt(self.max_value)}以下" if self.max_value is not None else ""
        return f"{name}{low}{high}"

    def describe_for_import(self) -> str:
        """The Excel form read back by ``discretion.importers``: 货值金额≥1000, 货值金额1000~10000."""
        name = self.circumstance.name
        low, high = self.min_value, self.max_value
        if low is not None and high is not None:
            return f"{name}{_number(low)}~{_number(high)}"
        if low is not None:
            return f"{name}≥{_number(low)}"
        if high is not None:
            return f"{name}≤{_number(high)}"
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


@dataclass(frozen=True)
class Proposal:
    """拟处罚: penalty kinds (``PenaltyKind`` values), the fine and the illegal gains confiscated, in 元."""

    kinds: frozenset[str]
    fine: Decimal = Decimal("0")
    gains: Decimal = Decimal("0")


@dataclass(frozen=True)
class Assessment:
    matched_tier: str
    chosen_tier: str
    floor_tier: str = ""
    fine_range: tuple[Decimal, Decimal | None] | None = None
    reasons: tuple[str, ...] = ()
    refusals: tuple[str, ...] = ()
    deviations: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def fits(self) -> bool:
        """The proposal is what the benchmark says for the ticked circumstances."""
        return not self.refusals and not self.deviations

    @property
    def needs_reason(self) -> bool:
        return bool(self.deviations or self.warnings)

    @property
    def needs_discussion(self) -> bool:
        return bool(self.deviations)

    def lines(self) -> list[str]:
        """Everything the case file keeps about this assessment (R-DIS-004, R-DIS-006), in reading order."""
        return [*self.reasons, *self.refusals, *self.deviations, *self.warnings]


@dataclass
class _Notes:
    reasons: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    deviations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def floor_tier(spec: BenchmarkSpec, ticked: Ticked) -> tuple[str, list[str]]:
    """The most severe tier the law still allows for the ticked circumstances ("" = no limit), with the reasons."""
    floors: list[tuple[str, str]] = []
    for code, value in ticked.items():
        circumstance = spec.circumstance(code)
        if circumstance is None or not circumstance.mandatory_tier:
            continue
        if circumstance.kind == CircumstanceKind.FLAG and value is not True:
            continue
        rule = f"（{circumstance.rule_id}）" if circumstance.rule_id else ""
        floors.append(
            (
                circumstance.mandatory_tier,
                f"有“{circumstance.name}”情节，依法应当{tier_label(circumstance.mandatory_tier)}{rule}",
            )
        )
    if all(ticked.get(code) is True for code in STATUTORY_NO_PENALTY):
        floors.append(
            (T.NO_PENALTY, "违法行为轻微并及时改正，没有造成危害后果的，依法不予行政处罚（处罚法第33条，R-DIS-011）")
        )
    if not floors:
        return "", []
    lowest = min(severity(tier) for tier, _ in floors)
    tier = TIER_ORDER[lowest]
    if (
        tier == T.MITIGATED
    ):  # "从轻或者减轻": the law leaves the choice between the two; 从轻 is the most severe allowed
        tier = T.LIGHTER
    return tier, [text for _, text in floors]


def matched_tier(spec: BenchmarkSpec, ticked: Ticked) -> tuple[str, list[str]]:
    """The tier the ticked circumstances lead to (rules 1–4 of the module docstring), with the reasons."""
    matched = [t for t in spec.tiers if t.matches(ticked)]
    reasons = [f"符合{t.label}阶次条件：{t.describe_conditions()}" for t in matched]
    lenient = [t.tier for t in matched if t.tier in LENIENT_TIERS]
    heavier = any(t.tier == T.HEAVIER for t in matched)
    tier: str
    if lenient and heavier:
        tier = T.STANDARD
        reasons.append("从轻（减轻）情节与从重情节并存，综合裁量适用一般阶次")
    elif lenient:
        tier = min(lenient, key=severity)
    elif heavier:
        tier = T.HEAVIER
    else:
        tier = T.STANDARD
        if not matched:
            reasons.append("未勾选从轻、减轻、从重或不予处罚情节，适用一般阶次")
    floor, floor_reasons = floor_tier(spec, ticked)
    reasons.extend(floor_reasons)
    if floor and severity(tier) > severity(floor):
        tier = floor
    reasons.append(f"情节对应阶次：{tier_label(tier)}（R-DIS-004）")
    return tier, reasons


def _range_text(low: Decimal | None, high: Decimal | None) -> str:
    if low is not None and high is not None:
        return f"{format_amount(low)}至{format_amount(high)}"
    if low is not None:
        return f"{format_amount(low)}以上"
    return f"{format_amount(high or Decimal('0'))}以下"


FineRange = tuple[Decimal, Decimal | None]


def _fine_range(
    spec: BenchmarkSpec, tier: TierSpec, ticked: Ticked, proposal: Proposal, notes: _Notes
) -> FineRange | None:
    """The tier's fine range in 元 (a multiple range is turned into 元 with its base), or None."""
    if tier.has_fine_range:
        return (tier.fine_min or Decimal("0"), tier.fine_max)
    if not tier.has_multiple_range:
        return None
    base_value = ticked.get(spec.multiple_base)
    if not isinstance(base_value, Decimal) and spec.multiple_base == MultipleBase.ILLEGAL_GAINS:
        base_value = proposal.gains
    base_label = MultipleBase(spec.multiple_base).label
    if not isinstance(base_value, Decimal) or base_value <= 0:
        notes.deviations.append(
            f"{tier.label}阶次按{base_label}的倍数计罚，但未填写{base_label}，无法核对罚款幅度（R-DIS-004）"
        )
        return None
    low = ((tier.multiple_min or Decimal("0")) * base_value).quantize(CENT)
    high = (tier.multiple_max * base_value).quantize(CENT) if tier.multiple_max is not None else None
    multiples = (
        f"{_number(tier.multiple_min or Decimal('0'))}至{_number(tier.multiple_max)}倍" if tier.multiple_max else ""
    )
    notes.reasons.append(
        f"{tier.label}阶次罚款为{base_label}{format_amount(base_value)}的{multiples}，即{_range_text(low, high)}"
    )
    return (low, high)


def _check_fit(
    spec: BenchmarkSpec, tier: TierSpec, ticked: Ticked, proposal: Proposal, notes: _Notes
) -> FineRange | None:
    if tier.tier == T.NO_PENALTY:
        if proposal.kinds:
            notes.deviations.append(
                f"不予处罚阶次不应给予处罚，拟处罚种类为{_kind_labels(proposal.kinds)}（R-DIS-005）"
            )
        return None
    if not proposal.kinds:
        notes.deviations.append(f"{tier.label}阶次应当给予处罚，拟不予处罚（R-DIS-005）")
        return None
    outside = proposal.kinds - tier.allowed_kinds if tier.allowed_kinds else frozenset()
    if outside:
        notes.deviations.append(
            f"处罚种类“{_kind_labels(outside)}”不在{tier.label}阶次可选种类（{_kind_labels(tier.allowed_kinds)}）内（R-DIS-005）"
        )
    missing = tier.required_kinds - proposal.kinds
    if missing:
        notes.deviations.append(f"{tier.label}阶次应当并处{_kind_labels(missing)}（R-DIS-005）")
    fine_range = _fine_range(spec, tier, ticked, proposal, notes)
    if fine_range is not None and PenaltyKind.FINE in proposal.kinds:
        low, high = fine_range
        if proposal.fine < low or (high is not None and proposal.fine > high):
            notes.deviations.append(
                f"拟罚款{format_amount(proposal.fine)}不在{tier.label}阶次幅度（{_range_text(low, high)}）内（R-DIS-005）"
            )
        else:
            notes.reasons.append(
                f"拟罚款{format_amount(proposal.fine)}在{tier.label}阶次幅度（{_range_text(low, high)}）内"
            )
    return fine_range


def assess(spec: BenchmarkSpec, ticked: Ticked, proposal: Proposal, *, chosen: str = "") -> Assessment:
    """Match the tier, check the chosen tier against the law, and the proposal against the chosen tier."""
    notes = _Notes()
    matched, reasons = matched_tier(spec, ticked)
    notes.reasons.extend(reasons)
    chosen = chosen or matched
    if chosen not in T.values:
        notes.refusals.append(f"裁量阶次“{chosen}”无效")
        return Assessment(matched, chosen, refusals=tuple(notes.refusals))
    floor, _ = floor_tier(spec, ticked)
    if floor == T.NO_PENALTY and proposal.kinds:
        notes.refusals.append("依法应当不予行政处罚，不得给予处罚（R-DIS-008、R-DIS-009、R-DIS-011）")
    elif floor and severity(chosen) > severity(floor):
        notes.refusals.append(
            f"依法最重只能适用{tier_label(floor)}，不得适用{tier_label(chosen)}阶次（R-DIS-008、R-DIS-010、R-DIS-011）"
        )
    grounds = [c for code, v in ticked.items() if v is True and (c := spec.circumstance(code)) and c.statutory_ground]
    if chosen == T.MITIGATED and not grounds:
        notes.refusals.append("减轻处罚须有法定减轻情节，请勾选相应情节（R-DIS-007）")
    if chosen != matched:
        notes.deviations.append(
            f"选择的阶次（{tier_label(chosen)}）与情节对应的阶次（{tier_label(matched)}）不一致（R-DIS-005）"
        )
    tier = spec.tier(chosen)
    fine_range = None
    if tier is None and chosen == T.NO_PENALTY:
        tier = TierSpec(T.NO_PENALTY)  # the law's no-penalty needs no range in the benchmark
    if tier is None:
        notes.deviations.append(f"裁量基准未规定{tier_label(chosen)}阶次，无法按基准裁量（R-DIS-005）")
    else:
        fine_range = _check_fit(spec, tier, ticked, proposal, notes)
    if ticked.get(FIRST_VIOLATION) is True and proposal.kinds:
        notes.warnings.append("当事人系初次违法仍拟给予处罚的，须说明理由（R-DIS-011）")
    return Assessment(
        matched_tier=matched,
        chosen_tier=chosen,
        floor_tier=floor,
        fine_range=fine_range,
        reasons=tuple(notes.reasons),
        refusals=tuple(notes.refusals),
        deviations=tuple(notes.deviations),
        warnings=tuple(notes.warnings),
    )


# --- validity of a benchmark (R-DIS-002), checked when it is published ------------------------------------------


def tier_problems(spec: BenchmarkSpec, tier: TierSpec) -> list[str]:
    """R-DIS-002 for one tier on its own: ranges consistent and inside the statutory range, kinds listed."""
    problems = []
    label = tier.label
    if tier.has_fine_range and tier.has_multiple_range:
        problems.append(f"{label}阶次只能按罚款金额或倍数之一规定幅度")
    for low, high, what in ((tier.fine_min, tier.fine_max, "罚款"), (tier.multiple_min, tier.multiple_max, "倍数")):
        if low is not None and high is not None and low > high:
            problems.append(f"{label}阶次{what}下限高于上限")
    if tier.tier == T.NO_PENALTY:
        if tier.allowed_kinds or tier.has_fine_range or tier.has_multiple_range:
            problems.append("不予处罚阶次不得规定处罚种类或幅度")
        return [f"{p}（R-DIS-002）" for p in problems]
    if not tier.allowed_kinds:
        problems.append(f"{label}阶次须列明可选的处罚种类")
    if tier.required_kinds - tier.allowed_kinds:
        problems.append(f"{label}阶次应当并处的种类须在可选种类内")
    if (tier.has_fine_range or tier.has_multiple_range) and PenaltyKind.FINE not in tier.allowed_kinds:
        problems.append(f"{label}阶次规定了罚款幅度，可选种类须包括罚款")
    if tier.tier in RANGED_TIERS:
        problems.extend(_inside_legal(spec, tier))
    below = spec.legal_fine_min
    if tier.tier == T.MITIGATED and below and tier.fine_max is not None and tier.fine_max >= below:
        problems.append(f"减轻阶次的罚款应低于法定最低罚款{format_amount(below)}（R-DIS-007）")
    return [f"{p}（R-DIS-002）" if "R-DIS" not in p else p for p in problems]


def _inside_legal(spec: BenchmarkSpec, tier: TierSpec) -> list[str]:
    pairs = (
        (tier.fine_min, tier.fine_max, spec.legal_fine_min, spec.legal_fine_max, "罚款"),
        (tier.multiple_min, tier.multiple_max, spec.legal_multiple_min, spec.legal_multiple_max, "倍数"),
    )
    problems = []
    for low, high, legal_low, legal_high, what in pairs:
        if (legal_low is not None and low is not None and low < legal_low) or (
            legal_high is not None and high is not None and high > legal_high
        ):
            problems.append(f"{tier.label}阶次的{what}幅度超出法定幅度")
    return problems


def _sequence_problems(spec: BenchmarkSpec) -> list[str]:
    """从轻、一般、从重 follow each other: the next starts where the previous ends (a shared endpoint, or one 分/
    one unit later), never inside it, and together they cover the statutory range."""
    ranged = [t for t in (spec.tier(x) for x in RANGED_TIERS) if t is not None]
    if not ranged:
        return []
    kinds = {("fine" if t.has_fine_range else "multiple" if t.has_multiple_range else "") for t in ranged}
    if kinds == {""}:
        return []
    if len(kinds) > 1:
        return ["从轻、一般、从重阶次应统一按罚款金额或统一按倍数规定幅度（R-DIS-002）"]
    by_fine = kinds == {"fine"}
    step = CENT if by_fine else Decimal("0.1")
    bounds = [(t.fine_min, t.fine_max) if by_fine else (t.multiple_min, t.multiple_max) for t in ranged]
    problems = []
    for index in range(1, len(ranged)):
        previous, current = ranged[index - 1], ranged[index]
        high, low = bounds[index - 1][1], bounds[index][0]
        if high is None or low is None:
            problems.append(f"{previous.label}与{current.label}阶次的幅度须写明上下限（R-DIS-002）")
        elif low < high:
            problems.append(f"{previous.label}与{current.label}阶次的幅度重叠（R-DIS-002）")
        elif low - high > step:
            problems.append(f"{previous.label}与{current.label}阶次的幅度之间有空档（R-DIS-002）")
    legal_low = spec.legal_fine_min if by_fine else spec.legal_multiple_min
    legal_high = spec.legal_fine_max if by_fine else spec.legal_multiple_max
    if legal_low is not None and bounds[0][0] != legal_low:
        problems.append(f"{ranged[0].label}阶次应自法定幅度下限起算（R-DIS-002）")
    if legal_high is not None and bounds[-1][1] != legal_high:
        problems.append(f"{ranged[-1].label}阶次应至法定幅度上限止（R-DIS-002）")
    return problems


def benchmark_problems(spec: BenchmarkSpec) -> list[str]:
    """R-DIS-002: what is wrong with a benchmark (empty = it may be published)."""
    problems: list[str] = []
    if spec.tier(T.STANDARD) is None:
        problems.append("裁量基准须有一般阶次（R-DIS-002）")
    for tier in spec.tiers:
        problems.extend(tier_problems(spec, tier))
        if tier.tier == T.STANDARD and tier.conditions:
            problems.append("一般阶次是未符合其他阶次条件时适用的阶次，不设条件（R-DIS-002）")
        elif tier.tier != T.STANDARD and not tier.conditions:
            problems.append(f"{tier.label}阶次须列明适用的情节（R-DIS-002）")
    problems.extend(_sequence_problems(spec))
    return problems
