"""Excel import 执法人员及执法证: all-or-nothing, per-row Chinese errors."""

from __future__ import annotations

import io
from datetime import date

import pytest
import time_machine
from openpyxl import Workbook

from tests.org.factories import AgencyFactory, SectorFactory, UserFactory
from tests.personnel.factories import OfficerFactory, make_id_number
from zhifa.core.errors import PermissionDenied
from zhifa.core.excel import ImportFailed, RowError, get_spec, import_workbook
from zhifa.core.masking import mask_id_number
from zhifa.org.choices import Role
from zhifa.personnel.models import Certificate, ExamResult, Officer, QualificationExam
from zhifa.personnel.services import can_enforce
from zhifa.personnel.services._common import ID_NUMBER_TAKEN

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-10-01 09:00 +0800", tick=False):
        yield


HEADERS = [
    "姓名",
    "所属单位",
    "人员类别",
    "身份证号",
    "职务",
    "执法证号",
    "发证机关",
    "证件类别",
    "有效期起",
    "有效期止",
    "执法领域",
    "资格考试名称",
    "考试日期",
    "考试成绩",
]


def _row(
    name,
    id_number,
    *,
    agency="示范县市场监督管理局",
    kind="执法人员",
    number="",
    expires="2029-06-30",
    sectors="市场监管",
    exam="2023年湖南省行政执法资格考试",
):
    certificate = (
        [number, "湖南省人民政府", "地方证", "2024-01-01", expires, sectors] if number else ["", "", "", "", "", ""]
    )
    exam_cells = [exam, "2023-10-21", "86"] if exam else ["", "", ""]
    return [name, agency, kind, id_number, "科员", *certificate, *exam_cells]


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
def sectors(db):
    return [SectorFactory(code="market_regulation", name="市场监管"), SectorFactory(code="transport", name="交通运输")]


def test_import_happy_path(agency, agency_admin, sectors):
    file = _xlsx(
        [
            _row("王执法", make_id_number(1), number="湘43019920001", sectors="市场监管、交通运输"),
            _row("赵辅助", make_id_number(2), kind="执法辅助人员", exam=""),
            _row("钱法制", make_id_number(3), kind="法制审核人员", number="湘43019920002"),
        ]
    )
    result = import_workbook(get_spec("officers"), file, user=agency_admin)
    assert result.rows == 3
    officers = {o.name: o for o in Officer.objects.filter(agency=agency)}
    assert sorted(officers) == ["王执法", "赵辅助", "钱法制"]
    certificate = Certificate.objects.get(number="湘43019920001")
    assert (certificate.officer.name, certificate.expires_on, sorted(s.code for s in certificate.sectors.all())) == (
        "王执法",
        date(2029, 6, 30),
        ["market_regulation", "transport"],
    )
    assert QualificationExam.objects.count() == 1
    assert ExamResult.objects.filter(is_qualified=True).count() == 2
    assert can_enforce(officers["王执法"], on=date(2026, 10, 1), sector="transport") is True
    assert officers["赵辅助"].certificates.count() == 0


def test_import_reports_every_bad_row_and_saves_nothing(agency, agency_admin, neighbour_agency, sectors):
    file = _xlsx(
        [
            _row("好人", make_id_number(1), number="湘43019920001"),
            _row("错号", "430199198503150010", number="湘43019920002"),
            _row("过期", make_id_number(3), number="湘43019920003", expires="2026-09-30"),
            _row("外县", make_id_number(4), agency="邻县市场监督管理局", number="湘43019820004"),
            _row("无名", make_id_number(5), agency="不存在局"),
            _row("领域", make_id_number(6), number="湘43019920006", sectors="市场监管、航天"),
            _row("辅助", make_id_number(7), kind="执法辅助人员", number="湘43019920007"),
        ]
    )
    with pytest.raises(ImportFailed) as exc:
        import_workbook(get_spec("officers"), file, user=agency_admin)
    assert exc.value.errors == [
        RowError(3, "身份证号", "公民身份号码校验位错误，请核对"),
        RowError(4, "有效期止", "执法证已过期"),
        RowError(5, "所属单位", "所属单位“邻县市场监督管理局”不存在或不在您的数据范围内"),
        RowError(6, "所属单位", "所属单位“不存在局”不存在或不在您的数据范围内"),
        RowError(7, "执法领域", "执法领域不存在：航天"),
        RowError(8, "执法证号", "执法辅助人员不得持有行政执法证（R-PER-004）"),
    ]
    assert (Officer.objects.count(), Certificate.objects.count(), QualificationExam.objects.count()) == (0, 0, 0)


