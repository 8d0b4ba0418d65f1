"""R-REV-005 / R-PER-008: the reviewer is of the legal unit (or a configured external reviewer), never a handler
or investigator of the case, and a first-time reviewer holds 法律职业资格."""

from __future__ import annotations

from datetime import date

import pytest

from tests.org.factories import UserFactory
from tests.personnel.factories import OfficerFactory
from tests.review.review_support import approved, conclude, major_case, submit
from zhifa.cases.models import CaseHandler
from zhifa.core.errors import PermissionDenied
from zhifa.org.choices import Role
from zhifa.personnel.models import Officer
from zhifa.review import services
from zhifa.review.errors import ReviewError
from zhifa.review.models import ExternalReviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(filed_case, handler, head, lead, co):
    return submit(major_case(filed_case, handler, head, lead, co), handler)


def _refused(review, user):
    with pytest.raises(ReviewError) as excinfo:
        services.take_legal_review(actor=user, review=review)
    review.refresh_from_db()
    assert (review.state, review.current_round.reviewer) == ("submitted", None)
    assert excinfo.value.field == "reviewer"
    return excinfo.value.message


def test_r_rev_005_a_reviewer_who_handles_the_case_is_refused(submitted, agency, legal_unit, handler):
    """A legal reviewer who is also one of the case's handlers."""
    user = UserFactory(username="both", name="兼办人", agency=agency, roles=[Role.LEGAL_REVIEWER, Role.HANDLER])
    user.department = legal_unit
    user.save(update_fields=["department"])
    officer = OfficerFactory(agency=agency, user=user, name="兼办人", department=legal_unit, reviewer=True)
    CaseHandler.objects.create(penalty_case=submitted.penalty_case, officer=officer, role="co")
    assert _refused(submitted, user) == "兼办人是本案承办人，不得审核本案（R-REV-005）"


def test_r_rev_005_an_investigator_of_the_case_is_refused(submitted, agency, legal_unit, lead):
    """Someone who took part in an investigative step (linked to the step, not only to the case)."""
    user = UserFactory(username="investigator", name="调查员", agency=agency, roles=[Role.LEGAL_REVIEWER])
    user.department = legal_unit
    user.save(update_fields=["department"])
    officer = OfficerFactory(agency=agency, user=user, name="调查员", department=legal_unit, reviewer=True)
    submitted.penalty_case.investigative_steps.first().officers.add(officer)
    assert _refused(submitted, user) == "调查员参与了本案调查取证，不得审核本案（R-REV-005）"


def test_r_per_008_a_first_time_reviewer_without_the_qualification_is_refused(submitted, reviewer, reviewer_officer):
    reviewer_officer.has_legal_professional_qualification = False
    reviewer_officer.save(update_fields=["has_legal_professional_qualification"])
    assert "初次从事行政处罚决定法制审核，应当通过国家统一法律职业资格考试" in _refused(submitted, reviewer)


def test_r_per_008_a_reviewer_who_reviewed_before_needs_no_qualification(
    filed_case, handler, head, lead, co, reviewer, reviewer_officer, second_reviewer
):
    """Only the FIRST review needs 法律职业资格 (处罚法 第58条): an experienced reviewer without it may go on."""
    case = major_case(filed_case, handler, head, lead, co)
    approved(case, handler, reviewer)  # a first review, qualified
    for user in (reviewer, second_reviewer):
        Officer.objects.filter(user=user).update(has_legal_professional_qualification=False)
    assert services.reviewer_refusal(reviewer, case) is None
    assert "初次从事" in services.reviewer_refusal(second_reviewer, case)


def test_r_rev_005_a_reviewer_outside_the_legal_unit_is_refused(submitted, agency, legal_reviewer):
    OfficerFactory(agency=agency, user=legal_reviewer, name="冯法制", reviewer=True)  # no legal unit
    assert _refused(submitted, legal_reviewer) == "冯法制不在本单位法制机构，不能承担法制审核（R-REV-005）"


def test_r_rev_005_a_user_without_the_reviewer_role_may_not_take_it(submitted, head):
    with pytest.raises(PermissionDenied):
        services.take_legal_review(actor=head, review=submitted)


def test_r_rev_005_a_bureau_reviewer_reviews_only_when_appointed(submitted, bureau):
    bureau.short_name = "示司"
    bureau.save(update_fields=["short_name"])
    user = UserFactory(username="pool", name="司法局审核员", agency=bureau, roles=[Role.LEGAL_REVIEWER])
    OfficerFactory(agency=bureau, user=user, name="司法局审核员", reviewer=True)
    with pytest.raises(PermissionDenied):
        services.take_legal_review(actor=user, review=submitted)
    ExternalReviewer.objects.create(
        agency=submitted.penalty_case.agency, user=user, capacity="judicial_bureau", appointed_on=date(2026, 1, 5)
    )
    review = services.take_legal_review(actor=user, review=submitted)
    assert (review.state, review.current_round.reviewer) == ("in_review", user)
    review = conclude(review, user)
    document = review.current_round.document
    assert (document.agency, document.subject_id) == (bureau, str(submitted.penalty_case_id))  # in its own name


def test_eligible_reviewers_lists_those_who_may_take_it(submitted, reviewer, second_reviewer):
    assert services.eligible_reviewers(submitted.penalty_case) == [reviewer, second_reviewer]
