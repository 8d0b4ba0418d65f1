"""Who exports which 双公示 records (R-PUB-012) and the ledger record of each export.

Only penalty decisions on the portal today are exported: published, within their period — never a withdrawn, expired,
exempted or credit-repaired one (R-PUB-008/010/011, R-PRV-007). Data scope is ``Publication.objects.visible_to``:
an agency exports its own records, a 司法局 supervisor its region's.

The non-public columns (证件类型/号码) and natural persons' full names are part of the record sent to 信用中国
(R-PUB-012, R-PRV-003's note), so an export with them is a personal-data export: only the reporting agency's head or
administrator makes it (``publicity.export_credit_personal_data``), and it is recorded as
``publication.personal_data_exported`` (who, when, filters, rows). Supervisors read the same rows masked (R-PRV-006);
their export is recorded as ``publication.credit_exported``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import rules
from django.db import transaction
from django.db.models import QuerySet

from zhifa.core.calendar import today
from zhifa.core.errors import PermissionDenied
from zhifa.core.permissions import require
from zhifa.core.scope import agency_q
from zhifa.ledger.services import record
from zhifa.org.models import Agency
from zhifa.publicity.choices import PublicationKind
from zhifa.publicity.credit.fields import FIELD_SET_VERSION, credit_row
from zhifa.publicity.errors import PublicationError
from zhifa.publicity.models import Publication

FORMATS = {"csv": "CSV", "xlsx": "Excel"}
CHUNK = 500


@dataclass(frozen=True)
class CreditFilter:
    """处罚决定日期 from/to (inclusive) and one agency (``None``: every agency in the user's scope)."""

    agency_id: int | None = None
    decided_from: date | None = None
    decided_to: date | None = None

    def as_payload(self) -> dict[str, Any]:
        return {"agency": self.agency_id, "decided_from": self.decided_from, "decided_to": self.decided_to}


@dataclass(frozen=True)
class CreditExport:
    """An export that was permitted and recorded; ``rows()`` reads the records in chunks (large results)."""

    publications: QuerySet[Publication]
    personal: bool
    count: int
    file_format: str
    filters: CreditFilter
    on: date

    def rows(self) -> Iterator[list[str]]:
        for publication in self.publications.iterator(chunk_size=CHUNK):
            yield credit_row(publication, personal=self.personal)

    @property
    def filename(self) -> str:
        start = self.filters.decided_from.strftime("%Y%m%d") if self.filters.decided_from else "起"
        end = self.filters.decided_to.strftime("%Y%m%d") if self.filters.decided_to else self.on.strftime("%Y%m%d")
        return f"双公示行政处罚_{start}-{end}.{self.file_format}"


def exportable(user: Any, filters: CreditFilter, *, on: date) -> QuerySet[Publication]:
    """The penalty decisions on the portal on ``on`` that ``user`` may export, oldest decision first."""
    rows = (
        Publication.objects.visible_to(user)
        .on_portal(on)
        .filter(kind=PublicationKind.PENALTY_DECISION, penalty_case__isnull=False)
    )
    if filters.agency_id is not None:
        rows = rows.filter(agency_id=filters.agency_id)
    if filters.decided_from is not None:
        rows = rows.filter(decided_on__gte=filters.decided_from)
    if filters.decided_to is not None:
        rows = rows.filter(decided_on__lte=filters.decided_to)
    return rows.select_related("agency", "penalty_case__party").order_by("decided_on", "pk")


def export_agencies(user: Any) -> QuerySet[Agency]:
    """The agencies whose records ``user`` may export (the filter's choices)."""
    return Agency.objects.filter(agency_q(user, "", case_data=True)).order_by("region__code", "name", "pk")


def _check(actor: Any, filters: CreditFilter, file_format: str) -> None:
    if actor is None:
        raise PublicationError("双公示数据只能由登录的工作人员导出", field="actor")
    require(
        actor,
        "publicity.export_credit_records",
        message="只有本单位负责人、执法单位管理员或司法局监督人员可以导出双公示数据（R-PUB-012）",
    )
    if file_format not in FORMATS:
        raise PublicationError("导出格式应为 CSV 或 Excel", field="file_format")
    if filters.decided_from and filters.decided_to and filters.decided_from > filters.decided_to:
        raise PublicationError("处罚决定日期的起始日期不能晚于截止日期", field="decided_to")
    if filters.agency_id is not None and not export_agencies(actor).filter(pk=filters.agency_id).exists():
        raise PermissionDenied("无权导出该执法单位的双公示数据")


@transaction.atomic
def start_credit_export(*, actor: Any, filters: CreditFilter, file_format: str) -> CreditExport:
    """R-PUB-012: permission, scope and the ledger event of one export; the caller streams ``rows()``."""
    _check(actor, filters, file_format)
    day = today()
    personal = bool(rules.has_perm("publicity.export_credit_personal_data", actor))
    publications = exportable(actor, filters, on=day)
    count = publications.count()
    record(
        event_type="publication.personal_data_exported" if personal else "publication.credit_exported",
        actor=actor,
        agency=actor.agency,
        payload={
            **filters.as_payload(),
            "file_format": file_format,
            "rows": count,
            "personal_data": personal,
            "field_set": FIELD_SET_VERSION,
            "purpose": "双公示数据报送信用中国（R-PUB-012）",
        },
    )
    return CreditExport(publications, personal, count, file_format, filters, day)
