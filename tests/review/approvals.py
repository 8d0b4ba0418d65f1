"""A real approval of a major decision, for the tests of any app (R-REV-004, R-PEN-014).

The legal-review gate of the cases app opens only when every registered check says yes; the review app's check
asks for an approved legal review of the case's *current* proposal and, at the decision stage of a major penalty,
for the heads' collective discussion. Tests that need the gate open build those records through the review
services, never a stand-in check:

- ``approve_legal_review``: 送审 → 受理 → 同意 (every checklist point answered 无问题), by a qualified reviewer of
  the agency's 法制机构 (R-REV-005/006/007/008);
- ``approve_major_decision``: the 集体讨论 of the decision adopted by the heads (R-PEN-014);
- the ``review_gate_open`` fixture: every case review of the test that makes the decision major is followed by
  its approved legal review.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.org.factories import UserFactory
from tests.personnel.factories import OfficerFactory
from tests.review.review_support import approved
from zhifa.cases import services as case_services
from zhifa.cases.models import PenaltyCase
from zhifa.org.choices import Role
from zhifa.org.models import Agency, Department, User
from zhifa.personnel.models import Officer
from zhifa.review import services
from zhifa.review.choices import DiscussionTopic
from zhifa.review.models import CollectiveDiscussion, LegalReview

SHORT_NAME = "示市监"  # the 机关代字 of the 法制审核意见书's 文号 (示市监法审〔2026〕1号, R-REV-011)


def legal_unit_of(agency: Agency) -> Department:
    """The agency's 法制机构 (法制股), created the first time it is asked for; the agency gets its 机关代字 too."""
    if not agency.short_name:
        Agency.objects.filter(pk=agency.pk).update(short_name=SHORT_NAME)
        agency.short_name = SHORT_NAME
    unit, _ = Department.objects.get_or_create(agency=agency, is_legal_unit=True, defaults={"name": "法制股"})
    return unit


def qualified_reviewer(user: Any) -> Officer:
    """R-REV-005: ``user`` (a 法制审核人员 of an agency) sits in its 法制机构 and holds 法律职业资格. Asking twice
    returns the same officer."""
    unit = legal_unit_of(user.agency)
    if user.department_id != unit.pk:
        user.department = unit
        user.save(update_fields=["department"])
    officer = Officer.objects.filter(user_id=user.pk).first()
    if officer is None:
        officer = OfficerFactory(agency=user.agency, user=user, name=user.name, department=unit, reviewer=True)
    return officer


def approve_legal_review(case: PenaltyCase, *, handler: Any, reviewer: Any) -> LegalReview:
    """The handler submits the case's current proposal, ``reviewer`` takes it and approves it (同意) on a full
    checklist: the case goes back to where it was, and the gate's review check says yes (R-REV-004)."""
    qualified_reviewer(reviewer)
    review = approved(PenaltyCase.objects.get(pk=case.pk), handler, reviewer)
    assert services.review_passed(PenaltyCase.objects.get(pk=case.pk)), "the approval must open the review check"
    return review


def deputy_head(agency: Agency) -> User:
    """钱副局: a second head of the agency (a 集体讨论 has two heads or more, R-PEN-014). Asking twice returns the
    same user."""
    existing = User.objects.filter(username="deputy").first()
    return existing or UserFactory(username="deputy", name="钱副局", agency=agency, roles=[Role.HEAD])


def approve_major_decision(case: PenaltyCase, *, head: Any, members: list[Any]) -> CollectiveDiscussion:
    """R-PEN-014: ``head`` convenes and chairs the 集体讨论 of the major decision; it and ``members`` (at least two
    more people of the agency, one of them a head: ``deputy_head``) agree. The case must be 待决定 with its legal
    review approved."""
    discussion = services.convene_discussion(
        actor=head,
        case=PenaltyCase.objects.get(pk=case.pk),
        topic=DiscussionTopic.MAJOR_DECISION,
        question="本案属于重大执法决定，请集体讨论决定",
    )
    return services.conclude_discussion(
        actor=head,
        discussion=discussion,
        participants=[
            services.ParticipantInput(user, "同意拟作出的处罚决定", "负责人" if user.has_role(Role.HEAD) else "")
            for user in [head, *members]
        ],
        conclusion="adopted",
        conclusion_text="同意按拟处理意见作出处罚决定。",
        place="局三楼会议室",
    )


@pytest.fixture(name="review_gate_open")
def fixture_review_gate_open(monkeypatch, handler, legal_reviewer):
    """The legal review follows the case review: for this test, each ``cases.services.complete_case_review`` that
    leaves a major decision (R-REV-001/002) is followed by ``approve_legal_review`` by the ``legal_reviewer``
    persona — real records, checked by the real gate (R-REV-004). Only calls made through the
    ``zhifa.cases.services`` package are followed; the collective discussion (R-PEN-014) is not held."""
    complete_case_review = case_services.complete_case_review

    def reviewed(**kwargs: Any) -> PenaltyCase:
        case = complete_case_review(**kwargs)
        if case.requires_legal_review:
            approve_legal_review(case, handler=handler, reviewer=legal_reviewer)
            case = PenaltyCase.objects.get(pk=case.pk)
        return case

    monkeypatch.setattr(case_services, "complete_case_review", reviewed)
