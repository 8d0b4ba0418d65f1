"""初次违法 is looked up, not ticked (R-DIS-012): no earlier penalty or no-penalty decision of the party for the same
violation type (the same catalog item code, any agency) decided within the lookback before the act — 24 months by
default, both ends included, configurable on the circumstance. The act of ``filed_case`` is 10 February 2026."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cases.discretion_support import earlier_decision, report
from tests.catalog.factories import EnforcementItemFactory
from tests.discretion.factories import published_benchmark
from zhifa.discretion.models import Circumstance

pytestmark = pytest.mark.django_db


@pytest.fixture
def benchmark(item):
    return published_benchmark(item)


@pytest.mark.parametrize(
    ("decided_on", "first"),
    [(date(2024, 2, 9), True), (date(2024, 2, 10), False), (date(2026, 2, 10), False), (date(2026, 2, 11), True)],
)
def test_r_dis_012_decisions_within_24_months_before_the_act_count(
    filed_case, handler, lead, co, company, item, benchmark, decided_on, first
):
    """24 months back from 10 Feb 2026 is 10 Feb 2024 (included); a decision after the act does not count."""
    earlier_decision(company, item, decided_on)
    case = report(filed_case, handler, lead, co, fine="20000", circumstances={})
    assert case.circumstances.get("first_violation") is (True if first else None)


def test_r_dis_012_no_penalty_decisions_and_other_agencies_count(
    filed_case, handler, lead, co, company, item, benchmark, other_agency
):
    same_code = EnforcementItemFactory(agency=other_agency, in_force=True, code=item.code)
    earlier_decision(company, same_code, date(2025, 6, 1), decision_kind="no_penalty")
    case = report(filed_case, handler, lead, co, fine="20000", circumstances={})
    assert "first_violation" not in case.circumstances


def test_r_dis_012_the_handler_cannot_untick_what_the_record_shows(filed_case, handler, lead, co, benchmark):
    case = report(filed_case, handler, lead, co, fine="20000", circumstances={"first_violation": False})
    assert case.circumstances == {"first_violation": True}


def test_r_dis_012_lookback_is_configurable(filed_case, handler, lead, co, company, item, benchmark):
    Circumstance.objects.filter(code="first_violation").update(lookback_months=12)
    earlier_decision(company, item, date(2025, 2, 9))  # 12 months and one day before the act
    case = report(filed_case, handler, lead, co, fine="20000", circumstances={})
    assert case.circumstances == {"first_violation": True}


def test_r_dis_012_case_page_shows_the_lookup(client, filed_case, handler, company, item, benchmark):
    earlier = earlier_decision(company, item, date(2025, 3, 1))
    client.force_login(handler)
    html = client.get(f"/cases/{filed_case.pk}/").content.decode()
    assert (
        "初次违法核查（R-DIS-012，系统按追溯期24个月自动查询，不由承办人勾选）：不属于初次违法，追溯期内当事人因同一违法行为"
        f"已受处理：{earlier.case_number}（2025年3月1日）"
    ) in html
    assert 'name="submit-investigation-report-c_first_violation"' not in html
