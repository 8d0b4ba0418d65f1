"""R-REV-001: the grounds of a major decision that only a person can judge — 重大公共利益, 重大社会影响或社会风险,
疑难复杂/多个法律关系, 法律法规规章规定 — are ticked at 案件审核 with a written reason, stored on the case, and make the
decision major (computed: ``requires_legal_review`` is never ticked). The catalog's “其他” rows are ticked the same
way. The reassessment after a reviewer's 变更 keeps them; so do the API and the staff form. R-PEN-014: such a major
penalty is then decided by the heads' collective discussion."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.cases.conftest import investigate
from tests.review.review_support import checks
from zhifa.cases import services as case_services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.catalog.models import MajorDecisionCriterion
from zhifa.review import services
from zhifa.review.services import needs_discussion

pytestmark = pytest.mark.django_db
REASON = "涉及辖区学校食堂供餐安全，社会关注度高"


def _investigated(case, handler, lead, co, fine="3000.00"):
    return investigate(case, handler, lead, co, fine=Decimal(fine), kinds=("fine",))


def _review(case, head, **kwargs):
    return case_services.complete_case_review(
        actor=head, case=case, route="penalty", facts_clear=True, opinion="同意", **kwargs
    )


def test_r_rev_001_judged_grounds_make_a_small_fine_major(filed_case, handler, head, lead, co):
    _investigated(filed_case, handler, lead, co)
    case = _review(filed_case, head, major_criteria=["social_impact", "public_interest"], major_criteria_reason=REASON)
    assert (case.requires_legal_review, case.legal_review_reasons, case.major_criteria, case.major_criteria_reason) == (
        True,
        ["案件审核认定：涉及重大公共利益", "案件审核认定：可能造成重大社会影响或引发社会风险"],
        ["public_interest", "social_impact"],
        REASON,
    )


def test_r_rev_001_without_a_ground_a_small_fine_is_not_major(filed_case, handler, head, lead, co):
    _investigated(filed_case, handler, lead, co)
    case = _review(filed_case, head)
    assert (case.requires_legal_review, case.legal_review_reasons, case.major_criteria) == (False, [], [])


@pytest.mark.parametrize(
    ("criteria", "reason", "field", "message"),
    [
        (["complex"], " ", "major_criteria_reason", "认定属于重大执法决定情形的，须写明认定理由（R-REV-001）"),
        (["major"], REASON, "major_criteria", "重大执法决定情形“major”无效或不适用于本案"),
    ],
    ids=["no-reason", "unknown"],
)
def test_r_rev_001_a_ticked_ground_needs_its_reason(
    filed_case, handler, head, lead, co, criteria, reason, field, message
):
    _investigated(filed_case, handler, lead, co)
    with pytest.raises(CaseError) as excinfo:
        _review(filed_case, head, major_criteria=criteria, major_criteria_reason=reason)
    assert (excinfo.value.field, excinfo.value.message) == (field, message)
    case = PenaltyCase.objects.get(pk=filed_case.pk)
    assert (case.state, case.major_criteria, case.requires_legal_review) == ("under_case_review", [], False)


def test_r_rev_001_no_reason_is_kept_without_a_ground(filed_case, handler, head, lead, co):
    _investigated(filed_case, handler, lead, co)
    assert _review(filed_case, head, major_criteria_reason="无").major_criteria_reason == ""


def test_r_rev_002_an_other_row_of_the_catalog_is_ticked_when_it_applies(
    filed_case, handler, head, lead, co, agency, other_agency
):
    mine = MajorDecisionCriterion.objects.create(kind="other", agency=agency, description="涉及民生保障的食品案件")
    theirs = MajorDecisionCriterion.objects.create(kind="other", agency=other_agency, description="他局")
    _investigated(filed_case, handler, lead, co)
    with pytest.raises(CaseError) as excinfo:
        _review(filed_case, head, major_criteria=[f"catalog_other:{theirs.pk}"], major_criteria_reason=REASON)
    assert excinfo.value.field == "major_criteria"
    case = _review(filed_case, head, major_criteria=[f"catalog_other:{mine.pk}"], major_criteria_reason=REASON)
    assert case.legal_review_reasons == ["目录清单：其他——涉及民生保障的食品案件"]


def test_r_rev_001_an_amendment_keeps_the_judged_grounds(filed_case, handler, head, lead, co, reviewer):
    """变更: the reviewer lowers the fine; the reassessment (``proposal._reassess``) keeps the judged ground."""
    _investigated(filed_case, handler, lead, co)
    case = _review(filed_case, head, major_criteria=["complex"], major_criteria_reason="涉及三个法律关系")
    review = services.submit_legal_review(
        actor=handler,
        case=case,
        materials=services.required_materials(case),
        statement="请审核",
        declaration=True,
    )
    services.take_legal_review(actor=reviewer, review=review)
    services.conclude_legal_review(
        actor=reviewer,
        review=review,
        outcome="amend",
        checks=checks(discretion_appropriate="罚款偏高"),
        opinion="变更罚款数额",
        changes="罚款变更为二千元",
        amended_kinds=["fine"],
        amended_fine_amount=Decimal("2000.00"),
    )
    case = PenaltyCase.objects.get(pk=case.pk)
    assert (case.proposed_fine_amount, case.requires_legal_review, case.legal_review_reasons) == (
        Decimal("2000.00"),
        True,
        ["案件审核认定：案件情况疑难复杂、涉及多个法律关系"],
    )
    assert services.review_passed(case) is True


def test_r_pen_014_a_judged_major_penalty_needs_the_collective_discussion(filed_case, handler, head, lead, co):
    _investigated(filed_case, handler, lead, co)
    case = _review(filed_case, head, major_criteria=["required_by_law"], major_criteria_reason="依《某条例》第十条")
    PenaltyCase.objects.filter(pk=case.pk).update(state="awaiting_decision")
    assert needs_discussion(PenaltyCase.objects.get(pk=case.pk)) is True


def test_the_api_takes_the_judged_grounds(api_client, filed_case, handler, head, lead, co):
    _investigated(filed_case, handler, lead, co)
    api_client.force_authenticate(head)
    url = f"/api/v1/penalty-cases/{filed_case.pk}/complete-case-review/"
    refused = api_client.post(
        url, {"route": "penalty", "facts_clear": True, "major_criteria": ["complex"]}, format="json"
    )
    assert (refused.status_code, refused.json()["field"]) == (400, "major_criteria_reason")
    body = api_client.post(
        url,
        {
            "route": "penalty",
            "facts_clear": True,
            "major_criteria": ["complex"],
            "major_criteria_reason": "多个法律关系",
        },
        format="json",
    ).json()
    assert (body["requires_legal_review"], body["major_criteria"], body["major_criteria_reason"]) == (
        True,
        ["complex"],
        "多个法律关系",
    )


def test_the_staff_form_offers_the_grounds_and_the_catalog_rows(client, filed_case, handler, head, lead, co, agency):
    row = MajorDecisionCriterion.objects.create(kind="other", agency=agency, description="涉及民生保障的食品案件")
    _investigated(filed_case, handler, lead, co)
    client.force_login(head)
    url = f"/cases/{filed_case.pk}/steps/complete-case-review/"
    page = client.get(f"/cases/{filed_case.pk}/").content.decode()
    assert "可能造成重大社会影响或引发社会风险" in page and "目录清单：其他——涉及民生保障的食品案件" in page
    prefix = "complete-case-review-"
    response = client.post(
        url,
        {
            f"{prefix}route": "penalty",
            f"{prefix}facts_clear": "on",
            f"{prefix}major_criteria": ["public_interest", f"catalog_other:{row.pk}"],
            f"{prefix}major_criteria_reason": REASON,
        },
    )
    assert response.status_code == 302
    case = PenaltyCase.objects.get(pk=filed_case.pk)
    assert case.legal_review_reasons == ["案件审核认定：涉及重大公共利益", "目录清单：其他——涉及民生保障的食品案件"]
