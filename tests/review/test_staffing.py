"""R-REV-012: legal reviewers are at least 5% of the agency's enforcement officers — the figure personnel computes,
shown on the review page and raised by ``zhifa tick`` when below."""

from __future__ import annotations

from datetime import date

import pytest

from tests.personnel.factories import OfficerFactory
from zhifa.review.scheduled import reviewer_ratio_below_minimum

pytestmark = pytest.mark.django_db


def _staff(agency, enforcement: int, reviewers: int) -> None:
    for _ in range(enforcement):
        OfficerFactory(agency=agency)
    for _ in range(reviewers):
        OfficerFactory(agency=agency, reviewer=True)


@pytest.mark.parametrize(
    ("enforcement", "reviewers", "flagged"),
    [(20, 1, False), (21, 1, True), (19, 1, False)],
    ids=["exactly-5%", "below", "above"],
)
def test_r_rev_012_the_five_percent_rule_at_below_and_above(agency, enforcement, reviewers, flagged):
    _staff(agency, enforcement, reviewers)
    lines = reviewer_ratio_below_minimum(date(2026, 3, 2))
    expected = [f"{agency.name}法制审核人员1人，占执法人员21人的4.8%，低于5%（R-REV-012）"] if flagged else []
    assert [line for line in lines if line.startswith(agency.name)] == expected


def test_r_rev_012_the_review_page_shows_the_agencys_ratio(client, agency, reviewer):
    _staff(agency, 30, 0)  # with the reviewer persona's officer: 1 reviewer for 30 enforcement officers, 3.3%
    client.force_login(reviewer)
    response = client.get("/legal-reviews/")
    staffing = response.context["staffing"]
    assert (staffing.numerator, staffing.denominator, staffing.meets_minimum) == (1, 30, False)
    assert "低于5%（R-REV-012）" in response.content.decode()
