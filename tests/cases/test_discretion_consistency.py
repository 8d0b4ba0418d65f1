"""同事不同罚 (R-DIS-015): decided fines of one penalty article and tier compared with each other (a tier ranged as a
multiple: fine ÷ base); a fine outside its tier's range, or beyond 3 robust standard deviations from the group's
median (groups of 5+), is flagged. Figures per group only, none per officer or agency (R-DAT-005).

The decided cases are written directly (the report only reads decisions; deciding is tested elsewhere)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.cases.discretion_support import decided
from tests.discretion.factories import published_multiple_benchmark
from tests.personnel.factories import OfficerFactory
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.consistency import FineRecord, consistency, consistency_report, outliers

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.discretion_fixtures"]  # fines, discussion


def _flags(groups):
    return [(r.case_number, r.fine, r.reasons) for r in outliers(groups)]


@pytest.mark.parametrize(("fine", "flagged"), [("26650.00", False), ("26650.01", True)])
def test_r_dis_015_robust_outlier_exactly_at_and_above_the_threshold(fines, fine, flagged):
    """Median 20,500, MAD 500 → scale max(741.30, 2,050) = 2,050; 3 × 2,050 = 6,150 → 26,650 is the last fine not flagged."""
    for amount, where in (("20000", "own"), ("20000", "own"), ("20000", "other"), ("21000", "own"), ("22000", "other")):
        decided(fines, where, amount)
    odd = decided(fines, "other", fine)
    groups = consistency_report(PenaltyCase.objects.all())
    assert [(g.article, g.tier, len(g.records), g.median, g.mad) for g in groups] == [
        ("《行政处罚法》第一百二十六条", "standard", 6, Decimal("20500.00"), Decimal("500.00"))
    ]
    expected = [
        (
            odd.case_number,
            Decimal(fine),
            (f"畸重：罚款{Decimal(fine):,.2f}元偏离同类案件中位数20,500.00元超过3倍稳健标准差（2,050.00元）",),
        )
    ]
    assert _flags(groups) == (expected if flagged else [])


def test_r_dis_015_fine_outside_the_tier_is_flagged_in_any_group_size(fines):
    decided(fines, "own", "15000", tier="lighter")
    outside = decided(fines, "own", "15000.01", tier="lighter")
    groups = consistency_report(PenaltyCase.objects.all())
    assert _flags(groups) == [
        (
            outside.case_number,
            Decimal("15000.01"),
            ("罚款15,000.01元超出从轻阶次幅度（5,000.00元至15,000.00元）",),
        )
    ]
    assert groups[0].compared is False  # two fines: no robust comparison


def test_r_dat_005_groups_give_no_figures_per_officer_or_agency(fines):
    """Fines appear as totals only, never as rankings or performance of people or units (R-DAT-005)."""
    for amount, where, officer in (("20000", "own", 0), ("22000", "own", 1), ("30000", "other", 0)):
        decided(fines, where, amount, officer=officer)
    decided(fines, "own", "40000", tier="heavier")
    groups = consistency_report(PenaltyCase.objects.all())
    assert [(g.tier, g.measure, len(g.records), g.median) for g in groups] == [
        ("standard", "amount", 3, Decimal("22000.00")),
        ("heavier", "amount", 1, Decimal("40000.00")),
    ]
    assert not hasattr(groups[0], "officers") and not hasattr(groups[0], "agencies")
    assert "officer_name" not in FineRecord.__dataclass_fields__
    assert _flags(groups) == []


@pytest.fixture
def by_multiple(agency, item, company):
    """A benchmark ranged as 10–20 times the goods value (一般 13–17 times)."""
    return {
        "own": (item, published_multiple_benchmark(item)),
        "officers": {agency.pk: [OfficerFactory(agency=agency, name="甲")]},
        "party": company,
    }


def test_r_dis_015_multiples_are_compared_not_raw_amounts(by_multiple):
    """Fines of 15,000 to 150,000元 are all 15 times their goods value: nothing is odd about any of them."""
    for goods in ("1000", "2000", "3000", "1000", "10000"):
        decided(by_multiple, "own", str(Decimal(goods) * 15), circumstances={"goods_value": f"{goods}.00"})
    report = consistency(PenaltyCase.objects.all())
    [group] = report.groups
    assert (group.measure, group.unit, len(group.records), group.median, group.mad) == (
        "multiple",
        "倍",
        5,
        Decimal("15.00"),
        Decimal("0.00"),
    )
    assert _flags(report.groups) == []
    assert group.records[-1].value_text == "货值金额10,000.00元的15倍"


def test_r_dis_015_a_multiple_outside_its_tier_is_flagged(by_multiple):
    decided(by_multiple, "own", "26000", circumstances={"goods_value": "2000.00"})  # 13 times: the tier's floor
    low = decided(by_multiple, "own", "25999.99", circumstances={"goods_value": "2000.00"})
    assert _flags(consistency_report(PenaltyCase.objects.all())) == [
        (low.case_number, Decimal("25999.99"), ("罚款25,999.99元超出一般阶次幅度（26,000.00元至34,000.00元）",))
    ]


def test_r_dis_015_a_multiple_without_its_base_is_left_out_with_the_reason(by_multiple):
    kept = decided(by_multiple, "own", "30000", circumstances={"goods_value": "2000.00"})
    unknown = decided(by_multiple, "own", "30000")
    report = consistency(PenaltyCase.objects.all())
    assert [r.case_id for g in report.groups for r in g.records] == [kept.pk]
    assert [(x.case_id, x.reason) for x in report.excluded] == [
        (unknown.pk, "该阶次按货值金额的倍数计罚，但案件未记录货值金额，无法折算倍数，未参与比较")
    ]


def test_r_dis_015_undecided_and_benchmark_free_cases_are_left_out(fines):
    kept = decided(fines, "own", "20000")
    no_benchmark = decided(fines, "own", "90000")
    PenaltyCase.objects.filter(pk=no_benchmark.pk).update(applied_benchmark=None)
    warning_only = decided(fines, "own", "0")
    assert [r.case_id for g in consistency_report(PenaltyCase.objects.all()) for r in g.records] == [kept.pk]
    assert warning_only.pk != kept.pk
