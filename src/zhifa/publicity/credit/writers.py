"""Streams of a 双公示 export: CSV in UTF-8 with a BOM (Excel opens it in Chinese) row by row, and an Excel workbook
written in openpyxl's write-only mode to a spooled temporary file (memory stays flat for large results).

Every value is text — amounts in 万元 included (never a float); a value Excel would read as a formula is kept as
text (the workbook's cells are typed as strings; in CSV it is prefixed with ``'``).
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SPOOL_BYTES = 8 * 1024 * 1024
SHEET_TITLE = "行政处罚"


class _Echo:
    """A file-like sink whose ``write`` hands the line back (the csv module writes one line per call)."""

    def write(self, value: str) -> str:
        return value


def _csv_safe(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_chunks(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """The header line (after the BOM), then one line per row."""
    writer: Any = csv.writer(_Echo())
    yield BOM + writer.writerow(headers)
    for row in rows:
        yield writer.writerow([_csv_safe(value) for value in row])


def xlsx_file(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> IO[bytes]:
    """The workbook (one sheet, bold header, text cells), rewound for reading."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    bold = Font(bold=True)

    def cells(values: Sequence[str], font: Font | None = None) -> list[WriteOnlyCell]:
        out = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, even when it starts with "=" (never a formula)
            if font is not None:
                cell.font = font
            out.append(cell)
        return out

    sheet.append(cells(headers, bold))
    for row in rows:
        sheet.append(cells(row))
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - handed to the response
    workbook.save(spool)
    spool.seek(0)
    return spool
