"""集体讨论: R-PEN-014 (major decisions; participants, each opinion, conclusion, minutes filed), R-DIS-005 (the
hook ``discussion_approved`` the discretion app calls for a benchmark deviation)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.org.factories import UserFactory
from tests.review.review_support import major_case
from zhifa.cases.models import PenaltyCase
from zhifa.core.errors import PermissionDenied
from zhifa.documents.models import Document
from zhifa.org.choices import Role
from zhifa.review import services
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.services import ParticipantInput

pytestmark = pytest.mark.django_db


@pytest.fixture
def deviation(filed_case, handler, head, lead, co):
    """A case whose proposed fine deviates from the benchmark: the discretion app asks for a discussion."""
    case = major_case(filed_case, handler, head, lead, co, fine=Decimal("20000"))
    return services.convene_discussion(
        actor=head, case=case, topic="benchmark_deviation", question="拟罚款两万元，高于基准一般档，是否同意"
    )


def _people(head, deputy, handler):
    return [
        ParticipantInput(head, "同意偏离，当事人多次违法", "局长"),
        ParticipantInput(deputy, "同意", "副局长"),
        ParticipantInput(handler, "建议从重", "承办人"),
    ]


def test_r_pen_014_the_minutes_record_each_participant_and_are_filed(deviation, head, deputy, handler):
    discussion = services.conclude_discussion(
        actor=head,
        discussion=deviation,
        participants=_people(head, deputy, handler),
        conclusion="adopted",
        conclusion_text="同意罚款两万元。",
        place="局会议室",
    )
    assert (discussion.state, discussion.chair, discussion.participants.count()) == ("concluded", head, 3)
    minutes = discussion.minutes_document
    assert (minutes.kind, minutes.number, minutes.subject_id) == (
        "discussion_minutes",
        None,
        str(deviation.penalty_case_id),
    )
    assert Document.objects.of_subject(deviation.penalty_case).filter(kind="discussion_minutes").count() == 1
    assert "建议从重" in minutes.html and "同意罚款两万元。" in minutes.html


def test_r_pen_014_at_least_three_participants_a_head_among_them_each_with_an_opinion(
    deviation, head, deputy, handler, colleague
):
    def refused(people):
        with pytest.raises(ReviewError) as excinfo:
            services.conclude_discussion(
                actor=head, discussion=deviation, participants=people, conclusion="adopted", conclusion_text="同意"
            )
        deviation.refresh_from_db()
        assert (deviation.state, deviation.participants.count()) == ("convened", 0)
        return excinfo.value.message

    assert refused(_people(head, deputy, handler)[:2]) == "集体讨论的参加人员不得少于3人（R-PEN-014）"
    assert refused(
        [ParticipantInput(deputy, "同意"), ParticipantInput(handler, "同意"), ParticipantInput(colleague, "同意")]
    ) == ("主持人应当参加讨论并发表意见")
    assert refused([*_people(head, deputy, handler)[:2], ParticipantInput(colleague, " ")]) == "请记录周协办发表的意见"
    outsider = UserFactory(username="outsider", name="外单位", roles=[Role.HEAD])
    assert "不是本单位人员" in refused([*_people(head, deputy, handler)[:2], ParticipantInput(outsider, "同意")])


def test_only_a_head_convenes_and_concludes(filed_case, handler, head, lead, co, deputy):
    case = major_case(filed_case, handler, head, lead, co)
    with pytest.raises(PermissionDenied):
        services.convene_discussion(actor=handler, case=case, topic="benchmark_deviation", question="x")


def test_r_pen_014_a_major_decision_is_discussed_only_after_its_review(filed_case, handler, head, lead, co):
    case = major_case(filed_case, handler, head, lead, co)
    with pytest.raises(ReviewStateConflict) as excinfo:
        services.convene_discussion(actor=head, case=case, topic="major_decision", question="讨论")
    assert "报请决定后" in excinfo.value.message


def test_r_dis_005_discussion_approved_for_the_proposal_discussed_only(deviation, head, deputy, handler):
    case = deviation.penalty_case
    assert services.discussion_approved(case, "benchmark_deviation") is False  # not yet concluded
    services.conclude_discussion(
        actor=head,
        discussion=deviation,
        participants=_people(head, deputy, handler),
        conclusion="adopted",
        conclusion_text="同意",
    )
    assert services.discussion_approved(case, "benchmark_deviation") is True
    assert services.discussion_approved(case, "major_decision") is False
    PenaltyCase.objects.filter(pk=case.pk).update(proposed_fine_amount=Decimal("30000"))
    assert services.discussion_approved(PenaltyCase.objects.get(pk=case.pk), "benchmark_deviation") is False


def test_r_dis_005_a_rejected_deviation_is_not_approved(deviation, head, deputy, handler):
    services.conclude_discussion(
        actor=head,
        discussion=deviation,
        participants=_people(head, deputy, handler),
        conclusion="rejected",
        conclusion_text="不同意偏离，按基准一般档处罚",
    )
    assert services.discussion_approved(deviation.penalty_case, "benchmark_deviation") is False


def test_r_pen_014_two_heads_of_the_agency_take_part(deviation, head, handler, colleague, reviewer):
    """负责人集体讨论: one head and two others is not collective (at least 2 heads of the case's agency)."""
    with pytest.raises(ReviewError) as excinfo:
        services.conclude_discussion(
            actor=head,
            discussion=deviation,
            participants=[
                ParticipantInput(head, "同意", "局长"),
                ParticipantInput(handler, "同意", "承办人"),
                ParticipantInput(colleague, "同意", "协办人"),
                ParticipantInput(reviewer, "同意", "法制审核人员"),
            ],
            conclusion="adopted",
            conclusion_text="同意",
        )
    assert (excinfo.value.field, excinfo.value.message) == (
        "participants",
        "负责人集体讨论应有本单位2名以上负责人参加，本次参加的负责人1人（R-PEN-014）",
    )
    deviation.refresh_from_db()
    assert (deviation.state, deviation.participants.count()) == ("convened", 0)
