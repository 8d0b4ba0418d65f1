"""Staff pages of publicity: the due list with its flags, a publication's page with the steps its user may take,
each step posted to ONE service (htmx or a plain form); outsiders see nothing."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from zhifa.publicity.choices import PublicationState
from zhifa.publicity.models import Publication

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_anonymous_is_sent_to_login(publication):
    response = Client().get(reverse("publicity:publication-list"))
    assert (response.status_code, response["Location"].startswith("/login/")) == (302, True)


def test_the_due_list_flags_an_overdue_publication(publication, head):
    with time_machine.travel("2026-03-12T02:00:00Z", tick=False):
        html = _client(head).get(reverse("publicity:publication-list")).content.decode()
    assert "2026年3月11日" in html and "已超期1个工作日" in html


def test_the_handler_submits_from_the_page(publication, handler):
    url = reverse("publicity:publication-step", args=[publication.pk, "submit"])
    page = _client(handler).get(reverse("publicity:publication-detail", args=[publication.pk])).content.decode()
    assert url in page and "审核通过并公开" not in page
    response = _client(handler).post(url, {"submit-withheld_phrases": "", "submit-ground": "", "submit-reason": ""})
    assert response.status_code == 302
    assert Publication.objects.get(pk=publication.pk).state == PublicationState.AWAITING_APPROVAL


def test_a_refused_step_is_shown_next_to_its_field(publication, handler):
    url = reverse("publicity:publication-step", args=[publication.pk, "submit"])
    response = _client(handler).post(
        url,
        {"submit-withheld_phrases": "不存在的配方", "submit-ground": "trade_secret", "submit-reason": "配方"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "标注不予公开的文字“不存在的配方”未在决定书中出现" in response.content.decode()
    assert Publication.objects.get(pk=publication.pk).state == PublicationState.PENDING


def test_the_head_approves_and_the_page_links_to_the_portal(publication, handler, head):
    _client(handler).post(reverse("publicity:publication-step", args=[publication.pk, "submit"]), {})
    client = _client(head)
    response = client.post(
        reverse("publicity:publication-step", args=[publication.pk, "approve"]), HTTP_HX_REQUEST="true"
    )
    assert (response.status_code, response["HX-Redirect"]) == (204, f"/publications/{publication.pk}/")
    page = client.get(reverse("publicity:publication-detail", args=[publication.pk])).content.decode()
    assert f"/gongshi/decisions/{publication.pk}/" in page and "2026年6月2日" in page


def test_the_head_withdraws_with_a_reason(publication, handler, head):
    _client(handler).post(reverse("publicity:publication-step", args=[publication.pk, "submit"]), {})
    _client(head).post(reverse("publicity:publication-step", args=[publication.pk, "approve"]))
    _client(head).post(
        reverse("publicity:publication-step", args=[publication.pk, "withdraw"]),
        {"withdraw-ground": "annulled", "withdraw-ground_on": "2026-03-02", "withdraw-reason": "复议撤销"},
    )
    kept = Publication.objects.get(pk=publication.pk)
    assert (kept.state, kept.withdrawal_reason, kept.withdrawn_on) == (
        PublicationState.WITHDRAWN,
        "复议撤销",
        date(2026, 3, 2),
    )


def test_outsiders_see_nothing(publication, other_agency_handler):
    client = _client(other_agency_handler)
    assert client.get(reverse("publicity:publication-detail", args=[publication.pk])).status_code == 404
    assert client.post(reverse("publicity:publication-step", args=[publication.pk, "submit"]), {}).status_code == 404
    assert Publication.objects.get(pk=publication.pk).state == PublicationState.PENDING


def test_an_unknown_step_is_404(publication, head):
    assert (
        _client(head).post(reverse("publicity:publication-step", args=[publication.pk, "publish-now"])).status_code
        == 404
    )
