"""Staff UI: officer list (filters, htmx search), detail, certificate-holding rate table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.org.factories import SectorFactory
from tests.personnel.factories import CertificateFactory, ExamResultFactory, OfficerFactory, TrainingRecordFactory
from zhifa.core.masking import mask_id_number

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-10-01 09:00 +0800", tick=False):
        yield


@pytest.fixture
def officers(agency, other_agency, neighbour_agency):
    sector = SectorFactory(code="market_regulation", name="市场监管")
    valid = OfficerFactory(agency=agency, name="王有效")
    CertificateFactory(officer=valid, number="湘43019920001", sectors=[sector])
    expired = OfficerFactory(agency=agency, name="赵过期")
    CertificateFactory(
        officer=expired, number="湘43019920002", expires_on=date(2025, 6, 30), effective_on=date(2020, 7, 1)
    )
    suspended = OfficerFactory(agency=agency, name="孙暂扣")
    CertificateFactory(officer=suspended, number="湘43019920003", suspended=True)
    OfficerFactory(agency=agency, name="钱辅助", auxiliary=True)
    OfficerFactory(agency=other_agency, name="周他局")
    OfficerFactory(agency=neighbour_agency, name="吴邻县")
    return {"valid": valid, "expired": expired, "suspended": suspended}


def _names(response):
    return [row.officer.name for row in response.context["rows"]]


def test_login_required(client):
    response = client.get("/officers/")
    assert (response.status_code, response["Location"]) == (302, "/login/?next=/officers/")


def test_list_scoped_and_masked(client, handler, officers):
    client.force_login(handler)
    response = client.get("/officers/")
    assert response.status_code == 200
    assert _names(response) == ["孙暂扣", "王有效", "赵过期", "钱辅助"]
    content = response.content.decode()
    assert mask_id_number(officers["valid"].id_number) in content
    assert officers["valid"].id_number not in content


def test_supervisor_sees_the_county_not_the_neighbour(client, supervisor, officers):
    client.force_login(supervisor)
    assert _names(client.get("/officers/")) == ["孙暂扣", "王有效", "赵过期", "钱辅助", "周他局"]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("certificate=valid", ["王有效"]),
        ("certificate=expired", ["赵过期"]),
        ("certificate=suspended", ["孙暂扣"]),
        ("certificate=none", ["钱辅助"]),
        ("kind=auxiliary", ["钱辅助"]),
        ("q=20002", ["赵过期"]),
        ("q=王", ["王有效"]),
    ],
)
def test_list_filters(client, handler, officers, query, names):
    client.force_login(handler)
    assert _names(client.get(f"/officers/?{query}")) == names


def test_htmx_search_returns_rows_only(client, handler, officers):
    client.force_login(handler)
    response = client.get("/officers/?q=孙", headers={"HX-Request": "true"})
    content = response.content.decode()
    assert (response.templates[0].name, _names(response)) == ("personnel/_officer_rows.html", ["孙暂扣"])
    assert "<html" not in content
    assert "执法证已暂扣：涉嫌违纪接受调查" in content


def test_detail_shows_certificates_training_and_exams(client, agency_admin, officers):
    officer = officers["valid"]
    TrainingRecordFactory(officer=officer, hours=Decimal("16"), completed_on=date(2026, 4, 1))
    TrainingRecordFactory(officer=officer, hours=Decimal("8"), completed_on=date(2025, 4, 1))
    ExamResultFactory(officer=officer)
    client.force_login(agency_admin)
    response = client.get(f"/officers/{officer.pk}/")
    content = response.content.decode()
    assert response.context["training_hours"] == Decimal("16.0")
    assert "不足60学时" in content
    assert "湘43019920001" in content
    assert "2023年湖南省行政执法资格考试" in content
    assert officer.id_number not in content  # masked even for the agency admin: full value only by a reveal


@pytest.mark.parametrize(
    ("persona", "status"),
    [("handler", 200), ("supervisor", 200), ("other_agency_handler", 404), ("other_region_supervisor", 404)],
)
def test_detail_scope(client, request, officers, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"/officers/{officers['valid'].pk}/").status_code == status


def test_certificate_rate_table(client, supervisor, officers, other_agency, bureau):
    client.force_login(supervisor)
    response = client.get("/officers/certificate-rates/")
    rows = {f.agency.name: f for f in response.context["figures"]}
    assert sorted(rows) == sorted([bureau.name, "示范县市场监督管理局", other_agency.name])
    own = rows["示范县市场监督管理局"]
    # enforcement officers on post: 王有效 赵过期 孙暂扣 (3); validly certified: 王有效 (1) → 33.3%
    assert (own.certificate_rate.numerator, own.certificate_rate.denominator, own.certificate_rate.percent) == (
        1,
        3,
        "33.3%",
    )
    assert (own.reviewer_ratio.numerator, own.reviewer_ratio.meets_minimum) == (0, False)
    assert "低于5%（R-REV-012）" in response.content.decode()


def _many(agency, count):
    sector = SectorFactory(code="market_regulation", name="市场监管")
    for _ in range(count):
        CertificateFactory(officer=OfficerFactory(agency=agency), sectors=[sector])


def test_list_view_query_budget_is_constant(client, agency, agency_admin):
    client.force_login(agency_admin)
    _many(agency, 5)
    with CaptureQueriesContext(connection) as five:
        assert client.get("/officers/").status_code == 200
    _many(agency, 45)
    with CaptureQueriesContext(connection) as fifty:
        response = client.get("/officers/")
    assert len(response.context["rows"]) == 50
    assert len(fifty.captured_queries) == len(five.captured_queries)
