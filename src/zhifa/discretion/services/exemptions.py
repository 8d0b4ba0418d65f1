"""免罚清单 (R-DIS-014): a list is created as 草稿, gets its entries, is published and may be abolished; the entries
of the lists in force on a day are what a case is matched against."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

from zhifa.catalog.choices import ItemKind
from zhifa.catalog.models import EnforcementItem
from zhifa.core.calendar import today
from zhifa.core.permissions import require
from zhifa.discretion.choices import ExemptionKind, ExemptionListState, FlexibleMeasureKind
from zhifa.discretion.errors import BenchmarkStateConflict, DiscretionError
from zhifa.discretion.models import ExemptionList, ExemptionListEntry
from zhifa.discretion.services._common import circumstance_by_code
from zhifa.discretion.services.lookups import ancestor_paths, parent_chain
from zhifa.ledger.services import record
from zhifa.org.models import Agency

_LIST_DENIED = "您没有维护该免罚清单的权限"


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
    """Entries of published lists in force on ``on`` that cover ``item`` (R-DIS-014: matched and suggested): the
    entries naming the item, and — like an upper-level benchmark (R-DIS-003) — the entries of an upper level's list
    (issued by an agency of an enclosing region or of the item agency's 上级主管部门 chain) naming an item of the
    same catalog code (四级四同)."""
    agency = item.agency
    codes = sorted({item.code, item.source_item_code} - {""})
    issuer = Q(exemption_list__agency__region__path__in=ancestor_paths(agency.region.path)) | Q(
        exemption_list__agency_id__in=parent_chain(agency)
    )
    upper = Q(enforcement_item__code__in=codes) & issuer & ~Q(exemption_list__agency_id=agency.pk)
    return list(
        ExemptionListEntry.objects.filter(Q(enforcement_item=item) | upper)
        .applicable_on(on)
        .select_related("exemption_list__agency", "enforcement_item")
        .prefetch_related("required_circumstances")
    )
