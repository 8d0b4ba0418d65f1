"""R-REV-005 / R-PER-008 / R-REV-011: a 法律顾问 (or 公职律师) who belongs to no agency reviews for the agency that
appointed them — the active appointment is what makes them a reviewer (no agency, so no role of their own), the
法律职业资格 the appointment records answers the first-review rule — end to end through the API: the queue, 受理,
审核意见, and the 法制审核意见书 issued as a PDF in the name of the agency reviewed for."""

from __future__ import annotations

from datetime import date

import pytest

from tests.org.factories import UserFactory
from tests.review.review_support import major_case, submit
from zhifa.review import services
from zhifa.review.choices import ReviewCheck
from zhifa.review.models import ExternalReviewer

pytestmark = pytest.mark.django_db
URL = "/api/v1/legal-reviews/"
CHECKS = [{"point": p, "result": "ok", "comment": ""} for p in ReviewCheck.values]


@pytest.fixture
def lawyer(db):
    return UserFactory(username="lawyer", name="陆律师", agency=None)


@pytest.fixture
def submitted(filed_case, handler, head, lead, co):
    return submit(major_case(filed_case, handler, head, lead, co), handler)


def _appoint(agency, lawyer, *, qualified=True, active=True):
    return ExternalReviewer.objects.create(
        agency=agency,
        user=lawyer,
        capacity="legal_adviser",
        has_legal_professional_qualification=qualified,
        appointed_on=date(2026, 1, 5),
        is_active=active,
    )


def test_r_rev_005_an_appointed_lawyer_without_an_agency_takes_concludes_and_issues_the_opinion(
    api_client, client, submitted, lawyer, agency
):
    _appoint(agency, lawyer)
    client.force_login(lawyer)
    queue = client.get("/legal-reviews/?tab=queue")
    assert [r.pk for r in queue.context["page"].object_list] == [submitted.pk]
    assert services.eligible_reviewers(submitted.penalty_case)[-1] == lawyer
    api_client.force_authenticate(lawyer)
    assert api_client.get(URL).json()["results"][0]["id"] == submitted.pk
    assert api_client.post(f"{URL}{submitted.pk}/take/", {}, format="json").json()["state"] == "in_review"
    body = api_client.post(
        f"{URL}{submitted.pk}/conclude/", {"outcome": "approve", "checks": CHECKS, "opinion": "同意"}, format="json"
    ).json()
    assert (body["state"], body["rounds"][0]["reviewer_name"], body["rounds"][0]["document_number"]) == (
        "approved",
        "陆律师",
        "示市监法审〔2026〕1号",
    )
    submitted.refresh_from_db()
    document = submitted.current_round.document
    assert (document.state, document.agency, document.issued_by, len(document.pdf_digest)) == (
        "issued",
        agency,
        lawyer,
        64,  # SM3 of the PDF (R-REV-011: filed in the case)
    )
    assert "法制审核人员签名：陆律师" in document.html
    page = client.get(f"/legal-reviews/{submitted.pk}/")  # the review page, the case file read-only (R-REC-007)
    assert page.status_code == 200 and "示范县市场监督管理局" in page.content.decode()
    assert services.review_passed(submitted.penalty_case) is True


def test_r_per_008_a_first_review_needs_the_qualification_the_appointment_records(submitted, lawyer, agency):
    appointment = _appoint(agency, lawyer, qualified=False)
    assert services.reviewer_refusal(lawyer, submitted.penalty_case) == (
        "陆律师初次从事行政处罚决定法制审核，应当通过国家统一法律职业资格考试取得法律职业资格（处罚法第58条，R-REV-005、R-PER-008）"
    )
    appointment.has_legal_professional_qualification = True
    appointment.save(update_fields=["has_legal_professional_qualification"])
    assert services.reviewer_refusal(lawyer, submitted.penalty_case) is None


def test_r_rev_005_without_an_active_appointment_the_lawyer_sees_nothing(api_client, submitted, lawyer, agency):
    _appoint(agency, lawyer, active=False)
    api_client.force_authenticate(lawyer)
    assert api_client.post(f"{URL}{submitted.pk}/take/", {}, format="json").status_code == 404
    assert services.reviewer_refusal(lawyer, submitted.penalty_case) == "陆律师不是法制审核人员（R-REV-005）"
    submitted.refresh_from_db()
    assert (submitted.state, submitted.current_round.reviewer) == ("submitted", None)


def test_r_rev_005_an_appointment_for_another_agency_does_not_count(submitted, lawyer, other_agency):
    _appoint(other_agency, lawyer)
    assert services.reviewer_refusal(lawyer, submitted.penalty_case) == "陆律师不是法制审核人员（R-REV-005）"
