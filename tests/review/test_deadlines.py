"""R-REV-010: the review's time limit is 7 working days from the submission (R-TIME-003: the submission day not
counted), extended once by 3 working days with the head's approval; overdue reviews are flagged, never refused
(DUE). 清明 (Monday 6 April 2026) falls inside the period below."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import override_settings

from tests.review.review_support import conclude, major_case, submit
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event
from zhifa.review import services
from zhifa.review.errors import ReviewError
from zhifa.review.scheduled import review_deadlines

pytestmark = pytest.mark.django_db

SUBMITTED = date(2026, 3, 31)  # Tuesday; Apr 4–5 weekend, Apr 6 清明 → the 7th working day is Friday 10 April
DEADLINE = date(2026, 4, 10)


@pytest.fixture
def submitted(filed_case, handler, head, lead, co):
    case = major_case(filed_case, handler, head, lead, co)
    with time_machine.travel("2026-03-31T02:00:00Z", tick=False):
        return submit(case, handler, on=SUBMITTED)


def test_r_rev_010_seven_working_days_skip_the_qingming_holiday(submitted):
    assert submitted.current_round.review_deadline == DEADLINE


@pytest.mark.parametrize(
    ("day", "level", "status"),
    [
        (date(2026, 4, 3), "", "剩余4个工作日（期限2026年4月10日）"),
        (date(2026, 4, 7), "yellow", "剩余3个工作日（期限2026年4月10日）"),
        (date(2026, 4, 9), "yellow", "剩余1个工作日（期限2026年4月10日）"),
        (DEADLINE, "yellow", "剩余0个工作日（期限2026年4月10日）"),
        (date(2026, 4, 11), "red", "已超期1日（期限2026年4月10日）"),
        (date(2026, 4, 13), "red", "已超期3日（期限2026年4月10日）"),
    ],
    ids=["a-week-before", "three-left", "day-before", "deadline-day", "saturday-after", "monday-after"],
)
def test_r_rev_010_the_day_before_on_and_after_the_deadline(submitted, day, level, status):
    current = submitted.current_round
    near = services.yellow_until(day)
    assert (
        services.alert_level(current.review_deadline, on=day, near_until=near),
        services.deadline_status(current, on=day),
    ) == (
        level,
        status,
    )


def test_r_rev_010_zhifa_tick_flags_near_and_overdue_reviews(submitted):
    number = submitted.penalty_case.case_number
    assert review_deadlines(date(2026, 4, 3)) == []
    assert review_deadlines(date(2026, 4, 9)) == [
        f"黄色预警：案件{number}的法制审核（第1轮）将于2026年4月10日届满（R-REV-010）"
    ]
    assert review_deadlines(date(2026, 4, 13)) == [
        f"红色预警：案件{number}的法制审核（第1轮）已超过审核期限2026年4月10日（R-REV-010）"
    ]


def test_r_rev_010_a_late_opinion_is_recorded_and_flagged_not_refused(submitted, reviewer):
    with time_machine.travel("2026-04-13T02:00:00Z", tick=False):
        services.take_legal_review(actor=reviewer, review=submitted)
        review = conclude(submitted, reviewer)
    event = Event.objects.get(event_type="legal_review.concluded")
    assert (
        review.state,
        event.data["late"],
        services.deadline_status(review.current_round, on=date(2026, 4, 13), running=False),
    ) == (
        "approved",
        True,
        "2026年4月13日审结（超期）",
    )


def test_r_rev_010_the_head_extends_once_by_three_working_days(submitted, head, handler):
    with time_machine.travel("2026-04-08T02:00:00Z", tick=False):
        with pytest.raises(PermissionDenied):
            services.extend_legal_review(actor=handler, review=submitted, reason="案情复杂")
        with pytest.raises(ReviewError) as excinfo:
            services.extend_legal_review(actor=head, review=submitted, reason=" ")
        assert excinfo.value.field == "reason"
        review = services.extend_legal_review(actor=head, review=submitted, reason="涉及多个法律关系，案情复杂")
        assert (review.current_round.original_deadline, review.current_round.review_deadline) == (
            DEADLINE,
            date(2026, 4, 15),
        )
        with pytest.raises(ReviewError) as excinfo:
            services.extend_legal_review(actor=head, review=review, reason="再延长")
        assert excinfo.value.message == "本轮审核期限已延长过一次，不能再次延长（R-REV-010）"


def test_r_rev_010_no_extension_once_the_deadline_has_passed(submitted, head):
    with time_machine.travel("2026-04-11T02:00:00Z", tick=False), pytest.raises(ReviewError) as excinfo:
        services.extend_legal_review(actor=head, review=submitted, reason="案情复杂")
    assert excinfo.value.message == "本轮审核期限已于2026年4月10日届满，不能再延长（R-REV-010）"


def test_r_rev_010_the_time_limit_is_a_setting(filed_case, handler, head, lead, co):
    case = major_case(filed_case, handler, head, lead, co)
    with override_settings(ZHIFA_LEGAL_REVIEW_TIME_LIMIT_WORKING_DAYS=5):
        review = submit(case, handler)
    assert review.current_round.review_deadline == date(2026, 3, 9)
