"""Scheduled work of the discretion app (``zhifa tick``). Read-only, hence idempotent."""

from __future__ import annotations

from datetime import date

from zhifa.core.scheduled import scheduled
from zhifa.discretion.services import stale_benchmarks, unfit_refinements


@scheduled("discretion.benchmark_law_changed")
def benchmark_law_changed(on: date) -> list[str]:
    """R-DIS-001: a benchmark in force whose penalty article is no longer in force must be revised."""
    return [
        f"警告：{b.enforcement_item.agency.name}的裁量基准“{b.title}”（第{b.version}版）所依据的"
        f"{b.penalty_article.citation}（{b.penalty_article.version.label}）已不是现行有效版本，请依现行法律修订（R-DIS-001）"
        for b in stale_benchmarks(on=on)
    ]


@scheduled("discretion.refinement_unfit")
def refinement_unfit(on: date) -> list[str]:
    """R-DIS-003: a published lower-level refinement that no longer fits the revised upper-level benchmark is not
    applied to new cases (the upper one applies directly) until it is revised."""
    return [
        f"警告：{m.benchmark.enforcement_item.agency.name}的裁量基准“{m.benchmark}”与修订后的上级裁量基准"
        f"“{m.upper}”（{m.upper.enforcement_item.agency.name}）不符，在修订前不适用于新案件，"
        f"上级基准直接适用：{'；'.join(m.problems)}"
        for m in unfit_refinements(on=on)
    ]
