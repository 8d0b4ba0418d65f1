"""The 事前公示 portal pages (R-PUB-001, R-PUB-003): anonymous, Chinese, linked from the home page; officers
searchable by name or certificate number and paginated; an agency or item that left the registry leaves the portal."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.discretion.factories import published_benchmark, published_list
from tests.personnel.factories import CertificateFactory, OfficerFactory
from tests.publicity.before_support import get, refresh
from zhifa.catalog import services as catalog_services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lead", "co")]


@pytest.fixture
def published(agency, item):
    published_benchmark(item)
    published_list(agency, item)
    refresh(agency)
    return agency


def test_home_links_the_before_pages(published):
    page = get("/gongshi/")
    for url in ("/gongshi/agencies/", "/gongshi/officers/", "/gongshi/procedures/"):
        assert f'href="{url}"' in page


def test_agency_pages_are_anonymous_and_show_the_registers(published, item):
    pk = published.pk
    assert published.name in get("/gongshi/agencies/")
    detail = get(f"/gongshi/agencies/{pk}/")
    assert published.legal_representative in detail and "投诉监督渠道" in detail
    assert item.code in get(f"/gongshi/agencies/{pk}/items/")
    assert "餐具饮具未洗净消毒裁量基准" in get(f"/gongshi/agencies/{pk}/benchmarks/")
    assert "首次被发现个别餐具使用前未经消毒" in get(f"/gongshi/agencies/{pk}/exemptions/")
    assert "查封扣押" in get(f"/gongshi/agencies/{pk}/av-items/")
    get(f"/gongshi/agencies/{pk}/review-catalog/")


def test_officers_searchable_by_name_and_certificate_number(published, lead):
    number = lead.certificates.get().number
    by_name = get("/gongshi/officers/?q=李承")
    assert "李承办" in by_name and "周协办" not in by_name
    by_number = get(f"/gongshi/officers/?q={number.lower()}")
    assert "李承办" in by_number and "周协办" not in by_number


@override_settings(PUBLICITY={"portal_page_size": 2})
def test_officer_list_is_paginated(agency):
    CertificateFactory(officer=OfficerFactory(agency=agency, name="赵三号"))
    refresh(agency)
    assert "第1/2页" in get("/gongshi/officers/")
    assert "赵三号" in get("/gongshi/officers/?page=2")


def test_abolished_item_leaves_the_portal(published, item):
    catalog_services.abolish_item(user=None, item=item)
    refresh(published)
    assert item.code not in get(f"/gongshi/agencies/{published.pk}/items/")


def test_inactive_agency_leaves_the_portal(published):
    published.is_active = False
    published.save(update_fields=["is_active"])
    refresh(published)
    assert published.name not in get("/gongshi/agencies/")
    from django.test import Client

    assert Client().get(f"/gongshi/agencies/{published.pk}/").status_code == 404
