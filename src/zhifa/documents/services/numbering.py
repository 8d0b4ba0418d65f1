"""文号 (document_number, GLOSSARY Formats; R-DOC-002): parse, normalise, allocate gapless, void and keep.

Allocation locks the (agency, kind, year) counter row (``select_for_update``; SQLite serialises writers
itself) inside the caller's transaction: if the document that takes the number rolls back, so does the
counter, so the sequence has no holes. A voided number stays in the table, marked, and is never reused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from zhifa.core.errors import Conflict
from zhifa.core.permissions import require
from zhifa.documents.errors import DocumentError
from zhifa.documents.kinds import KINDS, KindSpec
from zhifa.documents.models import DEFAULT_NUMBER_FORMAT, DocumentNumber, NumberCounter, NumberingRule
from zhifa.ledger.services import record

NUMBER_PATTERN = re.compile(r"^(?P<prefix>.+?)〔(?P<year>\d{4})〕(?P<serial>[1-9]\d*)号$")
# Brackets people type around the year instead of 〔〕 (U+3014/5): [] 【】 （） () ［］ ﹝﹞ 〖〗 〈〉.
_OTHER_BRACKETS = re.compile(r"[\[【（(［﹝〖〈]\s*(\d{4})\s*[\]】）)］﹞〗〉]")
_EXAMPLE = "示市监罚〔2026〕12号"
MIN_YEAR, MAX_YEAR = 1949, 2199


@dataclass(frozen=True)
class ParsedNumber:
    prefix: str
    year: int
    serial: int

    @property
    def text(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.serial}号"


def normalize_document_number(text: str) -> str:
    """Trim, drop spaces, and put the year in 〔〕 whatever brackets were typed around it."""
    cleaned = re.sub(r"\s+", "", text or "")
    return _OTHER_BRACKETS.sub(r"〔\1〕", cleaned)


def parse_document_number(text: str) -> ParsedNumber:
    """``浏发改罚（2021）12号`` → prefix 浏发改罚, year 2021, serial 12. Broken text is refused in Chinese."""
    normalized = normalize_document_number(text)
    match = NUMBER_PATTERN.match(normalized)
    if match is None:
        raise DocumentError(_why_not_a_number(text, normalized), field="document_number")
    return ParsedNumber(match["prefix"], int(match["year"]), int(match["serial"]))


def _why_not_a_number(text: str, normalized: str) -> str:
    head = f"文号“{text}”格式不正确："
    tail = f"应为 机关代字+类别字〔四位年份〕序号号，如 {_EXAMPLE}"
    if not normalized:
        return "文号不能为空"
    if not re.search(r"〔\d{4}〕", normalized):
        return head + "年份应为四位数字并用六角括号〔〕括起；" + tail
    if normalized.startswith("〔"):
        return head + "缺少机关代字；" + tail
    after = normalized.split("〕", 1)[1]
    if after.startswith("第") or re.match(r"^0\d*", after):
        return head + "序号不加“第”字、不编虚位（如 1号，不写 01号 或 第1号）"
    if not after.endswith("号"):
        return head + "序号后应有“号”字；" + tail
    return head + tail


def format_number(template: str, *, prefix: str, year: int, serial: int) -> str:
    return template.format(prefix=prefix, year=year, serial=serial)


def spec_for(kind: str) -> KindSpec:
    spec = KINDS.get(kind)
    if spec is None:
        raise DocumentError(f"文书种类“{kind}”不存在", field="kind")
    return spec


def numbering_rule(*, agency: Any, kind: str) -> tuple[str, str]:
    """(prefix, format) for the agency and kind: the configured rule, else 简称 + 类别字 and the GB/T 9704 format."""
    spec = spec_for(kind)
    if not spec.numberable:
        raise DocumentError(f"《{spec.label}》不编文号", field="numbered")
    rule = NumberingRule.objects.filter(agency=agency, kind=kind).only("prefix", "format").first()
    if rule is not None:
        return rule.prefix, rule.format
    short_name = (agency.short_name or "").strip()
    if not short_name:
        raise DocumentError(
            f"执法主体“{agency.name}”未设置简称（文号机关代字），请先设置简称或为《{spec.label}》配置文号规则",
            field="agency",
        )
    return short_name + spec.serial_char, DEFAULT_NUMBER_FORMAT


def _locked_counter(*, agency: Any, kind: str, year: int) -> NumberCounter:
    lookup = {"agency": agency, "kind": kind, "year": year}
    counter = NumberCounter.objects.select_for_update().filter(**lookup).first()
    if counter is None:
        try:
            with transaction.atomic():
                NumberCounter.objects.create(**lookup, last_serial=0)
        except IntegrityError:
            pass  # a concurrent allocation created the row first; lock it below
        counter = NumberCounter.objects.select_for_update().get(**lookup)
    return counter


def allocate_number(*, agency: Any, kind: str, year: int, actor: Any = None) -> DocumentNumber:
    """The next 文号 of (agency, kind, year): gapless, unique, concurrency-safe (R-DOC-002).

    Call it inside the transaction that uses the number (``issue_document`` does); it records
    ``document_number.allocated``.
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DocumentError(f"文号年份“{year}”不正确：应为四位年份", field="year")
    prefix, template = numbering_rule(agency=agency, kind=kind)
    with transaction.atomic():
        counter = _locked_counter(agency=agency, kind=kind, year=year)
        serial = counter.last_serial + 1
        NumberCounter.objects.filter(pk=counter.pk).update(last_serial=F("last_serial") + 1)
        text = format_number(template, prefix=prefix, year=year, serial=serial)
        try:
            with transaction.atomic():
                number = DocumentNumber.objects.create(agency=agency, kind=kind, year=year, serial=serial, text=text)
        except IntegrityError as error:
            raise Conflict(
                f"文号“{text}”已被本单位其他种类的文书使用：请检查各类文书的文号前缀是否重复", field="kind"
            ) from error
        record(
            event_type="document_number.allocated",
            actor=actor,
            agency=agency,
            subject=number,
            payload={"kind": kind, "year": year, "serial": serial, "text": text},
        )
    return number


def mark_number_voided(number: DocumentNumber, *, reason: str, actor: Any) -> DocumentNumber:
    """Mark the number voided (kept, never reused) and record ``document_number.voided``. No permission check:
    callers (``void_number``, ``void_document``) check first."""
    updated = DocumentNumber.objects.filter(pk=number.pk, is_voided=False).update(
        is_voided=True, voided_reason=reason, voided_at=timezone.now(), voided_by=actor
    )
    if not updated:
        raise Conflict(f"文号“{number.text}”已作废", field="number")
    number.refresh_from_db()
    record(
        event_type="document_number.voided",
        actor=actor,
        agency=number.agency,
        subject=number,
        payload={"text": number.text, "reason": reason},
    )
    return number


@transaction.atomic
def void_number(number: DocumentNumber, *, reason: str, actor: Any) -> DocumentNumber:
    """作废 a number that no issued document uses (a spoiled paper form, a mistaken allocation). R-DOC-002."""
    require(actor, "documents.void_document", number.agency, message="只有本单位负责人或单位管理员可以作废文号")
    reason = (reason or "").strip()
    if not reason:
        raise DocumentError("作废文号须说明原因", field="reason")
    document = getattr(number, "document", None) if number.pk else None
    if document is not None and document.state != "voided":
        raise DocumentError(f"文号“{number.text}”已用于签发的文书，请作废该文书", field="number")
    return mark_number_voided(number, reason=reason, actor=actor)
