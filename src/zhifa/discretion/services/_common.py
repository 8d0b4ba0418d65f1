"""Shared by the discretion services: the 裁量情节 registry, a benchmark's row lock and its ledger event."""

from __future__ import annotations

from typing import Any

from zhifa.discretion.errors import DiscretionError
from zhifa.discretion.models import Circumstance, DiscretionBenchmark
from zhifa.ledger.services import record

DENIED = "您没有维护该执法主体裁量基准的权限"


def circumstances() -> list[Circumstance]:
    """Every active 裁量情节, in display order."""
    return list(Circumstance.objects.filter(is_active=True))


def circumstance_by_code(code: str, *, field_name: str = "circumstances") -> Circumstance:
    found = Circumstance.objects.filter(code=code.strip()).first()
    if found is None:
        raise DiscretionError(f"裁量情节“{code}”不存在", field=field_name)
    return found


def record_benchmark(user: Any | None, benchmark: DiscretionBenchmark, event_type: str, **details: Any) -> None:
    record(
        event_type=event_type,
        actor=user,
        agency=benchmark.enforcement_item.agency,
        subject=benchmark,
        payload={
            "item_code": benchmark.enforcement_item.code,
            "article": benchmark.penalty_article.citation,
            "version": benchmark.version,
            "state": benchmark.state,
            **details,
        },
    )


def locked_benchmark(benchmark: DiscretionBenchmark) -> DiscretionBenchmark:
    return (
        DiscretionBenchmark.objects.select_for_update()
        .select_related("enforcement_item__agency__region", "penalty_article__version__law")
        .get(pk=benchmark.pk)
    )


# --- benchmarks --------------------------------------------------------------------------------------------------
