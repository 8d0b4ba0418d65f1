"""The 强制执行决定前审核 through the API (``POST /api/v1/legal-reviews/enforcement/``, then the review's own steps and
``resubmit-enforcement``) and the staff pages (待送审, the submission form, the review page with the proposal and the
resubmission step): anonymous / outside the data scope / permitted, a refusal changing nothing (R-REV-002/004/006)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cases.conftest import notified_case
from tests.cases.execution_support import demand, fixture_executing_case, on, reload
from tests.review.enforcement_approvals import TAX_LAW, enforcement_reviewer, submit_enforcement
from tests.review.review_support import conclude
from zhifa.review import services
from zhifa.review.choices import ReviewCheck
from zhifa.review.models import LegalReview

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case", "notified_case"]
URL = "/api/v1/legal-reviews/"
DAY = date(2026, 4, 27)
MATERIALS = ["penalty_decision", "demand_notice", "draft_enforcement_decision", "legal_basis"]


@pytest.fixture
def demanded(executing_case, handler):
    demand(executing_case, handler, date(2026, 4, 17), date(2026, 4, 24))
    return reload(executing_case)


def _proposal(case, **extra):
    return {
        "penalty_case": case.pk,
        "methods": ["transfer_deposits"],
        "legal_basis": TAX_LAW,
        "scheduled_on": "2026-04-30",
        "materials": MATERIALS,
        "statement": "经催告仍不履行，拟强制执行",
        "declaration": True,
    } | extra


def _post(api_client, user, url, data=None):
    api_client.force_authenticate(user)
    with on(DAY):
        return api_client.post(url, data or {}, format="json")


def test_anonymous_and_other_agency_are_refused_and_nothing_changes(api_client, demanded, other_agency_handler):
    assert api_client.post(f"{URL}enforcement/", _proposal(demanded), format="json").status_code == 401
    response = _post(api_client, other_agency_handler, f"{URL}enforcement/", _proposal(demanded))
    assert (response.status_code, response.json()) == (
        400,
        {"penalty_case": [f"案件：编号为{demanded.pk}的记录不存在或不在您的数据范围内"]},
    )
    assert LegalReview.objects.count() == 0


def test_a_refusal_names_its_field_and_changes_nothing(api_client, demanded, handler):
    response = _post(api_client, handler, f"{URL}enforcement/", _proposal(demanded, materials=["demand_notice"]))
    assert (response.status_code, response.json()["field"]) == (400, "materials")
    assert LegalReview.objects.count() == 0


def test_submitted_taken_returned_resubmitted_and_approved_through_the_api(api_client, demanded, handler):
    reviewer = enforcement_reviewer(demanded.agency)
    body = _post(api_client, handler, f"{URL}enforcement/", _proposal(demanded)).json()
    pk = body["id"]
    assert (body["stage"], body["state"], body["rounds"][0]["basis"]["scheduled_on"]) == (
        "before_enforcement",
        "submitted",
        "2026-04-30",
    )
    assert _post(api_client, reviewer, f"{URL}{pk}/take/").json()["state"] == "in_review"
    checks = [
        {"point": p, "result": "problem" if p == "procedure_lawful" else "ok", "comment": "执行时间过早"}
        for p in ReviewCheck.values
    ]
    body = _post(
        api_client, reviewer, f"{URL}{pk}/conclude/", {"outcome": "supplement", "checks": checks, "opinion": "请调整"}
    )
    assert body.json()["state"] == "returned"
    resubmit = _proposal(demanded, scheduled_on="2026-05-06", supplement_note="执行时间调整为5月6日")
    del resubmit["penalty_case"]
    response = _post(api_client, handler, f"{URL}{pk}/resubmit-enforcement/", resubmit)
    body = response.json()
    assert (body["state"], body["round"], body["rounds"][1]["basis"]["scheduled_on"]) == ("submitted", 2, "2026-05-06")
    assert reload(demanded).state == "executing"


def test_the_to_submit_tab_lists_the_enforcement_decision_and_the_form_submits_it(client, demanded, handler):
    with on(DAY):
        client.force_login(handler)
        page = client.get("/legal-reviews/?tab=to-submit")
        assert [c.pk for c in page.context["enforcement_cases"]] == [demanded.pk]
        url = f"/legal-reviews/new-enforcement/?case={demanded.pk}"
        page = client.get(url)
        assert page.status_code == 200 and "目录清单：行政强制执行决定" in page.content.decode()
        data = {
            "methods": ["transfer_deposits"],
            "legal_basis": TAX_LAW,
            "scheduled_on": "2026-04-30",
            "materials": MATERIALS,
            "statement": "请审核",
            "submitted_on": "2026-04-27",
        }
        refused = client.post(url, data)
        assert refused.status_code == 400 and "请确认后送审（R-REV-006）" in refused.content.decode()
        assert LegalReview.objects.count() == 0
        response = client.post(url, data | {"declaration": "on"})
    review = LegalReview.objects.get()
    assert (response.status_code, response.url, review.stage) == (
        302,
        f"/legal-reviews/{review.pk}/",
        "before_enforcement",
    )
    with on(DAY):
        assert client.get("/legal-reviews/?tab=to-submit").context["enforcement_cases"] == []


def test_the_review_page_shows_the_proposal_and_offers_the_resubmission(client, demanded, handler):
    review = submit_enforcement(demanded, day=DAY, scheduled_on=date(2026, 4, 30))
    reviewer = enforcement_reviewer(demanded.agency)
    with on(DAY):
        services.take_legal_review(actor=reviewer, review=review)
        conclude(review, reviewer, "supplement", problems={"procedure_lawful": "执行时间过早"})
        client.force_login(handler)
        page = client.get(f"/legal-reviews/{review.pk}/")
        html = page.content.decode()
        assert "拟作出行政强制执行决定，强制执行方式：划拨存款、汇款；拟执行时间：2026年4月30日" in html
        assert "作出强制执行决定前，案件仍在执行中" in html
        assert [p.step.action for p in page.context["panels"]][:1] == ["resubmit-enforcement"]
        prefix = "resubmit-enforcement-"
        response = client.post(
            f"/legal-reviews/{review.pk}/steps/resubmit-enforcement/",
            {
                f"{prefix}supplement_note": "执行时间调整为5月6日",
                f"{prefix}methods": ["transfer_deposits"],
                f"{prefix}legal_basis": TAX_LAW,
                f"{prefix}scheduled_on": "2026-05-06",
                f"{prefix}materials": MATERIALS,
                f"{prefix}statement": "已调整",
                f"{prefix}declaration": "on",
                f"{prefix}submitted_on": "2026-04-27",
            },
        )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.state, review.round, review.current_round.basis["scheduled_on"]) == ("submitted", 2, "2026-05-06")
