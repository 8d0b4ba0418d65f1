"""The statutory range of the article (R-PEN-001, R-DIS-002, R-DIS-007), checked on every proposal whatever the
benchmark says and also without one: above the maximum never; below the minimum only as 减轻 on a statutory
ground. A refusal, which no reason or collective discussion can lift (not a deviation)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.discretion.specs import FOOD, LAW, MULTIPLE
from zhifa.discretion.assessment import Proposal, assess, check_law

D = Decimal
ABOVE = "拟罚款50,000.01元超出法定幅度（5,000.00元至50,000.00元），裁量基准和集体讨论均不能突破（R-PEN-001、R-DIS-002）"


def fine(amount: str) -> Proposal:
    return Proposal(frozenset({"fine"}), D(amount))


@pytest.mark.parametrize(("amount", "refused"), [("50000.00", False), ("50000.01", True)])
def test_r_pen_001_above_the_statutory_maximum_is_refused_even_in_the_heaviest_tier(amount, refused):
    result = assess(FOOD, {"repeat_violation": True}, fine(amount))
    assert result.matched_tier == "heavier"
    assert (result.refusals, result.fine_refused) == (((ABOVE,), True) if refused else ((), False))
    if not refused:
        assert "拟罚款50,000.00元在法定幅度（5,000.00元至50,000.00元）内" in result.reasons


def test_r_pen_001_above_the_maximum_is_refused_when_the_handler_chose_a_tier_too():
    """Choosing another tier is a deviation a discussion may approve; the statutory maximum is not."""
    result = assess(FOOD, {}, fine("60000"), chosen="heavier")
    assert result.refusals == (
        "拟罚款60,000.00元超出法定幅度（5,000.00元至50,000.00元），裁量基准和集体讨论均不能突破（R-PEN-001、R-DIS-002）",
    )


@pytest.mark.parametrize(("amount", "refused"), [("4999.99", True), ("5000.00", False)])
def test_r_dis_007_below_the_statutory_minimum_is_refused_unless_mitigated(amount, refused):
    result = assess(FOOD, {"cooperative": True}, fine(amount))
    expected = (
        (
            "拟罚款4,999.99元低于法定幅度（5,000.00元至50,000.00元）；低于法定最低罚款只能是有法定减轻情节的减轻处罚"
            "（R-DIS-007）",
        )
        if refused
        else ()
    )
    assert result.refusals == expected


def test_r_dis_007_below_the_minimum_as_mitigation_on_a_statutory_ground_is_lawful():
    result = assess(FOOD, {"confessed": True}, fine("4999.99"), chosen="mitigated")
    assert result.refusals == ()
    assert "依法减轻处罚：拟罚款4,999.99元低于法定最低罚款5,000.00元（R-DIS-007）" in result.reasons


@pytest.mark.parametrize(("amount", "refused"), [("40000.00", False), ("40000.01", True), ("19999.99", True)])
def test_r_dis_002_multiple_of_the_base_is_the_statutory_range(amount, refused):
    """货值金额2,000元 × 10–20 = 20,000–40,000元."""
    result = assess(MULTIPLE, {"goods_value": D("2000"), "repeat_violation": True}, fine(amount))
    assert bool(result.refusals) is refused
    assert result.fine_refused is refused


def test_r_pen_001_without_a_benchmark_the_law_alone_still_checks_the_range():
    assert check_law(LAW, {}, fine("50000.01")).refusals == (ABOVE,)
    lawful = check_law(LAW, {}, fine("20000"))
    assert (lawful.refusals, lawful.reasons) == ((), ("拟罚款20,000.00元在法定幅度（5,000.00元至50,000.00元）内",))


def test_r_dis_011_without_a_benchmark_the_mandatory_no_penalty_is_still_refused():
    ticked = {"minor_violation": True, "corrected_in_time": True, "no_harm": True}
    assert check_law(LAW, ticked, fine("5000")).refusals == (
        "依法应当不予行政处罚，不得给予处罚（R-DIS-008、R-DIS-009、R-DIS-011）",
    )


def test_warning_only_is_not_checked_against_a_fine_range():
    assert assess(FOOD, {"cooperative": True}, Proposal(frozenset({"warning"}))).refusals == ()
