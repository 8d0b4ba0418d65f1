"""``/api/v1/legal-reviews/`` and ``/api/v1/collective-discussions/``: a two-round review through the API, refusals
as {code, field, message} with nothing changed, the data scope (other agency 404, supervisors read), and a
constant list-query budget."""

from __future__ import annotations

import pytest

from tests.review.review_support import MATERIALS, approved, major_case
from zhifa.cases.models import PenaltyCase
from zhifa.review.choices import ReviewCheck
from zhifa.review.models import LegalReview

pytestmark = pytest.mark.django_db
URL = "/api/v1/legal-reviews/"
DISCUSSIONS = "/api/v1/collective-discussions/"


def _post(api_client, user, url, data=None):
    api_client.force_authenticate(user)
    return api_client.post(url, data or {}, format="json")


def _checks(**problems):
    return [
        {"point": p, "result": "problem" if p in problems else "ok", "comment": problems.get(p, "")}
        for p in ReviewCheck.values
    ]


@pytest.fixture
def major(filed_case, handler, head, lead, co):
    return major_case(filed_case, handler, head, lead, co)


def test_anonymous_gets_401_and_nothing_changes(api_client, major):
    assert api_client.get(URL).status_code == 401
    assert api_client.post(URL, {"penalty_case": major.pk}, format="json").status_code == 401
    assert LegalReview.objects.count() == 0


def test_a_two_round_review_through_the_api(api_client, major, handler, reviewer):
    response = _post(
        api_client,
        handler,
        URL,
        {"penalty_case": major.pk, "materials": MATERIALS, "statement": "请审核", "declaration": True},
    )
    assert response.status_code == 201
    body = response.json()
    pk = body["id"]
    assert (body["state"], body["stage"], body["round"], body["review_deadline"], body["is_overdue"]) == (
        "submitted",
        "before_notice",
        1,
        "2026-03-11",
        False,
    )
    assert _post(api_client, reviewer, f"{URL}{pk}/take/").json()["state"] == "in_review"
    body = _post(
        api_client,
        reviewer,
        f"{URL}{pk}/conclude/",
        {"outcome": "supplement", "checks": _checks(evidence_sufficient="缺检验报告"), "opinion": "请补充"},
    ).json()
    assert (body["state"], body["outcome"], body["rounds"][0]["document_number"]) == (
        "returned",
        "supplement",
        "示市监法审〔2026〕1号",
    )
    body = _post(
        api_client,
        handler,
        f"{URL}{pk}/resubmit/",
        {"materials": MATERIALS, "statement": "已补充", "supplement_note": "补充检验报告", "declaration": True},
    ).json()
    assert (body["state"], body["round"], len(body["rounds"])) == ("submitted", 2, 2)
    _post(api_client, reviewer, f"{URL}{pk}/take/")
    body = _post(
        api_client, reviewer, f"{URL}{pk}/conclude/", {"outcome": "approve", "checks": _checks(), "opinion": "同意"}
    ).json()
    assert (body["state"], [r["outcome"] for r in body["rounds"]]) == ("approved", ["supplement", "approve"])
    assert [c["result"] for c in body["rounds"][0]["check_results"]].count("problem") == 1
    assert PenaltyCase.objects.get(pk=major.pk).state == "under_case_review"


def test_refusals_name_the_field_and_change_nothing(api_client, major, handler, reviewer):
    response = _post(
        api_client,
        handler,
        URL,
        {"penalty_case": major.pk, "materials": ["evidence"], "statement": "x", "declaration": True},
    )
    assert (response.status_code, response.json()["field"], response.json()["code"]) == (
        400,
        "materials",
        "review_refused",
    )
    assert "调查终结报告" in response.json()["message"]
    response = _post(api_client, handler, URL, {"penalty_case": major.pk, "materials": MATERIALS, "statement": "x"})
    assert (response.status_code, response.json()["field"]) == (400, "declaration")
    assert (LegalReview.objects.count(), PenaltyCase.objects.get(pk=major.pk).state) == (0, "under_case_review")
    response = _post(
        api_client,
        reviewer,
        URL,
        {"penalty_case": major.pk, "materials": MATERIALS, "statement": "x", "declaration": True},
    )
    assert (response.status_code, response.json()["message"]) == (403, "只有本案承办人可以送法制审核")


def test_the_handler_cannot_write_the_opinion(api_client, major, handler, reviewer):
    pk = _post(
        api_client,
        handler,
        URL,
        {"penalty_case": major.pk, "materials": MATERIALS, "statement": "x", "declaration": True},
    ).json()["id"]
    _post(api_client, reviewer, f"{URL}{pk}/take/")
    response = _post(
        api_client, handler, f"{URL}{pk}/conclude/", {"outcome": "approve", "checks": _checks(), "opinion": "同意"}
    )
    assert response.status_code == 403
    assert LegalReview.objects.get(pk=pk).state == "in_review"


def test_scope_other_agency_404_supervisor_reads(
    api_client, major, handler, reviewer, other_agency_handler, supervisor
):
    review = approved(major, handler, reviewer)
    api_client.force_authenticate(other_agency_handler)
    assert api_client.get(f"{URL}{review.pk}/").status_code == 404
    assert api_client.post(f"{URL}{review.pk}/dispute/", {"reason": "x"}, format="json").status_code == 404
    api_client.force_authenticate(supervisor)
    assert api_client.get(f"{URL}{review.pk}/").json()["state"] == "approved"
    assert api_client.post(f"{URL}{review.pk}/withdraw/", {"reason": "x"}, format="json").status_code == 403


def test_discussions_through_the_api(api_client, major, head, deputy, handler):
    response = _post(
        api_client,
        head,
        DISCUSSIONS,
        {"penalty_case": major.pk, "topic": "benchmark_deviation", "question": "是否同意偏离"},
    )
    assert response.status_code == 201
    pk = response.json()["id"]
    people = [
        {"user": head.pk, "opinion": "同意", "position": "局长"},
        {"user": deputy.pk, "opinion": "同意"},
        {"user": handler.pk, "opinion": "同意"},
    ]
    body = _post(
        api_client,
        head,
        f"{DISCUSSIONS}{pk}/conclude/",
        {"participants": people, "conclusion": "adopted", "conclusion_text": "同意"},
    ).json()
    assert (body["state"], body["conclusion"], [p["name"] for p in body["participants"]]) == (
        "concluded",
        "adopted",
        ["郑负责", "钱副局", "李承办"],
    )
    assert isinstance(body["minutes_document"], int)
