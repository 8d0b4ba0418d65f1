"""Excel import/export of 免罚清单 entries (R-DIS-014): one row per entry, rows of the same list make one draft list;
all-or-nothing, every bad row listed with its column and a Chinese message; a published list takes no more rows."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from tests.discretion.factories import published_list
from zhifa.core.errors import PermissionDenied
from zhifa.core.excel import ImportFailed, export_workbook, get_spec, import_workbook
from zhifa.discretion.models import ExemptionList, ExemptionListEntry

pytestmark = pytest.mark.django_db

SPEC = get_spec("discretion-exemption-entries")
HEADERS = [c.header for c in SPEC.columns]
LIST = "示范县轻微违法行为免罚清单（第二批）"


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([row.get(h, "") for h in HEADERS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def _row(bureau, agency, item, **extra):
    return {
        "发布单位": bureau.name,
        "清单名称": LIST,
        "文号": "示司发〔2026〕9号",
        "实施主体": agency.name,
        "事项编码": item.code,
        "类别": "首违不罚",
        "违法行为": "首次被发现个别餐具使用前未经消毒",
        "适用条件": "初次违法，危害后果轻微，并及时改正",
        "须具备的情节": "初次违法；危害后果轻微；及时改正",
        "法律依据": "《行政处罚法》第三十三条第一款",
        "责令改正期限（日）": "3",
        "柔性执法措施": "提醒；指导",
        **extra,
    }


def test_r_dis_014_rows_make_one_draft_list_with_its_entries(bureau_admin, bureau, agency, item, other_item):
    rows = [
        _row(bureau, agency, item),
        _row(
            bureau,
            other_item.agency,
            other_item,
            类别="轻微不罚",
            须具备的情节="违法行为轻微；及时改正；没有造成危害后果",
        ),
    ]
    assert import_workbook(SPEC, _xlsx(rows), user=bureau_admin).rows == 2
    imported = ExemptionList.objects.get()
    assert (imported.agency_id, imported.name, imported.state, imported.document_number) == (
        bureau.pk,
        LIST,
        "draft",
        "示司发〔2026〕9号",
    )
    entries = list(imported.entries.order_by("sequence"))
    assert [(e.sequence, e.enforcement_item_id, e.kind, e.measures, e.correction_calendar_days) for e in entries] == [
        (1, item.pk, "first_violation", ["reminder", "guidance"], 3),
        (2, other_item.pk, "minor_violation", ["reminder", "guidance"], 3),
    ]
    assert [c.code for c in entries[0].required_circumstances.all()] == [
        "first_violation",
        "corrected_in_time",
        "slight_harm",
    ]


def test_a_bad_row_saves_nothing_and_every_row_error_is_listed(bureau_admin, bureau, agency, item, neighbour_agency):
    rows = [
        _row(bureau, agency, item, 序号="1"),
        _row(bureau, agency, item, 类别="首违免罚"),
        _row(bureau, agency, item, 须具备的情节="初次违法；运气不好"),
        _row(bureau, agency, item, 须具备的情节="货值金额"),
        _row(bureau, agency, item, 柔性执法措施="罚款"),
        _row(bureau, agency, item, 事项编码="NOPE"),
        _row(bureau, agency, item, 序号="1"),
        _row(bureau, agency, item, **{"责令改正期限（日）": "三日"}),
        _row(bureau, neighbour_agency, item),
    ]
    with pytest.raises(ImportFailed) as failed:
        import_workbook(SPEC, _xlsx(rows), user=bureau_admin)
    assert [(e.row, e.column, e.message) for e in failed.value.errors] == [
        (3, "类别", "类别“首违免罚”无效，应为：首违不罚、轻微不罚、无主观过错不罚、从轻减轻"),
        (4, "须具备的情节", "情节“运气不好”不存在"),
        (5, "须具备的情节", "“货值金额”不是是否情节，不能作为清单的适用情节"),
        (6, "柔性执法措施", "柔性执法措施“罚款”无效，应为：提醒、告诫、约谈、指导、建议、劝告"),
        (7, "事项编码", f"{agency.name}没有事项编码为“NOPE”的有效事项"),
        (8, "序号", "清单已有第1项"),
        (9, "责令改正期限（日）", "责令改正期限“三日”应为正整数"),
        (10, "实施主体", f"实施主体“{neighbour_agency.name}”不存在或不在您的数据范围内"),
    ]
    assert (ExemptionList.objects.count(), ExemptionListEntry.objects.count()) == (0, 0)


def test_a_published_list_takes_no_more_rows(bureau_admin, bureau, agency, item):
    published = published_list(bureau, item)
    row = _row(bureau, agency, item, 清单名称=published.exemption_list.name)
    with pytest.raises(ImportFailed) as failed:
        import_workbook(SPEC, _xlsx([row]), user=bureau_admin)
    assert [(e.column, e.message) for e in failed.value.errors] == [
        ("清单名称", "清单“示范县轻微违法行为免罚清单（第一批）”已有效，不能再导入事项；新的清单请用新的名称")
    ]
    assert ExemptionListEntry.objects.count() == 1


def test_handler_may_not_import(handler, bureau, agency, item):
    with pytest.raises(PermissionDenied):
        import_workbook(SPEC, _xlsx([_row(bureau, agency, item)]), user=handler)
    assert ExemptionList.objects.count() == 0


def test_export_reads_back_into_a_new_list(bureau_admin, bureau, agency, item):
    published_list(bureau, item)
    rows = list(load_workbook(io.BytesIO(export_workbook(SPEC, bureau_admin))).active.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADERS)
    assert rows[1] == (
        bureau.name,
        "示范县轻微违法行为免罚清单（第一批）",
        None,
        "1",
        agency.name,
        item.code,
        "首违不罚",
        "首次被发现个别餐具使用前未经消毒",
        "初次违法，危害后果轻微，并及时改正",
        "初次违法；及时改正；危害后果轻微",
        None,
        "3",
        "提醒；指导",
    )
    again = [dict(zip(HEADERS, ["" if v is None else v for v in rows[1]], strict=True)) | {"清单名称": LIST}]
    import_workbook(SPEC, _xlsx(again), user=bureau_admin)
    copy = ExemptionListEntry.objects.get(exemption_list__name=LIST)
    assert (copy.kind, copy.measures, [c.code for c in copy.required_circumstances.all()]) == (
        "first_violation",
        ["reminder", "guidance"],
        ["first_violation", "corrected_in_time", "slight_harm"],
    )


def test_list_pages_link_the_imports_for_administrators_only(client, handler, agency_admin):
    client.force_login(agency_admin)
    html = client.get("/no-penalty-entries/").content.decode()
    assert 'href="/import/discretion-exemption-entries/"' in html
    assert 'href="/export/discretion-exemption-entries.xlsx"' in html
    assert 'href="/import/discretion-benchmarks/"' in client.get("/discretion-benchmarks/").content.decode()
    client.force_login(handler)
    assert "/import/discretion-exemption-entries/" not in client.get("/no-penalty-entries/").content.decode()
    assert client.get("/import/discretion-exemption-entries/").status_code == 403
