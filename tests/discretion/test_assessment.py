"""The pure assessment (no database): which tier the circumstances lead to, and whether a proposal fits it —
each fine and amount exactly at, below and above a tier boundary (R-DIS-004, R-TIME-006)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.discretion.specs import FOOD, LAW, MULTIPLE
from zhifa.discretion.assessment import Proposal, assess, check_law, matched_tier

D = Decimal


def fine(amount: str, *kinds: str) -> Proposal:
    return Proposal(frozenset(kinds or ("fine",)), D(amount))


@pytest.mark.parametrize(
    ("amount", "fits"),
    [
        ("5000.00", True),  # the statutory minimum (4,999.99 is below it: refused, see test_statutory_range)
        ("5000.01", True),
        ("14999.99", True),
        ("15000.00", True),
        ("15000.01", False),
    ],
)
def test_r_dis_004_fine_at_below_and_above_the_lighter_tier_bounds(amount, fits):
    result = assess(FOOD, {"cooperative": True}, fine(amount))
    assert result.matched_tier == "lighter"
    assert result.fits is fits
    assert result.refusals == ()
    if not fits:
        assert result.deviations == (
            f"拟罚款{D(amount):,.2f}元不在从轻阶次幅度（5,000.00元至15,000.00元）内（R-DIS-005）",
        )
        assert result.needs_discussion


@pytest.mark.parametrize(
    ("amount", "fits"), [("14999.99", False), ("15000.00", True), ("35000.00", True), ("35000.01", False)]
)
def test_r_dis_004_shared_endpoint_belongs_to_both_adjacent_tiers(amount, fits):
    result = assess(FOOD, {}, fine(amount))
    assert (result.matched_tier, result.fits) == ("standard", fits)


@pytest.mark.parametrize(
    ("goods", "tier"),
    [
        ("999.99", "lighter"),
        ("1000.00", "lighter"),  # 1000元以下 includes 1000 (R-TIME-006)
        ("1000.01", "standard"),
        ("9999.99", "standard"),
        ("10000.00", "heavier"),  # 10000元以上 includes 10000
        ("10000.01", "heavier"),
    ],
)
def test_r_dis_004_amount_circumstance_at_below_and_above_its_thresholds(goods, tier):
    assert matched_tier(FOOD, {"goods_value": D(goods)})[0] == tier


def test_r_dis_004_no_circumstance_means_the_standard_tier_and_says_so():
    tier, reasons = matched_tier(FOOD, {})
    assert tier == "standard"
    assert reasons == ["未勾选从轻、减轻、从重或不予处罚情节，适用一般阶次", "情节对应阶次：一般（R-DIS-004）"]


def test_r_dis_004_lighter_and_heavier_together_weigh_out_to_standard():
    tier, reasons = matched_tier(FOOD, {"cooperative": True, "repeat_violation": True})
    assert tier == "standard"
    assert "从轻（减轻）情节与从重情节并存，综合裁量适用一般阶次" in reasons


def test_r_dis_004_all_conditions_needed_for_the_no_penalty_tier():
    assert matched_tier(FOOD, {"first_violation": True, "slight_harm": True})[0] == "standard"
    assert (
        matched_tier(FOOD, {"first_violation": True, "slight_harm": True, "corrected_in_time": True})[0] == "no_penalty"
    )


def test_r_dis_010_mandatory_lighter_circumstance_caps_the_tier_even_with_a_heavier_one():
    result = assess(FOOD, {"harm_removed": True, "repeat_violation": True}, fine("10000"))
    assert result.matched_tier == "lighter"
    assert result.fits


def test_r_dis_010_heavier_tier_refused_when_the_law_requires_lighter():
    result = assess(FOOD, {"harm_removed": True}, fine("40000"), chosen="heavier")
    assert result.refusals == ("依法最重只能适用从轻，不得适用从重阶次（R-DIS-008、R-DIS-010、R-DIS-011）",)
    assert not result.fits


def test_r_dis_011_minor_corrected_without_harm_is_no_penalty_whatever_the_benchmark_says():
    ticked = {"minor_violation": True, "corrected_in_time": True, "no_harm": True}
    assert matched_tier(FOOD, ticked)[0] == "no_penalty"
    punished = assess(FOOD, ticked, fine("5000"))
    assert punished.refusals == ("依法应当不予行政处罚，不得给予处罚（R-DIS-008、R-DIS-009、R-DIS-011）",)
    spared = assess(FOOD, ticked, Proposal(frozenset()))
    assert spared.fits and spared.chosen_tier == "no_penalty"


def test_r_dis_008_under_14_is_no_penalty():
    assert matched_tier(FOOD, {"under_14": True})[0] == "no_penalty"


def test_r_dis_007_mitigated_only_on_a_statutory_ground():
    refused = assess(FOOD, {"cooperative": True}, fine("3000"), chosen="mitigated")
    assert "减轻处罚须有法定减轻情节，请勾选相应情节（R-DIS-007）" in refused.refusals
    allowed = assess(FOOD, {"confessed": True}, fine("3000"), chosen="mitigated")
    assert allowed.refusals == ()
    assert allowed.matched_tier == "mitigated" and allowed.fits


def test_r_dis_005_choosing_another_tier_is_a_deviation():
    result = assess(FOOD, {"cooperative": True}, fine("20000"), chosen="standard")
    assert result.deviations == ("选择的阶次（一般）与情节对应的阶次（从轻）不一致（R-DIS-005）",)
    assert result.needs_reason and result.needs_discussion


def test_r_dis_005_kinds_outside_the_tier_and_missing_required_kinds_are_deviations():
    result = assess(FOOD, {"repeat_violation": True}, Proposal(frozenset({"warning", "suspend_license"})))
    assert result.deviations == (
        "处罚种类“暂扣许可证件”不在从重阶次可选种类（警告、罚款、没收违法所得）内（R-DIS-005）",
        "从重阶次应当并处罚款（R-DIS-005）",
    )


def test_r_dis_011_first_violation_slight_harm_corrected_may_go_unpunished_punishing_needs_a_reason():
    """处罚法第33条第1款第二句: a reason, not a discussion (no benchmark tier says otherwise here)."""
    first = {"first_violation": True, "slight_harm": True, "corrected_in_time": True}
    result = check_law(LAW, first, fine("20000"))
    assert result.refusals == ()
    assert result.warnings == (
        "当事人初次违法、危害后果轻微并及时改正，依法可以不予行政处罚；仍拟给予处罚的，须说明理由（R-DIS-011）",
    )
    assert result.needs_reason and not result.needs_discussion
    assert check_law(LAW, first, Proposal(frozenset())).warnings == ()  # not punished: nothing to explain


@pytest.mark.parametrize("missing", ["first_violation", "slight_harm", "corrected_in_time"])
def test_r_dis_011_a_first_violation_alone_needs_no_reason(missing):
    first = {"first_violation": True, "slight_harm": True, "corrected_in_time": True}
    del first[missing]
    assert check_law(LAW, first, fine("20000")).warnings == ()


@pytest.mark.parametrize(
    ("amount", "fits"), [("25999.99", False), ("26000.00", True), ("34000.00", True), ("34000.01", False)]
)
def test_r_dis_004_multiple_of_goods_value_at_its_bounds(amount, fits):
    result = assess(MULTIPLE, {"goods_value": D("2000")}, fine(amount))  # 13–17 × 2,000元
    assert (result.matched_tier, result.fits) == ("standard", fits)
    assert result.fine_range == (D("26000.00"), D("34000.00"))


def test_r_dis_004_multiple_without_its_base_cannot_be_checked():
    result = assess(MULTIPLE, {}, fine("30000"))
    assert result.deviations == ("一般阶次按货值金额的倍数计罚，但未填写货值金额，无法核对罚款幅度（R-DIS-004）",)
    assert result.refusals == (  # nor against the law: a multiple needs its base (R-DIS-002)
        "法定罚款为货值金额的10至20倍，请填写货值金额，否则无法核对罚款是否在法定幅度内（R-DIS-002）",
    )


def test_an_unknown_tier_is_refused():
    assert assess(FOOD, {}, fine("20000"), chosen="lenient").refusals == ("裁量阶次“lenient”无效",)
