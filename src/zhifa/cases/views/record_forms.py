"""Staff UI forms of 强制措施, 听证 and 涉嫌犯罪移送: one small form per step. They only parse input; every rule is
checked by the service the step calls, whose Chinese refusal is shown next to the field it names. Text fields the
service checks (reasons, places, transcripts) are optional here so that the service's message, with its rule ID,
is the one the officer sees."""

from __future__ import annotations

from typing import Any

from django import forms

from zhifa.cases.choices import (
    CoerciveDisposal,
    CoerciveMeasureKind,
    CoerciveReleaseGround,
    CriminalTransferPoliceDecision,
    HearingClosedReason,
    HearingWaiverReason,
    TransferMaterial,
)
from zhifa.cases.services.transfer import REQUIRED_MATERIALS
from zhifa.cases.views.forms import DATE, TEXT, StepForm, _date, _scoped
from zhifa.catalog.choices import ItemKind
from zhifa.catalog.models import EnforcementItem
from zhifa.core.calendar import today
from zhifa.personnel.models import Officer

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
CHECKBOXES = forms.CheckboxSelectMultiple


def _text(label: str, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, widget=TEXT, required=False, **kwargs)


def _officers(label: str) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(label=label, queryset=Officer.objects.none(), widget=CHECKBOXES)


def _officer(label: str, *, required: bool = True) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=Officer.objects.none(), required=required)


class _AgencyOfficers(StepForm):
    """Officer choices: officers on post of the case's agency, in the user's scope (the service checks the rest:
    certificates, investigators, recusals). Multi-choice officer fields start with the case's handlers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_id = self.case.agency_id if self.case is not None else getattr(self.user, "agency_id", None)
        officers = Officer.objects.visible_to(self.user).filter(agency_id=agency_id).on_post().order_by("name", "id")
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField) or getattr(field.queryset, "model", None) is not Officer:
                continue
            _scoped(self, name, officers)
            if isinstance(field, forms.ModelMultipleChoiceField) and self.case is not None:
                self.initial.setdefault(name, [h.officer_id for h in self.case.handlers.all()])


# --- 行政强制措施 (R-COE-001..009) -------------------------------------------------------------------------------


class ApplyMeasureForm(StepForm):
    kind = forms.ChoiceField(label="措施种类", choices=CoerciveMeasureKind.choices)
    enforcement_item = forms.ModelChoiceField(
        label="行政强制事项（本单位执法事项清单）", queryset=EnforcementItem.objects.none(), required=False
    )
    place = forms.CharField(label="实施地点", max_length=200, required=False)
    reason = _text("实施理由")
    legal_basis = _text("法律依据")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_id = self.case.agency_id if self.case is not None else None
        items = EnforcementItem.objects.visible_to(self.user).filter(kind=ItemKind.COERCION, agency_id=agency_id)
        _scoped(self, "enforcement_item", items.order_by("name", "id"))


class EmergencyMeasureForm(_AgencyOfficers, ApplyMeasureForm):
    officers = _officers("实施人员（至少2人，持有效执法证）")


class StartMeasureForm(_AgencyOfficers):
    officers = _officers("实施人员（至少2人，持有效执法证）")


class ExtendMeasureForm(StepForm):
    days = forms.IntegerField(label="延长天数（不超过30日）", min_value=1, max_value=365)
    reason = _text("延长理由")


class TestingPeriodForm(StepForm):
    days = forms.IntegerField(label="检测、检验、检疫或技术鉴定期间（日）", min_value=1, max_value=365)
    told_on = _date("书面告知当事人日期")


RELEASE_GROUNDS = [(k, v) for k, v in CoerciveReleaseGround.choices if k != CoerciveReleaseGround.DISAPPROVED]


class ReleaseMeasureForm(StepForm):
    ground = forms.ChoiceField(label="解除情形", choices=RELEASE_GROUNDS)
    reason = _text("解除理由")


class DisapproveMeasureForm(StepForm):
    reason = _text("不予批准的理由")


class DisposeMeasureForm(StepForm):
    disposal = forms.ChoiceField(label="处理方式", choices=CoerciveDisposal.choices)
    note = _text("处理说明")


class InventoryRowForm(forms.Form):
    """One 清单 row; a row left empty is skipped, anything else goes to ``add_inventory_item`` (R-COE-006)."""

    name = forms.CharField(label="名称", max_length=200, required=False)
    specification = forms.CharField(label="规格型号", max_length=200, required=False)
    quantity = forms.DecimalField(label="数量", max_digits=14, decimal_places=3, required=False)
    unit = forms.CharField(label="单位", max_length=20, required=False)
    condition_note = forms.CharField(label="状况", max_length=200, required=False)

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(data.get(name) not in (None, "") for name in self.fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.is_blank() and data.get("quantity") is None and "quantity" not in self.errors:
            self.add_error("quantity", "请填写数量")
        return data


InventoryFormSet = forms.formset_factory(InventoryRowForm, extra=1, max_num=100, validate_max=True)
INVENTORY_PREFIX = "items"


class AvRecordForm(forms.Form):
    """全程音像记录 of the measure (R-REC-003), stored as evidence of the measure's ``coercive_measure`` step."""

    file = forms.FileField(label="录音录像文件", allow_empty_file=True)
    device_id = forms.CharField(label="执法记录仪编号", max_length=60, required=False)


