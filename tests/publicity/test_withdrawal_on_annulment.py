"""撤下 on the annul event (R-PUB-008 "AUTO on annul event"): the 复议决定 or judgment recorded in the case
(``conclude_remedy``) that changed, annulled, confirmed unlawful or invalid, or ordered the decision redone takes
the publication off the portal in the same transaction, with the ground, the reason and the 3-working-day limit; an
outcome that upholds the decision changes nothing. A publication not yet approved is never published."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.cases.execution_support import decide_and_serve, on
from tests.publicity.support import publish
from zhifa.cases.errors import CaseError
from zhifa.cases.services import execution
from zhifa.cases.services.remedy_hooks import _hooks, register_remedy_hook
from zhifa.ledger.models import Event
from zhifa.publicity.choices import PublicationState
from zhifa.publicity.models import Publication
from zhifa.publicity.services import creation
from zhifa.publicity.services.annulment import withdraw_on_annulment, withdrawal_deadline

pytestmark = pytest.mark.django_db


@pytest.fixture
def served(notified_case, handler, head):
    return decide_and_serve(notified_case, handler, head)  # decided and served Monday 2 March 2026


def _remedy(case, handler, *, filed_on=date(2026, 3, 20), kind="reconsideration"):
    with on(filed_on):
        execution.record_remedy(actor=handler, case=case, kind=kind, body="示范县人民政府", filed_on=filed_on)


def _conclude(case, handler, result, concluded_on, recorded_on=None):
    with on(recorded_on or concluded_on):
        return execution.conclude_remedy(
            actor=handler, case=case, concluded_on=concluded_on, result=result, outcome="复议决定书"
        )


def _withdrawn_event() -> dict:
    return json.loads(Event.objects.filter(event_type="publication.withdrawn").get().payload)


def test_the_hook_is_registered_by_publicity():
    assert "zhifa.publicity.services.annulment.withdraw_on_annulment" in _hooks


@pytest.mark.parametrize(
    ("result", "ground"),
    [
        ("annulled", "annulled"),
        ("changed", "changed"),
        ("redone", "redone"),
        ("confirmed_unlawful", "confirmed_unlawful"),
        ("confirmed_invalid", "confirmed_invalid"),
    ],
)
def test_r_pub_008_a_decision_set_aside_leaves_the_portal_at_once(served, handler, head, result, ground):
    published = publish(served.publications.get(), handler, head)
    _remedy(served, handler)
    _conclude(served, handler, result, date(2026, 4, 3))
    kept = Publication.objects.get(pk=published.pk)
    assert (kept.state, kept.withdrawal_ground, kept.ground_on) == (
        PublicationState.WITHDRAWN,
        ground,
        date(2026, 4, 3),
    )
    assert kept.withdrawal_reason.startswith("行政复议（示范县人民政府）于2026年4月3日审结")
    assert kept.withdrawn_on == date(2026, 4, 3) and kept.withdrawn_by is None
    with on(date(2026, 4, 3)):
        assert Client().get(reverse("publicity:portal-decision", args=[kept.pk])).status_code == 404
    payload = _withdrawn_event()
    assert (payload["automatic"], payload["late"], payload["remedy_result"]) == (True, False, result)


@pytest.mark.parametrize("result", ["upheld", "ended"])
def test_an_upheld_decision_stays_on_the_portal(served, handler, head, result):
    published = publish(served.publications.get(), handler, head)
    _remedy(served, handler)
    _conclude(served, handler, result, date(2026, 4, 3))
    assert Publication.objects.get(pk=published.pk).state == PublicationState.PUBLISHED
    assert not Event.objects.filter(event_type="publication.withdrawn").exists()


def test_a_pending_publication_is_never_published(served, handler):
    pending = served.publications.get()
    _remedy(served, handler)
    _conclude(served, handler, "annulled", date(2026, 4, 3))
    kept = Publication.objects.get(pk=pending.pk)
    assert (kept.state, kept.published_on) == (PublicationState.WITHDRAWN, None)
    assert _withdrawn_event()["was_published"] is False
    Publication.objects.filter(pk=pending.pk).delete()  # even with no publication at all, the tick opens none
    with on(date(2026, 4, 7)):
        assert creation.open_missing_publications(date(2026, 4, 7)) == []
    assert not Publication.objects.filter(penalty_case=served).exists()


def test_a_result_is_required(served, handler):
    _remedy(served, handler)
    with pytest.raises(CaseError) as caught, on(date(2026, 4, 3)):
        execution.conclude_remedy(actor=handler, case=served, concluded_on=date(2026, 4, 3), result="", outcome="x")
    assert caught.value.field == "result"


def test_a_failing_hook_leaves_nothing_recorded(served, handler, head):
    published = publish(served.publications.get(), handler, head)
    _remedy(served, handler)

    def broken(remedy, *, actor):
        raise RuntimeError("hook failed")

    register_remedy_hook(broken)
    try:
        with pytest.raises(RuntimeError):
            _conclude(served, handler, "annulled", date(2026, 4, 3))
    finally:
        _hooks.pop(f"{broken.__module__}.{broken.__qualname__}")
    assert served.remedies.get().concluded_on is None
    assert Publication.objects.get(pk=published.pk).state == PublicationState.PUBLISHED


# --- the 3-working-day limit (R-PUB-008, R-TIME-003) ---------------------------------------------------------------


def test_r_pub_008_the_third_working_day():
    assert withdrawal_deadline(date(2026, 3, 2)) == date(2026, 3, 5)  # Monday → Thursday
    assert withdrawal_deadline(date(2026, 3, 6)) == date(2026, 3, 11)  # Friday → the weekend skipped: Wednesday


def test_r_pub_008_a_holiday_in_between():
    # Friday 3 April 2026; 清明 Monday 6 April is a holiday: 7, 8, 9 → Thursday 9 April (not Wednesday 8)
    assert withdrawal_deadline(date(2026, 4, 3)) == date(2026, 4, 9)


@pytest.mark.parametrize(("recorded_on", "late"), [(date(2026, 4, 9), False), (date(2026, 4, 10), True)])
def test_r_pub_008_recorded_on_the_last_day_in_time_the_day_after_late(served, handler, head, recorded_on, late):
    published = publish(served.publications.get(), handler, head)
    _remedy(served, handler)
    _conclude(served, handler, "annulled", date(2026, 4, 3), recorded_on=recorded_on)
    kept = Publication.objects.get(pk=published.pk)
    assert (kept.withdrawal_deadline, kept.withdrawn_on) == (date(2026, 4, 9), recorded_on)
    assert _withdrawn_event()["late"] is late


def test_the_hook_ignores_an_unconcluded_remedy(served, handler):
    _remedy(served, handler)
    assert withdraw_on_annulment(served.remedies.get(), actor=handler) == []
