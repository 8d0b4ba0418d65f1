"""Staff UI forms of the 强制执行决定前审核 (R-REV-002/006): the enforcement proposal with the submission. They parse
input; ``review.services.enforcement_review`` checks every rule."""

from __future__ import annotations

from typing import Any

from django import forms

from zhifa.cases.choices import CompulsoryMethod
from zhifa.cases.views.forms import DATE, TEXT, StepForm
from zhifa.review.choices import SubmissionMaterial
from zhifa.review.services import latest_review, required_enforcement_materials

CHECKBOXES = forms.CheckboxSelectMultiple


class EnforcementSubmitForm(StepForm):
    """The proposal (what the review approves and the decision must match) and the submission (R-REV-006)."""

    methods = forms.MultipleChoiceField(
        label="拟采取的强制执行方式", choices=CompulsoryMethod.choices, required=False, widget=CHECKBOXES
    )
    legal_basis = forms.CharField(label="授权本机关强制执行的法律条款（《……法》第…条）", widget=TEXT, required=False)
    scheduled_on = forms.DateField(label="拟强制执行时间", widget=DATE)
    is_immediate = forms.BooleanField(label="立即强制执行（当事人有转移或者隐匿财物的迹象）", required=False)
    is_urgent = forms.BooleanField(label="情况紧急（须在法定节假日或休息日实施）", required=False)
    materials = forms.MultipleChoiceField(
        label="送审材料", choices=SubmissionMaterial.choices, required=False, widget=CHECKBOXES
    )
    statement = forms.CharField(label="承办机构意见", widget=TEXT, required=False)
    declaration = forms.BooleanField(
        label="承办机构对送审材料的真实性、准确性、完整性及来源的合法性负责", required=False
    )
    submitted_on = forms.DateField(label="送审日期", widget=DATE)
    field_aliases = {"demand_notice": "methods", "penalty_case": "methods", "state": "methods"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.case is not None and "materials" not in self.initial:
            self.initial["materials"] = required_enforcement_materials(self.case)


class EnforcementResubmitForm(EnforcementSubmitForm):
    """补充后再次送审: the proposal of the returned round is offered for amendment."""

    supplement_note = forms.CharField(label="补充情况说明", widget=TEXT, required=False)
    field_order = ["supplement_note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        review = latest_review(self.case, enforcement=True) if self.case is not None else None
        basis = review.current_round.basis if review is not None and review.current_round is not None else {}
        for name in ("methods", "legal_basis", "scheduled_on", "is_immediate", "is_urgent"):
            if name in basis:
                self.initial[name] = basis[name]
