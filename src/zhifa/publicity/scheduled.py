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
    due_rows,
    expire_publications,
    issue_missing_certificate_codes,
    open_missing_publications,
    open_publications,
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
