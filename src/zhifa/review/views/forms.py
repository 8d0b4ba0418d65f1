"""Staff UI forms of legal review and collective discussion: they parse input; the services check every rule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Q

from zhifa.cases.views.forms import DATE, TEXT, StepForm
from zhifa.catalog.choices import PenaltyKind
from zhifa.org.models import User
from zhifa.review.choices import (
    CheckResult,
    DiscussionConclusion,
    DiscussionTopic,
    DisputeResolution,
    ReviewCheck,
    ReviewOutcome,
    SubmissionMaterial,
)
from zhifa.review.models import ExternalReviewer
from zhifa.review.services import CheckInput, ParticipantInput, required_materials

PARTICIPANT_ROWS = 6


def _date(label: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE, **kwargs)


def _money(label: str) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=14, decimal_places=2, min_value=0, required=False)


class SubmitForm(StepForm):
    """送审 (R-REV-006): the materials (the required ones ticked by default), the statement, the declaration."""

    materials = forms.MultipleChoiceField(
        label="送审材料", choices=SubmissionMaterial.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    statement = forms.CharField(label="承办机构意见", widget=TEXT, required=False)
    declaration = forms.BooleanField(
        label="承办机构对送审材料的真实性、准确性、完整性及来源的合法性负责", required=False
    )
    submitted_on = _date("送审日期")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.case is not None and "materials" not in self.initial:
            self.initial["materials"] = required_materials(self.case)


class ResubmitForm(SubmitForm):
    supplement_note = forms.CharField(label="补充情况说明", widget=TEXT, required=False)

    field_order = ["supplement_note", "materials", "statement", "declaration", "submitted_on"]


class TakeForm(StepForm):
    started_on = _date("受理日期")


class ConcludeForm(StepForm):
    """The checklist (R-REV-007): each point 无问题 / 存在问题 with the problem; then the opinion (R-REV-008)."""

    outcome = forms.ChoiceField(label="审核意见", choices=ReviewOutcome.choices)
    opinion = forms.CharField(label="审核意见及理由", widget=TEXT, required=False)
    changes = forms.CharField(label="变更/纠正的内容", widget=TEXT, required=False)
    amended_kinds = forms.MultipleChoiceField(
        label="变更后的处罚种类（仅“变更”）",
        choices=PenaltyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    amended_fine_amount = _money("变更后的罚款（元）")
    amended_confiscation_amount = _money("变更后的没收违法所得（元）")
    concluded_on = _date("审核日期")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        checklist: dict[str, forms.Field] = {}
        for point, label in ReviewCheck.choices:
            checklist[f"result_{point}"] = forms.ChoiceField(
                label=label, choices=CheckResult.choices, initial=CheckResult.OK, widget=forms.RadioSelect
            )
            checklist[f"comment_{point}"] = forms.CharField(label=f"{label}：问题说明", required=False)
        self.fields = {**checklist, **self.fields}

    @staticmethod
    def service_data(cleaned: dict[str, Any]) -> dict[str, Any]:
        data = dict(cleaned)
        checks = [
            CheckInput(point, data.pop(f"result_{point}"), data.pop(f"comment_{point}", ""))
            for point in ReviewCheck.values
        ]
        amended = data.pop("amended_kinds")
        fine, confiscation = data.pop("amended_fine_amount"), data.pop("amended_confiscation_amount")
        if data["outcome"] == ReviewOutcome.AMEND:
            data.update(
                amended_kinds=list(amended),
                amended_fine_amount=fine if fine is not None else Decimal("0"),
                amended_confiscation_amount=confiscation if confiscation is not None else Decimal("0"),
            )
        return {**data, "checks": checks}


class ReasonForm(StepForm):
    reason = forms.CharField(label="理由", widget=TEXT, required=False)


class ResolveForm(StepForm):
    resolution = forms.ChoiceField(label="决定", choices=DisputeResolution.choices)
    reason = forms.CharField(label="理由", widget=TEXT, required=False)


class ConveneForm(StepForm):
    topic = forms.ChoiceField(label="讨论事由", choices=DiscussionTopic.choices)
    question = forms.CharField(label="议题", widget=TEXT, required=False)
    convened_on = _date("召集日期")


def _agency_users(agency_id: int | None) -> Any:
    external = ExternalReviewer.objects.filter(agency_id=agency_id, is_active=True).values("user_id")
    return User.objects.filter(Q(agency_id=agency_id) | Q(pk__in=external), is_active=True).order_by("pk")


class ConcludeDiscussionForm(StepForm):
    """Up to six participants, each with the opinion they gave; blank rows are ignored."""

    conclusion = forms.ChoiceField(label="结论", choices=DiscussionConclusion.choices)
    conclusion_text = forms.CharField(label="讨论决定", widget=TEXT, required=False)
    place = forms.CharField(label="地点", max_length=100, required=False)
    held_on = _date("讨论日期")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        users = _agency_users(self.case.agency_id if self.case is not None else None)
        rows: dict[str, forms.Field] = {}
        for i in range(1, PARTICIPANT_ROWS + 1):
            rows[f"user_{i}"] = forms.ModelChoiceField(label=f"参加人员{i}", queryset=users, required=False)
            rows[f"position_{i}"] = forms.CharField(label=f"参加人员{i}职务", max_length=50, required=False)
            rows[f"opinion_{i}"] = forms.CharField(label=f"参加人员{i}发表的意见", required=False)
        self.fields = {**rows, **self.fields}

    @staticmethod
    def service_data(cleaned: dict[str, Any]) -> dict[str, Any]:
        data = dict(cleaned)
        participants = []
        for i in range(1, PARTICIPANT_ROWS + 1):
            user = data.pop(f"user_{i}")
            position, opinion = data.pop(f"position_{i}"), data.pop(f"opinion_{i}")
            if user is not None:
                participants.append(ParticipantInput(user=user, opinion=opinion, position=position))
        return {**data, "participants": participants}
