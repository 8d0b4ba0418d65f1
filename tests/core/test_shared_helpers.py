"""Shared helpers in core: date display, choice labels in imports, permission check, scoped agency lookup."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from zhifa.core.calendar import format_day
from zhifa.core.errors import PermissionDenied
from zhifa.core.excel import choice_value
from zhifa.core.permissions import require
from zhifa.org.choices import AgencyKind
from zhifa.org.lookups import agency_by_name


def test_format_day():
    assert format_day(date(2021, 4, 15)) == "2021年4月15日"


def test_choice_value_accepts_label_or_identifier_and_names_the_field():
    assert choice_value("行政机关", AgencyKind, field_name="kind", label="主体类别") == "administrative_organ"
    assert (
        choice_value("administrative_organ", AgencyKind, field_name="kind", label="主体类别") == "administrative_organ"
    )
    with pytest.raises(ValidationError) as excinfo:
        choice_value("事业单位", AgencyKind, field_name="kind", label="主体类别")
    assert excinfo.value.message_dict == {
        "kind": ["主体类别“事业单位”无效，应为：行政机关、法律法规授权组织、受委托组织"]
    }


@pytest.mark.django_db
def test_require_refuses_with_the_message(handler, agency):
    require(None, "org.change_agency", agency)  # trusted system caller
    with pytest.raises(PermissionDenied) as excinfo:
        require(handler, "org.change_agency", agency, message="不行")
    assert excinfo.value.message == "不行"


@pytest.mark.django_db
def test_agency_by_name_is_scoped_and_reports_duplicates(handler, agency, neighbour_agency, city_supervisor):
    from tests.org.factories import AgencyFactory

    assert agency_by_name(handler, "示范县市场监督管理局") == agency
    with pytest.raises(ValidationError) as excinfo:
        agency_by_name(handler, "邻县市场监督管理局")
    assert excinfo.value.message_dict == {"agency": ["执法主体“邻县市场监督管理局”不存在或不在您的数据范围内"]}
    AgencyFactory(region=neighbour_agency.region, name="示范县市场监督管理局")
    with pytest.raises(ValidationError) as excinfo:
        agency_by_name(city_supervisor, "示范县市场监督管理局")
    assert "在多个行政区划中重名" in excinfo.value.message_dict["agency"][0]
