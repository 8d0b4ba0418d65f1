"""R-DIS-003 after a revision of the upper level: the county's published refinement of the city's benchmark is
re-checked against the city's version in force on each day. From the day the revised city version (从轻 narrowed to
5,000–12,000元) takes effect, the county's 从轻 5,000–15,000元 no longer fits: it is flagged (benchmark pages and the
``zhifa tick`` job) and not applied to new cases — the city's benchmark applies directly — until it is revised."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import published_benchmark, revised_benchmark
from tests.org.factories import AgencyFactory
from zhifa.discretion import services
from zhifa.discretion.scheduled import refinement_unfit

pytestmark = pytest.mark.django_db
REVISED = date(2026, 3, 10)


@pytest.fixture
def levels(city, item, article):
    city_item = EnforcementItemFactory(
        agency=AgencyFactory(region=city, name="长沙市市场监督管理局"),
        in_force=True,
        code=item.code,
        penalty_basis=[article],
    )
    city_v1 = published_benchmark(city_item, article=article)
    county = published_benchmark(item, article=article, effective_on=date(2026, 2, 1))
    city_v2 = revised_benchmark(city_v1, effective_on=REVISED, lighter_max="12000")
    return city_v1, county, city_v2


def test_r_dis_003_refinement_fits_the_day_before_the_revision_and_not_from_that_day(levels, item):
    _, county, city_v2 = levels
    assert services.unfit_refinements(on=date(2026, 3, 9)) == []
    assert [c.pk for c in services.candidates_for(item=item, on=date(2026, 3, 9)).in_force] == [county.pk]
    (found,) = services.unfit_refinements(on=REVISED)
    assert (found.benchmark.pk, found.upper.pk) == (county.pk, city_v2.pk)
    assert found.problems == [
        "从轻阶次的罚款幅度（5,000.00元至15,000.00元）超出上级裁量基准“餐具饮具未洗净消毒裁量基准（第2版）”"
        "从轻阶次的幅度（5,000.00元至12,000.00元）（R-DIS-003）"
    ]
    # not applied to new cases: the city's revised version applies directly
    assert [c.pk for c in services.candidates_for(item=item, on=REVISED).in_force] == [city_v2.pk]


def test_r_dis_003_a_revised_refinement_applies_again(levels, item):
    _, county, _ = levels
    fixed = revised_benchmark(county, effective_on=date(2026, 3, 11), lighter_max="12000")
    assert [c.pk for c in services.candidates_for(item=item, on=date(2026, 3, 11)).in_force] == [fixed.pk]
    assert services.unfit_refinements(on=date(2026, 3, 11)) == []


def test_r_dis_003_tick_job_alerts_the_unfit_refinement(levels):
    assert refinement_unfit(date(2026, 3, 9)) == []
    (line,) = refinement_unfit(REVISED)
    county_agency = levels[1].enforcement_item.agency.name
    assert line.startswith(
        f"警告：{county_agency}的裁量基准“餐具饮具未洗净消毒裁量基准（第1版）”与修订后的上级裁量基准"
        "“餐具饮具未洗净消毒裁量基准（第2版）”（长沙市市场监督管理局）不符，在修订前不适用于新案件"
    )


def test_r_dis_003_benchmark_pages_list_the_unfit_refinement(client, levels, handler):
    _, county, city_v2 = levels
    client.force_login(handler)
    with time_machine.travel("2026-03-10T02:00:00Z", tick=False):
        upper_page = client.get(f"/discretion-benchmarks/{city_v2.pk}/").content.decode()
        own_page = client.get(f"/discretion-benchmarks/{county.pk}/").content.decode()
    assert 'id="unfit-refinements"' in upper_page
    assert f'href="/discretion-benchmarks/{county.pk}/"' in upper_page
    assert 'id="refinement-misfit"' in own_page
    assert "暂停适用于新案件，上级基准直接适用，请修订本基准（R-DIS-003）" in own_page
    before = client.get(f"/discretion-benchmarks/{county.pk}/").content.decode()  # 2 March: still fits version 1
    assert 'id="refinement-misfit"' not in before
