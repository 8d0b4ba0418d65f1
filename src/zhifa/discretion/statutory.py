"""The statutory range of the article, without I/O (R-PEN-001, R-DIS-002, R-DIS-007): a fine above it is never
lawful, whatever a benchmark or a collective discussion says; below it only as 减轻 on a statutory ground (处罚法
第30–32条). An article may give an amount range and a multiple range as alternatives (e.g. by the size of the goods
value); a fine inside either is lawful. A multiple range needs its base: without it the fine cannot be checked."""

from __future__ import annotations

from decimal import Decimal

from zhifa.core.money import format_amount
from zhifa.discretion.choices import DiscretionTier
from zhifa.discretion.specs import (
    CENT,
    BenchmarkSpec,
    CircumstanceSpec,
    Proposal,
    Ticked,
    multiple_base_value,
    number_text,
    range_text,
)

__all__ = ["statutory_grounds", "statutory_range"]

FineRange = tuple[Decimal, Decimal | None]


def statutory_grounds(spec: BenchmarkSpec, ticked: Ticked) -> list[CircumstanceSpec]:
    """The ticked 法定从轻减轻情节 (the only grounds for 减轻, R-DIS-007)."""
    return [c for code, v in ticked.items() if v is True and (c := spec.circumstance(code)) and c.statutory_ground]


def _times(spec: BenchmarkSpec) -> str:
    low = number_text(spec.legal_multiple_min or Decimal("0"))
    return f"{low}至{number_text(spec.legal_multiple_max)}倍" if spec.legal_multiple_max is not None else f"{low}倍以上"


def _legal_ranges(spec: BenchmarkSpec, ticked: Ticked, proposal: Proposal) -> list[tuple[FineRange, str]]:
    """The statutory ranges in 元 with their wording."""
    ranges: list[tuple[FineRange, str]] = []
    if spec.has_legal_fine_range:
        low, high = spec.legal_fine_min or Decimal("0"), spec.legal_fine_max
        ranges.append(((low, high), range_text(low, high)))
    base = multiple_base_value(spec, ticked, proposal) if spec.has_legal_multiple_range else None
    if base is not None:
        low = ((spec.legal_multiple_min or Decimal("0")) * base).quantize(CENT)
        high = (spec.legal_multiple_max * base).quantize(CENT) if spec.legal_multiple_max is not None else None
        ranges.append(
            ((low, high), f"{spec.base_label}{format_amount(base)}的{_times(spec)}，即{range_text(low, high)}")
        )
    return ranges


def statutory_range(spec: BenchmarkSpec, ticked: Ticked, proposal: Proposal, chosen: str) -> tuple[str, str]:
    """(refusal, reason) for the proposed fine: one of them or neither (no fine, no range known)."""
    if not proposal.fines:
        return "", ""
    ranges = _legal_ranges(spec, ticked, proposal)
    if not ranges:
        if spec.has_legal_multiple_range:
            label = spec.base_label
            return (
                f"法定罚款为{label}的{_times(spec)}，请填写{label}，否则无法核对罚款是否在法定幅度内（R-DIS-002）",
                "",
            )
        return "", ""
    fine = proposal.fine
    wording = "或".join(text for _, text in ranges)
    if any(low <= fine and (high is None or fine <= high) for (low, high), _ in ranges):
        return "", f"拟罚款{format_amount(fine)}在法定幅度（{wording}）内"
    lowest = min(low for (low, _), _ in ranges)
    if fine >= lowest:
        return (
            f"拟罚款{format_amount(fine)}超出法定幅度（{wording}），裁量基准和集体讨论均不能突破（R-PEN-001、R-DIS-002）",
            "",
        )
    if chosen != DiscretionTier.MITIGATED:
        return (
            f"拟罚款{format_amount(fine)}低于法定幅度（{wording}）；低于法定最低罚款只能是有法定减轻情节的减轻处罚"
            "（R-DIS-007）",
            "",
        )
    if statutory_grounds(spec, ticked):
        return "", f"依法减轻处罚：拟罚款{format_amount(fine)}低于法定最低罚款{format_amount(lowest)}（R-DIS-007）"
    return "", ""  # 减轻 without a statutory ground is refused by the caller (R-DIS-007)
