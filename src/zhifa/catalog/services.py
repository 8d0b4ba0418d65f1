"""Services of the catalog app: the life of enforcement items (create → publish → revise/suspend/abolish),
the 清单之外无执法 check (R-PEN-003), the A/V requirement (R-REC-003/004) and the major-decision catalog
(R-REV-002, R-HEA-002)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from zhifa.catalog.choices import (
    ALWAYS_AV_STEPS,
    AvStep,
    CriterionKind,
    EnforcementItemState,
    ItemKind,
    ItemLevel,
    PartyCategory,
)
from zhifa.catalog.errors import AvRecordMissing, BasisInvalid, BasisMissing, CatalogError, ItemStateConflict
from zhifa.catalog.models import AvRequirement, EnforcementItem, MajorDecisionCriterion
from zhifa.catalog.querysets import EnforcementItemQuerySet
from zhifa.core.calendar import format_day, today
from zhifa.core.permissions import require
from zhifa.laws.choices import PENALTY_SETTING_LEVELS
from zhifa.laws.models import Article
from zhifa.ledger.evidence import has_av_record
from zhifa.ledger.services import record
from zhifa.org.models import Agency, Sector

__all__ = [
    "abolish_item",
    "av_required",
    "check_penalty_basis",
    "create_item",
    "effective_criteria",
    "is_item_listed",
    "items_for",
    "large_fine_criterion",
    "large_fine_threshold",
    "publish_item",
    "resume_item",
    "revise_item",
    "suspend_item",
    "validate_basis",
]

_DENIED = "您没有维护该执法主体执法事项清单的权限"


def _require(user: Any | None, perm: str, obj: Any) -> None:
    """``user=None`` is a trusted system caller (demo loader); every request passes its user."""
    require(user, perm, obj, message=_DENIED)


def _locked(item: EnforcementItem) -> EnforcementItem:
    return EnforcementItem.objects.select_for_update().select_related("agency__region").get(pk=item.pk)


def check_penalty_basis(articles: Iterable[Article], *, on: date) -> None:
    """R-PEN-002: each penalty basis is an article of a 法律/法规/规章 (not a 规范性文件) in force on ``on``."""
    for article in articles:
        law = article.version.law
        if law.level not in PENALTY_SETTING_LEVELS:
            raise BasisInvalid(
                f"{article.citation}出自规范性文件，规范性文件不得设定行政处罚（R-PEN-002）", field="penalty_basis"
            )
        if not article.version.is_in_force_on(on):
            raise BasisInvalid(
                f"{article.citation}（{article.version.label}）在{format_day(on)}不是现行有效版本（R-PEN-002）",
                field="penalty_basis",
            )


def validate_basis(
    *,
    kind: str,
    establishing_basis: Iterable[Article],
    penalty_basis: Iterable[Article],
    on: date | None = None,
) -> None:
    """The one check of an item's bases, used by create, revise and publish (finding 14).

    Always: only 行政处罚 items carry a 处罚依据, and a 处罚依据 is never a 规范性文件 (R-PEN-002). With ``on``
    (the day the item takes effect): every 设定依据 and 处罚依据 is in a version in force on that day.
    """
    penalty = list(penalty_basis)
    if kind != ItemKind.PENALTY and penalty:
        raise CatalogError("只有行政处罚事项才填写处罚依据", field="penalty_basis")
    for article in penalty:
        if article.version.law.level not in PENALTY_SETTING_LEVELS:
            raise BasisInvalid(
                f"{article.citation}出自规范性文件，规范性文件不得设定行政处罚（R-PEN-002）", field="penalty_basis"
            )
    if on is None:
        return
    for article in establishing_basis:
        if not article.version.is_in_force_on(on):
            raise BasisInvalid(
                f"{article.citation}（{article.version.label}）在{format_day(on)}不是现行有效版本",
                field="establishing_basis",
            )
    check_penalty_basis(penalty, on=on)


def _code_in_use(agency: Agency, code: str) -> bool:
    return EnforcementItem.objects.filter(agency=agency, code=code).exists()


def _record(user: Any | None, item: EnforcementItem, event_type: str, **details: Any) -> None:
    """Every change of the item list is on the record (R-REC-001); ``user=None`` is a trusted system caller."""
    record(
        event_type=event_type,
        actor=user,
        agency=item.agency,
        subject=item,
        payload={"code": item.code, "version": item.version, "state": item.state, **details},
    )


@transaction.atomic
def create_item(
    *,
    user: Any | None,
    agency: Agency,
    sector: Sector,
    code: str,
    name: str,
    kind: str,
    item_level: str = ItemLevel.COUNTY,
    establishing_basis: Sequence[Article] = (),
    penalty_basis: Sequence[Article] = (),
    source_item_code: str = "",
    power_list_code: str = "",
    effective_on: date | None = None,
) -> EnforcementItem:
    """Create version 1 of an item as 草稿 (draft). Publish it with ``publish_item``."""
    _require(user, "catalog.add_enforcementitem", agency)
    if kind not in ItemKind.values:
        raise CatalogError(f"事项类型“{kind}”无效", field="kind")
    validate_basis(kind=kind, establishing_basis=establishing_basis, penalty_basis=penalty_basis, on=effective_on)
    code = code.strip()
    taken = CatalogError(f"{agency.name}已有事项编码为“{code}”的事项，请修订该事项", field="code")
    if _code_in_use(agency, code):
        raise taken
    item = EnforcementItem(
        agency=agency,
        sector=sector,
        code=code,
        name=name,
        kind=kind,
        item_level=item_level,
        source_item_code=source_item_code.strip(),
        power_list_code=power_list_code.strip(),
        effective_on=effective_on,
    )
    item.full_clean()
    try:
        # Finding 17: a concurrent create of the same code passes the check above; the unique constraint
        # stops it. The savepoint keeps the caller's transaction usable and the error is the same.
        with transaction.atomic():
            item.save()
    except IntegrityError:
        raise taken from None
    item.establishing_basis.set(establishing_basis)
    item.penalty_basis.set(penalty_basis)
    _record(user, item, "enforcement_item.created")
    return item


@transaction.atomic
def publish_item(*, user: Any | None, item: EnforcementItem, effective_on: date | None = None) -> EnforcementItem:
    """草稿 → 有效. Requires 设定依据, and for 行政处罚 items a valid 处罚依据 (R-PEN-002). Publishing a
    revision supersedes the previous version in the same transaction."""
    item = _locked(item)
    _require(user, "catalog.change_enforcementitem", item)
    if item.state != EnforcementItemState.DRAFT:
        raise ItemStateConflict(f"事项状态为“{item.get_state_display()}”，只有草稿可以发布", field="state")
    day = effective_on or item.effective_on or today()
    establishing = list(item.establishing_basis.select_related("version__law"))
    penalty = list(item.penalty_basis.select_related("version__law"))
    if not establishing and not penalty:
        raise BasisMissing("发布前须填写设定依据", field="establishing_basis")
    if item.kind == ItemKind.PENALTY and not penalty:
        raise BasisMissing("行政处罚事项须填写处罚依据（R-PEN-002）", field="penalty_basis")
    validate_basis(kind=item.kind, establishing_basis=establishing, penalty_basis=penalty, on=day)
    previous = item.previous_version
    if previous is not None:
        previous = _locked(previous)
        if previous.is_live:
            previous.supersede()
            previous.ended_on = day
            previous.save(update_fields=["state", "ended_on", "updated_at"])
    item.publish()
    item.effective_on = day
    item.save(update_fields=["state", "effective_on", "updated_at"])
    if previous is not None:
        _record(user, previous, "enforcement_item.superseded", by_version=item.version, ended_on=day)
    _record(user, item, "enforcement_item.published", effective_on=day)
    return item


@transaction.atomic
def revise_item(
    *,
    user: Any | None,
    item: EnforcementItem,
    name: str | None = None,
    sector: Sector | None = None,
    item_level: str | None = None,
    source_item_code: str | None = None,
    power_list_code: str | None = None,
    establishing_basis: Sequence[Article] | None = None,
    penalty_basis: Sequence[Article] | None = None,
    effective_on: date | None = None,
) -> EnforcementItem:
    """Create version + 1 of a live item as 草稿, copying what is not changed. The current version stays in
    force until the new one is published."""
    item = _locked(item)
    _require(user, "catalog.change_enforcementitem", item)
    if not item.is_live:
        raise ItemStateConflict(f"事项状态为“{item.get_state_display()}”，只有有效或暂停的事项可以修订", field="state")
    if EnforcementItem.objects.filter(
        agency_id=item.agency_id, code=item.code, state=EnforcementItemState.DRAFT
    ).exists():
        raise ItemStateConflict("该事项已有待发布的修订草稿", field="state")
    establishing = list(
        establishing_basis if establishing_basis is not None else item.establishing_basis.select_related("version__law")
    )
    penalty = list(penalty_basis if penalty_basis is not None else item.penalty_basis.select_related("version__law"))
    validate_basis(kind=item.kind, establishing_basis=establishing, penalty_basis=penalty, on=effective_on)
    revision = EnforcementItem(
        agency_id=item.agency_id,
        sector=sector or item.sector,
        code=item.code,
        name=name if name is not None else item.name,
        kind=item.kind,
        item_level=item_level or item.item_level,
        source_item_code=source_item_code if source_item_code is not None else item.source_item_code,
        power_list_code=power_list_code if power_list_code is not None else item.power_list_code,
        version=item.version + 1,
        previous_version=item,
        effective_on=effective_on,
    )
    revision.full_clean()
    try:
        with transaction.atomic():  # finding 17: a concurrent revision is the same conflict, not a 500
            revision.save()
    except IntegrityError:
        raise ItemStateConflict("该事项已有待发布的修订草稿", field="state") from None
    revision.establishing_basis.set(establishing)
    revision.penalty_basis.set(penalty)
    _record(user, revision, "enforcement_item.revised", from_version=item.version)
    return revision


@transaction.atomic
def suspend_item(*, user: Any | None, item: EnforcementItem) -> EnforcementItem:
    """有效 → 暂停: the item stays on the list but may not be enforced (R-PEN-003)."""
    item = _locked(item)
    _require(user, "catalog.change_enforcementitem", item)
    if item.state != EnforcementItemState.IN_FORCE:
        raise ItemStateConflict(f"事项状态为“{item.get_state_display()}”，只有有效事项可以暂停", field="state")
    item.suspend()
    item.save(update_fields=["state", "updated_at"])
    _record(user, item, "enforcement_item.suspended")
    return item


@transaction.atomic
def resume_item(*, user: Any | None, item: EnforcementItem) -> EnforcementItem:
    """暂停 → 有效."""
    item = _locked(item)
    _require(user, "catalog.change_enforcementitem", item)
    if item.state != EnforcementItemState.SUSPENDED:
        raise ItemStateConflict(f"事项状态为“{item.get_state_display()}”，只有暂停的事项可以恢复", field="state")
    item.resume()
    item.save(update_fields=["state", "updated_at"])
    _record(user, item, "enforcement_item.resumed")
    return item


@transaction.atomic
def abolish_item(*, user: Any | None, item: EnforcementItem, on: date | None = None) -> EnforcementItem:
    """取消 an item (any version that is not already ended); from ``on`` (default today) it is off the list."""
    item = _locked(item)
    _require(user, "catalog.change_enforcementitem", item)
    if item.state not in (EnforcementItemState.DRAFT, EnforcementItemState.IN_FORCE, EnforcementItemState.SUSPENDED):
        raise ItemStateConflict(f"事项状态为“{item.get_state_display()}”，不能取消", field="state")
    was_live = item.is_live
    item.abolish()
    item.ended_on = (on or today()) if was_live else None
    item.save(update_fields=["state", "ended_on", "updated_at"])
    _record(user, item, "enforcement_item.abolished", ended_on=item.ended_on)
    return item


def items_for(*, agency: Agency, on: date | None = None) -> EnforcementItemQuerySet:
    """The agency's item list on ``on`` (default today): what it may enforce (R-PEN-003)."""
    return EnforcementItem.objects.filter(agency=agency).listed_on(on or today())


