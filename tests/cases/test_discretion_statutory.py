"""The statutory range on the case (R-PEN-001, R-DIS-002) and a suspended benchmark (R-DIS-001): a proposal or
decision outside the article's range is refused whatever the benchmark says and whatever reason is given; a
suspended benchmark is not applied — the case says so, is still checked against the statutory range it records,
and the decision records that no benchmark was in force."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.discretion_support import report, to_decision
from tests.discretion.factories import published_benchmark
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.discretion import services as discretion

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)
SUSPENDED = (
    "2026年3月2日没有现行有效的裁量基准：“餐具饮具未洗净消毒裁量基准（第1版）”已暂停适用，不能作为裁量依据，"
    "仅按法定幅度和法定情节裁量（R-DIS-001）"
)
ABOVE = "拟罚款50,000.01元超出法定幅度（5,000.00元至50,000.00元），裁量基准和集体讨论均不能突破（R-PEN-001、R-DIS-002）"


@pytest.fixture
def benchmark(item):
    return published_benchmark(item)


@pytest.fixture
def suspended(benchmark):
    return discretion.suspend_benchmark(user=None, benchmark=benchmark)


def _unchanged(case):
    fresh = PenaltyCase.objects.get(pk=case.pk)
    assert (fresh.state, fresh.proposed_kinds, fresh.discretion_notes) == ("investigating", [], [])


@pytest.mark.parametrize(("fine", "refused"), [("50000.00", False), ("50000.01", True)])
def test_r_pen_001_proposal_above_the_statutory_maximum_is_refused_even_with_a_reason(
    filed_case, handler, lead, co, benchmark, fine, refused
):
    ticked = {"repeat_violation": True}
    if not refused:
        assert report(filed_case, handler, lead, co, fine=fine, circumstances=ticked).proposed_tier == "heavier"
        return
    with pytest.raises(CaseError) as error:
        report(filed_case, handler, lead, co, fine=fine, circumstances=ticked, deviation_reason="情节特别严重")
    assert (error.value.field, error.value.message) == ("proposed_fine_amount", ABOVE)
    _unchanged(filed_case)


def test_r_dis_001_suspended_benchmark_is_named_not_applied_and_the_range_still_checked(
    filed_case, handler, lead, co, suspended
):
    with pytest.raises(CaseError) as error:
        report(filed_case, handler, lead, co, fine="50000.01", circumstances={})
    assert error.value.message == ABOVE
    _unchanged(filed_case)
    case = report(filed_case, handler, lead, co, fine="20000", circumstances={})
    assert (case.benchmark_id, case.proposed_tier, case.benchmark_deviation) == (None, "", False)
    assert case.discretion_notes == [SUSPENDED, "拟罚款20,000.00元在法定幅度（5,000.00元至50,000.00元）内"]


def test_r_dis_001_decision_records_that_no_benchmark_was_in_force(filed_case, handler, head, lead, co, suspended):
    report(filed_case, handler, lead, co, fine="20000", circumstances={})
    case = services.decide_case(
        actor=head,
        case=to_decision(filed_case, handler, head),
        decision_kind="penalty",
        decided_on=DAY,
        penalty_kinds=["warning", "fine"],
        fine_amount=Decimal("20000"),
    )
    assert (case.applied_benchmark_id, case.applied_tier) == (None, "")
    assert case.applied_discretion == [SUSPENDED, "拟罚款20,000.00元在法定幅度（5,000.00元至50,000.00元）内"]


def test_r_dis_001_resumed_before_the_decision_the_benchmark_applies_again(
    filed_case, handler, head, lead, co, suspended
):
    report(filed_case, handler, lead, co, fine="20000", circumstances={})
    case = to_decision(filed_case, handler, head)
    discretion.resume_benchmark(user=None, benchmark=suspended)
    case = services.decide_case(
        actor=head,
        case=case,
        decision_kind="penalty",
        decided_on=DAY,
        penalty_kinds=["fine"],
        fine_amount=Decimal("20000"),
    )
    assert (case.applied_benchmark_id, case.applied_tier) == (suspended.pk, "standard")


def test_r_dis_001_case_page_and_api_say_the_benchmark_is_suspended(client, api_client, filed_case, handler, suspended):
    client.force_login(handler)
    html = client.get(f"/cases/{filed_case.pk}/").content.decode()
    assert "裁量基准“餐具饮具未洗净消毒裁量基准（第1版）”（处罚依据：《行政处罚法》第一百二十六条）已暂停适用" in html
    api_client.force_authenticate(handler)
    data = api_client.get(f"/api/v1/penalty-cases/{filed_case.pk}/discretion/").json()
    assert ([b["id"] for b in data["benchmarks"]], [b["id"] for b in data["suspended"]]) == ([], [suspended.pk])
    assert (data["first_violation"], data["lookback_months"]) == (True, 24)
