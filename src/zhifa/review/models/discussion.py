"""集体讨论 (GLOSSARY ``CollectiveDiscussion``): the agency's heads decide a major decision (R-PEN-014), a
disagreement between the handler and the legal reviewer (R-REV-009) or a deviation from the discretion benchmark
(R-DIS-005). Participants, each one's opinion, the conclusion and the minutes (集体讨论记录) are kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django_fsm import FSMField, transition

from zhifa.core.models import TimestampedModel
from zhifa.review.choices import CollectiveDiscussionState, DiscussionConclusion, DiscussionTopic
from zhifa.review.querysets import CollectiveDiscussionQuerySet

S = CollectiveDiscussionState


class CollectiveDiscussion(TimestampedModel):
    """集体讨论 of one question of a case. A head convenes it; the chair (a head) records who took part, what each
    said and the conclusion; the minutes are issued as a document filed in the case (``minutes_document``).
    ``basis`` is the case's proposal as it stood when the conclusion was reached (a later change needs a new one).
    """

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="collective_discussions"
    )
    topic = models.CharField("讨论事由", max_length=30, choices=DiscussionTopic.choices)
    question = models.TextField("议题")
    legal_review = models.ForeignKey(
        "review.LegalReview",
        verbose_name="所涉法制审核",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="discussions",
    )
    state = FSMField("状态", max_length=20, choices=S.choices, default=S.CONVENED, protected=False)
    convened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="召集人", on_delete=models.PROTECT, related_name="+"
    )
    convened_on = models.DateField("召集日期")
    held_on = models.DateField("讨论日期", null=True, blank=True)
    place = models.CharField("地点", max_length=100, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="主持人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    conclusion = models.CharField("结论", max_length=20, choices=DiscussionConclusion.choices, blank=True)
    conclusion_text = models.TextField("讨论决定", blank=True)
    basis = models.JSONField("讨论时的拟处理意见", default=dict, blank=True)
    minutes_document = models.ForeignKey(
        "documents.Document",
        verbose_name="集体讨论记录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cancelled_on = models.DateField("取消日期", null=True, blank=True)
    cancellation_reason = models.TextField("取消原因", blank=True)

    objects = CollectiveDiscussionQuerySet.as_manager()

    class Meta:
        verbose_name = "集体讨论"
        verbose_name_plural = "集体讨论"
        ordering = ["-id"]
        indexes = [models.Index(fields=["penalty_case", "topic", "-id"], name="review_cd_case_topic_idx")]

    def __str__(self) -> str:
        return f"集体讨论：{self.get_topic_display()}（{self.get_state_display()}）"

    @property
    def is_adopted(self) -> bool:
        return self.state == S.CONCLUDED and self.conclusion == DiscussionConclusion.ADOPTED

    @transition(field=state, source=S.CONVENED, target=S.CONCLUDED)
    def conclude(self) -> None:
        """The chair records the conclusion."""

    @transition(field=state, source=S.CONVENED, target=S.CANCELLED)
    def cancel(self) -> None:
        """The case left the step the discussion was about (终止, 恢复办理, 补充调查) before it was held."""


class DiscussionParticipant(models.Model):
    """One participant of a collective discussion and the opinion they gave (each recorded, R-PEN-014)."""

    discussion = models.ForeignKey(
        CollectiveDiscussion, verbose_name="集体讨论", on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="参加人", on_delete=models.PROTECT, related_name="+"
    )
    position = models.CharField("职务", max_length=50, blank=True)
    opinion = models.TextField("发表意见")

    class Meta:
        verbose_name = "参加人员"
        verbose_name_plural = "参加人员"
        ordering = ["discussion_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["discussion", "user"], name="review_discussionparticipant_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user}：{self.opinion[:20]}"
