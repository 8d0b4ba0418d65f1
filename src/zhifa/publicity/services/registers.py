"""事前公示 snapshots: the public copy of an agency's registries (R-PUB-001, R-PUB-003), one function per kind.

Each builder reads the records and returns JSON-native data (strings, lists, dicts) holding only the fields the rule
lists — the portal renders these snapshots, never the live models (ARCHITECTURE "Privacy by construction").
Officers: name, agency, certificate number, fields (sectors), certificate status — never the ID number, the phone,
the gender or anything else from the officer file (R-PUB-001, R-PRV-001). An empty list returns ``None``: nothing to
publish.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from zhifa.catalog.choices import ALWAYS_AV_STEPS, AvStep
from zhifa.catalog.models import AvRequirement
from zhifa.catalog.services import av_required, effective_criteria, items_for
from zhifa.discretion.models import DiscretionBenchmark, ExemptionList
from zhifa.org.models import Agency
from zhifa.personnel.choices import CertificateStatus, OfficerKind
from zhifa.personnel.models import Certificate
from zhifa.publicity.choices import PublicationKind

SCHEMA_VERSION = 1
# Certificate statuses shown on the portal: the holder may enforce (有效) or may not for now (暂扣). Expired,
# cancelled and not yet effective certificates leave the list.
SHOWN_STATUSES = (CertificateStatus.VALID, CertificateStatus.SUSPENDED)
COMPLAINT_HOTLINE = "12345"

Snapshot = dict[str, Any]


def _base(agency: Agency, kind: str) -> Snapshot:
    return {
        "schema": SCHEMA_VERSION,
        "kind": kind,
        "kind_label": PublicationKind(kind).label,
        "agency_name": agency.name,
    }


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _yuan(value: Any) -> str:
    return f"{value:,.2f}元" if value is not None else ""


def agency_snapshot(agency: Agency, on: date) -> Snapshot | None:
    """执法主体: name, kind, region, legal representative, address, office contact, fields and powers (the item
    kinds it enforces) with their legal basis (the laws its listed items cite), R-PUB-001."""
    items = list(items_for(agency=agency, on=on).prefetch_related("establishing_basis__version__law"))
    powers: dict[str, int] = {}
    laws: set[str] = set()
    for item in items:
        label = item.get_kind_display()
        powers[label] = powers.get(label, 0) + 1
        laws.update(a.version.law.citation_title for a in item.establishing_basis.all())
    entrusting = agency.entrusting_agency
    return {
        **_base(agency, PublicationKind.AGENCY),
        "name": agency.name,
        "agency_kind": agency.get_kind_display(),
        "region": agency.region.full_name,
        "entrusting_agency": entrusting.name if entrusting is not None else "",
        "legal_representative": agency.legal_representative,
        "address": agency.address,
        "phone": agency.phone,
        "email": agency.email,
        "complaint_phone": agency.complaint_phone,
        "sectors": sorted(s.name for s in agency.sectors.all()),
        "powers": [{"kind": kind, "count": count} for kind, count in sorted(powers.items())],
        "basis": sorted(laws),
    }


def complaint_channel_snapshot(agency: Agency, on: date) -> Snapshot | None:
    """投诉监督渠道: the agency's complaint phone and e-mail, the judicial bureau of its region (行政执法监督机关)
    and the 12345 hotline (R-PUB-001 "complaint phone/e-mail", "remedy channels")."""
    channels = []
    if agency.complaint_phone:
        channels.append({"label": "本机关投诉监督电话", "value": agency.complaint_phone})
    if agency.email:
        channels.append({"label": "本机关电子邮箱", "value": agency.email})
    bureau = Agency.objects.filter(region=agency.region, is_judicial_bureau=True, is_active=True).first()
    if bureau is not None and bureau.pk != agency.pk:
        contact = bureau.complaint_phone or bureau.phone
        channels.append({"label": "行政执法监督机关", "value": f"{bureau.name}（电话：{contact}）"})
    channels.append({"label": "政务服务便民热线", "value": COMPLAINT_HOTLINE})
    return {**_base(agency, PublicationKind.COMPLAINT_CHANNEL), "channels": channels}


def officer_rows(agency: Agency, on: date) -> list[dict[str, Any]]:
    """The officers of ``agency`` on post on ``on`` holding a certificate that is 有效 or 暂扣 that day."""
    certificates = (
        Certificate.objects.filter(officer__agency=agency, officer__is_on_post=True)
        .exclude(officer__kind=OfficerKind.AUXILIARY)
        .select_related("officer")
        .prefetch_related("sectors", "status_changes")
        .order_by("officer__name", "number", "pk")
    )
    rows = []
    for certificate in certificates:
        status = certificate.status_on(on)
        if status not in SHOWN_STATUSES:
            continue
        rows.append(
            {
                "name": certificate.officer.name,
                "certificate_number": certificate.number,
                "sectors": sorted(s.name for s in certificate.sectors.all()),
                "status": CertificateStatus(status).label,
            }
        )
    return rows


def officer_snapshot(agency: Agency, on: date) -> Snapshot | None:
    """执法人员: name, agency, certificate number, fields, certificate status — nothing else (R-PUB-001)."""
    rows = officer_rows(agency, on)
    return {**_base(agency, PublicationKind.OFFICER), "officers": rows} if rows else None


def item_snapshot(agency: Agency, on: date) -> Snapshot | None:
    """行政执法事项清单: name, code, kind, field, level and basis of every listed item (R-PUB-001, R-PUB-002)."""
    items = (
        items_for(agency=agency, on=on)
        .select_related("sector")
        .prefetch_related("establishing_basis__version__law", "penalty_basis__version__law")
    )
    rows = [
        {
            "code": item.code,
            "name": item.name,
            "kind": item.get_kind_display(),
            "sector": item.sector.name,
            "level": item.get_item_level_display(),
            "establishing_basis": [str(a) for a in item.establishing_basis.all()],
            "penalty_basis": [str(a) for a in item.penalty_basis.all()],
        }
        for item in items.order_by("code", "pk")
    ]
    return {**_base(agency, PublicationKind.ENFORCEMENT_ITEM), "items": rows} if rows else None


def _legal_range(benchmark: DiscretionBenchmark) -> str:
    if benchmark.legal_fine_min_amount is not None or benchmark.legal_fine_max_amount is not None:
        return f"罚款{_yuan(benchmark.legal_fine_min_amount) or '0元'}至{_yuan(benchmark.legal_fine_max_amount) or '—'}"
    if benchmark.legal_multiple_min is not None or benchmark.legal_multiple_max is not None:
        base = benchmark.get_multiple_base_display()
        return f"罚款为{base}的{benchmark.legal_multiple_min or 0}至{benchmark.legal_multiple_max or '—'}倍"
    return ""


def benchmark_snapshot(agency: Agency, on: date) -> Snapshot | None:
    """行政裁量权基准: the published versions in force on ``on`` (drafts and suspended ones never, R-PUB-003)."""
    benchmarks = (
        DiscretionBenchmark.objects.filter(enforcement_item__agency=agency, state="in_force")
        .applicable_on(on)
        .with_tiers()
        .order_by("enforcement_item__code", "penalty_article_id", "version", "pk")
    )
    rows = [
        {
            "title": b.title,
            "version": b.version,
            "item_code": b.enforcement_item.code,
            "item_name": b.enforcement_item.name,
            "article": str(b.penalty_article),
            "violation": b.violation,
            "legal_range": _legal_range(b),
            "effective_on": _day(b.effective_on),
            "notes": b.notes,
            "tiers": [
                {
                    "tier": t.get_tier_display(),
                    "conditions": t.conditions_text or t.conditions_summary,
                    "range": t.range_text,
                    "kinds": t.kinds_text,
                    "required_kinds": t.required_kinds_text,
                }
                for t in b.ordered_tiers()
            ],
        }
        for b in benchmarks
    ]
    return {**_base(agency, PublicationKind.DISCRETION_BENCHMARK), "benchmarks": rows} if rows else None


def exemption_snapshot(agency: Agency, on: date) -> Snapshot | None:
    """免罚清单: the agency's published lists in force on ``on`` with their entries (R-PUB-003)."""
    lists = (
        ExemptionList.objects.filter(agency=agency, state="in_force")
        .applicable_on(on)
        .prefetch_related("entries__enforcement_item")
        .order_by("-effective_on", "pk")
    )
    rows = [
        {
            "name": exemption_list.name,
            "document_number": exemption_list.document_number,
            "effective_on": _day(exemption_list.effective_on),
            "entries": [
                {
                    "sequence": entry.sequence,
                    "item_name": entry.enforcement_item.name,
                    "kind": entry.get_kind_display(),
                    "violation": entry.violation,
                    "conditions": entry.conditions_text,
                    "legal_basis": entry.legal_basis,
                    "correction_days": entry.correction_calendar_days,
                    "measures": entry.measures_text,
                }
                for entry in sorted(exemption_list.entries.all(), key=lambda e: (e.sequence, e.pk))
            ],
        }
        for exemption_list in lists
    ]
    return {**_base(agency, PublicationKind.EXEMPTION_LIST), "lists": rows} if rows else None


