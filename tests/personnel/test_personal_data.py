"""R-PRV-006: officers' 身份证号 and personal phone are masked everywhere; a full view is one recorded reveal,
for the agency admin of the officer's own agency only."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from tests.org.factories import UserFactory
from tests.personnel.factories import OfficerFactory
from zhifa.core.errors import PermissionDenied
from zhifa.core.excel import get_spec
from zhifa.core.masking import mask_id_number
from zhifa.ledger.services import trail
from zhifa.org.choices import Role
from zhifa.personnel.errors import PersonnelError
from zhifa.personnel.models import OfficerPersonalDataAccess
from zhifa.personnel.services import reveal_personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-10-01 09:00 +0800", tick=False):
        yield


@pytest.fixture
def officer(agency):
    return OfficerFactory(agency=agency, name="李承办", phone="13800138000")


def _reveals(officer):
    return [(e.event_type, e.actor_id, e.agency_id, e.data) for e in trail(officer)]


def test_r_prv_006_agency_admin_reveal_is_recorded(officer, agency, agency_admin):
    value = reveal_personal_data(officer, field="id_number", user=agency_admin, purpose="核对人事档案")
    assert value == officer.id_number
    assert reveal_personal_data(officer, field="phone", user=agency_admin, purpose="通知培训") == "13800138000"
    assert sorted(OfficerPersonalDataAccess.objects.values_list("user_id", "officer_id", "field", "purpose")) == sorted(
        [
            (agency_admin.pk, officer.pk, "id_number", "核对人事档案"),
            (agency_admin.pk, officer.pk, "phone", "通知培训"),
        ]
    )
    assert _reveals(officer) == [
        ("officer.personal_data_viewed", agency_admin.pk, agency.pk, {"field": "id_number", "purpose": "核对人事档案"}),
        ("officer.personal_data_viewed", agency_admin.pk, agency.pk, {"field": "phone", "purpose": "通知培训"}),
    ]


@pytest.mark.parametrize("persona", ["handler", "head", "supervisor", "bureau_admin", "system_admin"])
def test_r_prv_006_others_are_refused_and_nothing_is_recorded(request, officer, persona):
    with pytest.raises(PermissionDenied) as exc:
        reveal_personal_data(officer, field="id_number", user=request.getfixturevalue(persona), purpose="查看")
    assert exc.value.message == "只有执法人员所属单位的单位管理员可以查看完整的个人信息"
    assert (OfficerPersonalDataAccess.objects.count(), _reveals(officer)) == (0, [])


def test_r_prv_006_admin_of_another_agency_is_refused(officer, other_agency):
    other_admin = UserFactory(username="other_admin", agency=other_agency, roles=[Role.AGENCY_ADMIN])
    with pytest.raises(PermissionDenied):
        reveal_personal_data(officer, field="phone", user=other_admin, purpose="查看")
    assert OfficerPersonalDataAccess.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "purpose", "error"),
    [
        ("name", "核对", ("field", "该字段不是个人信息字段，无需申请查看")),
        ("id_number", "  ", ("purpose", "请填写查看用途")),
        ("id_number", "用" * 201, ("purpose", "查看用途不能超过200个字")),
    ],
)
def test_r_prv_006_bad_request_records_nothing(officer, agency_admin, field, purpose, error):
    with pytest.raises(PersonnelError) as exc:
        reveal_personal_data(officer, field=field, user=agency_admin, purpose=purpose)
    assert (exc.value.field, exc.value.message) == error
    assert (OfficerPersonalDataAccess.objects.count(), _reveals(officer)) == (0, [])


def test_r_prv_006_access_records_are_append_only(officer, agency_admin):
    reveal_personal_data(officer, field="phone", user=agency_admin, purpose="通知培训")
    access = OfficerPersonalDataAccess.objects.get()
    with pytest.raises(Exception, match="只能新增"):
        access.save()
    with pytest.raises(Exception, match="不能删除"):
        access.delete()


# --- API ------------------------------------------------------------------------------------------------------


def _reveal_api(api_client, user, officer, body):
    if user is not None:
        api_client.force_authenticate(user)
    return api_client.post(f"/api/v1/officers/{officer.pk}/reveal/", body, format="json")


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        (None, 401),
        ("handler", 403),
        ("supervisor", 403),
        ("system_admin", 403),
        ("neighbour_handler", 404),
        ("agency_admin", 200),
    ],
)
def test_r_prv_006_reveal_endpoint(api_client, request, officer, persona, status):
    user = request.getfixturevalue(persona) if persona else None
    response = _reveal_api(api_client, user, officer, {"field": "id_number", "purpose": "核对人事档案"})
    assert response.status_code == status
    if status == 200:
        assert response.json() == {"field": "id_number", "value": officer.id_number}
        assert OfficerPersonalDataAccess.objects.count() == 1
    else:
        assert (OfficerPersonalDataAccess.objects.count(), _reveals(officer)) == (0, [])


def test_r_prv_006_reveal_endpoint_validates_the_body(api_client, agency_admin, officer):
    response = _reveal_api(api_client, agency_admin, officer, {"field": "name", "purpose": ""})
    assert response.status_code == 400
    assert sorted(response.json()) == ["field", "purpose"]
    assert OfficerPersonalDataAccess.objects.count() == 0


# --- staff UI ---------------------------------------------------------------------------------------------------


def test_r_prv_006_detail_is_masked_with_reveal_form_for_agency_admin(client, agency_admin, officer):
    client.force_login(agency_admin)
    response = client.get(reverse("personnel:officer-detail", args=[officer.pk]))
    content = response.content.decode()
    assert officer.id_number not in content
    assert "13800138000" not in content
    assert mask_id_number(officer.id_number) in content
    assert content.count("查看完整信息</button>") == 2
    assert response.context["can_reveal"] is True


def test_r_prv_006_detail_has_no_reveal_form_for_others(client, handler, officer):
    client.force_login(handler)
    response = client.get(reverse("personnel:officer-detail", args=[officer.pk]))
    assert ("查看完整信息</button>" in response.content.decode(), response.context["can_reveal"]) == (False, False)


def test_r_prv_006_htmx_reveal(client, agency_admin, handler, officer):
    url = reverse("personnel:officer-reveal", args=[officer.pk])
    client.force_login(handler)
    refused = client.post(url, {"field": "id_number", "purpose": "查看"}, headers={"HX-Request": "true"})
    assert refused.status_code == 403
    assert officer.id_number not in refused.content.decode()
    assert OfficerPersonalDataAccess.objects.count() == 0
    client.force_login(agency_admin)
    assert client.get(url).status_code == 405
    shown = client.post(url, {"field": "id_number", "purpose": "核对人事档案"}, headers={"HX-Request": "true"})
    assert shown.status_code == 200
    assert officer.id_number in shown.content.decode()
    assert OfficerPersonalDataAccess.objects.count() == 1


def test_r_prv_006_htmx_reveal_outside_scope_is_404(client, neighbour_handler, officer):
    client.force_login(neighbour_handler)
    url = reverse("personnel:officer-reveal", args=[officer.pk])
    assert client.post(url, {"field": "id_number", "purpose": "查看"}).status_code == 404


def test_r_prv_006_list_page_is_masked_for_agency_admin(client, agency_admin, officer):
    client.force_login(agency_admin)
    content = client.get(reverse("personnel:officer-list")).content.decode()
    assert (officer.id_number in content, mask_id_number(officer.id_number) in content) == (False, True)


def test_r_prv_006_export_is_masked_for_agency_admin(agency_admin, officer):
    rows = list(get_spec("officers").export_rows(agency_admin))
    assert [row["id_number"] for row in rows] == [mask_id_number(officer.id_number)]
