"""法制审核 (重大执法决定法制审核, R-REV-001..011): one review of a case's major decision, its rounds (each
submission and the opinion on it), the checklist of each round, and the configured external reviewers."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django_fsm import RETURN_VALUE, FSMField, transition

from zhifa.core.models import TimestampedModel
from zhifa.review.choices import (
    CheckResult,
    DisputeResolution,
    ExternalReviewerCapacity,
    LegalReviewState,
    ReviewCheck,
    ReviewOutcome,
    ReviewStage,
)
from zhifa.review.querysets import ExternalReviewerQuerySet, LegalReviewQuerySet

S = LegalReviewState
OPEN_STATES = [S.SUBMITTED, S.IN_REVIEW, S.DISPUTED]
USER = settings.AUTH_USER_MODEL


def _user(label: str, *, null: bool = True) -> models.ForeignKey:
    return models.ForeignKey(
        USER, verbose_name=label, null=null, blank=null, on_delete=models.PROTECT, related_name="+"
    )


class LegalReview(TimestampedModel):
    """法制审核 of one major decision of a penalty case (R-REV-004: 必经程序).

    The handler submits it with the material list (R-REV-006); an eligible reviewer of the legal unit (or a
    configured external reviewer, R-REV-005) takes it, works through the checklist (R-REV-007) and writes the
    opinion 同意/变更/纠正/补充/移送 (R-REV-008). 补充 returns it to the handler, whose resubmission opens the next
    ``round``; every round is kept (``rounds``). A handler who disagrees with the opinion raises a dispute that
    the head or a collective discussion settles (R-REV-009). ``approved_basis`` is the case's proposal the
    approval covers: a later change of facts or penalty needs a new review (``review.services.gate``).
    """

    penalty_case = models.ForeignKey(
        "cases.PenaltyCase", verbose_name="案件", on_delete=models.PROTECT, related_name="legal_reviews"
    )
    stage = models.CharField("审核环节", max_length=20, choices=ReviewStage.choices)
    return_state = models.CharField("送审前的案件环节", max_length=30)
    state = FSMField("状态", max_length=20, choices=S.choices, default=S.SUBMITTED, protected=False)
    round = models.PositiveSmallIntegerField("审核轮次", default=1)
    current_round = models.ForeignKey(
        "review.ReviewRound",
        verbose_name="本轮",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.CharField("审核意见", max_length=20, choices=ReviewOutcome.choices, blank=True)
    approved_basis = models.JSONField("审核通过的拟处理意见", default=dict, blank=True)
    # 意见分歧 (R-REV-009)
    dispute_reason = models.TextField("承办机构的不同意见", blank=True)
    disputed_by = _user("提出分歧")
    disputed_on = models.DateField("提出分歧日期", null=True, blank=True)
    resolution = models.CharField("分歧处理结果", max_length=20, choices=DisputeResolution.choices, blank=True)
    resolution_reason = models.TextField("分歧处理理由", blank=True)
    resolved_by = _user("分歧决定人")
    resolved_on = models.DateField("分歧处理日期", null=True, blank=True)
    discussion = models.ForeignKey(
        "review.CollectiveDiscussion",
        verbose_name="集体讨论",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn_by = _user("撤回人")
    withdrawn_on = models.DateField("撤回日期", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回理由", blank=True)

    objects = LegalReviewQuerySet.as_manager()

    class Meta:
        verbose_name = "法制审核"
        verbose_name_plural = "法制审核"
        ordering = ["-id"]
        indexes = [models.Index(fields=["penalty_case", "-id"], name="review_lr_case_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["penalty_case"],
                condition=models.Q(state__in=OPEN_STATES),
                name="review_legalreview_unique_open_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"法制审核（第{self.round}轮）{self.get_state_display()}"

    @property
    def is_open(self) -> bool:
        """送审 until the opinion, or a dispute waiting for the head: the case is 法制审核中."""
        return self.state in OPEN_STATES

    @property
    def passes(self) -> bool:
        """The review ended in approval (同意/变更/纠正) or in the reviewer's direction to transfer (移送)."""
        return self.state in (S.APPROVED, S.TRANSFERRED)

    # --- transitions (called by review.services only) -------------------------------------------------------
    @transition(field=state, source=S.RETURNED, target=S.SUBMITTED)
    def resubmit(self) -> None:
        """补充后再次送审: the next round (R-REV-008)."""
        self.round += 1

    @transition(field=state, source=S.SUBMITTED, target=S.IN_REVIEW)
    def start(self) -> None:
        """法制审核人员受理."""

    @transition(field=state, source=S.IN_REVIEW, target=S.APPROVED)
    def approve(self) -> None:
        """同意 / 变更 / 纠正."""

    @transition(field=state, source=S.IN_REVIEW, target=S.RETURNED)
    def return_for_supplement(self) -> None:
        """补充: back to the handler."""

    @transition(field=state, source=S.IN_REVIEW, target=S.TRANSFERRED)
    def recommend_transfer(self) -> None:
        """移送: suspected crime, to the judiciary (R-TRN-001)."""

    @transition(field=state, source=[S.APPROVED, S.RETURNED, S.TRANSFERRED], target=S.DISPUTED)
    def dispute(self) -> None:
        """意见分歧 (R-REV-009): the handler does not accept the opinion."""

    @transition(field=state, source=S.DISPUTED, target=RETURN_VALUE(S.APPROVED, S.RETURNED, S.TRANSFERRED))
    def settle(self, to: str) -> str:
        """The head or a collective discussion decided the dispute."""
        return to

    @transition(field=state, source=[S.SUBMITTED, S.IN_REVIEW, S.RETURNED], target=S.WITHDRAWN)
    def withdraw(self) -> None:
        """承办机构撤回送审."""

    @transition(field=state, source=[*OPEN_STATES, S.RETURNED], target=S.WITHDRAWN)
    def close_with_case(self) -> None:
        """The case left the review by another route (终止, 移送后恢复办理, 补充调查): the review ends as 已撤回, the
        reason recorded (``withdrawal_reason``)."""


MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class ReviewRound(models.Model):
    """One round of a legal review: the submission (materials, the handler's statement, the case's proposal as
    submitted) and the reviewer's opinion on it, with its time limit (R-REV-010) and the opinion document
    (R-REV-011). Resubmission after 补充 opens a new round; earlier rounds stay as they were."""

    legal_review = models.ForeignKey(
        LegalReview, verbose_name="法制审核", on_delete=models.PROTECT, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField("轮次")
    # 送审 (R-REV-006)
    submitted_by = _user("送审人", null=False)
    submitted_on = models.DateField("送审日期")
    materials = models.JSONField("送审材料", default=list)
    statement = models.TextField("承办机构意见")
    supplement_note = models.TextField("补充情况说明", blank=True)
    basis = models.JSONField("送审时的拟处理意见", default=dict)
    # 审核时限 (R-REV-010)
    review_deadline = models.DateField("审核期限")
    original_deadline = models.DateField("原审核期限", null=True, blank=True)
    extension_reason = models.TextField("延长理由", blank=True)
    extended_by = _user("批准延长")
    extended_on = models.DateField("批准延长日期", null=True, blank=True)
    # R-TIME-008: the time limit does not run while the case is 中止; on resumption it moves by the paused days
    deadline_before_suspension = models.DateField("中止前的审核期限", null=True, blank=True)
    suspended_working_days = models.PositiveSmallIntegerField("案件中止的工作日数", default=0)
    # 审核 (R-REV-007/008)
    reviewer = _user("法制审核人员")
    started_on = models.DateField("受理日期", null=True, blank=True)
    outcome = models.CharField("审核意见", max_length=20, choices=ReviewOutcome.choices, blank=True)
    opinion = models.TextField("审核意见及理由", blank=True)
    changes = models.TextField("变更/纠正内容", blank=True)
    amended_kinds = models.JSONField("变更后的处罚种类", null=True, blank=True)
    amended_fine_amount = models.DecimalField("变更后的罚款（元）", null=True, blank=True, **MONEY)
    amended_confiscation_amount = models.DecimalField("变更后的没收违法所得（元）", null=True, blank=True, **MONEY)
    concluded_on = models.DateField("审核日期", null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="法制审核意见书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "审核轮次"
        verbose_name_plural = "审核轮次"
        ordering = ["legal_review_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["legal_review", "number"], name="review_reviewround_unique_number"),
        ]

    def __str__(self) -> str:
        return f"第{self.number}轮"

    @property
    def is_extended(self) -> bool:
        return self.original_deadline is not None

    @property
    def is_concluded(self) -> bool:
        return bool(self.outcome)


class ReviewCheckResult(models.Model):
    """One point of the checklist of a round (R-REV-007): 无问题, or 存在问题 with what the problem is."""

    review_round = models.ForeignKey(
        ReviewRound, verbose_name="审核轮次", on_delete=models.CASCADE, related_name="check_results"
    )
    point = models.CharField("审核要点", max_length=30, choices=ReviewCheck.choices)
    result = models.CharField("审核结果", max_length=10, choices=CheckResult.choices)
    comment = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "审核要点"
        verbose_name_plural = "审核要点"
        ordering = ["review_round_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review_round", "point"], name="review_reviewcheckresult_unique_point"),
        ]

    def __str__(self) -> str:
        return f"{self.get_point_display()}：{self.get_result_display()}"


class ExternalReviewer(models.Model):
    """A reviewer from outside the agency's legal unit who may review its cases when configured (R-REV-005):
    a legal reviewer of the 司法局's pool, the agency's 法律顾问 or a 公职律师."""

    agency = models.ForeignKey(
        "org.Agency", verbose_name="服务的执法主体", on_delete=models.PROTECT, related_name="external_reviewers"
    )
    user = models.ForeignKey(USER, verbose_name="审核人员", on_delete=models.PROTECT, related_name="+")
    capacity = models.CharField("身份", max_length=30, choices=ExternalReviewerCapacity.choices)
    has_legal_professional_qualification = models.BooleanField(
        "具有法律职业资格",
        default=False,
        help_text="由聘任或指派单位核实（律师、公职律师执业均须具有）；初次从事法制审核须具有（R-REV-005、R-PER-008）",
    )
    appointed_on = models.DateField("聘任/指派日期")
    is_active = models.BooleanField("在任", default=True)

    objects = ExternalReviewerQuerySet.as_manager()

    class Meta:
        verbose_name = "外部法制审核人员"
        verbose_name_plural = "外部法制审核人员（司法局、法律顾问、公职律师）"
        ordering = ["agency_id", "user_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "user"], name="review_externalreviewer_unique_agency_user"),
        ]

    def __str__(self) -> str:
        return f"{self.get_capacity_display()} {self.user}"
