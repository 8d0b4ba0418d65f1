"""Staff UI: 待我审核 with deadlines, the submission form, the review page (the case file read-only; opening it is a
recorded read, R-REC-007) with the checklist form, the discussion page."""

from __future__ import annotations

import pytest

from tests.review.review_support import major_case, submit
from zhifa.cases.models import PenaltyCase
from zhifa.ledger.models import Event
from zhifa.review.choices import ReviewCheck
from zhifa.review.models import CollectiveDiscussion, LegalReview

pytestmark = pytest.mark.django_db


@pytest.fixture
def major(filed_case, handler, head, lead, co):
    return major_case(filed_case, handler, head, lead, co)


def test_the_handler_submits_through_the_form(client, major, handler):
    client.force_login(handler)
    page = client.get(f"/legal-reviews/new/?case={major.pk}")
    assert page.status_code == 200 and "调查终结报告、证据材料" in page.content.decode()
    refused = client.post(
        f"/legal-reviews/new/?case={major.pk}",
        {"materials": ["evidence"], "statement": "请审核", "submitted_on": "2026-03-02"},
    )
    assert refused.status_code == 400 and "送审材料不全" in refused.content.decode()
    data = {
        "materials": ["investigation_report", "evidence", "draft_decision", "legal_basis"],
        "statement": "请审核",
        "declaration": "on",
        "submitted_on": "2026-03-02",
    }
    response = client.post(f"/legal-reviews/new/?case={major.pk}", data)
    review = LegalReview.objects.get()
    assert (response.status_code, response.url) == (302, f"/legal-reviews/{review.pk}/")


def test_the_queue_shows_what_waits_for_the_reviewer_with_its_deadline(client, major, handler, reviewer):
    submit(major, handler)
    client.force_login(reviewer)
    response = client.get("/legal-reviews/")
    assert response.context["tab"] == "queue"
    assert [r.penalty_case_id for r in response.context["page"].object_list] == [major.pk]
    assert "2026年3月11日" in response.content.decode() and "待受理" in response.content.decode()
    client.force_login(handler)
    response = client.get("/legal-reviews/?tab=to-submit")
    assert list(response.context["page"].object_list) == []  # submitted: no longer waiting to be submitted


def test_to_submit_lists_major_cases_without_an_approved_review(client, major, handler):
    client.force_login(handler)
    response = client.get("/legal-reviews/?tab=to-submit")
    assert [c.pk for c in response.context["page"].object_list] == [major.pk]


def test_the_review_page_is_a_recorded_read_and_takes_the_checklist(client, major, handler, reviewer):
    review = submit(major, handler)
    client.force_login(reviewer)
    page = client.get(f"/legal-reviews/{review.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert ("案卷（只读）" in html, "发现超过保质期的食品12件" in html) == (True, True)
    viewed = Event.objects.filter(event_type="penalty_case.viewed", subject_id=str(major.pk), actor=reviewer)
    assert viewed.count() == 1
    assert client.post(f"/legal-reviews/{review.pk}/steps/take/", {"take-started_on": "2026-03-02"}).status_code == 302
    data = {f"conclude-result_{p}": "ok" for p in ReviewCheck.values}
    data.update({"conclude-outcome": "approve", "conclude-opinion": "同意", "conclude-concluded_on": "2026-03-02"})
    data.update({"conclude-result_facts_clear": "problem", "conclude-comment_facts_clear": "货值金额未查清"})
    refused = client.post(f"/legal-reviews/{review.pk}/steps/conclude/", data)
    assert refused.status_code == 400 and "不能作出同意的审核意见" in refused.content.decode()
    data["conclude-result_facts_clear"] = "ok"
    assert client.post(f"/legal-reviews/{review.pk}/steps/conclude/", data).status_code == 302
    review.refresh_from_db()
    assert (review.state, PenaltyCase.objects.get(pk=major.pk).state) == ("approved", "under_case_review")


def test_other_agencies_get_404(client, major, handler, other_agency_handler):
    review = submit(major, handler)
    client.force_login(other_agency_handler)
    assert client.get(f"/legal-reviews/{review.pk}/").status_code == 404
    assert client.post(f"/legal-reviews/{review.pk}/steps/take/", {}).status_code == 404


def test_a_discussion_is_convened_and_concluded_through_the_pages(client, major, head, deputy, handler):
    client.force_login(head)
    response = client.post(
        "/collective-discussions/new/",
        {"case": major.pk, "topic": "benchmark_deviation", "question": "是否同意偏离", "convened_on": "2026-03-02"},
    )
    discussion = CollectiveDiscussion.objects.get()
    assert response.url == f"/collective-discussions/{discussion.pk}/"
    data = {
        "conclude-user_1": head.pk,
        "conclude-opinion_1": "同意",
        "conclude-user_2": deputy.pk,
        "conclude-opinion_2": "同意",
        "conclude-user_3": handler.pk,
        "conclude-opinion_3": "同意",
        "conclude-conclusion": "adopted",
        "conclude-conclusion_text": "同意偏离基准",
        "conclude-held_on": "2026-03-02",
    }
    assert client.post(f"/collective-discussions/{discussion.pk}/steps/conclude/", data).status_code == 302
    page = client.get(f"/collective-discussions/{discussion.pk}/")
    assert "同意偏离基准" in page.content.decode() and page.context["participants"].count() == 3
