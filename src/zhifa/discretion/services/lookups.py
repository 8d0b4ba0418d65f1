"""Which benchmark applies (R-DIS-001/003/004): per penalty article of an item, the most specific version in force
on a day — the item's own, else the nearest upper level's — and the suspended ones that cannot be applied.

Upper level: an item of the same catalog code (四级四同: the same code at every level, or the item's
``source_item_code``) whose agency is an ancestor of the item's agency — its 上级主管部门 chain or an agency of an
enclosing region. The nearer level (the deeper region, then the 上级主管部门) is the more specific.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from zhifa.catalog.models import EnforcementItem
from zhifa.discretion.choices import DiscretionBenchmarkState
from zhifa.discretion.models import DiscretionBenchmark
from zhifa.discretion.querysets import BenchmarkQuerySet
from zhifa.discretion.validity import refinement_problems
from zhifa.org.models import Agency

S = DiscretionBenchmarkState

__all__ = [
    "Candidates",
    "Misfit",
    "ancestor_paths",
    "applicable_for",
    "benchmarks_for",
    "candidates_for",
    "misfit",
    "parent_chain",
    "stale_benchmarks",
    "unfit_refinements",
    "upper_benchmark",
]


def parent_chain(agency: Agency) -> list[int]:
    """The agency's 上级主管部门, nearest first."""
    chain: list[int] = []
    current = agency.parent_agency
    while current is not None and current.pk not in chain and current.pk != agency.pk:
        chain.append(current.pk)
        current = current.parent_agency
    return chain


def ancestor_paths(path: str) -> list[str]:
    """Strict ancestors of a region path (``430000/430100/430199/`` → ``430000/``, ``430000/430100/``)."""
    parts = [p for p in path.split("/") if p]
    return ["".join(f"{p}/" for p in parts[:n]) for n in range(1, len(parts))]


def _upper(item: EnforcementItem) -> tuple[Q, Callable[[DiscretionBenchmark], tuple[int, int]]]:
    """The filter for upper-level benchmarks of ``item`` and a sort key putting the nearest level first."""
    agency = item.agency
    chain = parent_chain(agency)
    codes = sorted({item.code, item.source_item_code} - {""})
    where = Q(enforcement_item__agency__region__path__in=ancestor_paths(agency.region.path)) | Q(
        enforcement_item__agency_id__in=chain
    )
    query = Q(enforcement_item__code__in=codes) & where & ~Q(enforcement_item__agency_id=agency.pk)

    def nearest(benchmark: DiscretionBenchmark) -> tuple[int, int]:
        owner = benchmark.enforcement_item.agency
        return (-len(owner.region.path), 0 if owner.pk in chain else 1)

    return query, nearest


def upper_benchmark(benchmark: DiscretionBenchmark, *, on: date) -> DiscretionBenchmark | None:
    """The upper-level benchmark in force on ``on`` for the same item and article (R-DIS-003), nearest first."""
    query, nearest = _upper(benchmark.enforcement_item)
    found = (
        DiscretionBenchmark.objects.with_tiers()
        .select_related("enforcement_item__agency__region")
        .filter(query, penalty_article_id=benchmark.penalty_article_id)
        .applicable_on(on)
    )
    return min(found, key=lambda b: (*nearest(b), -b.version), default=None)


@dataclass(frozen=True)
class Misfit:
    """A published lower-level refinement that no longer fits the upper-level benchmark in force on a day (the
    upper one was revised, R-DIS-003): not applied until it is revised; the upper one applies directly."""

    benchmark: DiscretionBenchmark
    upper: DiscretionBenchmark
    problems: list[str]


def misfit(benchmark: DiscretionBenchmark, *, on: date) -> Misfit | None:
    """Whether ``benchmark`` (a refinement) still fits the upper-level benchmark in force on ``on`` (R-DIS-003)."""
    upper = upper_benchmark(benchmark, on=on)
    if upper is None:
        return None
    problems = refinement_problems(upper.spec(), benchmark.spec())
    return Misfit(benchmark, upper, problems) if problems else None


