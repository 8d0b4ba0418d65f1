"""Helpers of the 双公示 export tests (R-PUB-012): a decided penalty case straight from the record (no steps), its
published publication, and the export read back as rows."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from tests.catalog.factories import EnforcementItemFactory
from tests.publicity.factories import PublicationFactory
from zhifa.cases.models import PenaltyCase
from zhifa.publicity.choices import PublicationKind


def published_penalty(
    agency,
    party,
    *,
    fine: str = "10000.00",
    confiscated: str = "0.00",
    kinds=("warning", "fine"),
    decided_on: date = date(2026, 3, 2),
    facts: str = "销售超过保质期的食品",
    **publication,
):
    """A general-procedure penalty decision of ``agency`` against ``party`` and its publication on the portal since
    2 March 2026 (``published=False`` with ``state=…`` for other states)."""
    serial = PenaltyCase.objects.count() + 1
    case = PenaltyCase.objects.create(
        agency=agency,
        case_number=f"双公示2026-{serial:04d}",
        party=party,
        enforcement_item=EnforcementItemFactory(agency=agency),
        cause="销售过期食品",
        act_on=date(2026, 1, 5),
        discovered_on=date(2026, 1, 6),
        filed_on=date(2026, 1, 7),
        state="decided",
        decision_kind="penalty",
        penalty_kinds=list(kinds),
        fine_amount=Decimal(fine),
        confiscated_gains_amount=Decimal(confiscated),
        decided_on=decided_on,
    )
    values = {"published": True, **publication}
    pub = PublicationFactory(
        agency=agency, penalty_case=case, decided_on=decided_on, kind=PublicationKind.PENALTY_DECISION, **values
    )
    pub.snapshot["sections"] = [
        {"key": "case_cause", "label": "案由", "text": "销售过期食品"},
        {"key": "facts", "label": "违法事实", "text": facts},
        {"key": "penalty_basis", "label": "处罚依据", "text": "《中华人民共和国食品安全法》第一百二十四条"},
    ]
    pub.save(update_fields=["snapshot"])
    return pub


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")  # Excel opens UTF-8 with a BOM
    return list(csv.reader(io.StringIO(body[1:])))


def xlsx_rows(response) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[cell.value if cell.value is not None else "" for cell in row] for row in sheet.iter_rows()]
