"""Excel import of 行政相对人: happy path and per-row Chinese errors, all-or-nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from tests.parties.factories import make_id_number, make_party_uscc
from zhifa.core.errors import PermissionDenied
from zhifa.core.excel import ImportFailed, get_spec, import_workbook
from zhifa.parties.models import Party

pytestmark = pytest.mark.django_db

HEADERS = [
    "类别",
    "名称",
    "统一社会信用代码",
    "证件类型",
    "证件号码",
    "法定代表人",
    "地址",
    "电话",
    "所属区划",
    "行业",
    "信用等级",
    "风险等级",
]


def _xlsx(*rows: list[str]) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


COMPANY = [
    "法人",
    "示范县恒达建筑工程有限公司",
    make_party_uscc(1),
    "",
    "",
    "张三",
    "示范县人民路8号",
    "0731-88881234",
    "430199",
    "建筑施工",
    "B",
    "中风险",
]
SHOP = [
    "个体工商户",
    "示范县李记粉面馆",
    make_party_uscc(2, prefix="92"),
    "",
    make_id_number(5),
    "李四",
    "示范县青山路1号",
    "13912345678",
    "示范县",
    "餐饮",
    "",
    "低",
]
PERSON = [
    "自然人",
    "刘某",
    "",
    "居民身份证",
    "11010519491231002x",
    "",
    "示范县青山村3组",
    "13812345678",
    "430199",
    "",
    "",
    "",
]


def test_happy_path_imports_every_row(handler, county):
    result = import_workbook(get_spec("parties"), _xlsx(COMPANY, SHOP, PERSON), user=handler)
    assert result.rows == 3
    parties = {p.name: p for p in Party.objects.all()}
    company, shop, person = parties["示范县恒达建筑工程有限公司"], parties["示范县李记粉面馆"], parties["刘某"]
    assert (company.kind, company.credit_rating, company.risk_level, company.region_id) == (
        "legal_person",
        "B",
        "medium",
        county.pk,
    )
    assert (shop.kind, shop.id_kind, shop.id_number, shop.risk_level) == (
        "individual_business",
        "resident_id",
        make_id_number(5),
        "low",
    )
    assert (person.kind, person.id_number, str(person.birth_on)) == (
        "natural_person",
        "11010519491231002X",
        "1949-12-31",
    )


def test_reimport_updates_by_uscc(handler, county):
    import_workbook(get_spec("parties"), _xlsx(COMPANY), user=handler)
    changed = [*COMPANY[:10], "D", "高风险"]
    import_workbook(get_spec("parties"), _xlsx(changed), user=handler)
    company = Party.objects.get()
    assert (company.credit_rating, company.risk_level) == ("D", "high")


def test_bad_rows_give_per_row_chinese_errors_and_nothing_is_saved(handler, county, neighbour_county):
    bad_uscc = [*COMPANY[:2], "91430181MA4L00011Y", *COMPANY[3:]]
    bad_id = ["自然人", "王某", "", "居民身份证", "430181920315002", "", "", "", "430199", "", "", ""]
    other_region = [*SHOP[:2], make_party_uscc(3, prefix="92"), *SHOP[3:8], "430198", *SHOP[9:]]
    bad_kind = ["合伙企业", "某合伙", "", "", "", "", "", "", "430199", "", "", ""]
    with pytest.raises(ImportFailed) as exc:
        import_workbook(get_spec("parties"), _xlsx(PERSON, bad_uscc, bad_id, other_region, bad_kind), user=handler)
    errors = [(e.row, e.column, e.message) for e in exc.value.errors]
    assert errors == [
        (3, "统一社会信用代码", "统一社会信用代码校验位错误，请核对"),
        (4, "证件号码", "不接受15位旧身份证号码，请填写18位公民身份号码"),
        (5, "所属区划", "所属区划“430198”不存在或不在您的数据范围内"),
        (6, "类别", "类别“合伙企业”无效，应为：法人、其他组织、个体工商户、自然人"),
    ]
    assert Party.objects.count() == 0


def test_missing_required_cell_names_the_column(handler, county):
    with pytest.raises(ImportFailed) as exc:
        import_workbook(
            get_spec("parties"),
            _xlsx(["自然人", "", "", "", make_id_number(1), "", "", "", "430199", "", "", ""]),
            user=handler,
        )
    assert [(e.row, e.column, e.message) for e in exc.value.errors] == [(2, "名称", "“名称”不能为空")]
    assert Party.objects.count() == 0


def test_supervisor_may_not_import(supervisor, county):
    with pytest.raises(PermissionDenied):
        import_workbook(get_spec("parties"), _xlsx(COMPANY), user=supervisor)
    assert Party.objects.count() == 0


def test_export_masks_personal_fields(handler, county):
    import_workbook(get_spec("parties"), _xlsx(PERSON), user=handler)
    rows = list(get_spec("parties").export_rows(handler))
    assert (rows[0]["id_number"], rows[0]["phone"]) == ("1101**********002X", "138****5678")
