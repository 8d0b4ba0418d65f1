"""Whether a benchmark may be published, without I/O: its tiers on their own and together (R-DIS-002), and a
lower-level benchmark against the upper-level one it refines (R-DIS-003). An empty list means valid."""

from __future__ import annotations

from decimal import Decimal

from zhifa.catalog.choices import PenaltyKind
from zhifa.core.money import format_amount
from zhifa.discretion.choices import RANGED_TIERS, DiscretionTier
from zhifa.discretion.specs import CENT, BenchmarkSpec, TierSpec, kind_labels, number_text, range_text

__all__ = ["benchmark_problems", "refinement_problems", "tier_problems"]

T = DiscretionTier


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


# --- R-DIS-003: a lower level refines only inside the upper level's tiers -----------------------------------------


def _multiple_text(low: Decimal | None, high: Decimal | None) -> str:
    low_text = number_text(low or Decimal("0"))
    return f"{low_text}至{number_text(high)}倍" if high is not None else f"{low_text}倍以上"


def _outside(low: Decimal | None, high: Decimal | None, upper_low: Decimal | None, upper_high: Decimal | None) -> bool:
    if (low or Decimal("0")) < (upper_low or Decimal("0")):
        return True
    return upper_high is not None and (high is None or high > upper_high)


def _range_problem(upper: BenchmarkSpec, tier: TierSpec, up: TierSpec) -> str:
    where = f"上级裁量基准“{upper.label}”{up.label}阶次"
    if not (up.has_fine_range or up.has_multiple_range):
        return ""
    if not (tier.has_fine_range or tier.has_multiple_range):
        return f"{tier.label}阶次未规定幅度，应在{where}的幅度内细化"
    if up.has_fine_range != tier.has_fine_range:
        return f"{tier.label}阶次应与{where}一致按{'罚款金额' if up.has_fine_range else '倍数'}规定幅度"
    if tier.has_fine_range and _outside(tier.fine_min, tier.fine_max, up.fine_min, up.fine_max):
        return (
            f"{tier.label}阶次的罚款幅度（{range_text(tier.fine_min or Decimal('0'), tier.fine_max)}）"
            f"超出{where}的幅度（{range_text(up.fine_min or Decimal('0'), up.fine_max)}）"
        )
    if tier.has_multiple_range and _outside(tier.multiple_min, tier.multiple_max, up.multiple_min, up.multiple_max):
        return (
            f"{tier.label}阶次的倍数幅度（{_multiple_text(tier.multiple_min, tier.multiple_max)}）"
            f"超出{where}的幅度（{_multiple_text(up.multiple_min, up.multiple_max)}）"
        )
    return ""


def refinement_problems(upper: BenchmarkSpec, lower: BenchmarkSpec) -> list[str]:
    """R-DIS-003: the upper-level benchmark for the same item and article applies directly; a lower-level one may
    only refine it — the same statutory range, only tiers the upper one has, each tier's range inside the upper
    tier's range, no kind the upper tier does not allow, every kind it requires. Each problem names the tier."""
    problems = []
    legal = ("legal_fine_min", "legal_fine_max", "legal_multiple_min", "legal_multiple_max")
    if any(getattr(upper, key) != getattr(lower, key) for key in legal):
        problems.append(f"法定幅度应与上级裁量基准“{upper.label}”一致")
    for tier in lower.tiers:
        up = upper.tier(tier.tier)
        if up is None:
            problems.append(f"上级裁量基准“{upper.label}”未规定{tier.label}阶次，下级基准只能在上级阶次内细化")
            continue
        problem = _range_problem(upper, tier, up)
        if problem:
            problems.append(problem)
        extra = tier.allowed_kinds - up.allowed_kinds if up.allowed_kinds else frozenset()
        if extra:
            problems.append(f"{tier.label}阶次的处罚种类“{kind_labels(extra)}”不在上级裁量基准该阶次的可选种类内")
        missing = up.required_kinds - tier.required_kinds
        if missing:
            problems.append(f"{tier.label}阶次应与上级裁量基准一致并处{kind_labels(missing)}")
    return [f"{p}（R-DIS-003）" for p in problems]
