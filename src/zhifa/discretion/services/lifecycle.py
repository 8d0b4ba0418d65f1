"""A published benchmark's later life (R-DIS-001): revised into a new draft version, suspended and resumed,
abolished. Every move is a transition of the model and a ledger event."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from zhifa.core.calendar import today
from zhifa.core.permissions import require
from zhifa.discretion.choices import DiscretionBenchmarkState
from zhifa.discretion.errors import BenchmarkStateConflict
from zhifa.discretion.models import DiscretionBenchmark, TierCondition
from zhifa.discretion.services._common import DENIED, locked_benchmark, record_benchmark

S = DiscretionBenchmarkState


@transaction.atomic
def revise_benchmark(
    *, user: Any | None, benchmark: DiscretionBenchmark, effective_on: date | None = None, copy_tiers: bool = True
) -> DiscretionBenchmark:
    """Version + 1 as 草稿, copying the ranges and (by default) the tiers; the current version applies until the
    new one is published and takes effect."""
    benchmark = locked_benchmark(benchmark)
    require(user, "discretion.change_benchmark", benchmark, message=DENIED)
    if not benchmark.is_live:
        raise BenchmarkStateConflict(
            f"裁量基准状态为“{benchmark.get_state_display()}”，只有有效或暂停的基准可以修订", field="state"
        )
    fields = [
        "enforcement_item",
        "penalty_article",
        "title",
        "violation",
        "legal_fine_min_amount",
        "legal_fine_max_amount",
        "legal_multiple_min",
        "legal_multiple_max",
        "multiple_base",
        "notes",
    ]
    revision = DiscretionBenchmark(
        **{f: getattr(benchmark, f) for f in fields},
        version=benchmark.version + 1,
        previous_version=benchmark,
        effective_on=effective_on,
    )
    try:
        with transaction.atomic():
            revision.save()
    except IntegrityError:
        raise BenchmarkStateConflict("该裁量基准已有待发布的修订草稿", field="state") from None
    if copy_tiers:
        for tier in benchmark.tiers.prefetch_related("conditions"):
            conditions = list(tier.conditions.all())
            tier.pk = None
            tier.benchmark = revision
            tier.save()
            TierCondition.objects.bulk_create(
                TierCondition(
                    tier=tier, circumstance_id=c.circumstance_id, min_value=c.min_value, max_value=c.max_value
                )
                for c in conditions
            )
    record_benchmark(user, revision, "discretion_benchmark.revised", from_version=benchmark.version)
    return revision


def _move(
    user: Any | None, benchmark: DiscretionBenchmark, *, source: Sequence[str], action: str, verb: str, event: str
) -> DiscretionBenchmark:
    benchmark = locked_benchmark(benchmark)
    require(user, "discretion.change_benchmark", benchmark, message=DENIED)
    if benchmark.state not in source:
        raise BenchmarkStateConflict(f"裁量基准状态为“{benchmark.get_state_display()}”，不能{action}", field="state")
    was_live = benchmark.is_live
    getattr(benchmark, verb)()
    if verb == "abolish":
        benchmark.ended_on = today() if was_live else None
    benchmark.save(update_fields=["state", "ended_on", "updated_at"])
    record_benchmark(user, benchmark, f"discretion_benchmark.{event}")
    return benchmark


@transaction.atomic
def suspend_benchmark(*, user: Any | None, benchmark: DiscretionBenchmark) -> DiscretionBenchmark:
    """有效 → 暂停: not applied to cases while suspended; a case on the item then says so, is still checked against
    the statutory range the benchmark records, and its decision records that no benchmark was in force."""
    return _move(user, benchmark, source=[S.IN_FORCE], action="暂停", verb="suspend", event="suspended")


@transaction.atomic
def resume_benchmark(*, user: Any | None, benchmark: DiscretionBenchmark) -> DiscretionBenchmark:
    """暂停 → 有效."""
    return _move(user, benchmark, source=[S.SUSPENDED], action="恢复", verb="resume", event="resumed")


@transaction.atomic
def abolish_benchmark(*, user: Any | None, benchmark: DiscretionBenchmark) -> DiscretionBenchmark:
    """取消: from today a live benchmark no longer applies; a draft is dropped."""
    live = [S.DRAFT, S.IN_FORCE, S.SUSPENDED]
    return _move(user, benchmark, source=live, action="取消", verb="abolish", event="abolished")