def test_r_per_002_import_without_passed_exam_is_a_row_error(agency, agency_admin, sectors):
    file = _xlsx([_row("无考", make_id_number(1), number="湘43019920001", exam="")])
    with pytest.raises(ImportFailed) as exc:
        import_workbook(get_spec("officers"), file, user=agency_admin)
    assert exc.value.errors == [
        RowError(2, "执法证号", "该人员没有有效期起之前合格的执法资格考试成绩，不得登记执法证（R-PER-002）")
    ]
    assert Officer.objects.count() == 0


def test_import_refused_without_permission(agency, handler, sectors):
    with pytest.raises(PermissionDenied):
        import_workbook(get_spec("officers"), _xlsx([_row("王执法", make_id_number(1))]), user=handler)
    assert Officer.objects.count() == 0


def test_export_round_trips_the_columns(agency, agency_admin, sectors):
    import_workbook(
        get_spec("officers"), _xlsx([_row("王执法", make_id_number(1), number="湘43019920001")]), user=agency_admin
    )
    rows = list(get_spec("officers").export_rows(agency_admin))
    assert rows == [
        {
            "name": "王执法",
            "agency": "示范县市场监督管理局",
            "kind": "执法人员",
            "id_number": mask_id_number(make_id_number(1)),  # exports are lists: always masked (R-PRV-006)
            "position": "科员",
            "exam_name": "2023年湖南省行政执法资格考试",
            "exam_held_on": "2023-10-21",
            "exam_score": "86.0",
            "certificate_number": "湘43019920001",
            "issuing_authority": "湖南省人民政府",
            "certificate_kind": "地方证",
            "effective_on": "2024-01-01",
            "expires_on": "2029-06-30",
            "sectors": "市场监管",
        }
    ]


def test_import_duplicate_id_number_message_is_neutral_wherever_the_match_is(
    agency, other_agency, neighbour_agency, agency_admin, sectors
):
    """Finding 8: the message never says whether the number is registered in another agency, another
    county (outside the importer's scope) or under another name — and it is the service's own message."""
    OfficerFactory(agency=neighbour_agency, name="邻县人", id_number=make_id_number(1))
    OfficerFactory(agency=other_agency, name="他局人", id_number=make_id_number(2))
    OfficerFactory(agency=agency, name="本局人", id_number=make_id_number(3))
    file = _xlsx(
        [
            _row("新人甲", make_id_number(1), exam=""),
            _row("新人乙", make_id_number(2), exam=""),
            _row("改名", make_id_number(3), exam=""),
        ]
    )
    with pytest.raises(ImportFailed) as exc:
        import_workbook(get_spec("officers"), file, user=agency_admin)
    assert exc.value.errors == [
        RowError(2, "身份证号", ID_NUMBER_TAKEN),
        RowError(3, "身份证号", ID_NUMBER_TAKEN),
        RowError(4, "身份证号", ID_NUMBER_TAKEN),
    ]
    assert ID_NUMBER_TAKEN == "该公民身份号码已登记为执法人员"
    assert Officer.objects.count() == 3


def test_import_same_person_again_reuses_the_officer(agency, agency_admin, sectors):
    OfficerFactory(agency=agency, name="王执法", id_number=make_id_number(1))
    import_workbook(get_spec("officers"), _xlsx([_row("王执法", make_id_number(1), exam="")]), user=agency_admin)
    assert Officer.objects.count() == 1


def test_import_bad_choice_names_the_allowed_labels(agency, agency_admin, sectors):
    file = _xlsx([_row("张三", make_id_number(1), kind="临时工", exam="")])
    with pytest.raises(ImportFailed) as exc:
        import_workbook(get_spec("officers"), file, user=agency_admin)
    assert exc.value.errors == [
        RowError(2, "人员类别", "人员类别“临时工”无效，应为：执法人员、执法辅助人员、法制审核人员")
    ]


def test_import_agency_name_found_in_two_counties_asks_for_the_region(city_bureau, county, neighbour_county, sectors):
    """Finding 15: the agency is found with org.lookups.agency_by_name (names are unique only per region)."""
    AgencyFactory(region=county, name="县市场监督管理局")
    AgencyFactory(region=neighbour_county, name="县市场监督管理局")
    city_admin = UserFactory(username="city_admin", agency=city_bureau, roles=[Role.BUREAU_ADMIN])
    file = _xlsx([_row("张三", make_id_number(1), agency="县市场监督管理局", exam="")])
    with pytest.raises(ImportFailed) as exc:
        import_workbook(get_spec("officers"), file, user=city_admin)
    [error] = exc.value.errors
    assert (error.row, error.column, error.message.startswith("所属单位“县市场监督管理局”在多个行政区划中重名")) == (
        2,
        "所属单位",
        True,
    )
    assert Officer.objects.count() == 0
