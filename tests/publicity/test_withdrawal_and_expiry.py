"""Leaving the portal (R-PRV-007): a withdrawn publication (R-PUB-008, within 3 working days, reason recorded) and an
expired one (R-PUB-010, the day after ``expires_on``) are gone from every portal page at once — cached pages
included — while the internal record stays. Not publishing at all needs the head's approval (R-PUB-006)."""

from __future__ import annotations

import json
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests.publicity.support import portal_text, publish
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event
from zhifa.publicity import services
from zhifa.publicity.choices import PublicationState
from zhifa.publicity.models import Publication
from zhifa.publicity.scheduled import expire

pytestmark = pytest.mark.django_db
PARTY = "示范县好味道餐饮有限公司"


def _travel(day: date):
    return time_machine.travel(day.isoformat() + "T02:00:00Z", tick=False)


def test_r_prv_007_a_withdrawn_publication_leaves_the_portal_and_its_cache(
    publication, handler, head, django_capture_on_commit_callbacks
):
    published = publish(publication, handler, head)
    detail = reverse("publicity:portal-decision", args=[published.pk])
    assert PARTY in portal_text(published)  # the pages are now cached
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.withdraw_publication(
            actor=head,
            publication=published,
            ground="annulled",
            reason="行政复议决定撤销该处罚决定",
            ground_on=date(2026, 3, 2),
        )
    assert len(callbacks) == 1
    assert PARTY not in portal_text(published)
    assert Client().get(detail).status_code == 404
    kept = Publication.objects.get(pk=published.pk)
    assert (kept.state, kept.snapshot, kept.withdrawal_deadline) == (
        PublicationState.WITHDRAWN,
        published.snapshot,
        date(2026, 3, 5),  # R-PUB-008: 3 working days from Monday 2 March
    )


def test_r_pub_008_a_late_withdrawal_is_recorded_as_late(publication, handler, head):
    published = publish(publication, handler, head)
    with _travel(date(2026, 3, 6)):
        services.withdraw_publication(
            actor=head, publication=published, ground="redone", reason="责令重作", ground_on=date(2026, 3, 2)
        )
    payload = json.loads(Event.objects.get(event_type="publication.withdrawn").payload)
    assert (payload["late"], payload["withdrawn_on"]) == (True, "2026-03-06")


def test_r_pub_008_only_the_head_withdraws(publication, handler, head):
    published = publish(publication, handler, head)
    with pytest.raises(PermissionDenied) as caught:
        services.withdraw_publication(
            actor=handler, publication=published, ground="annulled", reason="x", ground_on=date(2026, 3, 2)
        )
    assert str(caught.value) == "只有本单位负责人可以撤下公示（R-PUB-008）"
    assert Publication.objects.get(pk=published.pk).state == PublicationState.PUBLISHED


def test_r_pub_010_shown_until_expires_on_then_expired_by_tick(publication, handler, head):
    published = publish(publication, handler, head)
    assert published.expires_on == date(2026, 6, 2)
    with _travel(date(2026, 6, 2)):
        assert expire(date(2026, 6, 2)) == []
        assert PARTY in portal_text(published)
    with _travel(date(2026, 6, 3)):
        assert PARTY not in portal_text(published)  # gone on the day after, even before the tick ran
        case_number = published.penalty_case.case_number
        assert expire(date(2026, 6, 3)) == [
            f"示范县市场监督管理局案件{case_number}的行政处罚决定公示已于2026年6月2日期满，已撤出公示平台（R-PUB-010）"
        ]
        assert expire(date(2026, 6, 3)) == []  # idempotent
    kept = Publication.objects.get(pk=published.pk)
    assert (kept.state, kept.expired_on, kept.snapshot) == (
        PublicationState.EXPIRED,
        date(2026, 6, 3),
        published.snapshot,
    )
    assert Event.objects.filter(event_type="publication.expired", actor_id=None).count() == 1


def test_r_pub_006_not_publishing_is_approved_with_its_reason(publication, head):
    exempted = services.exempt_publication(
        actor=head, publication=publication, reason="state_secret", note_text="涉及国家秘密，经保密审查不予公开"
    )
    assert (exempted.state, exempted.exempted_by, exempted.exempted_on, exempted.exemption_reason) == (
        PublicationState.EXEMPTED,
        head,
        date(2026, 3, 2),
        "state_secret",
    )
    assert list(services.open_publications(head)) == []
    assert Client().get(reverse("publicity:portal-decision", args=[publication.pk])).status_code == 404


def test_r_pub_006_a_pending_publication_is_never_on_the_portal(publication, handler):
    services.submit_publication(actor=handler, publication=publication)
    assert PARTY not in portal_text(publication)
