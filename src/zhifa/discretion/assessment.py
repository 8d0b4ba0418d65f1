"""裁量 without I/O: which tier the ticked circumstances lead to, and whether a proposal fits it and the law.

Pure functions over the frozen specs of ``zhifa.discretion.specs``; the services build the specs from the database
(``DiscretionBenchmark.spec()``) and store the result on the case.

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
What the law forbids is a refusal, which no discussion can approve: a tier more severe than the floor, 减轻 without
a statutory ground (R-DIS-007), and a fine outside the statutory range of the article (R-PEN-001, R-DIS-002) —
above its maximum ever, below its minimum only as 减轻 on a statutory ground. ``check_law`` applies these alone,
for a case without a benchmark that can be applied.

初次违法、危害后果轻微并及时改正 (处罚法 第33条第1款第二句) *may* go unpunished: punishing it is allowed with a
written reason (R-DIS-011 WARN), not a discussion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from zhifa.core.money import format_amount
from zhifa.discretion.choices import LENIENT_TIERS, TIER_ORDER, DiscretionTier
from zhifa.discretion.specs import (
    CENT,
    BenchmarkSpec,
    CircumstanceSpec,
    ConditionSpec,
    Proposal,
    Ticked,
    TierSpec,
    kind_labels,
    multiple_base_value,
    number_text,
    range_text,
    severity,
    tier_label,
)
from zhifa.discretion.statutory import statutory_grounds, statutory_range

__all__ = [
    "Assessment",
    "BenchmarkSpec",
    "CircumstanceSpec",
    "ConditionSpec",
    "Proposal",
    "Ticked",
    "TierSpec",
    "assess",
    "check_law",
    "floor_tier",
    "matched_tier",
    "may_go_unpunished",
    "severity",
    "tier_label",
]

T = DiscretionTier
# 处罚法 第33条第1款: minor, corrected in time and no harmful consequence → no penalty (mandatory, R-DIS-011).
STATUTORY_NO_PENALTY = frozenset({"minor_violation", "corrected_in_time", "no_harm"})
# 处罚法 第33条第1款第二句: first violation, slight harm, corrected in time → may go unpunished (R-DIS-011/012).
FIRST_VIOLATION_NO_PENALTY = frozenset({"first_violation", "slight_harm", "corrected_in_time"})
FineRange = tuple[Decimal, Decimal | None]


@dataclass(frozen=True)
class Assessment:
    matched_tier: str
    chosen_tier: str
    floor_tier: str = ""
    fine_range: FineRange | None = None
    reasons: tuple[str, ...] = ()
    refusals: tuple[str, ...] = ()
    deviations: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    fine_refused: bool = False  # one of the refusals is the fine outside the statutory range

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
    fine_refused: bool = False

    def result(self, matched: str, chosen: str, floor: str = "", fine_range: FineRange | None = None) -> Assessment:
        return Assessment(
            matched_tier=matched,
            chosen_tier=chosen,
            floor_tier=floor,
            fine_range=fine_range,
            reasons=tuple(self.reasons),
            refusals=tuple(self.refusals),
            deviations=tuple(self.deviations),
            warnings=tuple(self.warnings),
            fine_refused=self.fine_refused,
        )


def may_go_unpunished(ticked: Ticked) -> bool:
    """初次违法、危害后果轻微并及时改正 (处罚法 第33条第1款第二句)."""
    return all(ticked.get(code) is True for code in FIRST_VIOLATION_NO_PENALTY)


def floor_tier(spec: BenchmarkSpec, ticked: Ticked) -> tuple[str, list[str]]:
    """The most severe tier the law still allows for the ticked circumstances ("" = no limit), with the reasons."""
    floors: list[tuple[str, str]] = []
    for code, value in ticked.items():
        circumstance = spec.circumstance(code)
        if circumstance is None or not circumstance.mandatory_tier:
            continue
        if circumstance.kind == "flag" and value is not True:
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
    tier = TIER_ORDER[min(severity(tier) for tier, _ in floors)]
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


# --- the tier's range and kinds (R-DIS-005) ---------------------------------------------------------------------


def _fine_range(
    spec: BenchmarkSpec, tier: TierSpec, ticked: Ticked, proposal: Proposal, notes: _Notes
) -> FineRange | None:
    """The tier's fine range in 元 (a multiple range is turned into 元 with its base), or None."""
    if tier.has_fine_range:
        return (tier.fine_min or Decimal("0"), tier.fine_max)
    if not tier.has_multiple_range:
        return None
    base = multiple_base_value(spec, ticked, proposal)
    if base is None:
        notes.deviations.append(
            f"{tier.label}阶次按{spec.base_label}的倍数计罚，但未填写{spec.base_label}，无法核对罚款幅度（R-DIS-004）"
        )
        return None
    low = ((tier.multiple_min or Decimal("0")) * base).quantize(CENT)
    high = (tier.multiple_max * base).quantize(CENT) if tier.multiple_max is not None else None
    multiples = (
        f"{number_text(tier.multiple_min or Decimal('0'))}至{number_text(tier.multiple_max)}倍"
        if tier.multiple_max
        else ""
    )
    notes.reasons.append(
        f"{tier.label}阶次罚款为{spec.base_label}{format_amount(base)}的{multiples}，即{range_text(low, high)}"
    )
    return (low, high)


