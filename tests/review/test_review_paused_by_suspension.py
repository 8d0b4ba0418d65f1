"""R-TIME-008 with R-REV-010: the review time limit does not run while the case is 中止. While suspended the review
is neither running nor overdue (queue, API filter, ``zhifa tick``); on resumption the running round's deadline starts
again with the working days it had left when the suspension began (the start day paused too, the end day not
counted), the deadline before the move recorded. March 2026 has no public holiday."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.review.lifecycle_support import MONDAY, fresh
from tests.review.review_support import major_case, submit
from zhifa.cases.services import suspension
from zhifa.ledger.models import Event
from zhifa.review import services
from zhifa.review.scheduled import review_deadlines

pytestmark = pytest.mark.django_db
DEADLINE = date(2026, 3, 11)  # 7 working days after Monday 2 March


def _travel(day: date):
    return time_machine.travel(f"{day.isoformat()}T02:00:00Z", tick=False)


@pytest.fixture
def submitted(filed_case, handler, head, lead, co):
    return submit(major_case(filed_case, handler, head, lead, co), handler, on=MONDAY)


def _suspend(case, head, day):
    with _travel(day):
        suspension.suspend_case(
            actor=head,
            case=fresh(case),
            ground="testing",
            reason="送检，检验期间五日",
            started_on=day,
            party_told_on=day,
        )


def _resume(case, head, day):
    with _travel(day):
        suspension.resume_suspended_case(actor=head, case=fresh(case), ended_on=day)


def _round(review):
    review.current_round.refresh_from_db()
    return review.current_round


def test_r_time_008_a_suspended_case_review_is_not_overdue_and_its_deadline_moves_on_resumption(submitted, head):
    case = submitted.penalty_case
    assert _round(submitted).review_deadline == DEADLINE
    _suspend(case, head, date(2026, 3, 4))  # Wednesday: 3 March used; 4..11 March (6 working days) left
    assert list(services.overdue_reviews(date(2026, 3, 12))) == []  # past the old deadline, but paused
    assert review_deadlines(date(2026, 3, 12)) == []
    _resume(case, head, date(2026, 3, 9))  # Monday: the 6 days run from Tuesday 10 March
    current = _round(submitted)
    assert (current.review_deadline, current.deadline_before_suspension, current.suspended_working_days) == (
        date(2026, 3, 17),
        DEADLINE,
        4,
    )
    assert (current.original_deadline, current.is_extended) == (None, False)  # the head's one extension is intact
    event = Event.objects.get(event_type="legal_review.deadline_moved")
    assert (event.data["previous_deadline"], event.data["review_deadline"], event.data["working_days"]) == (
        "2026-03-11",
        "2026-03-17",
        4,
    )
    assert services.deadline_status(current, on=date(2026, 3, 17)) == "剩余0个工作日（期限2026年3月17日）"
    assert list(services.overdue_reviews(date(2026, 3, 17))) == []
    assert list(services.overdue_reviews(date(2026, 3, 18))) == [submitted]


def test_r_time_008_a_suspension_from_the_deadline_day_keeps_that_day(submitted, head):
    _suspend(submitted.penalty_case, head, DEADLINE)
    _resume(submitted.penalty_case, head, date(2026, 3, 13))
    assert _round(submitted).review_deadline == date(2026, 3, 16)  # one day left: the next working day after 13th


def test_r_time_008_a_deadline_passed_before_the_suspension_stays(submitted, head):
    _suspend(submitted.penalty_case, head, date(2026, 3, 12))  # the day after the deadline: already overdue
    assert list(services.overdue_reviews(date(2026, 3, 13))) == []  # not running while suspended
    _resume(submitted.penalty_case, head, date(2026, 3, 16))
    current = _round(submitted)
    assert (current.review_deadline, current.deadline_before_suspension) == (DEADLINE, None)
    assert list(services.overdue_reviews(date(2026, 3, 16))) == [submitted]
    assert Event.objects.filter(event_type="legal_review.deadline_moved").count() == 0


def test_r_time_008_the_review_pages_show_the_paused_time_limit(client, submitted, head, reviewer):
    _suspend(submitted.penalty_case, head, date(2026, 3, 4))
    client.force_login(reviewer)
    with _travel(date(2026, 3, 12)):  # past the old deadline: paused, not overdue
        detail = client.get(f"/legal-reviews/{submitted.pk}/").content.decode()
        rows = client.get("/legal-reviews/?tab=all").content.decode()
    assert ("案件中止，审核期限暂停计算（R-TIME-008）" in detail, "已超期" in detail) == (True, False)
    assert ("案件中止，期限暂停" in rows, "已超期" in rows) == (True, False)
