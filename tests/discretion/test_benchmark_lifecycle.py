"""A benchmark's life (R-DIS-001/002): created as 草稿 for an item and one of its penalty articles, published only
when valid and the article is in force, revised into a new version that supersedes the old one on its effective
day; suspended benchmarks are not applied; every change is on the ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.discretion.factories import food_tiers, published_benchmark, revised_benchmark
from tests.laws.factories import ArticleFactory, LawVersionFactory
from tests.org.factories import UserFactory
from zhifa.core.errors import PermissionDenied
from zhifa.discretion import services
from zhifa.discretion.errors import BenchmarkStateConflict, DiscretionError
from zhifa.discretion.models import DiscretionBenchmark
from zhifa.discretion.services import TierInput
from zhifa.ledger.models import Event
from zhifa.org.choices import Role

pytestmark = pytest.mark.django_db


def _draft(item, article, user=None, tiers=None):
    return services.create_benchmark(
        user=user,
        enforcement_item=item,
        penalty_article=article,
        title="餐具消毒裁量基准",
        legal_fine_min_amount=Decimal("5000"),
        legal_fine_max_amount=Decimal("50000"),
        tiers=food_tiers() if tiers is None else tiers,
    )


def test_r_dis_001_draft_is_not_applied_until_published(item, article):
    draft = _draft(item, article)
    assert services.benchmarks_for(item=item, on=date(2026, 3, 2)) == []
    services.publish_benchmark(user=None, benchmark=draft, effective_on=date(2026, 3, 2))
    assert [b.pk for b in services.benchmarks_for(item=item, on=date(2026, 3, 2))] == [draft.pk]
    assert services.benchmarks_for(item=item, on=date(2026, 3, 1)) == []  # the day before it takes effect
    assert [e.event_type for e in Event.objects.filter(subject_id=str(draft.pk)).order_by("sequence")] == [
        "discretion_benchmark.created",
        "discretion_benchmark.published",
    ]


def test_r_dis_001_article_must_be_a_penalty_basis_of_the_item(item, other_item, article):
    with pytest.raises(DiscretionError) as refused:
        _draft(other_item, article)
    assert refused.value.message == f"{article.citation}不是“{other_item.name}”的处罚依据（R-DIS-001）"
    assert DiscretionBenchmark.objects.count() == 0


def test_r_dis_001_publishing_on_a_repealed_article_is_refused(item):
    old = ArticleFactory(
        version=LawVersionFactory(label="2017年修正", effective_on=date(2017, 1, 1), repealed_on=date(2021, 7, 15))
    )
    item.penalty_basis.add(old)
    draft = _draft(item, old)
    with pytest.raises(DiscretionError) as refused:
        services.publish_benchmark(user=None, benchmark=draft, effective_on=date(2026, 3, 2))
    assert "在2026年3月2日不是现行有效版本，请依现行法律修订基准（R-DIS-001）" in refused.value.message
    assert DiscretionBenchmark.objects.get(pk=draft.pk).state == "draft"


def test_r_dis_002_invalid_tiers_are_refused_at_publish_and_nothing_changes(item, article):
    tiers = food_tiers()
    tiers[2] = TierInput("standard", "", "any", Decimal("14000"), Decimal("35000"), allowed_kinds=("fine",))
    draft = _draft(item, article, tiers=tiers)
    with pytest.raises(DiscretionError) as refused:
        services.publish_benchmark(user=None, benchmark=draft)
    assert refused.value.message == "从轻与一般阶次的幅度重叠（R-DIS-002）"
    assert DiscretionBenchmark.objects.get(pk=draft.pk).state == "draft"


def test_r_dis_002_a_tier_outside_the_legal_range_is_refused_when_added(item, article):
    draft = _draft(item, article, tiers=[])
    with pytest.raises(DiscretionError) as refused:
        services.add_tier(
            user=None,
            benchmark=draft,
            tier=TierInput("heavier", "", "any", Decimal("35000"), Decimal("60000"), allowed_kinds=("fine",)),
        )
    assert refused.value.message == "从重阶次的罚款幅度超出法定幅度（R-DIS-002）"
    assert draft.tiers.count() == 0


def test_r_dis_001_revision_supersedes_on_its_effective_day(item, article):
    first = published_benchmark(item, article=article)
    second = revised_benchmark(first, effective_on=date(2026, 4, 1), lighter_max="12000")
    first.refresh_from_db()
    assert (first.state, first.ended_on, second.state, second.version) == (
        "superseded",
        date(2026, 4, 1),
        "in_force",
        2,
    )
    assert services.applicable_for(item=item, article_id=article.pk, on=date(2026, 3, 31)).pk == first.pk
    assert services.applicable_for(item=item, article_id=article.pk, on=date(2026, 4, 1)).pk == second.pk


def test_revision_cannot_take_effect_before_the_version_it_replaces(item, article):
    first = published_benchmark(item, article=article)
    revision = services.revise_benchmark(user=None, benchmark=first)
    with pytest.raises(DiscretionError) as refused:
        services.publish_benchmark(user=None, benchmark=revision, effective_on=date(2026, 1, 1))
    assert refused.value.message == "新版本的生效日期应晚于上一版本的生效日期（2026年1月1日）"
    assert DiscretionBenchmark.objects.get(pk=first.pk).state == "in_force"


def test_only_one_draft_revision_at_a_time(item, article):
    first = published_benchmark(item, article=article)
    services.revise_benchmark(user=None, benchmark=first)
    with pytest.raises(BenchmarkStateConflict):
        services.revise_benchmark(user=None, benchmark=first)


def test_suspended_benchmark_is_not_applied_and_resumes(item, article):
    benchmark = published_benchmark(item, article=article)
    services.suspend_benchmark(user=None, benchmark=benchmark)
    assert services.benchmarks_for(item=item, on=date(2026, 3, 2)) == []
    candidates = services.candidates_for(item=item, on=date(2026, 3, 2))
    assert (candidates.in_force, [b.pk for b in candidates.suspended]) == ([], [benchmark.pk])  # named, not applied
    services.resume_benchmark(user=None, benchmark=benchmark)
    assert len(services.benchmarks_for(item=item, on=date(2026, 3, 2))) == 1


def test_abolished_draft_never_applies(item, article):
    draft = _draft(item, article)
    services.abolish_benchmark(user=None, benchmark=draft)
    draft.refresh_from_db()
    assert (draft.state, draft.ended_on) == ("abolished", None)
    assert services.benchmarks_for(item=item, on=date(2026, 3, 2)) == []


def test_permissions_follow_the_item_list(item, article, handler, agency_admin, bureau_admin, other_item):
    other_admin = UserFactory(agency=other_item.agency, roles=[Role.AGENCY_ADMIN])
    for user in (handler, other_admin):
        with pytest.raises(PermissionDenied) as refused:
            _draft(item, article, user=user)
        assert refused.value.message == "您没有维护该执法主体裁量基准的权限"
    assert DiscretionBenchmark.objects.count() == 0
    draft = _draft(item, article, user=agency_admin)
    assert services.publish_benchmark(user=bureau_admin, benchmark=draft).state == "in_force"


def test_r_dis_001_scheduled_alert_when_the_article_is_no_longer_in_force(item, article):
    from zhifa.discretion.scheduled import benchmark_law_changed

    published_benchmark(item, article=article)
    assert benchmark_law_changed(date(2026, 3, 2)) == []
    LawVersionFactory(law=article.version.law, label="2026年修正", effective_on=date(2026, 6, 1))
    assert benchmark_law_changed(date(2026, 6, 1)) == [
        f"警告：{item.agency.name}的裁量基准“餐具饮具未洗净消毒裁量基准”（第1版）所依据的《行政处罚法》第一百二十六条"
        "（2021年修订）已不是现行有效版本，请依现行法律修订（R-DIS-001）"
    ]
