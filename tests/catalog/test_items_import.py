"""Import of 执法事项: all-or-nothing; an unknown citation is a row error naming the citation."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from zhifa.catalog.choices import EnforcementItemState
from zhifa.catalog.models import EnforcementItem
from zhifa.core.excel import ImportFailed, get_spec, import_workbook
from zhifa.org.models import Sector

pytestmark = pytest.mark.django_db

HEADERS = ["事项编码", "事项名称", "事项类型", "实施主体", "执法领域", "事项层级", "设定依据", "处罚依据"]


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


@pytest.fixture
def sector(agency):
    sector = Sector.objects.create(code="market_regulation", name="市场监管")
    agency.sectors.add(sector)
    return sector


def test_rows_create_published_items(agency_admin, agency, sector, penalty_article, duty_article):
    rows = [
        [
            "CF0001",
            "对某违法行为的行政处罚",
            "行政处罚",
            agency.name,
            "市场监管",
            "县级",
            "《行政处罚法》第九条；《行政处罚法》第五十一条",
            "《中华人民共和国行政处罚法》第51条",
        ],
        ["JC0001", "某监督检查", "行政检查", agency.name, "市场监管", "", "《行政处罚法》第九条", ""],
    ]
    result = import_workbook(get_spec("items"), _xlsx(rows), user=agency_admin)
    assert result.rows == 2
    penalty = EnforcementItem.objects.get(code="CF0001")
    assert penalty.state == EnforcementItemState.IN_FORCE
    assert [a.citation for a in penalty.penalty_basis.all()] == ["《行政处罚法》第五十一条"]
    assert penalty.establishing_basis.count() == 2


def test_bad_rows_save_nothing_and_name_the_citation(agency_admin, agency, sector, penalty_article, other_agency):
    rows = [
        ["CF0001", "好事项", "行政处罚", agency.name, "市场监管", "县级", "", "《行政处罚法》第五十一条"],
        ["CF0002", "坏依据", "行政处罚", agency.name, "市场监管", "县级", "", "《行政处罚法》第二百条"],
        ["CF0003", "坏类型", "行政处理", agency.name, "市场监管", "县级", "", ""],
        ["CF0004", "他局事项", "行政检查", other_agency.name, "市场监管", "县级", "《行政处罚法》第五十一条", ""],
        ["CF0005", "缺处罚依据", "行政处罚", agency.name, "市场监管", "县级", "《行政处罚法》第五十一条", ""],
    ]
    with pytest.raises(ImportFailed) as raised:
        import_workbook(get_spec("items"), _xlsx(rows), user=agency_admin)
    assert [(e.row, e.column, e.message) for e in raised.value.errors] == [
        (3, "处罚依据", "“《行政处罚法》第二百条”：《行政处罚法》没有第二百条"),
        (
            4,
            "事项类型",
            "事项类型“行政处理”无效，应为：行政许可、行政处罚、行政强制、行政征收、行政征用、行政收费、行政检查、行政确认、行政给付、行政奖励、行政裁决、其他",
        ),
        (5, "实施主体", f"实施主体“{other_agency.name}”不存在或不在您的数据范围内"),
        (6, "处罚依据", "行政处罚事项须填写处罚依据（R-PEN-002）"),
    ]
    assert EnforcementItem.objects.count() == 0


def test_agency_names_are_looked_up_by_region_not_first_match(county, neighbour_county, agency, sector):
    """Finding 15: names are unique only within a region; a city-wide importer must not get the wrong county."""
    from tests.org.factories import AgencyFactory, UserFactory
    from zhifa.org.choices import Role

    namesake = AgencyFactory(region=neighbour_county, name=agency.name)
    namesake.sectors.add(sector)
    city_admin = UserFactory(
        agency=AgencyFactory(region=county.parent, judicial_bureau=True), roles=[Role.BUREAU_ADMIN]
    )
    rows = [["JC0009", "某监督检查", "行政检查", agency.name, "市场监管", "县", "", ""]]
    with pytest.raises(ImportFailed) as raised:
        import_workbook(get_spec("items"), _xlsx(rows), user=city_admin)
    assert [(e.column, e.message) for e in raised.value.errors] == [
        ("实施主体", f"实施主体“{agency.name}”在多个行政区划中重名（邻县、示范县），请联系管理员")
    ]
    assert EnforcementItem.objects.count() == 0
