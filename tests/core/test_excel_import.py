"""Excel import: template, all-or-nothing with a per-row Chinese error list, malformed files, CLI and UI."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.core.xlsx import workbook_bytes
from tests.org.factories import SectorFactory, make_uscc
from zhifa.core.errors import PermissionDenied
from zhifa.core.excel import ImportFailed, get_spec, import_workbook, template_workbook
from zhifa.org.models import Agency

pytestmark = pytest.mark.django_db

HEADERS = ["名称", "主体类别", "统一社会信用代码", "行政区划代码", "法定代表人", "地址", "联系电话", "执法领域"]


def good_row(n: int, region_code: str = "430199") -> list[str]:
    return [
        f"示范县第{n}执法局",
        "行政机关",
        make_uscc(500 + n),
        region_code,
        "赵局长",
        f"示范县人民路{n}号",
        "0731-88881234",
        "市场监管",
    ]


@pytest.fixture
def sector(db):
    return SectorFactory(code="market_regulation", name="市场监管")


def test_template_has_headers_example_and_instructions():
    content = template_workbook(get_spec("agencies"))
    workbook = load_workbook(io.BytesIO(content))
    first = [c.value for c in workbook.worksheets[0][1]]
    assert first[:4] == ["名称*", "简称", "主体类别*", "统一社会信用代码*"]
    assert workbook.sheetnames == ["执法主体", "填写说明"]


def test_all_rows_are_imported(bureau_admin, county, sector):
    result = import_workbook(
        get_spec("agencies"), workbook_bytes(HEADERS, [good_row(1), good_row(2)]), user=bureau_admin
    )
    assert result.rows == 2
    agency = Agency.objects.get(name="示范县第1执法局")
    assert [s.name for s in agency.sectors.all()] == ["市场监管"]


def test_one_bad_row_saves_nothing_and_every_error_is_listed(bureau_admin, county, sector):
    bad_uscc = good_row(3)
    bad_uscc[2] = "91430181MA4L00011Y"
    bad_region = good_row(4, region_code="999999")
    missing_name = good_row(5)
    missing_name[0] = ""
    rows = [good_row(1), bad_uscc, bad_region, missing_name]
    before = Agency.objects.count()
    with pytest.raises(ImportFailed) as excinfo:
        import_workbook(get_spec("agencies"), workbook_bytes(HEADERS, rows), user=bureau_admin)
    assert [(e.row, e.column, e.message) for e in excinfo.value.errors] == [
        (3, "统一社会信用代码", "统一社会信用代码校验位错误，请核对"),
        (4, "行政区划代码", "行政区划代码“999999”不存在"),
        (5, "名称", "“名称”不能为空"),
    ]
    assert excinfo.value.message == "导入失败：3处错误，未保存任何数据"
    assert Agency.objects.count() == before


def test_duplicate_within_the_file_is_a_row_error(bureau_admin, county, sector):
    with pytest.raises(ImportFailed) as excinfo:
        import_workbook(get_spec("agencies"), workbook_bytes(HEADERS, [good_row(1), good_row(1)]), user=bureau_admin)
    assert sorted((e.row, e.column, e.message) for e in excinfo.value.errors) == [
        (3, "", "同一行政区划内已有同名的执法主体"),
        (3, "统一社会信用代码", "该统一社会信用代码已被其他执法主体使用"),
    ]
    assert Agency.objects.filter(name="示范县第1执法局").count() == 0


def test_malformed_file_is_refused_with_a_clear_message(bureau_admin):
    with pytest.raises(ImportFailed) as excinfo:
        import_workbook(get_spec("agencies"), io.BytesIO(b"this is not an xlsx"), user=bureau_admin)
    assert excinfo.value.message == "文件无法读取：请上传由模板填写的 .xlsx 文件"


def test_missing_and_unknown_columns_are_named(bureau_admin):
    with pytest.raises(ImportFailed) as excinfo:
        import_workbook(get_spec("agencies"), workbook_bytes(["名称", "备注"], [["x", "y"]]), user=bureau_admin)
    assert excinfo.value.message.startswith("缺少必需的列：主体类别、统一社会信用代码")


def test_empty_sheet_is_refused(bureau_admin):
    with pytest.raises(ImportFailed) as excinfo:
        import_workbook(get_spec("agencies"), workbook_bytes(HEADERS, []), user=bureau_admin)
    assert excinfo.value.message == "文件中没有数据行"


def test_import_without_permission_is_refused(handler, county, sector):
    with pytest.raises(PermissionDenied):
        import_workbook(get_spec("agencies"), workbook_bytes(HEADERS, [good_row(1)]), user=handler)
    assert Agency.objects.filter(name="示范县第1执法局").count() == 0


def test_bureau_admin_cannot_import_into_another_region(bureau_admin, neighbour_county, sector):
    with pytest.raises(ImportFailed) as excinfo:
        import_workbook(get_spec("agencies"), workbook_bytes(HEADERS, [good_row(1, "430198")]), user=bureau_admin)
    assert excinfo.value.errors[0].message == "不能在您管辖范围以外的行政区划新增执法主体"


def test_command_line_import_reports_rows_and_errors(tmp_path, bureau_admin, county, sector, capsys):
    good = tmp_path / "good.xlsx"
    good.write_bytes(workbook_bytes(HEADERS, [good_row(1)]).getvalue())
    call_command("import", "agencies", str(good), "--user", "bureau_admin")
    assert "已导入执法主体1行" in capsys.readouterr().out
    bad_row = good_row(2)
    bad_row[2] = "123"
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook_bytes(HEADERS, [bad_row]).getvalue())
    with pytest.raises(CommandError, match="导入失败：1处错误"):
        call_command("import", "agencies", str(bad), "--user", "bureau_admin")
    assert "第2行【统一社会信用代码】：统一社会信用代码应为18位，当前为3位" in capsys.readouterr().err


def test_unknown_kind_on_the_command_line(tmp_path, bureau_admin):
    with pytest.raises(CommandError, match="未知的导入类型“nonsense”"):
        call_command("import", "nonsense", str(tmp_path / "x.xlsx"), "--user", "bureau_admin")


def test_upload_page_shows_row_errors(client, bureau_admin, county, sector):
    client.force_login(bureau_admin)
    bad_row = good_row(1)
    bad_row[1] = "事业单位"
    response = client.post("/import/agencies/", {"file": workbook_bytes(HEADERS, [bad_row])})
    assert response.status_code == 400
    assert "主体类别“事业单位”无效" in response.content.decode()
    ok = client.post("/import/agencies/", {"file": workbook_bytes(HEADERS, [good_row(2)])})
    assert ok.status_code == 200
    assert "导入成功：共1行" in ok.content.decode()


def test_export_lists_the_agencies_in_scope(client, bureau_admin, agency, neighbour_agency):
    client.force_login(bureau_admin)
    response = client.get("/export/agencies.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "名称"
    assert [r[0] for r in rows[1:]] == [bureau_admin.agency.name, agency.name]


def test_a_corrupted_sheet_inside_a_valid_zip_is_refused_in_chinese(bureau_admin, county, sector):
    import zipfile

    original = workbook_bytes(HEADERS, [good_row(1)]).getvalue()
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # truncated XML: openpyxl only notices when rows are read
            target.writestr(item, data)
    broken.seek(0)
    with pytest.raises(ImportFailed) as excinfo:
        import_workbook(get_spec("agencies"), broken, user=bureau_admin)
    assert excinfo.value.message == "文件无法读取：请上传由模板填写的 .xlsx 文件"
    assert Agency.objects.filter(name="示范县第1执法局").count() == 0
