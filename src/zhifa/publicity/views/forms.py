"""Staff UI forms of publicity: one small form per step. They only parse input; the services check every rule."""

from __future__ import annotations

from typing import Any

from django import forms

from zhifa.cases.views.forms import DATE, TEXT, StepForm
from zhifa.publicity.choices import ExemptionReason, PublicationKind, WithdrawalGround
from zhifa.publicity.services import ExclusionInput
from zhifa.publicity.services.sources import MEASURE_SECTIONS, PENALTY_SECTIONS

SECTIONS_BY_KIND = {
    PublicationKind.PENALTY_DECISION: PENALTY_SECTIONS,
    PublicationKind.COERCIVE_MEASURE: MEASURE_SECTIONS,
}


class SubmitForm(StepForm):
    """提交公示: the parts or phrases withheld (R-PRV-002), with their ground and reason."""

    field_aliases = {"exclusions": "withheld_phrases"}

    withheld_sections = forms.MultipleChoiceField(
        label="整体不予公开的部分", choices=(), required=False, widget=forms.CheckboxSelectMultiple
    )
    withheld_phrases = forms.CharField(
        label="不予公开的文字（每行一段，须与决定书原文一致）", widget=TEXT, required=False
    )
    ground = forms.ChoiceField(
        label="不予公开的理由类别", choices=[("", "—"), *ExemptionReason.choices], required=False
    )
    reason = forms.CharField(label="具体理由（不公开）", widget=TEXT, required=False)

    def __init__(self, *args: Any, kind: str = PublicationKind.PENALTY_DECISION, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["withheld_sections"]
        field.choices = list(SECTIONS_BY_KIND.get(PublicationKind(kind), ()))

    @staticmethod
    def service_data(data: dict[str, Any]) -> dict[str, Any]:
        ground, reason = data.get("ground") or "", data.get("reason") or ""
        items = [ExclusionInput(ground=ground, reason=reason, key=key) for key in data.get("withheld_sections", [])]
        phrases = [line.strip() for line in (data.get("withheld_phrases") or "").splitlines() if line.strip()]
        items += [ExclusionInput(ground=ground, reason=reason, text=phrase) for phrase in phrases]
        return {"exclusions": items}


class ReasonForm(StepForm):
    reason = forms.CharField(label="理由", widget=TEXT)


class ExemptForm(StepForm):
    field_aliases = {"exemption_reason": "reason", "exemption_note": "note_text"}

    reason = forms.ChoiceField(label="不予公开理由", choices=ExemptionReason.choices)
    note_text = forms.CharField(label="具体理由", widget=TEXT)


class WithdrawForm(StepForm):
    field_aliases = {"withdrawal_ground": "ground", "withdrawal_reason": "reason"}

    ground = forms.ChoiceField(label="撤下情形", choices=WithdrawalGround.choices)
    ground_on = forms.DateField(label="情形发生日期", widget=DATE)
    reason = forms.CharField(label="撤下理由", widget=TEXT)
