"""Excel import/export framework: template download, all-or-nothing import with a per-row Chinese error list.

Each app declares ``ImportSpec`` subclasses in its ``importers.py`` (autodiscovered) and registers them with
``@register``. ``import_workbook`` runs every row inside one transaction, each row in its own savepoint, collects
every error (row number, column header, message) and rolls the whole import back if any row failed: either every
row lands or none does.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, BinaryIO, ClassVar
from xml.etree import ElementTree

import rules
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Choices
from django.utils.module_loading import autodiscover_modules
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

from zhifa.core.errors import DomainError, PermissionDenied

MAX_ROWS = 20000


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    required: bool = False
    help: str = ""
    example: str = ""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


class ImportFailed(DomainError):
    """Raised when any row failed or the file is unreadable; nothing was saved."""

    code = "import_failed"

    def __init__(self, message: str, errors: list[RowError] | None = None) -> None:
        super().__init__(message, field="file")
        self.errors = errors or []

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(super().as_dict())
        data["errors"] = [{"row": e.row, "column": e.column, "message": e.message} for e in self.errors]
        return data


@dataclass
class ImportResult:
    kind: str
    rows: int
    messages: list[str] = field(default_factory=list)


class ImportSpec:
    """One importable kind of record. Subclasses set the class attributes and implement ``import_row``."""

    kind: ClassVar[str]
    label: ClassVar[str]
    permission: ClassVar[str]
    columns: ClassVar[list[Column]]

    def import_row(self, row: dict[str, str], *, user: Any) -> None:
        raise NotImplementedError

    def export_rows(self, user: Any) -> Iterable[dict[str, str]]:
        raise NotImplementedError

    def header_for(self, key: str | None) -> str:
        for column in self.columns:
            if column.key == key:
                return column.header
        return ""


_REGISTRY: dict[str, type[ImportSpec]] = {}
_discovered = False


def register(spec: type[ImportSpec]) -> type[ImportSpec]:
    _REGISTRY[spec.kind] = spec
    return spec


def registry() -> dict[str, type[ImportSpec]]:
    global _discovered
    if not _discovered:
        autodiscover_modules("importers")
        _discovered = True
    return dict(sorted(_REGISTRY.items()))


def get_spec(kind: str) -> ImportSpec:
    specs = registry()
    if kind not in specs:
        known = "、".join(specs) or "无"
        raise DomainError(f"未知的导入类型“{kind}”，可用类型：{known}", field="kind", code="unknown_import_kind")
    return specs[kind]()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def template_workbook(spec: ImportSpec) -> bytes:
    """An .xlsx with the header row, an example row and a second sheet explaining each column."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = spec.label[:31]
    sheet.append([c.header + ("*" if c.required else "") for c in spec.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F4")
    sheet.append([c.example for c in spec.columns])
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(12, len(column.header) * 3)
    notes = workbook.create_sheet("填写说明")
    notes.append(["列名", "是否必填", "说明", "示例"])
    for column in spec.columns:
        notes.append([column.header, "必填" if column.required else "选填", column.help, column.example])
    notes.append([])
    notes.append(["第2行为示例，导入前请删除。整个文件全部成功才会保存；任何一行出错则全部不保存，并列出每行错误。"])
    return _save(workbook)


def export_workbook(spec: ImportSpec, user: Any) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = spec.label[:31]
    sheet.append([c.header for c in spec.columns])
    for row in spec.export_rows(user):
        sheet.append([row.get(c.key, "") for c in spec.columns])
    return _save(workbook)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_UNREADABLE = (
    InvalidFileException,
    zipfile.BadZipFile,
    ElementTree.ParseError,
    KeyError,
    OSError,
    ValueError,
    TypeError,
    IndexError,
)


def _read_rows(spec: ImportSpec, file: BinaryIO | UploadedFile) -> list[tuple[int, dict[str, str]]]:
    """Read the first sheet. openpyxl parses lazily, so reading the rows is inside the same guard as opening."""
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
        try:
            raw_rows = list(_raw_rows(workbook.worksheets[0]))
        finally:
            workbook.close()
    except _UNREADABLE as exc:
        raise ImportFailed("文件无法读取：请上传由模板填写的 .xlsx 文件") from exc
    if not raw_rows:
        raise ImportFailed("文件为空：第1行应为列名")
    headers = [_cell_text(h).rstrip("*") for h in raw_rows[0]]
    by_header = {c.header: c for c in spec.columns}
    missing = [c.header for c in spec.columns if c.required and c.header not in headers]
    if missing:
        raise ImportFailed(f"缺少必需的列：{'、'.join(missing)}（请使用导入模板）")
    unknown = [h for h in headers if h and h not in by_header]
    if unknown:
        raise ImportFailed(f"无法识别的列：{'、'.join(unknown)}（请使用导入模板）")
    result: list[tuple[int, dict[str, str]]] = []
    for line, values in enumerate(raw_rows[1:], start=2):
        cells = {headers[i]: _cell_text(v) for i, v in enumerate(values) if i < len(headers) and headers[i]}
        if any(cells.values()):
            result.append((line, {by_header[h].key: cells.get(h, "") for h in by_header if h in cells}))
    if not result:
        raise ImportFailed("文件中没有数据行")
    return result


def _raw_rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    """Rows as value tuples, refusing files larger than ``MAX_ROWS`` data rows before reading them all."""
    for index, values in enumerate(sheet.iter_rows(values_only=True)):
        if index > MAX_ROWS:
            raise ImportFailed(f"一次最多导入{MAX_ROWS}行，请拆分文件")
        yield values


def _row_errors(spec: ImportSpec, line: int, exc: Exception) -> list[RowError]:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return [
                RowError(line, spec.header_for(key) or ("" if key == NON_FIELD_ERRORS else key), message)
                for key, errors in exc.message_dict.items()
                for message in errors
            ]
        return [RowError(line, "", message) for message in exc.messages]
    if isinstance(exc, DomainError):
        return [RowError(line, spec.header_for(exc.field), exc.message)]
    raise exc


def import_workbook(spec: ImportSpec, file: BinaryIO | UploadedFile, *, user: Any) -> ImportResult:
    """Import every row or none. Raises ``ImportFailed`` with all row errors; nothing is saved then."""
    if not rules.has_perm(spec.permission, user):
        raise PermissionDenied(f"您没有导入“{spec.label}”的权限")
    rows = _read_rows(spec, file)
    errors: list[RowError] = []
    with transaction.atomic():
        for line, row in rows:
            required_missing = [c for c in spec.columns if c.required and not row.get(c.key)]
            if required_missing:
                errors.extend(RowError(line, c.header, f"“{c.header}”不能为空") for c in required_missing)
                continue
            try:
                with transaction.atomic():
                    spec.import_row(row, user=user)
            except (ValidationError, DomainError) as exc:
                errors.extend(_row_errors(spec, line, exc))
        if errors:
            raise ImportFailed(f"导入失败：{len(errors)}处错误，未保存任何数据", errors)
    return ImportResult(kind=spec.kind, rows=len(rows))


def parse_date(value: str, *, field_name: str) -> date:
    """Accepts 2026-03-31, 2026/3/31, 2026.3.31 and 2026年3月31日; raises a field-keyed ValidationError."""
    text = value.strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    try:
        year, month, day = (int(part) for part in text.split("-"))
        return date(year, month, day)
    except ValueError:
        raise ValidationError({field_name: f"日期“{value}”无法识别，请填写如 2026-03-31"}) from None


def parse_decimal(value: str, *, field_name: str) -> Decimal:
    try:
        return Decimal(value.replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError({field_name: f"数值“{value}”无法识别"}) from None


def choice_value(text: str, choices: type[Choices], *, field_name: str, label: str) -> str:
    """Map a cell holding a choice's Chinese label (or its identifier) to the identifier.

    Raises a field-keyed ``ValidationError`` listing the allowed labels, e.g. “主体类别“事业单位”无效，应为：…”.
    """
    value = (text or "").strip()
    for identifier, chinese in choices.choices:
        if value in (str(chinese), identifier):
            return str(identifier)
    allowed = "、".join(str(chinese) for _, chinese in choices.choices)
    raise ValidationError({field_name: f"{label}“{value}”无效，应为：{allowed}"})