def review_catalog_snapshot(agency: Agency, on: date) -> Snapshot | None:
    """重大执法决定法制审核目录清单: the rows that apply to the agency (``catalog.services.effective_criteria``:
    the most specific row wins, switched-off rows dropped), R-PUB-003, R-REV-002."""
    rows = [
        {
            "kind": c.get_kind_display(),
            "party_category": c.get_party_category_display(),
            "threshold": _yuan(c.threshold_amount),
            "sector": c.sector.name if c.sector is not None else "",
            "description": c.description,
        }
        for c in effective_criteria(agency=agency)
    ]
    return {**_base(agency, PublicationKind.MAJOR_DECISION_CATALOG), "criteria": rows} if rows else None


def av_snapshot(agency: Agency, on: date) -> Snapshot | None:
    """音像记录事项清单: the steps the agency records on audio/video — always the R-REC-003 steps (全程), then the
    steps its list (or the national default) makes mandatory, then the item-specific rows (R-PUB-003, R-REC-004)."""
    rows = []
    for step in AvStep:
        if step in ALWAYS_AV_STEPS:
            rows.append({"step": step.label, "scope": "全部执法事项", "full_process": True, "rule": "R-REC-003"})
        elif av_required(step, agency=agency):
            rows.append({"step": step.label, "scope": "全部执法事项", "full_process": False, "rule": "R-REC-004"})
    listed = {item.pk for item in items_for(agency=agency, on=on)}
    specific = (
        AvRequirement.objects.filter(agency=agency, item__isnull=False, is_mandatory=True)
        .select_related("item")
        .order_by("step", "item__code", "pk")
    )
    for row in specific:
        if row.item_id in listed and row.step not in ALWAYS_AV_STEPS:
            rows.append(
                {"step": row.get_step_display(), "scope": row.item.name, "full_process": False, "rule": row.rule_id}
            )
    return {**_base(agency, PublicationKind.AV_REQUIREMENT), "steps": rows}


BUILDERS: dict[str, Callable[[Agency, date], Snapshot | None]] = {
    PublicationKind.AGENCY: agency_snapshot,
    PublicationKind.COMPLAINT_CHANNEL: complaint_channel_snapshot,
    PublicationKind.OFFICER: officer_snapshot,
    PublicationKind.ENFORCEMENT_ITEM: item_snapshot,
    PublicationKind.DISCRETION_BENCHMARK: benchmark_snapshot,
    PublicationKind.EXEMPTION_LIST: exemption_snapshot,
    PublicationKind.MAJOR_DECISION_CATALOG: review_catalog_snapshot,
    PublicationKind.AV_REQUIREMENT: av_snapshot,
}
