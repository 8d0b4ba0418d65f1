"""Services of the discretion app: the life of a benchmark (create → add tiers → publish → revise/suspend/abolish,
R-DIS-001/002), the 免罚清单 (R-DIS-014), and the lookups cases use (the version in force on a day)."""

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
from zhifa.discretion.assessment import benchmark_problems, tier_problems
from zhifa.discretion.choices import (
    DiscretionBenchmarkState,
    DiscretionTier,
    ExemptionKind,
    ExemptionListState,
    FlexibleMeasureKind,
    MatchMode,
    MultipleBase,
)
from zhifa.discretion.errors import BenchmarkStateConflict, DiscretionError
from zhifa.discretion.models import (
    BenchmarkTier,
    Circumstance,
    DiscretionBenchmark,
    ExemptionList,
    ExemptionListEntry,
    TierCondition,
)
from zhifa.laws.models import Article
from zhifa.ledger.services import record
from zhifa.org.models import Agency

S = DiscretionBenchmarkState
_DENIED = "您没有维护该执法主体裁量基准的权限"
_LIST_DENIED = "您没有维护该免罚清单的权限"


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


def _record(user: Any | None, benchmark: DiscretionBenchmark, event_type: str, **details: Any) -> None:
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


def _locked(benchmark: DiscretionBenchmark) -> DiscretionBenchmark:
    return (
        DiscretionBenchmark.objects.select_for_update()
        .select_related("enforcement_item__agency__region", "penalty_article__version__law")
        .get(pk=benchmark.pk)
    )


def circumstances() -> list[Circumstance]:
    """Every active 裁量情节, in display order."""
    return list(Circumstance.objects.filter(is_active=True))


def circumstance_by_code(code: str, *, field_name: str = "circumstances") -> Circumstance:
    found = Circumstance.objects.filter(code=code.strip()).first()
    if found is None:
        raise DiscretionError(f"裁量情节“{code}”不存在", field=field_name)
    return found


# --- benchmarks --------------------------------------------------------------------------------------------------


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
    require(user, "discretion.add_benchmark", enforcement_item, message=_DENIED)
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
    _record(user, benchmark, "discretion_benchmark.created", tiers=[t.tier for t in tiers])
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
    benchmark = _locked(benchmark)
    require(user, "discretion.change_benchmark", benchmark, message=_DENIED)
    if benchmark.state != S.DRAFT:
        raise BenchmarkStateConflict("只有草稿状态的裁量基准可以增加阶次，请先修订生成新版本", field="state")
    row = _add_tier(benchmark, tier)
    _record(user, benchmark, "discretion_benchmark.tier_added", tier=row.tier)
    return row


@transaction.atomic
def publish_benchmark(
    *, user: Any | None, benchmark: DiscretionBenchmark, effective_on: date | None = None
) -> DiscretionBenchmark:
    """草稿 → 有效 (R-DIS-001 published before use). The tiers must make a valid benchmark (R-DIS-002) and the
    penalty article must be in force on the effective day. A revision supersedes the previous version that day."""
    benchmark = _locked(benchmark)
    require(user, "discretion.change_benchmark", benchmark, message=_DENIED)
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
    problems = benchmark_problems(DiscretionBenchmark.objects.with_tiers().get(pk=benchmark.pk).spec())
    if problems:
        raise DiscretionError("；".join(problems), field="tiers")
    previous = benchmark.previous_version
    if previous is not None:
        previous = _locked(previous)
        if previous.effective_on is not None and day <= previous.effective_on:
            raise DiscretionError(
                f"新版本的生效日期应晚于上一版本的生效日期（{format_day(previous.effective_on)}）", field="effective_on"
            )
        if previous.is_live:
            previous.supersede()
            previous.ended_on = day
            previous.save(update_fields=["state", "ended_on", "updated_at"])
            _record(user, previous, "discretion_benchmark.superseded", by_version=benchmark.version, ended_on=day)
    benchmark.publish()
    benchmark.effective_on = day
    benchmark.published_on = today()
    benchmark.published_by = user
    benchmark.save(update_fields=["state", "effective_on", "published_on", "published_by", "updated_at"])
    _record(user, benchmark, "discretion_benchmark.published", effective_on=day)
    return benchmark


