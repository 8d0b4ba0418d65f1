"""R-DIS-003 with the database: the city's benchmark for an item applies directly in the county; the county's own
benchmark for the same item and article may only refine it (checked when published, naming the tier), and once
published it is the one applied (the most specific version in force)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import food_tiers, published_benchmark
from tests.org.factories import AgencyFactory
from zhifa.discretion import services
from zhifa.discretion.errors import DiscretionError
from zhifa.discretion.models import DiscretionBenchmark
from zhifa.discretion.services import ConditionInput, TierInput

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)


@pytest.fixture
def city_item(city, item, article):
    """The same catalog item (四级四同: the same code) at the city's market regulator."""
    city_agency = AgencyFactory(region=city, name="长沙市市场监督管理局")
    return EnforcementItemFactory(agency=city_agency, in_force=True, code=item.code, penalty_basis=[article])


@pytest.fixture
def city_benchmark(city_item, article):
    return published_benchmark(city_item, article=article)


def _county_draft(item, article, tiers):
    return services.create_benchmark(
        user=None,
        enforcement_item=item,
        penalty_article=article,
        title="示范县餐具消毒裁量基准",
        legal_fine_min_amount=5000,
        legal_fine_max_amount=50000,
        tiers=tiers,
    )


def test_r_dis_003_the_upper_level_benchmark_applies_directly(item, city_benchmark):
    assert [b.pk for b in services.benchmarks_for(item=item, on=DAY)] == [city_benchmark.pk]


def test_r_dis_003_lower_benchmark_beyond_the_upper_tier_is_refused_naming_the_tier(item, article, city_benchmark):
    draft = _county_draft(item, article, food_tiers(lighter_max="20000"))
    with pytest.raises(DiscretionError) as refused:
        services.publish_benchmark(user=None, benchmark=draft, effective_on=DAY)
    assert refused.value.field == "tiers"
    assert refused.value.message == (
        "从轻阶次的罚款幅度（5,000.00元至20,000.00元）超出上级裁量基准“餐具饮具未洗净消毒裁量基准（第1版）”"
        "从轻阶次的幅度（5,000.00元至15,000.00元）（R-DIS-003）"
    )
    assert DiscretionBenchmark.objects.get(pk=draft.pk).state == "draft"
    assert [b.pk for b in services.benchmarks_for(item=item, on=DAY)] == [city_benchmark.pk]


def test_r_dis_003_a_refinement_is_published_and_then_applied_instead(item, article, city_benchmark):
    tiers = food_tiers()
    lighter = tiers[1]
    finer = TierInput(**{**lighter.__dict__, "conditions": (*lighter.conditions, ConditionInput("slight_harm"))})
    draft = _county_draft(item, article, [tiers[0], finer, *tiers[2:]])
    county = services.publish_benchmark(user=None, benchmark=draft, effective_on=DAY)
    assert [b.pk for b in services.benchmarks_for(item=item, on=DAY)] == [county.pk]
    assert [b.pk for b in services.benchmarks_for(item=item, on=date(2026, 3, 1))] == [city_benchmark.pk]
    services.suspend_benchmark(user=None, benchmark=county)  # the county's suspended: the city's applies again
    assert [b.pk for b in services.benchmarks_for(item=item, on=DAY)] == [city_benchmark.pk]


def test_r_dis_003_the_upper_level_through_the_parent_agency(item, article, agency, county):
    bureau = AgencyFactory(region=county, name="示范县市场监管综合执法大队")
    agency.parent_agency = bureau
    agency.save()
    parent_item = EnforcementItemFactory(agency=bureau, in_force=True, code="UPPER-1", penalty_basis=[article])
    item.source_item_code = "UPPER-1"
    item.save()
    upper = published_benchmark(parent_item, article=article)
    assert [b.pk for b in services.benchmarks_for(item=item, on=DAY)] == [upper.pk]
    assert services.upper_benchmark(published_benchmark(item, article=article, effective_on=DAY), on=DAY) == upper


def test_r_dis_003_lower_levels_read_the_upper_benchmark_others_do_not_see_drafts(
    handler, neighbour_handler, item, city_item, city_benchmark, article
):
    draft = services.revise_benchmark(user=None, benchmark=city_benchmark)
    assert list(DiscretionBenchmark.objects.visible_to(handler)) == [city_benchmark]
    assert draft not in DiscretionBenchmark.objects.visible_to(neighbour_handler)
