"""事前公示 (phase ``before``): keeping an agency's registry publications in step with its registries.

What is published (R-PUB-001, R-PUB-003): the agency, its complaint channels, its officers, its enforcement item list,
its discretion benchmarks and 免罚清单 (published versions only), the 重大执法决定法制审核目录清单 and the 音像记录事项清单
that apply to it — each one ``Publication`` per (agency, kind) built by ``services.registers``. The 执法流程图 is drawn
from the case state machine (code, not data: ``publicity.flowchart``) and needs no snapshot.

``refresh_before_publications`` rebuilds them: a kind whose content digest (SM3 of the snapshot) changed gets a new
publication and the previous one becomes ``superseded`` (its record stays, it leaves the portal); an unchanged kind
is left alone; a kind with nothing left (the last officer left, the list was abolished) and an inactive agency lose
their publications. ``zhifa tick`` runs it for every agency; the staff action "更新事前公示" runs it for one.

No approval step (decision, R-PUB-006 read with R-PUB-001/003): R-PUB-006 gates decisions, whose redaction a person
must check; a registry snapshot carries only fields R-PUB-001 lists, copied from records that were themselves
approved where they were made (items and benchmarks published through their own workflows, certificates issued by
the issuing authority, the agency's data kept by its administrators). A second approval would only delay what
R-PUB-001 says must be public ("WARN when active but unpublished"), so the snapshot is published at once, with a
ledger event naming who (or ``zhifa tick``) published it and the digest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

from zhifa.catalog.services import items_for
from zhifa.core.calendar import today
from zhifa.core.permissions import require
from zhifa.org.models import Agency
from zhifa.publicity.choices import BEFORE_KINDS, PublicationKind, PublicationState, PublicityPhase
from zhifa.publicity.errors import PublicationError
from zhifa.publicity.models import Publication
from zhifa.publicity.services._common import note
from zhifa.publicity.services.registers import BUILDERS, officer_rows
from zhifa.publicity.services.sources import snapshot_digest

S = PublicationState


@dataclass(frozen=True)
class RefreshResult:
    agency: Agency
    published: list[Publication]
    superseded: list[Publication]

    @property
    def changed(self) -> bool:
        return bool(self.published or self.superseded)


def current_before_publications(agency_id: int | None = None) -> Any:
    """The current (published) 事前 publications, of one agency or of all."""
    rows = Publication.objects.filter(phase=PublicityPhase.BEFORE, kind__in=BEFORE_KINDS, state=S.PUBLISHED)
    return rows.filter(agency_id=agency_id) if agency_id is not None else rows


@transaction.atomic
def refresh_before_publications(*, actor: Any | None, agency: Agency, on: date | None = None) -> RefreshResult:
    """(Re)build ``agency``'s 事前公示 (R-PUB-001, R-PUB-003): a new snapshot only where the content changed.

    ``actor`` None is ``zhifa tick``; a user needs ``publicity.refresh_before_publications`` (the agency's head or
    whoever manages the agency).
    """
    if actor is not None:
        require(
            actor, "publicity.refresh_before_publications", agency, message="只有本单位负责人或管理员可以更新事前公示"
        )
    day = on or today()
    if day > today():
        raise PublicationError("公示日期不能晚于今天", field="on")
    agency = (
        Agency.objects.select_for_update(of=("self",)).select_related("region", "entrusting_agency").get(pk=agency.pk)
    )
    current = {p.kind: p for p in current_before_publications(agency.pk).select_for_update()}
    published: list[Publication] = []
    superseded: list[Publication] = []
    for kind in BEFORE_KINDS:
        snapshot = BUILDERS[kind](agency, day) if agency.is_active else None
        digest = snapshot_digest(snapshot) if snapshot is not None else ""
        previous = current.get(kind)
        if previous is not None and previous.snapshot_digest == digest:
            continue
        if previous is not None:
            previous.supersede()
            previous.save(update_fields=["state", "updated_at"])
            note(previous, "superseded", actor, digest=previous.snapshot_digest)
            superseded.append(previous)
        if snapshot is None:
            continue
        publication = Publication.objects.create(
            agency=agency,
            phase=PublicityPhase.BEFORE,
            kind=kind,
            state=S.PUBLISHED,
            title=f"{agency.name}{PublicationKind(kind).label}",
            decided_on=day,
            publication_deadline=day,
            snapshot=snapshot,
            snapshot_digest=digest,
            approved_by=actor,
            published_on=day,
        )
        note(publication, "before_published", actor, digest=digest)
        published.append(publication)
    return RefreshResult(agency=agency, published=published, superseded=superseded)


def agencies_to_refresh() -> Any:
    """Active agencies, and inactive ones that still have 事前 publications to take down."""
    with_publications = current_before_publications().values("agency_id")
    return Agency.objects.filter(Q(is_active=True) | Q(pk__in=with_publications)).order_by("pk")


@dataclass(frozen=True)
class Unpublished:
    """R-PUB-001 WARN: what is active in the registry but not in the agency's current 事前公示."""

    officers: list[str]  # certificate numbers
    items: list[str]  # item codes

    def __bool__(self) -> bool:
        return bool(self.officers or self.items)


def unpublished_entries(agency: Agency, on: date | None = None) -> Unpublished:
    """Certified officers and listed items of ``agency`` missing from its published snapshots (R-PUB-001)."""
    day = on or today()
    current = {p.kind: p.snapshot for p in current_before_publications(agency.pk)}
    shown_numbers = {r["certificate_number"] for r in current.get(PublicationKind.OFFICER, {}).get("officers", [])}
    shown_codes = {r["code"] for r in current.get(PublicationKind.ENFORCEMENT_ITEM, {}).get("items", [])}
    officers = [
        r["certificate_number"] for r in officer_rows(agency, day) if r["certificate_number"] not in shown_numbers
    ]
    codes = items_for(agency=agency, on=day).order_by("code").values_list("code", flat=True)
    return Unpublished(officers=officers, items=[code for code in codes if code not in shown_codes])
