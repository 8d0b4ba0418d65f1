"""R-DIS-014 with R-DIS-003: a 免罚清单 published by an upper level — an agency of the enclosing city, or the
county agency's 上级主管部门 — applies to the county's items of the same catalog code (四级四同), like a benchmark;
the county reads it. Items of another code, and lists of a neighbouring county, do not."""

from __future__ import annotations

from datetime import date

import pytest

from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import published_list
from tests.org.factories import AgencyFactory
from zhifa.discretion import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_agency(city):
    return AgencyFactory(region=city, name="长沙市市场监督管理局")


def _same_code(agency, item):
    return EnforcementItemFactory(agency=agency, in_force=True, code=item.code)


def test_r_dis_014_the_city_list_applies_to_the_county_item_of_the_same_code(city_agency, item):
    entry = published_list(city_agency, _same_code(city_agency, item), effective_on=date(2026, 3, 2))
    assert services.exemption_entries_for(item=item, on=date(2026, 3, 1)) == []  # the day before it takes effect
    assert services.exemption_entries_for(item=item, on=date(2026, 3, 2)) == [entry]


def test_r_dis_014_the_parent_agencys_list_applies(agency, item, county):
    parent = AgencyFactory(region=county, name="示范县市场监督管理总局")
    agency.parent_agency = parent
    agency.save(update_fields=["parent_agency"])
    entry = published_list(parent, _same_code(parent, item))
    assert services.exemption_entries_for(item=item, on=date(2026, 3, 2)) == [entry]


def test_r_dis_014_other_codes_and_neighbouring_lists_do_not_apply(city_agency, item, neighbour_agency):
    published_list(city_agency, EnforcementItemFactory(agency=city_agency, in_force=True))
    published_list(neighbour_agency, _same_code(neighbour_agency, item))
    assert services.exemption_entries_for(item=item, on=date(2026, 3, 2)) == []


def test_r_dis_014_the_county_reads_the_city_list(client, handler, city_agency, item):
    published_list(city_agency, _same_code(city_agency, item))
    client.force_login(handler)
    assert "首次被发现个别餐具使用前未经消毒" in client.get("/no-penalty-entries/").content.decode()
