"""DOCX export of 执法文书: converted from the HTML snapshot the PDF was made from, so the two never diverge
(R-DOC-009: the issued PDF stays the record of truth). Every kind with a template converts with its 文号,
party, paragraphs, tables and a Chinese font; no text of the snapshot is dropped; a voided document says so;
the download has the PDF's scope and its read is recorded like the PDF's (R-REC-007)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from html.parser import HTMLParser
from urllib.parse import quote

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from tests.documents.contexts import CONTEXTS
from zhifa.documents.errors import DocumentError
from zhifa.documents.kinds import KINDS
from zhifa.documents.models import Document
from zhifa.documents.services import render_document, void_document
from zhifa.documents.services.docx import DOCX_CONTENT_TYPE, document_docx
from zhifa.ledger.models import Event
from zhifa.org.models import Agency

pytestmark = pytest.mark.django_db

TEMPLATED = sorted(kind for kind, spec in KINDS.items() if spec.has_template)
API = "/api/v1/documents/"
AGENCY_NAME = "示范县市场监督管理局"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Snapshot(HTMLParser):
    """What the snapshot says, read with the standard library's parser (not the converter's): the text nodes
    of the body, the text of each ``<p>`` and the cells of each table."""

    SKIPPED = {"head", "title", "style", "script"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.paragraphs: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._skip = 0
        self._open_tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._paragraph: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self._skip += 1
        elif tag == "table":
            self._open_tables.append([])
        elif tag == "tr":
            self._open_tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "p":
            self._paragraph = []

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self._open_tables[-1][-1].append(squash("".join(self._cell)))
            self._cell = None
        elif tag == "table":
            self.tables.append(self._open_tables.pop())
        elif tag == "p" and self._paragraph is not None:
            self.paragraphs.append(squash("".join(self._paragraph)))
            self._paragraph = None

    def handle_data(self, data):
        if self._skip:
            return
        if data.strip(" \t\n\r\f"):
            self.texts.append(data)
        for part in (self._cell, self._paragraph):
            if part is not None:
                part.append(data)


def word_of(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def body_text(word) -> str:
    """All text of the body in document order, tables included."""
    return "".join(node.text or "" for node in word.element.body.iter(qn("w:t")))


def all_paragraphs(word) -> list:
    found = list(word.paragraphs)
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def cells_of(table) -> list[list[str]]:
    """Cell texts row by row; a merged cell counts once, where it starts, as in the HTML."""
    rows, seen = [], []
    for row in table.rows:
        texts = []
        for cell in row.cells:
            if not any(cell._tc is tc for tc in seen):
                texts.append(squash(cell.text))
                seen.append(cell._tc)
        rows.append(texts)
    return rows


def east_asia_font(run) -> str | None:
    fonts = run._element.rPr.find(qn("w:rFonts")) if run._element.rPr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def snapshot_document(kind: str, **changes) -> Document:
    """An unsaved document holding the snapshot ``issue_document`` would store (no PDF is made)."""
    values = {
        "agency_name": AGENCY_NAME,
        "document_number": "示市监罚〔2026〕7号",
        "issued_on": date(2026, 6, 15),
        "reconsideration_body": "示范县人民政府",
        "litigation_court": "示范县人民法院",
        **CONTEXTS[kind],
        **changes,
    }
    return Document(
        kind=kind, agency=Agency(name=AGENCY_NAME), title=KINDS[kind].label, html=render_document(kind, values)
    )


def assert_every_text_node_in_order(html: str, word) -> None:
    text = squash(body_text(word))
    position = 0
    for node in Snapshot(html).texts:
        needle = squash(node)
        found = text.find(needle, position)
        assert found >= 0, f"{node!r} is missing from the DOCX (or out of order)"
        position = found + len(needle)


# --- every kind --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", TEMPLATED)
def test_r_doc_009_each_kind_issues_and_converts_with_number_party_paragraphs_tables_and_font(kind, issue):
    spec = KINDS[kind]
    document = issue(kind, numbered=spec.numberable)
    word = word_of(document_docx(document))
    text = body_text(word)
    snapshot = Snapshot(document.html)

    if spec.numberable:
        number = [p for p in word.paragraphs if p.text == document.number_text]
        assert document.number_text.startswith("示市监") and len(number) == 1
        assert number[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    context = CONTEXTS[kind]
    party = context.get("party_name") or context.get("recipient") or context["interviewee_name"]
    assert party in text
    agency = word.paragraphs[0]
    assert (agency.text, agency.alignment, agency.runs[0].bold) == (AGENCY_NAME, WD_ALIGN_PARAGRAPH.CENTER, True)
    title = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    assert len(title) == 1 and title[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title[0].runs[0].font.size == Pt(20)

    paragraphs = {squash(p.text) for p in all_paragraphs(word)}
    missing = [p for p in snapshot.paragraphs if p and p not in paragraphs]
    assert missing == [], "each <p> of the snapshot is one Word paragraph"

    assert [cells_of(table) for table in word.tables] == snapshot.tables
    for table in word.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders is not None and borders.find(qn("w:insideH")).get(qn("w:val")) == "single"

    runs = [run for p in all_paragraphs(word) for run in p.runs if run.text.strip()]
    assert runs and {east_asia_font(run) for run in runs} == {"宋体"}
    assert word.sections[0].header.paragraphs[0].text == ""  # in force: no state mark


@pytest.mark.parametrize("kind", TEMPLATED)
def test_no_text_node_of_the_snapshot_is_dropped_or_reordered(kind):
    document = snapshot_document(kind)
    assert_every_text_node_in_order(document.html, word_of(document_docx(document)))


# --- layout from the snapshot's CSS --------------------------------------------------------------------------------


def test_penalty_decision_keeps_page_indents_lists_seal_footer_and_chinese_fonts(issue):
    document = issue("penalty_decision")
    data = document_docx(document)
    word = word_of(data)
    section = word.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    margins = (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    assert all(abs(got - Mm(want)) < Mm(0.1) for got, want in zip(margins, (30, 26, 28, 28), strict=True))

    by_text = {p.text: p for p in word.paragraphs}
    facts = by_text["经查明，当事人在示范县第三中学教学楼维修工程招标中，与其他投标人相互串通投标报价。"]
    assert facts.paragraph_format.first_line_indent == Pt(24)  # text-indent: 2em of 12pt
    assert facts.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    party = by_text["当事人：长沙某某建设工程有限公司"]
    assert party.paragraph_format.first_line_indent == 0  # p.flush
    items = [p.text for p in word.paragraphs if re.match(r"\d\.\t", p.text)]
    assert items == ["1.\t投标文件三份", "2.\t对王某某的询问笔录一份", "3.\t招标代理机构出具的情况说明一份", "1.\t罚款10,873.00元（壹万零捌佰柒拾叁元整）"]  # fmt: skip
    seal = word.paragraphs[-3:]
    assert [p.text for p in seal] == [AGENCY_NAME, "（印章）", "2026年6月15日"]
    assert {p.alignment for p in seal} == {WD_ALIGN_PARAGRAPH.RIGHT}
    assert abs(seal[0].paragraph_format.space_before - Mm(14)) < Mm(0.1)  # .seal { margin-top: 14mm }

    footer = section.footer._element
    assert [f.get(qn("w:instr")).strip() for f in footer.iter(qn("w:fldSimple"))] == ["PAGE", "NUMPAGES"]
    assert "".join(t.text for t in footer.iter(qn("w:t"))) == "第 1 页 共 1 页"

    normal = word.styles["Normal"].element.rPr
    assert normal.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    assert normal.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        fonts = etree.fromstring(package.read("word/fontTable.xml"))
    song = [f for f in fonts.findall(qn("w:font")) if f.get(qn("w:name")) == "宋体"]
    assert "Noto Serif CJK SC" in song[0].find(qn("w:altName")).get(qn("w:val")).split(",")
    assert song[0].find(qn("w:charset")).get(qn("w:val")) == "86"  # GB2312
    assert word.core_properties.title == "行政处罚决定书示市监罚〔2026〕1号"
    assert document.pdf_digest in word.core_properties.comments


def test_approval_form_is_a_bordered_table_with_label_column_tall_row_and_line_breaks(issue):
    document = issue("filing_approval")
    word = word_of(document_docx(document))
    (table,) = word.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[:4] == [
        ["案由", "涉嫌串通投标案"],
        ["案件来源", "投诉举报"],
        ["当事人", "长沙某某建设工程有限公司（91430181MA4L00011X）"],
        ["住所（地址）", "湖南省长沙市示范县建设路18号"],
    ]
    assert rows[5] == ["承办人意见", "涉嫌违法，建议立案调查。\n承办人：李承办、周协办"]
    assert (
        rows[4][1] == "当事人在示范县第三中学教学楼维修工程招标中，与其他投标人相互串通投标报价"
    )  # trailing <br> dropped
    assert table.rows[4].height >= Mm(30)  # td.tall
    assert table.columns[0].width >= Mm(30)  # th { width: 30mm; white-space: nowrap }
    assert table.columns[0].width + table.columns[1].width == pytest.approx(Mm(210 - 26 - 28), abs=Mm(0.5))
    edge = table._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top"))
    assert (edge.get(qn("w:val")), edge.get(qn("w:sz"))) == ("single", "5")  # .6pt in eighths of a point
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold is False  # th { font-weight: normal }


def test_item_lists_keep_header_row_columns_and_spanning_cells(issue):
    measure = issue("coercive_measure_decision")
    (table,) = word_of(document_docx(measure)).tables
    assert cells_of(table) == [
        ["序号", "名称", "规格（型号）", "数量", "单位", "备注"],
        ["1", "电动车充电器", "48V", "120", "个", ""],
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert table.rows[0].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    inventory = issue("inventory", numbered=False)
    (table,) = word_of(document_docx(inventory)).tables
    assert [cell.text for cell in table.rows[1].cells] == ["1"] + ["投标文件底稿 3份"] * 5  # colspan="5"


def test_signature_blanks_are_underlined_full_width_spaces(issue):
    document = issue("inquiry_record", numbered=False)
    word = word_of(document_docx(document))
    line = next(p for p in word.paragraphs if p.text.startswith("被询问人签名："))
    blanks = [run for run in line.runs if run.text and not run.text.strip("\u3000")]
    assert len(blanks) == 2 and all(run.underline for run in blanks)
    assert len(blanks[0].text) == 8  # min-width: 35mm at 12pt
    assert "以上笔录已经被询问人核对（或已向其宣读），与所述一致。" in [p.text for p in word.paragraphs]


# --- state of the document ------------------------------------------------------------------------------------------


def test_voided_document_docx_says_voided_on_its_first_line_and_every_page(issue, head):
    document = issue("penalty_decision")
    void_document(document, reason="当事人名称有误", actor=head)
    document.refresh_from_db()
    word = word_of(document_docx(document))
    first = word.paragraphs[0]
    assert first.text.startswith("已作废（作废原因：当事人名称有误，2026年6月15日）")
    assert first.alignment == WD_ALIGN_PARAGRAPH.CENTER and first.runs[0].bold
    assert word.sections[0].header.paragraphs[0].text == "已作废"
    assert word.paragraphs[1].text == AGENCY_NAME  # the snapshot follows unchanged
    assert_every_text_node_in_order(document.html, word)


def test_draft_document_docx_says_draft(issue):
    document = issue("inquiry_record", numbered=False)
    Document.objects.filter(pk=document.pk).update(state="draft")
    document.refresh_from_db()
    word = word_of(document_docx(document))
    assert word.paragraphs[0].text == "草稿"
    assert word.sections[0].header.paragraphs[0].text == "草稿"


def test_document_without_snapshot_is_refused():
    document = Document(kind="penalty_decision", agency=Agency(name=AGENCY_NAME), title="行政处罚决定书", html="")
    with pytest.raises(DocumentError) as excinfo:
        document_docx(document)
    assert (excinfo.value.message, excinfo.value.field) == ("该文书没有 HTML 快照，无法生成 Word 文件", "html")


# --- any template: constructs the current templates do not use ----------------------------------------------------

ANY_TEMPLATE = """<!DOCTYPE html><html><head><title>t</title><style>
html { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt }
.hidden { display: none } .lead::before { content: "【提示】" } .wide { letter-spacing: .5em }
table { border: 1px solid #000 } td { border: 1px solid #000 }
</style></head><body>
<h2>二、<strong>加粗</strong>标题</h2>
<p>普通<strong>加粗</strong><u>下划线</u><em>斜体</em><span style="font-weight: bold; color: #c00000">红色加粗</span>结尾</p>
<p class="lead">带前缀的段落<span class="hidden">不显示的文字</span></p>
<!-- 注释 -->注释之后的文字
<div>块内文字<p>块内段落</p>块后文字</div>
<ul><li>甲项<ol start="3"><li>第三</li><li>第四</li></ol></li><li>乙项</li></ul>
<table><tr><td rowspan="2">跨两行</td><td colspan="2">跨两列</td></tr><tr><td>乙</td><td>丙</td></tr></table>
<p>图：<img src="data:," alt="公章"><custom-tag>自定义元素的文字</custom-tag>　全角空格保留</p>
<pre>预排
  格式</pre>
<p class="wide">宽字距</p>
<p><span>外层<b>内层</b>外层之后</span></p>
<dl><dt>术语</dt><dd>释义</dd></dl>
</body></html>"""


def test_any_template_converts_inline_styles_lists_spans_and_unknown_elements():
    document = Document(
        kind="penalty_decision", agency=Agency(name=AGENCY_NAME), title="测试", html=ANY_TEMPLATE, state="issued"
    )
    word = word_of(document_docx(document))
    assert_every_text_node_in_order(ANY_TEMPLATE.replace("不显示的文字", ""), word)
    text = body_text(word)
    assert "不显示的文字" not in text  # display: none, as in the PDF
    by_text = {p.text: p for p in word.paragraphs}
    heading = by_text["二、加粗标题"]
    assert heading.style.name == "Heading 2"
    runs = {run.text: run for run in by_text["普通加粗下划线斜体红色加粗结尾"].runs}
    assert (runs["加粗"].bold, runs["下划线"].underline, runs["斜体"].italic) == (True, True, True)
    assert runs["普通"].bold is False and runs["红色加粗"].bold is True
    assert str(runs["红色加粗"].font.color.rgb) == "C00000"
    assert east_asia_font(runs["普通"]) == "黑体"  # font-family: "Noto Sans CJK SC"
    assert "【提示】带前缀的段落" in by_text
    assert [p.text for p in word.paragraphs if p.text in ("注释之后的文字", "块内文字", "块内段落", "块后文字")] == [
        "注释之后的文字",
        "块内文字",
        "块内段落",
        "块后文字",
    ]
    assert [p.text for p in word.paragraphs if "\t" in p.text] == ["•\t甲项", "3.\t第三", "4.\t第四", "•\t乙项"]
    inner = by_text["3.\t第三"].paragraph_format.left_indent
    assert inner > by_text["•\t甲项"].paragraph_format.left_indent
    (table,) = word.tables
    assert cells_of(table) == [["跨两行", "跨两列"], ["乙", "丙"]]
    assert table.cell(0, 0)._tc is table.cell(1, 0)._tc  # rowspan merged vertically
    assert "图：[图片：公章]自定义元素的文字　全角空格保留" in by_text
    assert "预排\n  格式" in by_text
    assert [run.bold for run in by_text["外层内层外层之后"].runs] == [False, True, False]
    spacing = by_text["宽字距"].runs[0]._element.rPr.find(qn("w:spacing"))
    assert spacing.get(qn("w:val")) == "120"  # .5em of 12pt, in twentieths of a point
    assert by_text["释义"].paragraph_format.left_indent == Pt(30)  # dd { margin-left: 40px }


# --- access ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def decision(issue):
    return issue("penalty_decision")


def test_api_returns_the_docx_with_its_content_type_and_chinese_file_name(api_client, handler, decision):
    api_client.force_authenticate(handler)
    response = api_client.get(f"{API}{decision.pk}/docx/")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    name = quote("行政处罚决定书示市监罚〔2026〕1号.docx")
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{name}"
    assert "示市监罚〔2026〕1号" in body_text(word_of(response.content))
    assert not Event.objects.filter(event_type="document.viewed").exists()  # the issuer's own read


def test_api_client_may_ask_for_the_word_type_and_errors_stay_json(api_client, handler, other_agency_handler, decision):
    api_client.force_authenticate(handler)
    response = api_client.get(f"{API}{decision.pk}/docx/", HTTP_ACCEPT=DOCX_CONTENT_TYPE)
    assert (response.status_code, response["Content-Type"]) == (200, DOCX_CONTENT_TYPE)
    api_client.force_authenticate(other_agency_handler)
    response = api_client.get(f"{API}{decision.pk}/docx/", HTTP_ACCEPT=DOCX_CONTENT_TYPE)
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert "detail" in response.json()


def test_r_rec_007_docx_read_by_a_supervisor_is_recorded(api_client, supervisor, decision):
    api_client.force_authenticate(supervisor)
    assert api_client.get(f"{API}{decision.pk}/docx/").status_code == 200
    viewed = Event.objects.get(event_type="document.viewed")
    assert (viewed.actor_id, viewed.subject_id) == (supervisor.pk, str(decision.pk))


def test_api_outsiders_get_404_and_anonymous_401(api_client, decision, other_agency_handler, system_admin):
    assert api_client.get(f"{API}{decision.pk}/docx/").status_code == 401
    for user in (other_agency_handler, system_admin):
        api_client.force_authenticate(user)
        assert api_client.get(f"{API}{decision.pk}/docx/").status_code == 404
    assert not Event.objects.filter(event_type="document.viewed").exists()


def test_file_name_of_a_title_with_a_slash_is_one_name(api_client, handler, issue):
    measure = issue("coercive_measure_decision")
    api_client.force_authenticate(handler)
    response = api_client.get(f"{API}{measure.pk}/docx/")
    assert response["Content-Disposition"].endswith(quote("查封／扣押决定书示市监强制〔2026〕1号.docx"))


def test_staff_page_links_and_serves_the_docx_in_scope(client, handler, other_agency_handler, decision):
    url = f"/documents/{decision.pk}/docx/"
    assert client.get(url)["Location"].startswith("/login/")
    client.force_login(handler)
    detail = client.get(f"/documents/{decision.pk}/").content.decode()
    assert f'href="{url}"' in detail and "下载 Word" in detail
    response = client.get(url)
    assert (response.status_code, response["Content-Type"]) == (200, DOCX_CONTENT_TYPE)
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert "示市监罚〔2026〕1号" in body_text(word_of(response.content))
    client.force_login(other_agency_handler)
    assert client.get(url).status_code == 404
