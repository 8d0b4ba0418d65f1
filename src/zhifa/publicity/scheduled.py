"""Scheduled work of the publicity app (``zhifa tick``): missing pending publications (R-PUB-005), expiry
(R-PUB-010, R-PRV-007), overdue and near publication deadlines (R-PUB-004, R-TIME-009), certificate codes.
Lines name the agency and the case number only. Idempotent."""

from __future__ import annotations

from datetime import date

from zhifa.core.calendar import format_day
from zhifa.core.scheduled import scheduled
from zhifa.publicity.choices import DueFlag
from zhifa.publicity.models import Publication
from zhifa.publicity.services import (
    agencies_to_refresh,
    due_rows,
    expire_publications,
    issue_missing_certificate_codes,
    open_missing_publications,
    open_publications,
    refresh_before_publications,
    unpublished_entries,
)


def _label(publication: Publication) -> str:
    case = publication.penalty_case
    return f"{publication.agency.name}案件{case.case_number}" if case is not None else publication.agency.name


@scheduled("publicity.open_missing")
def open_missing(on: date) -> list[str]:
    """R-PUB-005: every decision that must be published has its pending publication."""
    opened = open_missing_publications(on)
    return [f"已生成待公示记录{len(opened)}条（R-PUB-005）"] if opened else []


@scheduled("publicity.expire")
def expire(on: date) -> list[str]:
    """R-PUB-010: publications whose publicity period ended leave the portal (the record stays, R-PRV-007)."""
    return [
        f"{_label(p)}的{p.get_kind_display()}公示已于{format_day(p.expires_on)}期满，已撤出公示平台（R-PUB-010）"
        for p in expire_publications(on)
        if p.expires_on is not None
    ]


@scheduled("publicity.deadlines")
def deadlines(on: date) -> list[str]:
    """R-PUB-004: publications past (red) or near (yellow) their time limit."""
    lines = []
    for row in due_rows(open_publications(), on=on):
        p = row.publication
        deadline = format_day(p.publication_deadline)
        if row.flag == DueFlag.RED:
            lines.append(f"红色预警：{_label(p)}的{p.get_kind_display()}应于{deadline}前公示，已超期（R-PUB-004）")
        elif row.flag == DueFlag.YELLOW:
            lines.append(f"黄色预警：{_label(p)}的{p.get_kind_display()}应于{deadline}前公示（R-PUB-004）")
    return lines


@scheduled("publicity.certificate_codes")
def certificate_codes(on: date) -> list[str]:
    """亮证执法: every enforcement certificate has its verification code (for its QR code)."""
    count = issue_missing_certificate_codes()
    return [f"已为{count}本执法证生成核验码"] if count else []


@scheduled("publicity.before")
def before(on: date) -> list[str]:
    """R-PUB-001, R-PUB-003: each agency's 事前公示 follows its registries (a new snapshot only where the content
    changed); certified officers and listed items not yet published are named by count (WARN) before publishing."""
    lines = []
    for agency in agencies_to_refresh():
        missing = unpublished_entries(agency, on) if agency.is_active else None
        if missing:
            lines.append(
                f"{agency.name}有{len(missing.officers)}名持证执法人员、{len(missing.items)}项执法事项尚未公示"
                "（R-PUB-001），现予公示"
            )
        result = refresh_before_publications(actor=None, agency=agency, on=on)
        if result.changed:
            lines.append(
                f"{agency.name}事前公示已更新：新公示{len(result.published)}项，替换或撤下{len(result.superseded)}项"
            )
    return lines
