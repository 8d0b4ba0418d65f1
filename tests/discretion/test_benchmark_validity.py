"""R-DIS-002: a benchmark's tiers lie inside the statutory range, follow each other without gap or overlap and
cover it; 减轻 lies below the minimum (R-DIS-007). Pure: no database."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.discretion.specs import FOOD, MULTIPLE
from zhifa.discretion.validity import benchmark_problems

D = Decimal


def _with_tier(spec, tier, **changes):
    return replace(spec, tiers=tuple(replace(t, **changes) if t.tier == tier else t for t in spec.tiers))


def test_r_dis_002_the_example_benchmarks_are_valid():
    assert benchmark_problems(FOOD) == []
    assert benchmark_problems(MULTIPLE) == []


def test_r_dis_002_overlapping_tiers_are_refused():
    spec = _with_tier(FOOD, "standard", fine_min=D("14999.99"))
    assert benchmark_problems(spec) == ["从轻与一般阶次的幅度重叠（R-DIS-002）"]


def test_r_dis_002_one_cent_apart_is_contiguous_two_cents_is_a_gap():
    assert benchmark_problems(_with_tier(FOOD, "standard", fine_min=D("15000.01"))) == []
    assert benchmark_problems(_with_tier(FOOD, "standard", fine_min=D("15000.02"))) == [
        "从轻与一般阶次的幅度之间有空档（R-DIS-002）"
    ]


def test_r_dis_002_a_tier_outside_the_legal_range_is_refused():
    spec = _with_tier(FOOD, "heavier", fine_max=D("50000.01"))
    assert benchmark_problems(spec) == [
        "从重阶次的罚款幅度超出法定幅度（R-DIS-002）",
        "从重阶次应至法定幅度上限止（R-DIS-002）",
    ]


def test_r_dis_002_tiers_must_cover_the_legal_range():
    spec = _with_tier(FOOD, "lighter", fine_min=D("6000"))
    assert benchmark_problems(spec) == ["从轻阶次应自法定幅度下限起算（R-DIS-002）"]


def test_r_dis_007_mitigated_tier_must_stay_below_the_minimum():
    spec = _with_tier(FOOD, "mitigated", fine_max=D("5000"))
    assert benchmark_problems(spec) == ["减轻阶次的罚款应低于法定最低罚款5,000.00元（R-DIS-007）"]


def test_r_dis_002_standard_tier_is_required_and_has_no_conditions():
    spec = replace(FOOD, tiers=tuple(t for t in FOOD.tiers if t.tier != "standard"))
    assert "裁量基准须有一般阶次（R-DIS-002）" in benchmark_problems(spec)
    lighter = next(t for t in FOOD.tiers if t.tier == "lighter")
    conditioned = _with_tier(FOOD, "standard", conditions=lighter.conditions)
    assert benchmark_problems(conditioned) == ["一般阶次是未符合其他阶次条件时适用的阶次，不设条件（R-DIS-002）"]


def test_r_dis_002_tier_rules_on_kinds():
    assert benchmark_problems(_with_tier(FOOD, "standard", allowed_kinds=frozenset({"warning"}))) == [
        "一般阶次规定了罚款幅度，可选种类须包括罚款（R-DIS-002）"
    ]
    assert benchmark_problems(_with_tier(FOOD, "no_penalty", allowed_kinds=frozenset({"warning"}))) == [
        "不予处罚阶次不得规定处罚种类或幅度（R-DIS-002）"
    ]