def is_item_listed(*, agency: Agency, item: EnforcementItem, on: date | None = None) -> bool:
    """R-PEN-003 清单之外无执法: ``item`` is on ``agency``'s list and enforceable on ``on`` (default today)."""
    if item.agency_id != agency.pk:
        return False
    return items_for(agency=agency, on=on).filter(pk=item.pk).exists()


def av_required(step: str, *, item: EnforcementItem | None = None, agency: Agency | None = None) -> bool:
    """Whether ``step`` must be recorded on audio/video.

    R-REC-003: 查封扣押, 强制拆除, 土地房屋征收 and 办案场所 always. R-REC-004: other steps as the agency's
    音像记录事项清单 says; the most specific row wins (item, then agency, then the national default).
    """
    if step not in AvStep.values:
        raise CatalogError(f"执法环节“{step}”无效", field="step")
    if step in ALWAYS_AV_STEPS:
        return True
    agency_id = agency.pk if agency is not None else (item.agency_id if item is not None else None)
    scope = Q(agency__isnull=True)
    if agency_id is not None:
        scope |= Q(agency_id=agency_id)
    rows = AvRequirement.objects.filter(scope, step=step).filter(
        Q(item__isnull=True) | Q(item_id=item.pk if item is not None else None)
    )

    def specificity(row: AvRequirement) -> tuple[int, int]:
        return (1 if row.item_id else 0, 1 if row.agency_id else 0)

    candidates = sorted(rows, key=specificity, reverse=True)
    return candidates[0].is_mandatory if candidates else False


