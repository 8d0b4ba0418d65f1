"""Scheduled work of the discretion app (``zhifa tick``). Read-only, hence idempotent."""

from __future__ import annotations

from datetime import date

from zhifa.core.scheduled import scheduled
from zhifa.discretion.services import stale_benchmarks


@scheduled("discretion.benchmark_law_changed")
def benchmark_law_changed(on: date) -> list[str]:
    """R-DIS-001: a benchmark in force whose penalty article is no longer in force must be revised."""
    return [
        f"警告：{b.enforcement_item.agency.name}的裁量基准“{b.title}”（第{b.version}版）所依据的"
        f"{b.penalty_article.citation}（{b.penalty_article.version.label}）已不是现行有效版本，请依现行法律修订（R-DIS-001）"
        for b in stale_benchmarks(on=on)
    ]
