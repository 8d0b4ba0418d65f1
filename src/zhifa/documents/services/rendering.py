"""Rendering 执法文书: context → HTML (Django templates) → PDF (WeasyPrint, Noto CJK fonts from the OS).

``render_document`` refuses a context that lacks a required key of the kind (R-DOC-003 BLOCK), naming each
missing key in Chinese. ``html_to_pdf`` fetches nothing from outside (only ``data:`` URIs) and refuses to
produce a PDF when the machine has no Chinese font: a document of empty boxes must never be issued.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import zlib
from typing import Any

from django.template.loader import render_to_string

from zhifa.core.calendar import today
from zhifa.documents.errors import DocumentError
from zhifa.documents.kinds import KEY_LABELS
from zhifa.documents.services.numbering import spec_for

PUBLICATION_CHANNEL = "行政执法信息公示平台"


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict):
        return len(value) == 0
    return False


def missing_keys(kind: str, context: dict[str, Any]) -> list[str]:
    """The required keys of ``kind`` that ``context`` lacks or leaves empty, in the kind's order.
    ``a|b`` is satisfied by either key."""
    return [key for key in spec_for(kind).required if all(is_blank(context.get(name)) for name in key.split("|"))]


def key_label(key: str) -> str:
    """``party_address`` → 当事人住所（地址）（party_address）; ``a|b`` → both, joined by 或."""
    return "或".join(f"{KEY_LABELS.get(name, name)}（{name}）" for name in key.split("|"))


def check_context(kind: str, context: dict[str, Any]) -> None:
    """R-DOC-003: refuse, naming every missing key (``当事人住所（地址）（party_address）``)."""
    spec = spec_for(kind)
    if not spec.has_template:
        raise DocumentError(f"《{spec.label}》尚无统一模板，暂不能在系统中制作", field="kind")
    missing = missing_keys(kind, context)
    if missing:
        names = "、".join(key_label(key) for key in missing)
        field = missing[0].split("|")[0]
        raise DocumentError(f"《{spec.label}》缺少必填内容：{names}", field=field, code="document_incomplete")


def default_context(agency: Any) -> dict[str, Any]:
    """What the issuing agency fills in by itself. The remedy bodies default to the people's government and the
    basic people's court of the agency's region (复议法 第24条; 行诉法 第18条); callers override them where a
    vertical or 派出 agency answers elsewhere (R-DOC-004)."""
    region_name = agency.region.name
    return {
        "agency_name": agency.name,
        "agency_address": agency.address,
        "agency_phone": agency.phone,
        "reconsideration_body": f"{region_name}人民政府",
        "litigation_court": f"{region_name}人民法院",
        "publication_notice": True,  # R-PUB-013: cfg default on
        "publication_channel": PUBLICATION_CHANNEL,
    }


def render_document(kind: str, context: dict[str, Any]) -> str:
    """The document's HTML. ``context`` must hold every required key of the kind (``kinds.REQUIRED_KEYS``)."""
    check_context(kind, context)
    spec = spec_for(kind)
    values = {"title": spec.label, "kind": kind, "issued_on": today(), "document_number": "", **context}
    return render_to_string(f"documents/kinds/{kind}.html", values)


# --- PDF ------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def has_cjk_font() -> bool:
    """Is a Chinese font known to fontconfig (``fc-list :lang=zh``)? Without fc-list, assume yes."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True
    found = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False)  # noqa: S603
    return bool(found.stdout.strip())


def html_to_pdf(html: str) -> bytes:
    """The PDF of a document's HTML. Deterministic: the same HTML gives the same bytes."""
    if not has_cjk_font():
        raise DocumentError(
            "服务器未安装中文字体（fonts-noto-cjk），无法生成文书 PDF：请运行 make os-deps 或联系系统管理员",
            code="cjk_font_missing",
        )
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    pdf: bytes = HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()
    return pdf


_STREAM = re.compile(rb"stream\r?\n")
_BASE_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]()]+)")


def pdf_font_names(pdf: bytes) -> set[str]:
    """Names of the fonts a PDF embeds (subset tags removed), read from its object streams too."""
    chunks = [pdf]
    view = memoryview(pdf)
    for match in _STREAM.finditer(pdf):
        try:
            chunks.append(zlib.decompressobj().decompress(view[match.end() :]))
        except zlib.error:
            continue  # not a deflate stream (images, raw font data)
    return {name.decode("latin-1") for chunk in chunks for name in _BASE_FONT.findall(chunk)}
