"""同事不同罚 (R-DIS-015): decided fines of one penalty article and tier compared across agencies and officers; a fine
outside its tier's range, or beyond 3 robust standard deviations from the group's median (groups of 5+), is flagged.

The decided cases are written directly (the report only reads decisions; deciding is tested elsewhere)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.cases.discretion_support import decided
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.consistency import consistency_report, outliers

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


def test_r_dis_015_groups_compare_agencies_and_officers(fines, agency, other_agency):
    for amount, where, officer in (("20000", "own", 0), ("22000", "own", 1), ("30000", "other", 0)):
        decided(fines, where, amount, officer=officer)
    decided(fines, "own", "40000", tier="heavier")
    groups = consistency_report(PenaltyCase.objects.all())
    assert [(g.tier, len(g.records)) for g in groups] == [("standard", 3), ("heavier", 1)]
    standard = groups[0]
    assert [(s.name, s.count, s.median) for s in standard.agencies] == [
        (other_agency.name, 1, Decimal("30000.00")),
        (agency.name, 2, Decimal("21000.00")),
    ]
    assert [(s.name, s.count, s.median) for s in standard.officers] == [
        ("丙", 1, Decimal("30000.00")),
        ("乙", 1, Decimal("22000.00")),
        ("甲", 1, Decimal("20000.00")),
    ]
    assert _flags(groups) == []


def test_r_dis_015_undecided_and_benchmark_free_cases_are_left_out(fines):
    kept = decided(fines, "own", "20000")
    no_benchmark = decided(fines, "own", "90000")
    PenaltyCase.objects.filter(pk=no_benchmark.pk).update(applied_benchmark=None)
    warning_only = decided(fines, "own", "0")
    assert [r.case_id for g in consistency_report(PenaltyCase.objects.all()) for r in g.records] == [kept.pk]
    assert warning_only.pk != kept.pk
