"""Finding 11: the admin does not go around the personnel services (R-PER-002, R-PER-003, R-PER-004)."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib import admin

from tests.org.factories import SectorFactory
from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.personnel.choices import CertificateState, OfficerKind
from zhifa.personnel.models import Certificate, Officer

pytestmark = pytest.mark.django_db


def _management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_r_per_003_r_per_004_post_and_kind_of_an_officer_are_read_only(client, system_admin, agency):
    officer = OfficerFactory(agency=agency, name="张三")
    client.force_login(system_admin)
    response = client.post(
        f"/admin/personnel/officer/{officer.pk}/change/",
        {
            "name": "张三丰",
            "gender": "",
            "agency": agency.pk,
            "department": "",
            "kind": OfficerKind.AUXILIARY,
            "user": "",
            "position": "科员",
            "id_number": officer.id_number,
            "phone": officer.phone,
            # is_on_post left out (an unchecked box), leaving date and reason filled in
            "left_post_on": "2026-06-30",
            "left_post_reason": "retirement",
            **_management("certificates"),
        },
    )
    assert response.status_code == 302
    saved = Officer.objects.get(pk=officer.pk)
    assert (saved.name, saved.kind, saved.is_on_post, saved.left_post_on, saved.left_post_reason) == (
        "张三丰",
        OfficerKind.ENFORCEMENT,
        True,
        None,
        "",
    )


def test_officer_kind_can_be_chosen_when_adding(rf, system_admin, agency):
    model_admin = admin.site._registry[Officer]
    request = rf.get("/admin/")
    request.user = system_admin
    assert set(model_admin.get_readonly_fields(request, None)) == {"is_on_post", "left_post_on", "left_post_reason"}
    assert "kind" in model_admin.get_readonly_fields(request, OfficerFactory(agency=agency))


def test_certificates_cannot_be_added_inline_on_the_officer_page(rf, system_admin, agency):
    officer = OfficerFactory(agency=agency)
    request = rf.get("/admin/")
    request.user = system_admin
    [inline] = admin.site._registry[Officer].get_inline_instances(request, officer)
    assert (inline.has_add_permission(request, officer), inline.has_change_permission(request, officer)) == (
        False,
        False,
    )


def test_r_per_002_certificates_cannot_be_added_or_deleted_in_the_admin(client, system_admin, agency):
    certificate = CertificateFactory(officer__agency=agency)
    client.force_login(system_admin)
    assert client.get("/admin/personnel/certificate/add/").status_code == 403
    assert client.post(f"/admin/personnel/certificate/{certificate.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_certificate_number_dates_sectors_and_state_are_read_only(client, system_admin, agency):
    market = SectorFactory(code="market_regulation", name="市场监管")
    certificate = CertificateFactory(officer__agency=agency, number="湘43019920001", sectors=[market])
    other = OfficerFactory(agency=agency)
    client.force_login(system_admin)
    response = client.post(
        f"/admin/personnel/certificate/{certificate.pk}/change/",
        {
            "officer": other.pk,
            "number": "湘43019999999",
            "issuing_authority": "别的机关",
            "kind": "ministerial",
            "effective_on": "2020-01-01",
            "expires_on": "2040-12-31",
            "sectors": [SectorFactory(code="transport", name="交通运输").pk],
            "state": CertificateState.CANCELLED,
            **_management("status_changes"),
        },
    )
    assert response.status_code == 302
    saved = Certificate.objects.get(pk=certificate.pk)
    assert (
        saved.officer_id,
        saved.number,
        saved.issuing_authority,
        saved.kind,
        saved.effective_on,
        saved.expires_on,
        saved.state,
        [s.code for s in saved.sectors.all()],
    ) == (
        certificate.officer_id,
        "湘43019920001",
        "湖南省人民政府",
        "ministerial",
        date(2024, 1, 1),
        date(2028, 12, 31),
        CertificateState.VALID,
        ["market_regulation"],
    )


def test_admin_pages_show_the_status_history(client, system_admin, agency):
    certificate = CertificateFactory(officer__agency=agency, suspended=True)
    client.force_login(system_admin)
    page = client.get(f"/admin/personnel/certificate/{certificate.pk}/change/")
    assert page.status_code == 200
    assert "涉嫌违纪接受调查" in page.content.decode()
    assert client.get(f"/admin/personnel/officer/{certificate.officer_id}/change/").status_code == 200
    assert client.get("/admin/personnel/officerpersonaldataaccess/").status_code == 200
