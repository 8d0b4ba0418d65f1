"""Publicity API (/api/v1/publications/): scoped by agency; one POST per step; refusals as {code, field, message};
anonymous callers get nothing; a refused call changes nothing."""

from __future__ import annotations

import pytest

from zhifa.ledger.models import Event
from zhifa.publicity.models import Publication

pytestmark = pytest.mark.django_db
URL = "/api/v1/publications/"


def _as(api_client, user):
    api_client.force_authenticate(user)
    return api_client


def test_anonymous_gets_nothing(api_client, publication):
    assert api_client.get(URL).status_code in (401, 403)
    assert api_client.post(f"{URL}{publication.pk}/approve/").status_code in (401, 403)


def test_the_due_list_is_scoped_by_agency(api_client, publication, handler, other_agency_handler, supervisor):
    rows = _as(api_client, handler).get(URL, {"due": "true"}).json()["results"]
    assert [(r["id"], r["state"], r["publication_deadline"]) for r in rows] == [
        (publication.pk, "pending", "2026-03-11")
    ]
    assert _as(api_client, other_agency_handler).get(URL).json()["results"] == []
    assert _as(api_client, other_agency_handler).get(f"{URL}{publication.pk}/").status_code == 404
    assert [r["id"] for r in _as(api_client, supervisor).get(URL).json()["results"]] == [publication.pk]


def test_submit_then_approve(api_client, publication, handler, head):
    body = {"exclusions": [{"key": "evidence", "ground": "trade_secret", "reason": "检查记录涉及进货渠道"}]}
    submitted = _as(api_client, handler).post(f"{URL}{publication.pk}/submit/", body, format="json")
    assert (submitted.status_code, submitted.json()["state"]) == (200, "awaiting_approval")
    evidence = next(s for s in submitted.json()["snapshot"]["sections"] if s["key"] == "evidence")
    assert evidence["text"] == "（本部分涉及商业秘密，依法不予公开）"
    approved = _as(api_client, head).post(f"{URL}{publication.pk}/approve/")
    assert (approved.status_code, approved.json()["state"], approved.json()["expires_on"]) == (
        200,
        "published",
        "2026-06-02",
    )


def test_a_refusal_names_the_state_and_changes_nothing(api_client, publication, head):
    before = (Publication.objects.values().get(pk=publication.pk), Event.objects.count())
    response = _as(api_client, head).post(f"{URL}{publication.pk}/approve/")
    assert (response.status_code, response.json()) == (
        409,
        {"code": "publication_state_conflict", "field": "state", "message": "公示当前状态为“待公示”，不能审核公开"},
    )
    assert (Publication.objects.values().get(pk=publication.pk), Event.objects.count()) == before


def test_the_handler_may_not_approve(api_client, publication, handler):
    _as(api_client, handler).post(f"{URL}{publication.pk}/submit/", {}, format="json")
    response = _as(api_client, handler).post(f"{URL}{publication.pk}/approve/")
    assert (response.status_code, response.json()["message"]) == (403, "只有本单位负责人可以审核公示（R-PUB-006）")


def test_withdraw_and_exempt_take_their_inputs(api_client, publication, handler, head):
    exempt = _as(api_client, head).post(
        f"{URL}{publication.pk}/exempt/", {"exemption_reason": "privacy", "exemption_note": ""}, format="json"
    )
    assert (exempt.status_code, exempt.json()["field"]) == (400, "exemption_note")
    _as(api_client, handler).post(f"{URL}{publication.pk}/submit/", {}, format="json")
    _as(api_client, head).post(f"{URL}{publication.pk}/approve/")
    withdrawn = _as(api_client, head).post(
        f"{URL}{publication.pk}/withdraw/",
        {"withdrawal_ground": "confirmed_unlawful", "withdrawal_reason": "法院判决确认违法", "ground_on": "2026-03-02"},
        format="json",
    )
    assert (withdrawn.status_code, withdrawn.json()["state"], withdrawn.json()["withdrawal_deadline"]) == (
        200,
        "withdrawn",
        "2026-03-05",
    )
