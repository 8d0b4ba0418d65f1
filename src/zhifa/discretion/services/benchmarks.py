"""The life of a benchmark (R-DIS-001/002/003): create → add tiers → publish → revise/suspend/resume/abolish."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from zhifa.catalog.choices import ItemKind, PenaltyKind
from zhifa.catalog.models import EnforcementItem
from zhifa.core.calendar import format_day, today
from zhifa.core.permissions import require
from zhifa.discretion.choices import DiscretionBenchmarkState, DiscretionTier, MatchMode, MultipleBase
from zhifa.discretion.errors import BenchmarkStateConflict, DiscretionError
from zhifa.discretion.models import BenchmarkTier, DiscretionBenchmark, TierCondition
from zhifa.discretion.services._common import DENIED, circumstance_by_code, locked_benchmark, record_benchmark
from zhifa.discretion.services.lookups import upper_benchmark
from zhifa.discretion.validity import benchmark_problems, refinement_problems, tier_problems
from zhifa.laws.models import Article

S = DiscretionBenchmarkState


@dataclass(frozen=True)
class ConditionInput:
    """A structured condition: the circumstance's code, and for amounts/numbers the inclusive range."""

    circumstance: str
    min_value: Decimal | None = None
    max_value: Decimal | None = None


@dataclass(frozen=True)
class TierInput:
    tier: str
    conditions_text: str = ""
    match_mode: str = MatchMode.ANY
    fine_min_amount: Decimal | None = None
    fine_max_amount: Decimal | None = None
    multiple_min: Decimal | None = None
    multiple_max: Decimal | None = None
    allowed_kinds: Sequence[str] = ()
    required_kinds: Sequence[str] = ()
    conditions: Sequence[ConditionInput] = field(default_factory=tuple)


def _check_item_and_article(item: EnforcementItem, article: Article) -> None:
    if item.kind != ItemKind.PENALTY:
        raise DiscretionError("裁量基准只适用于行政处罚事项", field="enforcement_item")
    if not item.penalty_basis.filter(pk=article.pk).exists():
        raise DiscretionError(f"{article.citation}不是“{item.name}”的处罚依据（R-DIS-001）", field="penalty_article")


@transaction.atomic
def create_benchmark(
    *,
    user: Any | None,
    enforcement_item: EnforcementItem,
    penalty_article: Article,
    title: str,
    violation: str = "",
    legal_fine_min_amount: Decimal | None = None,
    legal_fine_max_amount: Decimal | None = None,
    legal_multiple_min: Decimal | None = None,
    legal_multiple_max: Decimal | None = None,
    multiple_base: str = MultipleBase.ILLEGAL_GAINS,
    notes: str = "",
    effective_on: date | None = None,
    tiers: Sequence[TierInput] = (),
) -> DiscretionBenchmark:
    """Version 1 of a benchmark for an item and one of its penalty articles, as 草稿 (publish it to apply it)."""
    require(user, "discretion.add_benchmark", enforcement_item, message=DENIED)
    _check_item_and_article(enforcement_item, penalty_article)
    if multiple_base not in MultipleBase.values:
        raise DiscretionError(f"倍数计算基数“{multiple_base}”无效", field="multiple_base")
    taken = DiscretionError(
        f"“{enforcement_item.name}”按{penalty_article.citation}已有裁量基准，请修订该基准", field="penalty_article"
    )
    if DiscretionBenchmark.objects.filter(enforcement_item=enforcement_item, penalty_article=penalty_article).exists():
        raise taken
    benchmark = DiscretionBenchmark(
        enforcement_item=enforcement_item,
        penalty_article=penalty_article,
        title=title,
        violation=violation.strip(),
        legal_fine_min_amount=legal_fine_min_amount,
        legal_fine_max_amount=legal_fine_max_amount,
        legal_multiple_min=legal_multiple_min,
        legal_multiple_max=legal_multiple_max,
        multiple_base=multiple_base,
        notes=notes.strip(),
        effective_on=effective_on,
    )
    benchmark.full_clean()
    try:
        with transaction.atomic():  # a concurrent create of the same benchmark is the same refusal, not a 500
            benchmark.save()
    except IntegrityError:
        raise taken from None
    for tier in tiers:
        _add_tier(benchmark, tier)
    record_benchmark(user, benchmark, "discretion_benchmark.created", tiers=[t.tier for t in tiers])
    return benchmark


def _kinds(values: Sequence[str], field_name: str) -> list[str]:
    unknown = [k for k in values if k not in PenaltyKind.values]
    if unknown:
        raise DiscretionError(f"处罚种类“{'、'.join(unknown)}”不是法定种类（R-PEN-001）", field=field_name)
    return sorted(set(values))


