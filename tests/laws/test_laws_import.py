"""Import of 法律法规及条款: all-or-nothing, one Chinese error per bad row."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from zhifa.core.errors import PermissionDenied
from zhifa.core.excel import ImportFailed, get_spec, import_workbook
from zhifa.laws.models import Article, Law, LawVersion

pytestmark = pytest.mark.django_db

HEADERS = ["法律法规名称", "简称", "效力层级", "制定机关", "版本", "施行日期", "条", "款", "项", "条文"]
TITLE = "中华人民共和国行政强制法"


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def _row(number, text, paragraph="", subparagraph="", level="法律", effective="2012-01-01"):
    return [
        TITLE,
        "行政强制法",
        level,
        "全国人民代表大会常务委员会",
        "2011年公布",
        effective,
        number,
        paragraph,
        subparagraph,
        text,
    ]


def test_rows_create_law_version_and_articles(system_admin):
    result = import_workbook(
        get_spec("laws"),
        _xlsx([_row("25", "查封、扣押的期限不得超过三十日……", paragraph="1"), _row("九", "行政强制措施的种类：")]),
        user=system_admin,
    )
    assert result.rows == 2
    assert Law.objects.get().citation_title == "行政强制法"
    assert LawVersion.objects.get().label == "2011年公布"
    assert sorted(a.citation for a in Article.objects.all()) == [
        "《行政强制法》第九条",
        "《行政强制法》第二十五条第一款",
    ]


def test_any_bad_row_saves_nothing_and_each_error_names_row_and_column(system_admin):
    rows = [
        _row("25", "第二十五条"),
        _row("二十六", "第二十六条", level="法令"),
        _row("x", "坏条号"),
        _row("27", "第二十七条", effective="2012-13-01"),
    ]
    with pytest.raises(ImportFailed) as raised:
        import_workbook(get_spec("laws"), _xlsx(rows), user=system_admin)
    errors = [(e.row, e.column, e.message) for e in raised.value.errors]
    assert errors == [
        (
            3,
            "效力层级",
            "效力层级“法令”无效，应为：法律、行政法规、地方性法规、自治条例和单行条例、部门规章、地方政府规章、规范性文件",
        ),
        (4, "条", "条“x”不是有效的数字"),
        (5, "施行日期", "日期“2012-13-01”无法识别，请填写如 2026-03-31"),
    ]
    assert (Law.objects.count(), Article.objects.count()) == (0, 0)


def test_duplicate_article_in_the_file_is_a_row_error(system_admin):
    with pytest.raises(ImportFailed) as raised:
        import_workbook(get_spec("laws"), _xlsx([_row("25", "一"), _row("25", "二")]), user=system_admin)
    assert [(e.row, e.message) for e in raised.value.errors] == [(3, "该版本中已有相同位置的条款")]
    assert Article.objects.count() == 0


def test_a_handler_may_not_import(handler):
    with pytest.raises(PermissionDenied):
        import_workbook(get_spec("laws"), _xlsx([_row("25", "一")]), user=handler)
    assert Law.objects.count() == 0