def _check_fit(
    spec: BenchmarkSpec, tier: TierSpec, ticked: Ticked, proposal: Proposal, notes: _Notes
) -> FineRange | None:
    if tier.tier == T.NO_PENALTY:
        if proposal.kinds:
            notes.deviations.append(f"不予处罚阶次不应给予处罚，拟处罚种类为{kind_labels(proposal.kinds)}（R-DIS-005）")
        return None
    if not proposal.kinds:
        notes.deviations.append(f"{tier.label}阶次应当给予处罚，拟不予处罚（R-DIS-005）")
        return None
    outside = proposal.kinds - tier.allowed_kinds if tier.allowed_kinds else frozenset()
    if outside:
        notes.deviations.append(
            f"处罚种类“{kind_labels(outside)}”不在{tier.label}阶次可选种类（{kind_labels(tier.allowed_kinds)}）内（R-DIS-005）"
        )
    missing = tier.required_kinds - proposal.kinds
    if missing:
        notes.deviations.append(f"{tier.label}阶次应当并处{kind_labels(missing)}（R-DIS-005）")
    fine_range = _fine_range(spec, tier, ticked, proposal, notes)
    if fine_range is not None and proposal.fines:
        low, high = fine_range
        if proposal.fine < low or (high is not None and proposal.fine > high):
            notes.deviations.append(
                f"拟罚款{format_amount(proposal.fine)}不在{tier.label}阶次幅度（{range_text(low, high)}）内（R-DIS-005）"
            )
        else:
            notes.reasons.append(
                f"拟罚款{format_amount(proposal.fine)}在{tier.label}阶次幅度（{range_text(low, high)}）内"
            )
    return fine_range


# --- what the law says, with or without a benchmark ---------------------------------------------------------------


def _law(spec: BenchmarkSpec, ticked: Ticked, proposal: Proposal, chosen: str, notes: _Notes) -> str:
    """The refusals and warnings of the law itself (R-DIS-007..011, R-PEN-001); returns the floor tier."""
    floor, _ = floor_tier(spec, ticked)
    if floor == T.NO_PENALTY and proposal.kinds:
        notes.refusals.append("依法应当不予行政处罚，不得给予处罚（R-DIS-008、R-DIS-009、R-DIS-011）")
    elif floor and chosen and severity(chosen) > severity(floor):
        notes.refusals.append(
            f"依法最重只能适用{tier_label(floor)}，不得适用{tier_label(chosen)}阶次（R-DIS-008、R-DIS-010、R-DIS-011）"
        )
    if chosen == T.MITIGATED and not statutory_grounds(spec, ticked):
        notes.refusals.append("减轻处罚须有法定减轻情节，请勾选相应情节（R-DIS-007）")
    refusal, reason = statutory_range(spec, ticked, proposal, chosen)
    if refusal:
        notes.refusals.append(refusal)
        notes.fine_refused = True
    elif reason:
        notes.reasons.append(reason)
    if may_go_unpunished(ticked) and proposal.kinds and floor != T.NO_PENALTY:
        notes.warnings.append(
            "当事人初次违法、危害后果轻微并及时改正，依法可以不予行政处罚；仍拟给予处罚的，须说明理由（R-DIS-011）"
        )
    return floor


def check_law(spec: BenchmarkSpec, ticked: Ticked, proposal: Proposal, *, chosen: str = "") -> Assessment:
    """What the law alone says, for a case without a benchmark that can be applied: the statutory range of the
    article (when known), the mandatory no-penalty and lighter cases, 减轻 only on a ground, and the reason a
    punished 首违 needs. ``chosen`` is the tier the handler named ("" = none)."""
    notes = _Notes()
    if chosen and chosen not in T.values:
        notes.refusals.append(f"裁量阶次“{chosen}”无效")
        return notes.result("", chosen)
    floor = _law(spec, ticked, proposal, chosen, notes)
    return notes.result("", chosen, floor)


def assess(spec: BenchmarkSpec, ticked: Ticked, proposal: Proposal, *, chosen: str = "") -> Assessment:
    """Match the tier, check the chosen tier and the proposal against the law, and the proposal against the
    chosen tier."""
    notes = _Notes()
    matched, reasons = matched_tier(spec, ticked)
    notes.reasons.extend(reasons)
    chosen = chosen or matched
    if chosen not in T.values:
        notes.refusals.append(f"裁量阶次“{chosen}”无效")
        return notes.result(matched, chosen)
    floor = _law(spec, ticked, proposal, chosen, notes)
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
    return notes.result(matched, chosen, floor, fine_range)