def _add_tier(benchmark: DiscretionBenchmark, data: TierInput) -> BenchmarkTier:
    if data.tier not in DiscretionTier.values:
        raise DiscretionError(f"裁量阶次“{data.tier}”无效", field="tier")
    if data.match_mode not in MatchMode.values:
        raise DiscretionError(f"情节关系“{data.match_mode}”无效", field="match_mode")
    if benchmark.tiers.filter(tier=data.tier).exists():
        raise DiscretionError(f"该裁量基准已有{DiscretionTier(data.tier).label}阶次", field="tier")
    tier = BenchmarkTier(
        benchmark=benchmark,
        tier=data.tier,
        conditions_text=data.conditions_text.strip(),
        match_mode=data.match_mode,
        fine_min_amount=data.fine_min_amount,
        fine_max_amount=data.fine_max_amount,
        multiple_min=data.multiple_min,
        multiple_max=data.multiple_max,
        allowed_kinds=_kinds(data.allowed_kinds, "allowed_kinds"),
        required_kinds=_kinds(data.required_kinds, "required_kinds"),
    )
    tier.full_clean()
    tier.save()
    for condition in data.conditions:
        row = TierCondition(
            tier=tier,
            circumstance=circumstance_by_code(condition.circumstance, field_name="conditions"),
            min_value=condition.min_value,
            max_value=condition.max_value,
        )
        row.full_clean()
        row.save()
    # R-DIS-002, for this tier alone (the sequence of tiers is checked when the benchmark is published)
    own = tier_problems(benchmark.spec(), tier.spec())
    if own:
        raise DiscretionError("；".join(own), field="tier")
    return tier


@transaction.atomic
def add_tier(*, user: Any | None, benchmark: DiscretionBenchmark, tier: TierInput) -> BenchmarkTier:
    """Add a tier to a draft benchmark (Excel import adds one tier per row)."""
    benchmark = locked_benchmark(benchmark)
    require(user, "discretion.change_benchmark", benchmark, message=DENIED)
    if benchmark.state != S.DRAFT:
        raise BenchmarkStateConflict("只有草稿状态的裁量基准可以增加阶次，请先修订生成新版本", field="state")
    row = _add_tier(benchmark, tier)
    record_benchmark(user, benchmark, "discretion_benchmark.tier_added", tier=row.tier)
    return row


@transaction.atomic
def publish_benchmark(
    *, user: Any | None, benchmark: DiscretionBenchmark, effective_on: date | None = None
) -> DiscretionBenchmark:
    """草稿 → 有效 (R-DIS-001 published before use). The tiers must make a valid benchmark (R-DIS-002), inside the
    tiers of the upper-level benchmark in force that day for the same item and article, if any (R-DIS-003), and the
    penalty article must be in force on the effective day. A revision supersedes the previous version that day."""
    benchmark = locked_benchmark(benchmark)
    require(user, "discretion.change_benchmark", benchmark, message=DENIED)
    if benchmark.state != S.DRAFT:
        raise BenchmarkStateConflict(
            f"裁量基准状态为“{benchmark.get_state_display()}”，只有草稿可以发布", field="state"
        )
    day = effective_on or benchmark.effective_on or today()
    article = benchmark.penalty_article
    if not article.version.is_in_force_on(day):
        raise DiscretionError(
            f"{article.citation}（{article.version.label}）在{format_day(day)}不是现行有效版本，请依现行法律修订基准（R-DIS-001）",
            field="penalty_article",
        )
    spec = DiscretionBenchmark.objects.with_tiers().get(pk=benchmark.pk).spec()
    problems = benchmark_problems(spec)
    upper = upper_benchmark(benchmark, on=day)
    if upper is not None:  # R-DIS-003: refined only inside the upper level's tiers
        problems.extend(refinement_problems(upper.spec(), spec))
    if problems:
        raise DiscretionError("；".join(problems), field="tiers")
    previous = benchmark.previous_version
    if previous is not None:
        previous = locked_benchmark(previous)
        if previous.effective_on is not None and day <= previous.effective_on:
            raise DiscretionError(
                f"新版本的生效日期应晚于上一版本的生效日期（{format_day(previous.effective_on)}）", field="effective_on"
            )
        if previous.is_live:
            previous.supersede()
            previous.ended_on = day
            previous.save(update_fields=["state", "ended_on", "updated_at"])
            record_benchmark(
                user, previous, "discretion_benchmark.superseded", by_version=benchmark.version, ended_on=day
            )
    benchmark.publish()
    benchmark.effective_on = day
    benchmark.published_on = today()
    benchmark.published_by = user
    benchmark.save(update_fields=["state", "effective_on", "published_on", "published_by", "updated_at"])
    record_benchmark(user, benchmark, "discretion_benchmark.published", effective_on=day)
    return benchmark
