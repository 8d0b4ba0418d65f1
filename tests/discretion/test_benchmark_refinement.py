"""R-DIS-003, pure: a lower-level benchmark refines the upper-level one only inside its tiers — the same statutory
range, only the upper level's tiers, each range inside the upper tier's, no other kinds, every required kind.
Each refusal names the tier."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.discretion.specs import FOOD, MULTIPLE, SLIGHT
from zhifa.discretion.specs import ConditionSpec
from zhifa.discretion.validity import refinement_problems

D = Decimal
UPPER = replace(FOOD, label="长沙市餐具消毒裁量基准（第1版）")


def _with_tier(spec, tier, **changes):
    return replace(spec, tiers=tuple(replace(t, **changes) if t.tier == tier else t for t in spec.tiers))


def test_r_dis_003_same_ranges_with_finer_conditions_and_fewer_kinds_is_a_refinement():
    lighter = next(t for t in FOOD.tiers if t.tier == "lighter")
    lower = _with_tier(FOOD, "lighter", conditions=(*lighter.conditions, ConditionSpec(SLIGHT)))
    lower = _with_tier(lower, "standard", allowed_kinds=frozenset({"fine"}))
    assert refinement_problems(UPPER, lower) == []


def test_r_dis_003_a_tier_range_beyond_the_upper_tier_is_refused_naming_the_tier():
    lower = _with_tier(FOOD, "lighter", fine_max=D("15000.01"))
    assert refinement_problems(UPPER, lower) == [
        "从轻阶次的罚款幅度（5,000.00元至15,000.01元）超出上级裁量基准“长沙市餐具消毒裁量基准（第1版）”从轻阶次的幅度"
        "（5,000.00元至15,000.00元）（R-DIS-003）"
    ]
    inside = _with_tier(FOOD, "lighter", fine_min=D("5000.00"), fine_max=D("15000.00"))
    assert refinement_problems(UPPER, inside) == []


def test_r_dis_003_a_tier_the_upper_level_does_not_have_is_refused():
    upper = replace(UPPER, tiers=tuple(t for t in FOOD.tiers if t.tier != "mitigated"))
    assert refinement_problems(upper, FOOD) == [
        "上级裁量基准“长沙市餐具消毒裁量基准（第1版）”未规定减轻阶次，下级基准只能在上级阶次内细化（R-DIS-003）"
    ]


def test_r_dis_003_kinds_stay_inside_and_required_kinds_stay_required():
    lower = _with_tier(FOOD, "standard", allowed_kinds=frozenset({"warning", "fine", "confiscate_gains"}))
    lower = _with_tier(lower, "heavier", required_kinds=frozenset())
    assert refinement_problems(UPPER, lower) == [
        "一般阶次的处罚种类“没收违法所得”不在上级裁量基准该阶次的可选种类内（R-DIS-003）",
        "从重阶次应与上级裁量基准一致并处罚款（R-DIS-003）",
    ]


def test_r_dis_003_statutory_range_and_measure_must_match():
    lower = replace(FOOD, legal_fine_max=D("60000"))
    assert refinement_problems(UPPER, lower) == [
        "法定幅度应与上级裁量基准“长沙市餐具消毒裁量基准（第1版）”一致（R-DIS-003）"
    ]
    by_multiple = replace(MULTIPLE, legal_fine_min=FOOD.legal_fine_min, legal_fine_max=FOOD.legal_fine_max)
    upper = replace(by_multiple, legal_multiple_min=None, legal_multiple_max=None, tiers=FOOD.tiers[2:])
    lower = replace(by_multiple, legal_multiple_min=None, legal_multiple_max=None)
    assert refinement_problems(upper, lower)[0] == (
        "从轻阶次应与上级裁量基准“无证经营裁量基准（第1版）”从轻阶次一致按罚款金额规定幅度（R-DIS-003）"
    )
