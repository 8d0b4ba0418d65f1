"""Changing an agency: who may, inside which scope; a refused change changes nothing."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("agency_admin", 200),
        ("bureau_admin", 200),
        ("system_admin", 200),
        ("handler", 403),
        ("supervisor", 403),
        ("auditor", 403),
        ("other_region_supervisor", 404),
    ],
)
def test_patch_own_agency(persona, status, request, api_client, agency):
    api_client.force_authenticate(request.getfixturevalue(persona))
    response = api_client.patch(reverse("agency-detail", args=[agency.pk]), {"phone": "0731-12345678"}, format="json")
    assert response.status_code == status
    agency.refresh_from_db()
    assert agency.phone == ("0731-12345678" if status == 200 else "0731-88880000")


def test_agency_admin_cannot_change_another_agency(api_client, agency_admin, other_agency):
    api_client.force_authenticate(agency_admin)
    response = api_client.patch(reverse("agency-detail", args=[other_agency.pk]), {"phone": "0731-1"}, format="json")
    assert response.status_code == 404


def test_invalid_uscc_is_refused_with_a_chinese_message_naming_the_field(api_client, agency_admin, agency):
    api_client.force_authenticate(agency_admin)
    original = agency.uscc
    response = api_client.patch(
        reverse("agency-detail", args=[agency.pk]), {"uscc": "91430181MA4L00011Y"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"uscc": ["统一社会信用代码校验位错误，请核对"]}
    agency.refresh_from_db()
    assert agency.uscc == original


def test_bad_phone_is_refused(api_client, agency_admin, agency):
    api_client.force_authenticate(agency_admin)
    response = api_client.patch(reverse("agency-detail", args=[agency.pk]), {"phone": "12"}, format="json")
    assert response.status_code == 400
    assert "phone" in response.json()


def test_bureau_admin_creates_agency_in_region_but_not_outside(api_client, bureau_admin, county, neighbour_county):
    from tests.org.factories import make_uscc

    api_client.force_authenticate(bureau_admin)
    payload = {
        "name": "示范县林业局",
        "uscc": make_uscc(900),
        "legal_representative": "林局长",
        "address": "示范县林业路1号",
        "phone": "0731-88886666",
        "kind": "administrative_organ",
    }
    created = api_client.post(reverse("agency-list"), {**payload, "region": county.pk}, format="json")
    assert created.status_code == 201
    assert created.json()["name"] == "示范县林业局"
    refused = api_client.post(
        reverse("agency-list"),
        {**payload, "name": "邻县林业局", "uscc": make_uscc(901), "region": neighbour_county.pk},
        format="json",
    )
    assert refused.status_code == 403
    assert refused.json()["message"] == "不能在您管辖范围以外的行政区划新增执法主体"


def test_supervisor_role_cannot_be_granted_outside_a_judicial_bureau(agency):
    from django.core.exceptions import ValidationError

    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role
    from zhifa.org.models import RoleGrant

    grant = RoleGrant(user=UserFactory(agency=agency), role=Role.SUPERVISOR)
    with pytest.raises(ValidationError) as excinfo:
        grant.clean()
    assert excinfo.value.message_dict == {"role": ["“监督员”角色只能授予司法局的用户"]}


def test_r_rec_001_agency_change_is_recorded_in_the_ledger(api_client, agency_admin, agency):
    from zhifa.ledger.services import trail

    api_client.force_authenticate(agency_admin)
    api_client.patch(reverse("agency-detail", args=[agency.pk]), {"phone": "0731-12345678"}, format="json")
    events = list(trail(agency))
    assert [(e.event_type, e.actor_id, e.data) for e in events] == [
        ("agency.changed", agency_admin.pk, {"changes": {"phone": {"from": "0731-88880000", "to": "0731-12345678"}}})
    ]


def test_refused_change_records_nothing(api_client, handler, agency):
    from zhifa.ledger.models import Event

    api_client.force_authenticate(handler)
    api_client.patch(reverse("agency-detail", args=[agency.pk]), {"phone": "0731-12345678"}, format="json")
    assert Event.objects.count() == 0


def test_create_without_required_fields_names_each_field_in_chinese(api_client, bureau_admin, county):
    api_client.force_authenticate(bureau_admin)
    response = api_client.post(reverse("agency-list"), {"name": "新局", "region": county.pk}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"uscc", "legal_representative", "address", "phone"}
    assert response.json()["uscc"] == ["该字段是必填项。"]


def test_agency_admin_cannot_make_its_agency_a_judicial_bureau(agency_admin, agency):
    from zhifa.core.errors import PermissionDenied
    from zhifa.org.services import update_agency

    with pytest.raises(PermissionDenied) as excinfo:
        update_agency(actor=agency_admin, agency=agency, is_judicial_bureau=True)
    assert excinfo.value.message == "主体类别和是否司法局只能由系统管理员或司法局管理员修改"
    agency.refresh_from_db()
    assert agency.is_judicial_bureau is False
    update_agency(actor=agency_admin, agency=agency, is_judicial_bureau=False, phone="0731-12345678")  # unchanged: fine


def test_bureau_admin_may_change_the_kind(bureau_admin, agency):
    from zhifa.org.services import update_agency

    changed = update_agency(actor=bureau_admin, agency=agency, kind="authorized_organization")
    assert changed.kind == "authorized_organization"


def test_username_taken_is_a_field_error(agency_admin, agency, handler):
    from zhifa.org.errors import OrgError
    from zhifa.org.services import create_user

    with pytest.raises(OrgError) as excinfo:
        create_user(actor=agency_admin, username="handler", name="重名", agency=agency, roles=["handler"])
    assert (excinfo.value.field, excinfo.value.message) == ("username", "用户名“handler”已被使用")