def require_av_record(
    *, step: str, subject: Any, item: EnforcementItem | None = None, agency: Agency | None = None
) -> None:
    """The check a transition calls before a step completes (R-REC-003 always, R-REC-004 where listed):
    if ``step`` must be recorded on audio/video, an A/V evidence file must be attached to ``subject``'s step."""
    if av_required(step, item=item, agency=agency) and not has_av_record(subject=subject, step=step):
        label = AvStep(step).label
        rule = "R-REC-003" if step in ALWAYS_AV_STEPS else "R-REC-004"
        raise AvRecordMissing(f"“{label}”须有全程音像记录，请先上传录音录像再完成此环节（{rule}）", field="evidence")


def _region_codes(agency: Agency | None) -> list[str]:
    if agency is None:
        return []
    return [code for code in agency.region.path.split("/") if code]


def effective_criteria(*, agency: Agency | None = None) -> list[MajorDecisionCriterion]:
    """The 重大执法决定法制审核目录清单 that applies to ``agency``: for each (kind, party category, sector), the
    most specific row (agency > deepest region > national default) wins; inactive winners are dropped."""
    codes = _region_codes(agency)
    scope = Q(agency__isnull=True, region_code="") | Q(agency__isnull=True, region_code__in=codes)
    if agency is not None:
        scope |= Q(agency=agency)
    best: dict[tuple[str, str, int | None], tuple[tuple[int, int], MajorDecisionCriterion]] = {}
    for row in MajorDecisionCriterion.objects.filter(scope).select_related("sector"):
        depth = codes.index(row.region_code) if row.region_code in codes else -1
        rank = (2 if row.agency_id else (1 if row.region_code else 0), depth)
        key = (row.kind, row.party_category, row.sector_id)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, row)
    return sorted(
        (row for _, row in best.values() if row.is_active), key=lambda r: (r.kind, r.party_category, r.sector_id or 0)
    )


