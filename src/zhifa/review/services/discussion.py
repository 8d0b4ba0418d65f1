"""集体讨论 (R-PEN-014 major decisions, R-REV-009 review disputes, R-DIS-005 benchmark deviations).

A head convenes it on a case; the chair (a head) records each participant's opinion and the conclusion; the
minutes (集体讨论记录) are issued and filed in the case. A major-decision discussion holds the case in 集体讨论中
and returns it to 待决定; a dispute discussion decides the dispute (the motion is “维持法制审核意见”).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from zhifa.cases.choices import PenaltyCaseState, Procedure
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services._common import lock, note
from zhifa.core.permissions import require
from zhifa.org.choices import Role
from zhifa.review.choices import (
    CollectiveDiscussionState,
    DiscussionConclusion,
    DiscussionTopic,
    DisputeResolution,
    LegalReviewState,
)
from zhifa.review.errors import ReviewError, ReviewStateConflict
from zhifa.review.models import CollectiveDiscussion, DiscussionParticipant, LegalReview
from zhifa.review.services._common import (
    day_between,
    lock_discussion,
    lock_review,
    move_case,
    note_discussion,
    step,
    text,
)
from zhifa.review.services.disputes import settle_dispute
from zhifa.review.services.gate import basis_of, review_passed
from zhifa.review.services.paperwork import issue_minutes

T = DiscussionTopic
# 集体讨论 is by the heads collectively (负责人集体讨论, R-PEN-014); no national quorum — local practice: at least three
# people, at least two of them heads of the case's agency (one head alone is not collective), chaired by a head
# (``review.conclude_discussion`` is the head's permission, and the chair takes part).
MIN_PARTICIPANTS = 3
MIN_HEADS = 2


@dataclass(frozen=True)
class ParticipantInput:
    user: Any
    opinion: str
    position: str = ""


def _check_topic(case: PenaltyCase, topic: str, legal_review: LegalReview | None) -> None:
    if topic not in T.values:
        raise ReviewError(f"讨论事由“{topic}”无效", field="topic")
    if case.procedure != Procedure.GENERAL or not case.is_open:
        raise ReviewStateConflict("只有尚未办结的一般程序案件可以提交集体讨论", field="penalty_case")
    if topic == T.MAJOR_DECISION:
        if case.state != PenaltyCaseState.AWAITING_DECISION:
            raise ReviewStateConflict(
                f"案件当前状态为“{case.get_state_display()}”，报请决定后方可提交负责人集体讨论（R-PEN-014）",
                field="state",
            )
        if case.requires_legal_review and not review_passed(case):
            raise ReviewError("重大执法决定须经法制审核通过后方可提交集体讨论（R-REV-004）", field="legal_review")
    if topic == T.REVIEW_DISPUTE:
        if legal_review is None or legal_review.penalty_case_id != case.pk:
            raise ReviewError("请选择本案存在意见分歧的法制审核", field="legal_review")
        if legal_review.state != LegalReviewState.DISPUTED:
            raise ReviewStateConflict("该法制审核没有待决定的意见分歧（R-REV-009）", field="legal_review")
    elif legal_review is not None:
        raise ReviewError("只有法制审核意见分歧的集体讨论关联法制审核", field="legal_review")


@transaction.atomic
def convene_discussion(
    *,
    actor: Any,
    case: PenaltyCase,
    topic: str,
    question: str,
    legal_review: LegalReview | None = None,
    convened_on: date | None = None,
) -> CollectiveDiscussion:
    """负责人召集集体讨论. A major decision waits in 集体讨论中 until the conclusion (R-PEN-014)."""
    case = lock(case)
    require(actor, "review.convene_discussion", case, message="只有本单位负责人可以召集集体讨论")
    if legal_review is not None and legal_review.penalty_case_id == case.pk:
        legal_review = lock_review(legal_review, case=case)
    _check_topic(case, topic, legal_review)
    if CollectiveDiscussion.objects.filter(penalty_case=case, topic=topic, state=CollectiveDiscussionState.CONVENED):
        raise ReviewStateConflict("本案已有同一事由、尚未作出结论的集体讨论", field="topic")
    question = text(question, field="question", message="请填写讨论的议题")
    disputed_on = legal_review.disputed_on if legal_review is not None else None
    day = day_between(
        convened_on,
        field="convened_on",
        label="召集日期",
        not_before=disputed_on or case.filed_on,
        after_what="提出分歧的日期" if disputed_on else "立案日期",
    )
    discussion = CollectiveDiscussion.objects.create(
        penalty_case=case,
        topic=topic,
        question=question,
        legal_review=legal_review,
        convened_by=actor,
        convened_on=day,
    )
    if topic == T.MAJOR_DECISION:
        move_case(case, case.submit_for_discussion, "提交集体讨论")
        case.save(update_fields=["state", "updated_at"])
        note(case, "submitted_for_discussion", actor, discussion_id=discussion.pk)
    note_discussion(discussion, "convened", actor, question=question, convened_on=day)
    return discussion


def _participants(case: PenaltyCase, actor: Any, rows: list[ParticipantInput], review: LegalReview | None) -> None:
    users = {row.user.pk: row for row in rows}
    if len(users) != len(rows):
        raise ReviewError("参加人员重复", field="participants")
    if len(users) < MIN_PARTICIPANTS:
        raise ReviewError(f"集体讨论的参加人员不得少于{MIN_PARTICIPANTS}人（R-PEN-014）", field="participants")
    if actor.pk not in users:
        raise ReviewError("主持人应当参加讨论并发表意见", field="participants")
    reviewer_id = review.current_round.reviewer_id if review is not None and review.current_round else None
    outsiders = [r.user.name for r in rows if r.user.agency_id != case.agency_id and r.user.pk != reviewer_id]
    if outsiders:
        raise ReviewError(f"{'、'.join(outsiders)}不是本单位人员，不能参加本单位集体讨论", field="participants")
    heads = [r for r in rows if r.user.agency_id == case.agency_id and r.user.has_role(Role.HEAD)]
    if len(heads) < MIN_HEADS:
        raise ReviewError(
            f"负责人集体讨论应有本单位{MIN_HEADS}名以上负责人参加，本次参加的负责人{len(heads)}人（R-PEN-014）",
            field="participants",
        )
    silent = [r.user.name for r in rows if not r.opinion.strip()]
    if silent:
        raise ReviewError(f"请记录{'、'.join(silent)}发表的意见", field="participants")


@transaction.atomic
def conclude_discussion(
    *,
    actor: Any,
    discussion: CollectiveDiscussion,
    participants: list[ParticipantInput],
    conclusion: str,
    conclusion_text: str,
    place: str = "",
    held_on: date | None = None,
) -> CollectiveDiscussion:
    """主持人记录讨论: each participant's opinion, the conclusion; the minutes are issued and filed (R-PEN-014)."""
    discussion = lock_discussion(discussion)
    case = discussion.penalty_case
    require(actor, "review.conclude_discussion", case, message="只有本单位负责人可以主持集体讨论并记录结论")
    review = lock_review(discussion.legal_review, case=case) if discussion.legal_review is not None else None
    step(discussion, discussion.conclude, "记录讨论结论")
    _participants(case, actor, participants, review)
    if conclusion not in DiscussionConclusion.values:
        raise ReviewError(f"讨论结论“{conclusion}”无效", field="conclusion")
    discussion.conclusion = conclusion
    discussion.conclusion_text = text(conclusion_text, field="conclusion_text", message="请填写讨论决定的内容")
    discussion.held_on = day_between(
        held_on, field="held_on", label="讨论日期", not_before=discussion.convened_on, after_what="召集日期"
    )
    discussion.place, discussion.chair = place.strip(), actor
    discussion.basis = basis_of(case)
    discussion.save()
    DiscussionParticipant.objects.bulk_create(
        DiscussionParticipant(
            discussion=discussion, user=r.user, position=r.position.strip(), opinion=r.opinion.strip()
        )
        for r in participants
    )
    discussion.minutes_document = issue_minutes(discussion=discussion, actor=actor)
    discussion.save(update_fields=["minutes_document"])
    if discussion.topic == T.MAJOR_DECISION:
        move_case(case, case.conclude_discussion, "结束集体讨论")
        case.save(update_fields=["state", "updated_at"])
        note(case, "discussion_concluded", actor, discussion_id=discussion.pk, conclusion=conclusion)
    if review is not None:
        resolution = (
            DisputeResolution.REVIEW_UPHELD
            if conclusion == DiscussionConclusion.ADOPTED
            else DisputeResolution.HANDLER_UPHELD
        )
        review.penalty_case = case
        settle_dispute(
            review,
            actor=actor,
            resolution=resolution,
            reason=discussion.conclusion_text,
            discussion=discussion,
            resolved_on=discussion.held_on,
        )
    note_discussion(
        discussion,
        "concluded",
        actor,
        conclusion=conclusion,
        held_on=discussion.held_on,
        participants=[r.user.pk for r in participants],
        document_id=discussion.minutes_document.pk,
    )
    return discussion