# --- 听证 (R-HEA-004..010) ----------------------------------------------------------------------------------------


class ScheduleHearingForm(_AgencyOfficers):
    presiding_officer = _officer("听证主持人（未参与本案调查）")
    clerk = _officer("书记员", required=False)
    scheduled_at = forms.DateTimeField(label="听证时间", widget=DATETIME)
    place = forms.CharField(label="听证地点", max_length=200, required=False)
    notice_sent_on = _date("听证通知送达日期（须在听证七个工作日前）")
    is_public = forms.BooleanField(label="公开举行", required=False, initial=True)
    closed_reason = forms.ChoiceField(
        label="不公开举行的理由", choices=[("", "——"), *HearingClosedReason.choices], required=False
    )


class AgentForm(StepForm):
    name = forms.CharField(label="代理人姓名", max_length=50, required=False)
    capacity = forms.CharField(label="身份（如律师、近亲属）", max_length=50, required=False)
    authorization = forms.CharField(label="授权委托书", max_length=200, required=False)
    field_aliases = {"agents": "name"}


class RecusalForm(_AgencyOfficers):
    officer = _officer("被申请回避人员")
    requested_on = _date("申请日期")
    reason = _text("申请理由")
    granted = forms.BooleanField(label="决定回避（不勾选即驳回申请）", required=False)


class HoldHearingForm(StepForm):
    held_at = forms.DateTimeField(label="举行时间", widget=DATETIME)
    party_attended = forms.BooleanField(label="当事人本人出席", required=False)
    transcript = forms.CharField(label="听证笔录", widget=forms.Textarea(attrs={"rows": 6, "cols": 60}), required=False)
    transcript_signed = forms.BooleanField(label="笔录经当事人或代理人核对无误并签字", required=False)
    signature_refusal_note = _text("拒绝签字情况（由听证主持人注明）")


class WaiveHearingForm(StepForm):
    reason = forms.ChoiceField(label="放弃听证情形", choices=HearingWaiverReason.choices)
    waived_on = _date("放弃听证日期")
    note = _text("情况说明")


class HearingReportForm(StepForm):
    report = forms.CharField(label="听证报告", widget=forms.Textarea(attrs={"rows": 6, "cols": 60}), required=False)
    reported_on = _date("报告日期")


# --- 涉嫌犯罪案件移送 (R-TRN-003..012) -------------------------------------------------------------------------------


class ProposeTransferForm(_AgencyOfficers):
    charge = forms.CharField(label="涉嫌罪名", max_length=100, required=False)
    facts = _text("涉嫌犯罪的事实")
    team = _officers("专案组（2名以上执法人员）")


class RefuseTransferForm(StepForm):
    reason = _text("不批准移送的理由")


class SendTransferForm(StepForm):
    public_security = forms.CharField(label="接收移送的公安机关", max_length=200, required=False)
    materials = forms.MultipleChoiceField(
        label="移送材料", choices=TransferMaterial.choices, required=False, widget=CHECKBOXES
    )
    copied_to_procuratorate_on = forms.DateField(label="抄送同级人民检察院日期", widget=DATE, required=False)
    police_received_on = forms.DateField(label="公安机关签收日期", widget=DATE, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("materials", [m.value for m in REQUIRED_MATERIALS])
        self.initial.setdefault("copied_to_procuratorate_on", today())
        self.initial.setdefault("police_received_on", today())


class PoliceDecisionForm(StepForm):
    decision = forms.ChoiceField(label="公安机关决定", choices=CriminalTransferPoliceDecision.choices)
    decided_on = _date("决定日期")
    notice_received_on = forms.DateField(label="收到决定通知书日期", widget=DATE, required=False)
    reason = _text("决定理由（不予立案的须填写）")


class ReconsiderationForm(StepForm):
    requested_on = _date("提请复议日期")


class HandoverForm(StepForm):
    handed_over_on = _date("移交日期")


class ResumeCaseForm(StepForm):
    reason = _text("恢复办理的理由")
