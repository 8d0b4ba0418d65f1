"""The demo benchmarks, 免罚清单 and the cases decided with them (issue #6): at least ten items across three
agencies, a published list, the 同事不同罚 outlier and a 首违不罚 case closed with its measures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction

from zhifa.cases.choices import ClosingReason, PenaltyCaseState
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.consistency import consistency_report, outliers
from zhifa.demo import catalog, laws, org, parties, personnel
from zhifa.demo import discretion as demo_discretion
from zhifa.demo.context import DemoContext
from zhifa.discretion.choices import DiscretionBenchmarkState
from zhifa.discretion.models import DiscretionBenchmark, ExemptionList
from zhifa.discretion.services import benchmarks_for, unfit_refinements, upper_benchmark


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The county without the ~200 other demo cases, loaded once for the module and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = DemoContext()
        for loader in (org.load, personnel.load, laws.load, catalog.load, parties.load, demo_discretion.load):
            loader(ctx)
        yield ctx
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo, db):
    return demo


def test_demo_has_benchmarks_for_at_least_ten_items_of_three_agencies(loaded):
    live = DiscretionBenchmark.objects.filter(state=DiscretionBenchmarkState.IN_FORCE)
    assert live.values("enforcement_item").distinct().count() == 13  # 11 county items + 2 of the city's
    assert live.values("enforcement_item__agency").distinct().count() == 5
    suspended = DiscretionBenchmark.objects.get(state=DiscretionBenchmarkState.SUSPENDED)
    assert suspended.enforcement_item.name.startswith("对在禁止的时段和区域内露天烧烤食品")
    revised = DiscretionBenchmark.objects.get(state=DiscretionBenchmarkState.SUPERSEDED)
    assert (revised.version, str(revised.ended_on)) == (1, "2026-07-01")


def test_demo_no_penalty_lists_are_published_with_eight_entries(loaded):
    lists = ExemptionList.objects.order_by("agency__name")
    assert [(x.agency.name, x.state, x.entries.count()) for x in lists] == [
        ("示范县司法局", "in_force", 3),
        ("示范县城市管理和综合执法局", "in_force", 2),
        ("示范县市场监督管理局", "in_force", 3),
    ]


def test_r_dis_015_demo_consistency_flags_the_one_fine_far_from_its_group(loaded):
    groups = consistency_report(PenaltyCase.objects.all())
    flagged = outliers(groups)
    assert [(r.agency_name, r.fine) for r in flagged] == [("示范县交通运输局", Decimal("48000.00"))]
    training = next(g for g in groups if g.article == "《安全生产法》第九十七条第（三）项")
    assert (len(training.records), training.median) == (6, Decimal("30000.00"))
    assert {r.agency_name for r in training.records} == {"示范县应急管理局", "示范县交通运输局"}


def test_r_dis_004_demo_case_decided_in_april_used_the_first_version(loaded):
    fumes = PenaltyCase.objects.filter(enforcement_item__name__startswith="对餐饮服务业经营者超过排放标准")
    april = fumes.get(decided_on__month=4)
    september = fumes.get(fine_amount=Decimal("40000"))
    assert (april.applied_benchmark.version, september.applied_benchmark.version) == (1, 2)
    assert (september.applied_tier, april.applied_tier) == ("heavier", "standard")


def test_r_dis_013_demo_first_violation_case_is_closed_with_its_measures(loaded):
    case = loaded.extra["discretion"]["first_violation_case"]
    case.refresh_from_db()
    assert (case.state, case.closing_reason) == (PenaltyCaseState.CLOSED, ClosingReason.NO_PENALTY)
    assert [m.kind for m in case.flexible_measures.all()] == ["reminder", "guidance"]
    assert case.correction_order == "餐具、饮具使用前应当洗净、消毒，建立清洗消毒记录"


def test_r_dis_001_demo_case_decided_while_the_benchmark_was_suspended(loaded):
    case = loaded.extra["discretion"]["suspended_benchmark_case"]
    case.refresh_from_db()
    assert (case.state, case.applied_benchmark_id) == (PenaltyCaseState.CLOSED, None)
    assert "没有现行有效的裁量基准" in case.applied_discretion[0]


def test_r_dis_003_demo_city_benchmark_applied_directly_and_refined_by_the_county(loaded):
    made = loaded.extra["discretion"]
    case = made["city_benchmark_case"]
    case.refresh_from_db()
    packaging = made["city_benchmarks"]["对生产经营被包装材料、容器、运输工具等污染的食品的行政处罚"]
    assert case.applied_benchmark_id == packaging.pk
    assert "（上级长沙市市场监督管理局制定，直接适用，R-DIS-003）" in case.applied_discretion[0]
    dishes = made["benchmarks"][("scjg", "对餐具、饮具使用前未经洗净、消毒的行政处罚")]
    assert upper_benchmark(dishes, on=date(2026, 11, 20)) == made["city_benchmarks"][dishes.enforcement_item.name]
    assert unfit_refinements(on=date(2026, 11, 20)) == []  # the county's refinement fits the city's
    assert [b.pk for b in benchmarks_for(item=dishes.enforcement_item, on=date(2026, 11, 20))] == [dishes.pk]


def test_r_dis_011_demo_first_violation_entry_punished_with_a_written_reason(loaded):
    case = loaded.extra["discretion"]["punished_first_violation"]
    case.refresh_from_db()
    assert (case.decision_kind, case.circumstances["first_violation"]) == ("penalty", True)
    assert case.deviation_reason.startswith("当事人虽系初次违法")
    assert any("首违不罚" in line for line in case.applied_discretion)