def large_fine_threshold(
    *, party_category: str, agency: Agency | None = None, sector: Sector | None = None
) -> Decimal | None:
    """R-HEA-002 较大数额: the threshold (inclusive, R-TIME-006) for ``party_category`` at ``agency`` in ``sector``,
    from the row ``large_fine_criterion`` picks (None: no row, or the winning row is switched off)."""
    row = large_fine_criterion(party_category=party_category, agency=agency, sector=sector)
    return row.threshold_amount if row is not None else None


def large_fine_criterion(
    *, party_category: str, agency: Agency | None = None, sector: Sector | None = None
) -> MajorDecisionCriterion | None:
    """The 较大数额罚款或没收 row of the catalog (R-HEA-002, R-REV-002) that applies to ``party_category`` at
    ``agency`` in ``sector``; the legal review names it (``cases.services.major_decision``).

    The most specific row wins (finding 12): first by scope — the agency's own row, then the deepest region of
    the agency's region path, then the national default; within a scope a row for ``sector`` before one for
    every sector (the known values are sector-specific, e.g. 市场监管), and a row for the party's category before
    one for 不限. A winning row that is switched off (``is_active=False``) means no threshold (None).
    """
    if party_category not in (PartyCategory.NATURAL_PERSON, PartyCategory.ORGANIZATION):
        raise CatalogError("当事人类别应为公民或法人或者其他组织", field="party_category")
    codes = _region_codes(agency)
    scope = Q(agency__isnull=True, region_code="") | Q(agency__isnull=True, region_code__in=codes)
    if agency is not None:
        scope |= Q(agency=agency)
    sectors = Q(sector__isnull=True) | (Q(sector=sector) if sector is not None else Q(pk__in=[]))
    rows = MajorDecisionCriterion.objects.filter(
        scope, sectors, kind=CriterionKind.LARGE_FINE, party_category__in=[party_category, PartyCategory.ANY]
    )

    def specificity(row: MajorDecisionCriterion) -> tuple[int, int, int, int, int]:
        depth = codes.index(row.region_code) if row.region_code in codes else -1
        level = 2 if row.agency_id else (1 if row.region_code else 0)
        return (
            level,
            depth,
            1 if row.sector_id else 0,
            1 if row.party_category == party_category else 0,
            -row.pk,  # deterministic among equals: the oldest row
        )

    winner = max(rows, key=specificity, default=None)
    if winner is None or not winner.is_active:
        return None
    return winner
