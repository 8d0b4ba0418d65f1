"""Publication time limits (R-PUB-004): 7 working days for penalty decisions, 20 for coercive measures, from the
decision date (the day itself not counted, R-TIME-003); the due list flags yellow two working days ahead and red the
day after the deadline (R-TIME-009); ``zhifa tick`` reports both."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from zhifa.publicity import services
from zhifa.publicity.choices import PublicationKind
from zhifa.publicity.models import Publication
from zhifa.publicity.scheduled import deadlines

pytestmark = pytest.mark.django_db

PENALTY = PublicationKind.PENALTY_DECISION


def test_r_pub_004_penalty_deadline_is_the_7th_working_day():
    # Monday 2 March 2026 → Wednesday 11 March (3,4,5,6,9,10,11)
    assert services.publication_deadline(PENALTY, date(2026, 3, 2)) == (date(2026, 3, 11), False)


def test_r_pub_004_a_holiday_in_between_moves_the_deadline():
    # Wednesday 1 April 2026; 清明 Monday 6 April is a holiday: 2,3,7,8,9,10,13 → Monday 13 April (not Friday 10)
    assert services.publication_deadline(PENALTY, date(2026, 4, 1)) == (date(2026, 4, 13), False)


def test_r_pub_004_coercive_measures_have_20_working_days():
    assert services.publication_deadline(PublicationKind.COERCIVE_MEASURE, date(2026, 3, 2)) == (
        date(2026, 3, 30),
        False,
    )


def test_r_time_001_a_deadline_in_a_year_without_holiday_data_is_provisional():
    # 20 working days from Monday 28 December 2026 reach into 2027, whose schedule is not entered yet
    deadline, provisional = services.publication_deadline(PublicationKind.COERCIVE_MEASURE, date(2026, 12, 28))
    assert (deadline, provisional) == (date(2027, 1, 25), True)


@pytest.mark.parametrize(
    ("on", "flag", "left"),
    [
        (date(2026, 3, 6), "", 3),  # Friday: 3 working days left
        (date(2026, 3, 9), "yellow", 2),  # Monday: the deadline is 2 working days ahead
        (date(2026, 3, 11), "yellow", 0),  # the 7th working day itself is still in time
        (date(2026, 3, 12), "red", -1),  # the day after
    ],
)
def test_r_pub_004_due_list_flags_around_the_deadline(publication, head, on, flag, left):
    with time_machine.travel(on.isoformat() + "T02:00:00Z", tick=False):
        (row,) = services.due_rows(services.open_publications(head), on=on)
    assert (row.publication.pk, row.flag, row.working_days_left) == (publication.pk, flag, left)


def test_r_pub_004_the_due_list_is_each_agencys_own(publication, head, other_agency_handler, supervisor):
    assert list(services.open_publications(head)) == [publication]
    assert list(services.open_publications(other_agency_handler)) == []
    assert list(services.open_publications(supervisor)) == [publication]  # the bureau reads its region


def test_r_pub_004_tick_flags_the_deadline_yellow_then_red(publication):
    case_number = publication.penalty_case.case_number
    assert deadlines(date(2026, 3, 6)) == []
    assert deadlines(date(2026, 3, 11)) == [
        f"黄色预警：示范县市场监督管理局案件{case_number}的行政处罚决定应于2026年3月11日前公示（R-PUB-004）"
    ]
    assert deadlines(date(2026, 3, 12)) == [
        f"红色预警：示范县市场监督管理局案件{case_number}的行政处罚决定应于2026年3月11日前公示，已超期（R-PUB-004）"
    ]


def test_a_published_publication_leaves_the_due_list(publication, handler, head):
    from tests.publicity.support import publish

    publish(publication, handler, head)
    assert list(services.open_publications(head)) == []
    assert deadlines(date(2026, 3, 12)) == []
    assert Publication.objects.get().published_on == date(2026, 3, 2)
