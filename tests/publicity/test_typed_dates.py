"""Publication steps recorded on a typed date (the paper path): never in the future, never before the step they
follow; the publication deadline is judged against the typed day (R-PUB-004, R-PUB-006)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.ledger.models import Event
from zhifa.publicity import services
from zhifa.publicity.choices import PublicationState
from zhifa.publicity.models import Publication

pytestmark = pytest.mark.django_db


def test_r_pub_006_published_on_the_day_typed(publication, handler, head):
    day = publication.decided_on
    services.submit_publication(actor=handler, publication=publication, submitted_on=day)
    published = services.approve_publication(actor=head, publication=publication, published_on=day)
    assert (published.state, published.submitted_on, published.published_on) == (
        PublicationState.PUBLISHED,
        day,
        day,
    )
    event = Event.objects.filter(event_type="publication.published").get()
    assert json.loads(event.payload)["late"] is False


def test_a_submission_dated_before_the_decision_is_refused(publication, handler):
    before = Event.objects.count()
    with pytest.raises(DomainError) as caught:
        services.submit_publication(
            actor=handler, publication=publication, submitted_on=publication.decided_on - timedelta(days=1)
        )
    assert caught.value.field == "submitted_on"
    assert "不能早于决定日期" in caught.value.message
    publication.refresh_from_db()
    assert (publication.state, Event.objects.count()) == (PublicationState.PENDING, before)


def test_a_publication_dated_tomorrow_is_refused(publication, handler, head):
    services.submit_publication(actor=handler, publication=publication)
    with pytest.raises(DomainError) as caught:
        services.approve_publication(actor=head, publication=publication, published_on=today() + timedelta(days=1))
    assert (caught.value.field, caught.value.message) == ("published_on", "公开日期不能晚于今天")
    assert Publication.objects.get(pk=publication.pk).state == PublicationState.AWAITING_APPROVAL