@transaction.atomic
def revise_benchmark(
    *, user: Any | None, benchmark: DiscretionBenchmark, effective_on: date | None = None, copy_tiers: bool = True
) -> DiscretionBenchmark:
    """Version + 1 as 草稿, copying the ranges and (by default) the tiers; the current version applies until the
    new one is published and takes effect."""
    benchmark = _locked(benchmark)
    require(user, "discretion.change_benchmark", benchmark, message=_DENIED)
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
    _record(user, revision, "discretion_benchmark.revised", from_version=benchmark.version)
    return revision


def _move(
    user: Any | None, benchmark: DiscretionBenchmark, *, source: Sequence[str], action: str, verb: str, event: str
) -> DiscretionBenchmark:
    benchmark = _locked(benchmark)
    require(user, "discretion.change_benchmark", benchmark, message=_DENIED)
    if benchmark.state not in source:
        raise BenchmarkStateConflict(f"裁量基准状态为“{benchmark.get_state_display()}”，不能{action}", field="state")
    was_live = benchmark.is_live
    getattr(benchmark, verb)()
    if verb == "abolish":
        benchmark.ended_on = today() if was_live else None
    benchmark.save(update_fields=["state", "ended_on", "updated_at"])
    _record(user, benchmark, f"discretion_benchmark.{event}")
    return benchmark


@transaction.atomic
def suspend_benchmark(*, user: Any | None, benchmark: DiscretionBenchmark) -> DiscretionBenchmark:
    """有效 → 暂停: not applied to cases while suspended."""
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


def benchmarks_for(*, item: EnforcementItem, on: date) -> list[DiscretionBenchmark]:
    """The benchmarks of ``item`` in force on ``on``, one per penalty article, tiers prefetched (R-DIS-004)."""
    return list(DiscretionBenchmark.objects.with_tiers().filter(enforcement_item=item).applicable_on(on))


def version_on(benchmark: DiscretionBenchmark, *, on: date) -> DiscretionBenchmark | None:
    """The version of ``benchmark`` (same item and article) in force on ``on``: the day a new version takes
    effect it replaces the old one; the day before, the old one still applies."""
    return (
        DiscretionBenchmark.objects.with_tiers()
        .filter(enforcement_item_id=benchmark.enforcement_item_id, penalty_article_id=benchmark.penalty_article_id)
        .applicable_on(on)
        .order_by("-version")
        .first()
    )


def stale_benchmarks(*, on: date) -> list[DiscretionBenchmark]:
    """R-DIS-001 ALERT: live benchmarks whose penalty article is no longer in force (the law changed)."""
    live = DiscretionBenchmark.objects.filter(state=S.IN_FORCE).select_related(
        "enforcement_item__agency", "penalty_article__version__law"
    )
    return [b for b in live if not b.penalty_article.version.is_in_force_on(on)]


# --- 免罚清单 ----------------------------------------------------------------------------------------------------


def _record_list(user: Any | None, exemption_list: ExemptionList, event_type: str, **details: Any) -> None:
    record(
        event_type=event_type,
        actor=user,
        agency=exemption_list.agency,
        subject=exemption_list,
        payload={"name": exemption_list.name, "state": exemption_list.state, **details},
    )


@transaction.atomic
def create_exemption_list(
    *, user: Any | None, agency: Agency, name: str, document_number: str = "", effective_on: date | None = None
) -> ExemptionList:
    """A 免罚清单 as 草稿, issued by ``agency`` (an agency for its own items; the 司法局 for a county-wide list)."""
    require(user, "discretion.add_exemptionlist", agency, message=_LIST_DENIED)
    if not name.strip():
        raise DiscretionError("请填写清单名称", field="name")
    exemption_list = ExemptionList.objects.create(
        agency=agency, name=name.strip(), document_number=document_number.strip(), effective_on=effective_on
    )
    _record_list(user, exemption_list, "exemption_list.created")
    return exemption_list


def _covers(exemption_list: ExemptionList, item: EnforcementItem) -> bool:
    """An agency lists its own items; a 司法局 lists the items of the agencies of its region and below."""
    issuer = exemption_list.agency
    if item.agency_id == issuer.pk:
        return True
    return bool(issuer.is_judicial_bureau and item.agency.region.path.startswith(issuer.region.path))


