"""R-DIS-003 in the case: the county item without its own benchmark is assessed against the city's benchmark for the
same item and article, which the case file names as the upper level's; the county's own refinement, once in force,
takes its place (the most specific published version)."""

from __future__ import annotations

import pytest

from tests.cases.discretion_support import report
from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import penalty_article, published_benchmark
from tests.org.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_benchmark(city, item):
    article = penalty_article(item)
    city_agency = AgencyFactory(region=city, name="长沙市市场监督管理局")
    city_item = EnforcementItemFactory(agency=city_agency, in_force=True, code=item.code, penalty_basis=[article])
    return published_benchmark(city_item, article=article)


def test_r_dis_003_the_city_benchmark_is_applied_and_named_as_the_upper_level(
    client, filed_case, handler, lead, co, city_benchmark
):
    case = report(filed_case, handler, lead, co, fine="10000", circumstances={"cooperative": True})
    assert (case.benchmark_id, case.proposed_tier) == (city_benchmark.pk, "lighter")
    assert case.discretion_notes[0] == (
        "适用餐具饮具未洗净消毒裁量基准（第1版）（2026年1月1日起施行）（上级长沙市市场监督管理局制定，直接适用，R-DIS-003）"
    )
    client.force_login(handler)
    html = client.get(f"/cases/{case.pk}/").content.decode()
    assert "上级长沙市市场监督管理局制定，直接适用（R-DIS-003）" in html
    assert client.get(f"/discretion-benchmarks/{city_benchmark.pk}/").status_code == 200  # lower levels read it


def test_r_dis_003_the_county_refinement_in_force_takes_its_place(filed_case, handler, lead, co, item, city_benchmark):
    own = published_benchmark(item, article=city_benchmark.penalty_article)
    case = report(filed_case, handler, lead, co, fine="10000", circumstances={"cooperative": True})
    assert case.benchmark_id == own.pk
    assert case.discretion_notes[0] == "适用餐具饮具未洗净消毒裁量基准（第1版）（2026年1月1日起施行）"
