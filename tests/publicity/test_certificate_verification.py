"""亮证执法 (事中公示): each certificate has a stable, unguessable URL and a QR code; the public page says whether the
holder may enforce today, for which agency and sectors — name, agency, number, sectors and status only (R-PUB-001,
R-PER-001, R-PRV-001)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.org.factories import UserFactory
from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event
from zhifa.org.choices import Role
from zhifa.personnel.choices import LeftPostReason
from zhifa.publicity import services
from zhifa.publicity.models import CertificateCode
from zhifa.publicity.scheduled import certificate_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(agency, sector):
    return OfficerFactory(agency=agency, name="郦琰", id_number="43019919850315001X", phone="13912345678")


@pytest.fixture
def certificate(officer, sector):
    return CertificateFactory(officer=officer, number="湘43019920001", sectors=[sector])


@pytest.fixture
def code(certificate, agency_admin):
    return services.issue_certificate_code(actor=agency_admin, certificate=certificate)


def _page(code) -> tuple[int, str]:
    response = Client().get(reverse("publicity:portal-certificate", args=[code.token]))
    return response.status_code, response.content.decode()


def test_the_code_is_stable_unguessable_and_recorded(code, certificate, agency_admin):
    assert len(code.token) == 32 and certificate.number not in code.token
    assert services.issue_certificate_code(actor=agency_admin, certificate=certificate) == code
    assert Event.objects.filter(event_type="certificate_code.issued").count() == 1


def test_a_valid_certificate_is_shown_with_name_agency_number_and_sector_only(code, officer):
    status, html = _page(code)
    assert status == 200
    for shown in ("郦琰", "示范县市场监督管理局", "湘43019920001", "市场监管", "该执法证今日有效"):
        assert shown in html
    for hidden in (officer.id_number, officer.phone, "科员"):
        assert hidden not in html
    assert "<script" not in html


def test_a_suspended_certificate_says_the_holder_may_not_enforce_without_the_reason(code, certificate):
    certificate.suspend(reason="涉嫌违纪接受调查", on=date(2026, 3, 1))
    certificate.save()
    status, html = _page(code)
    assert (status, "该执法证今日暂扣，持证人不得凭此证从事行政执法活动" in html, "涉嫌违纪" in html) == (
        200,
        True,
        False,
    )


def test_an_officer_who_left_the_post_may_not_enforce(code, officer):
    officer.is_on_post = False
    officer.left_post_on = date(2026, 3, 1)
    officer.left_post_reason = LeftPostReason.TRANSFER
    officer.save()
    assert "持证人已离开执法岗位，不得从事行政执法活动" in _page(code)[1]


def test_an_expired_certificate_says_so(agency, sector, agency_admin):
    officer = OfficerFactory(agency=agency, name="瞿骁")
    certificate = CertificateFactory(
        officer=officer, sectors=[sector], effective_on=date(2020, 1, 1), expires_on=date(2026, 3, 1)
    )
    code = services.issue_certificate_code(actor=agency_admin, certificate=certificate)
    assert "该执法证今日已过期" in _page(code)[1]


def test_an_unknown_token_is_404(db):
    response = Client().get("/gongshi/certificates/not-a-real-token/")
    assert (response.status_code, "未找到该执法证" in response.content.decode()) == (404, True)


def test_the_qr_code_is_an_svg_of_the_verification_url(code):
    response = Client().get(reverse("publicity:portal-certificate-qr", args=[code.token]))
    assert (response.status_code, response["Content-Type"]) == (200, "image/svg+xml; charset=utf-8")
    svg = response.content.decode()
    assert svg.startswith("<svg") and "行政执法证核验二维码" in svg and "<script" not in svg


def test_only_the_agency_admin_issues_a_code(certificate, handler):
    with pytest.raises(PermissionDenied):
        services.issue_certificate_code(actor=handler, certificate=certificate)
    assert CertificateCode.objects.count() == 0


def test_tick_issues_a_code_for_every_certificate_once(certificate):
    assert certificate_codes(date(2026, 3, 2)) == ["已为1本执法证生成核验码"]
    assert certificate_codes(date(2026, 3, 3)) == []


def test_the_staff_page_prints_the_qr_code(certificate, agency_admin, other_agency):
    client = Client()
    client.force_login(agency_admin)
    url = reverse("publicity:certificate-code", args=[certificate.pk])
    listing = reverse("publicity:certificate-list")
    assert f'<a href="{url}">生成核验码</a>' in client.get(listing).content.decode()
    assert "生成核验码" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    html = client.get(url).content.decode()
    token = CertificateCode.objects.get().token
    assert f"http://testserver/gongshi/certificates/{token}/" in html and "<svg" in html
    assert f'<a href="{url}">查看二维码</a>' in client.get(listing).content.decode()
    outsider = UserFactory(username="outsider_admin", agency=other_agency, roles=[Role.AGENCY_ADMIN])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