def unfit_refinements(*, on: date, upper: DiscretionBenchmark | None = None) -> list[Misfit]:
    """R-DIS-003 ALERT: the benchmarks in force on ``on`` that no longer fit their upper level's version in force
    that day (of ``upper``'s item and article only, when given), for the benchmark page and ``zhifa tick``."""
    rows = DiscretionBenchmark.objects.with_tiers().select_related("enforcement_item__agency__region")
    rows = rows.applicable_on(on).filter(state=S.IN_FORCE)
    if upper is not None:
        chain = [upper.enforcement_item.code, upper.enforcement_item.source_item_code]
        rows = rows.filter(penalty_article_id=upper.penalty_article_id, enforcement_item__code__in=chain).exclude(
            enforcement_item__agency_id=upper.enforcement_item.agency_id
        )
    found = [misfit(b, on=on) for b in rows]
    return [m for m in found if m is not None and (upper is None or m.upper.pk == upper.pk)]


def _most_specific(
    item: EnforcementItem,
    rows: Iterable[DiscretionBenchmark],
    nearest: Callable[[DiscretionBenchmark], tuple[int, int]],
    on: date | None = None,
) -> dict[int, DiscretionBenchmark]:
    """One benchmark per penalty article: the item's own before any upper level's, the nearest level, the latest
    version. With ``on``: a refinement that no longer fits the upper level's version of that day is passed over
    (R-DIS-003: the upper one applies directly until the refinement is revised)."""

    def key(b: DiscretionBenchmark) -> tuple[int, int, int, int]:
        own = b.enforcement_item_id == item.pk
        level = (0, 0) if own else nearest(b)
        return (0 if own else 1, *level, -b.version)

    best: dict[int, DiscretionBenchmark] = {}
    for benchmark in sorted(rows, key=key):
        if benchmark.penalty_article_id in best:
            continue
        if on is not None and misfit(benchmark, on=on) is not None:
            continue
        best[benchmark.penalty_article_id] = benchmark
    return best


def _chain_rows(item: EnforcementItem) -> tuple[Q, Callable[[DiscretionBenchmark], tuple[int, int]]]:
    query, nearest = _upper(item)
    basis = list(item.penalty_basis.values_list("pk", flat=True))
    return Q(enforcement_item=item) | (query & Q(penalty_article_id__in=basis)), nearest


def _rows(query: Q) -> BenchmarkQuerySet:
    return DiscretionBenchmark.objects.with_tiers().select_related("enforcement_item__agency__region").filter(query)


@dataclass(frozen=True)
class Candidates:
    """The benchmarks a case on an item may name: per article, the one in force, or — when none is — the suspended
    one, which cannot be applied (R-DIS-001) but still gives the statutory range."""

    in_force: list[DiscretionBenchmark]
    suspended: list[DiscretionBenchmark]

    @property
    def all(self) -> list[DiscretionBenchmark]:
        return [*self.in_force, *self.suspended]


def candidates_for(*, item: EnforcementItem, on: date) -> Candidates:
    query, nearest = _chain_rows(item)
    in_force = _most_specific(item, _rows(query).applicable_on(on), nearest, on)
    suspended_rows = [
        b for b in _rows(query & Q(state=S.SUSPENDED, effective_on__lte=on)) if b.penalty_article_id not in in_force
    ]
    suspended = _most_specific(item, suspended_rows, nearest)
    return Candidates(
        in_force=[in_force[k] for k in sorted(in_force)], suspended=[suspended[k] for k in sorted(suspended)]
    )


def benchmarks_for(*, item: EnforcementItem, on: date) -> list[DiscretionBenchmark]:
    """Per penalty article of ``item``, the most specific benchmark in force on ``on`` (the item's own, else the
    nearest upper level's, R-DIS-003), tiers prefetched (R-DIS-004)."""
    return candidates_for(item=item, on=on).in_force


def applicable_for(*, item: EnforcementItem, article_id: int, on: date) -> DiscretionBenchmark | None:
    """The benchmark for ``item`` and one article in force on ``on`` (the version of that day: the day a new version
    takes effect it replaces the old one; the day before, the old one still applies)."""
    return next((b for b in benchmarks_for(item=item, on=on) if b.penalty_article_id == article_id), None)


def stale_benchmarks(*, on: date) -> list[DiscretionBenchmark]:
    """R-DIS-001 ALERT: live benchmarks whose penalty article is no longer in force (the law changed)."""
    live = DiscretionBenchmark.objects.filter(state=S.IN_FORCE).select_related(
        "enforcement_item__agency", "penalty_article__version__law"
    )
    return [b for b in live if not b.penalty_article.version.is_in_force_on(on)]
