"""The demo's legal reviews and collective discussions (demo/reviews.py): every outcome, a two-round 补充, a
hearing taken to its decision, a reviewed transfer decision, the 司法局's pool, an overdue review."""

from datetime import date

import pytest
from django.db import transaction

from zhifa.cases.choices import ClosingReason, DecisionKind
from zhifa.cases.models import PenaltyCase
from zhifa.demo.cases import LAST_DAY
from zhifa.demo.loader import load_demo
from zhifa.org.models import User
from zhifa.review.models import CollectiveDiscussion, ExternalReviewer, LegalReview, ReviewRound
from zhifa.review.services import overdue_reviews, review_passed
from zhifa.review.views.queries import to_submit

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        assert load_demo() is True
        yield
        transaction.set_rollback(True)


def test_every_outcome_and_state_is_in_the_demo(demo):
    outcomes = set(ReviewRound.objects.exclude(outcome="").values_list("outcome", flat=True))
    assert outcomes == {"approve", "amend", "correct", "supplement", "transfer"}
    states = set(LegalReview.objects.values_list("state", flat=True))
    assert states == {"submitted", "in_review", "approved", "disputed", "transferred"}
    concluded = ReviewRound.objects.exclude(outcome="")
    assert not concluded.filter(document__isnull=True).exists()  # R-REV-011: each opinion is a filed document
    assert all(r.concluded_on <= LAST_DAY for r in concluded)


def test_a_two_round_supplement(demo):
    review = LegalReview.objects.get(round=2)
    assert [(r.number, r.outcome) for r in review.rounds.order_by("number")] == [(1, "supplement"), (2, "approve")]
    assert review.rounds.get(number=2).supplement_note.startswith("已补充")
    assert review_passed(review.penalty_case) is True


def test_a_hearing_taken_to_its_decision_after_two_reviews_and_a_discussion(demo):
    case = PenaltyCase.objects.get(collective_discussions__topic="major_decision")
    assert (case.state, case.decision_kind, "经过听证" in case.legal_review_reasons) == ("executing", "penalty", True)
    assert list(case.legal_reviews.order_by("pk").values_list("stage", "state")) == [
        ("before_notice", "approved"),
        ("before_decision", "approved"),
    ]
    assert case.hearing.state == "reported"
    assert case.decided_on <= LAST_DAY


def test_a_reviewed_transfer_decision(demo):
    case = PenaltyCase.objects.get(closing_reason=ClosingReason.TRANSFERRED)
    assert (case.decision_kind, case.legal_reviews.get().state) == (DecisionKind.TRANSFER, "approved")


def test_disputes_go_to_collective_discussion(demo):
    discussions = dict(CollectiveDiscussion.objects.values_list("topic", "state").order_by("pk"))
    assert CollectiveDiscussion.objects.count() == 3
    assert set(discussions) == {"major_decision", "review_dispute"}
    settled = LegalReview.objects.get(resolution="handler_upheld")
    assert (settled.outcome, settled.discussion.conclusion, settled.penalty_case.crime_suspected) == (
        "transfer",
        "rejected",
        False,
    )
    assert LegalReview.objects.get(state="disputed").discussions.get().state == "convened"


def test_the_bureau_pool_reviews_for_agencies_without_their_own_reviewer(demo):
    pool = User.objects.get(username="sfj_reviewer")
    served = set(ExternalReviewer.objects.filter(user=pool).values_list("agency__short_name", flat=True))
    assert served == {"示环", "示应急", "示交", "示发改"}
    jtys = LegalReview.objects.get(penalty_case__agency__short_name="示交")
    assert jtys.current_round.reviewer == pool


def test_an_overdue_review_and_a_case_still_to_submit(demo):
    assert [r.penalty_case.agency.short_name for r in overdue_reviews(date(2026, 11, 25))] == ["示发改"]
    handler = User.objects.get(username="scjg_handler")
    waiting = [c for c in to_submit(handler) if "法制审核模块尚未上线" in c.facts]
    assert len(waiting) == 1  # the named hearing scenario of demo/cases.py still waits to be submitted