@transaction.atomic
def add_exemption_entry(
    *,
    user: Any | None,
    exemption_list: ExemptionList,
    enforcement_item: EnforcementItem,
    kind: str,
    violation: str,
    conditions_text: str,
    required_circumstances: Sequence[str] = (),
    legal_basis: str = "",
    correction_calendar_days: int | None = None,
    measures: Sequence[str] = (),
    sequence: int | None = None,
) -> ExemptionListEntry:
    """One entry of a draft list (R-DIS-014): the item, the violation and the conditions (in words and as the
    circumstances that must all be ticked)."""
    exemption_list = (
        ExemptionList.objects.select_for_update().select_related("agency__region").get(pk=exemption_list.pk)
    )
    require(user, "discretion.change_exemptionlist", exemption_list, message=_LIST_DENIED)
    if exemption_list.state != ExemptionListState.DRAFT:
        raise BenchmarkStateConflict("只有草稿状态的免罚清单可以增加事项", field="state")
    if kind not in ExemptionKind.values:
        raise DiscretionError(f"清单类别“{kind}”无效", field="kind")
    if enforcement_item.kind != ItemKind.PENALTY or not _covers(exemption_list, enforcement_item):
        raise DiscretionError(
            f"“{enforcement_item.name}”不是{exemption_list.agency.name}可列入清单的处罚事项", field="enforcement_item"
        )
    if not violation.strip() or not conditions_text.strip():
        raise DiscretionError("请填写违法行为和适用条件", field="conditions_text")
    unknown = [m for m in measures if m not in FlexibleMeasureKind.values]
    if unknown:
        raise DiscretionError(f"柔性执法措施“{'、'.join(unknown)}”无效", field="measures")
    if sequence is None:
        sequence = (exemption_list.entries.order_by("-sequence").values_list("sequence", flat=True).first() or 0) + 1
    elif exemption_list.entries.filter(sequence=sequence).exists():
        raise DiscretionError(f"清单已有第{sequence}项", field="sequence")
    entry = ExemptionListEntry.objects.create(
        exemption_list=exemption_list,
        sequence=sequence,
        enforcement_item=enforcement_item,
        kind=kind,
        violation=violation.strip(),
        conditions_text=conditions_text.strip(),
        legal_basis=legal_basis.strip(),
        correction_calendar_days=correction_calendar_days,
        measures=list(dict.fromkeys(measures)),
    )
    entry.required_circumstances.set(
        [circumstance_by_code(c, field_name="required_circumstances") for c in required_circumstances]
    )
    _record_list(user, exemption_list, "exemption_list.entry_added", sequence=sequence, item_code=enforcement_item.code)
    return entry


@transaction.atomic
def publish_exemption_list(
    *, user: Any | None, exemption_list: ExemptionList, effective_on: date | None = None
) -> ExemptionList:
    """草稿 → 有效 (R-DIS-014 lists published); a list without entries is not published."""
    exemption_list = (
        ExemptionList.objects.select_for_update().select_related("agency__region").get(pk=exemption_list.pk)
    )
    require(user, "discretion.change_exemptionlist", exemption_list, message=_LIST_DENIED)
    if exemption_list.state != ExemptionListState.DRAFT:
        raise BenchmarkStateConflict(
            f"清单状态为“{exemption_list.get_state_display()}”，只有草稿可以发布", field="state"
        )
    if not exemption_list.entries.exists():
        raise DiscretionError("清单中还没有事项", field="entries")
    exemption_list.publish()
    exemption_list.effective_on = effective_on or exemption_list.effective_on or today()
    exemption_list.save(update_fields=["state", "effective_on", "updated_at"])
    _record_list(user, exemption_list, "exemption_list.published", effective_on=exemption_list.effective_on)
    return exemption_list


@transaction.atomic
def abolish_exemption_list(*, user: Any | None, exemption_list: ExemptionList) -> ExemptionList:
    exemption_list = (
        ExemptionList.objects.select_for_update().select_related("agency__region").get(pk=exemption_list.pk)
    )
    require(user, "discretion.change_exemptionlist", exemption_list, message=_LIST_DENIED)
    if exemption_list.state == ExemptionListState.ABOLISHED:
        raise BenchmarkStateConflict("清单已取消", field="state")
    was_live = exemption_list.state == ExemptionListState.IN_FORCE
    exemption_list.abolish()
    exemption_list.ended_on = today() if was_live else None
    exemption_list.save(update_fields=["state", "ended_on", "updated_at"])
    _record_list(user, exemption_list, "exemption_list.abolished", ended_on=exemption_list.ended_on)
    return exemption_list


def exemption_entries_for(*, item: EnforcementItem, on: date) -> list[ExemptionListEntry]:
    """Entries of published lists in force on ``on`` that cover ``item`` (R-DIS-014: matched and suggested)."""
    return list(
        ExemptionListEntry.objects.filter(enforcement_item=item)
        .applicable_on(on)
        .select_related("exemption_list")
        .prefetch_related("required_circumstances")
    )
