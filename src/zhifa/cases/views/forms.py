"""Staff UI forms: one small form per step. They only parse input; the services check every rule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from zhifa.cases.choices import DecisionKind, InvestigativeStepKind, MajorCriterion, PenaltyCaseState, SourceChannel
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.case_documents import SERVED_KINDS
from zhifa.cases.services.discretion_facts import COMPUTED
from zhifa.cases.services.major_decision import criterion_choices
from zhifa.catalog.choices import ItemKind, PenaltyKind
from zhifa.catalog.models import EnforcementItem
from zhifa.core.calendar import today
from zhifa.discretion.services import circumstances as all_circumstances
from zhifa.documents.choices import DeliveryMethod, DeliveryResult, DocumentKind
from zhifa.documents.models import Document
from zhifa.parties.models import Party
from zhifa.personnel.models import Officer

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3, "cols": 60})
SIMPLE_KINDS = [(k, PenaltyKind(k).label) for k in (PenaltyKind.WARNING, PenaltyKind.FINE)]


def _date(label: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE, **kwargs)


def _money(label: str) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=14, decimal_places=2, min_value=0, initial=Decimal("0"))


def _kinds(label: str, choices: Any = PenaltyKind.choices) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple)


class StepForm(forms.Form):
    """A step's form; ``case`` (may be None) and ``user`` scope the choices. Dates default to today."""

    # Service fields that are not form fields are shown next to this form field instead.
    field_aliases: dict[str, str] = {}

    def __init__(self, *args: Any, case: PenaltyCase | None = None, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        self.user = user
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField) and name not in self.initial and field.required:
                self.initial[name] = today()

    def add_domain_error(self, field: str | None, message: str) -> None:
        name = self.field_aliases.get(field or "", field)
        self.add_error(name if name in self.fields else None, message)


def _scoped(form: StepForm, name: str, queryset: Any) -> None:
    """Choices inside the user's data scope; anything else is refused naming the field (in Chinese)."""
    field: Any = form.fields[name]
    field.queryset = queryset
    field.error_messages["invalid_choice"] = f"{field.label}：编号为%(value)s的记录不存在或不在您的数据范围内"


class EmptyForm(StepForm):
    pass


class InvestigativeStepForm(StepForm):
    kind = forms.ChoiceField(label="类别", choices=InvestigativeStepKind.choices)
    performed_on = _date("日期")
    place = forms.CharField(label="地点", max_length=200)
    summary = forms.CharField(label="内容摘要", widget=TEXT)
    officers = forms.ModelMultipleChoiceField(
        label="执法人员", queryset=Officer.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.case is not None:
            handlers = [h.officer_id for h in self.case.handlers.all()]
            _scoped(self, "officers", Officer.objects.filter(pk__in=handlers))
            self.initial.setdefault("officers", handlers)


class InvestigationReportForm(StepForm):
    report = forms.CharField(label="调查终结报告", widget=TEXT, required=False)
    proposed_kinds = _kinds("拟处罚种类")
    proposed_fine_amount = _money("拟罚款金额（元）")
    proposed_confiscation_amount = _money("拟没收违法所得（元）")
    crime_suspected = forms.BooleanField(label="涉嫌犯罪", required=False)


class CaseReviewForm(StepForm):
    route = forms.ChoiceField(label="审核意见", choices=DecisionKind.choices)
    facts_clear = forms.BooleanField(label="事实清楚、证据确凿", required=False)
    opinion = forms.CharField(label="审核意见说明", widget=TEXT, required=False)
    major_criteria = forms.MultipleChoiceField(
        label="重大执法决定情形（R-REV-001，依案情认定；目录清单的其他情形由系统计算）",
        choices=MajorCriterion.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    major_criteria_reason = forms.CharField(label="认定理由（勾选任一情形的须填写）", widget=TEXT, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.case is not None:  # the catalog's “其他” rows of the case's agency and sector may be ticked too
            field: Any = self.fields["major_criteria"]
            field.choices = criterion_choices(self.case)
            # a case back in 案件审核 (a defence adopted …): the grounds judged before are offered again
            self.initial.setdefault("major_criteria", list(self.case.major_criteria))
            self.initial.setdefault("major_criteria_reason", self.case.major_criteria_reason)


class ServedOnForm(StepForm):
    served_on = _date("送达日期")


class DefenseForm(StepForm):
    sent_on = _date("提出/寄出日期")
    received_on = _date("收到日期")
    content = forms.CharField(label="陈述申辩内容", widget=TEXT, required=False)
    review = forms.CharField(label="复核意见", widget=TEXT, required=False)
    changes_facts_or_penalty = forms.BooleanField(label="采纳后改变事实或处罚（退回案件审核）", required=False)


class WaiveDefenseForm(StepForm):
    waived_on = _date("书面放弃日期")
    waives_hearing = forms.BooleanField(label="当事人同时书面放弃听证", required=False)


class HearingRequestForm(StepForm):
    sent_on = _date("申请日期（邮戳日期）")
    field_aliases = {"hearing": "sent_on"}


class ConcludeHearingForm(StepForm):
    held_on = _date("听证日期")
    transcript_summary = forms.CharField(label="听证笔录摘要", widget=TEXT, required=False)


class DecideForm(StepForm):
    decision_kind = forms.ChoiceField(label="决定类型", choices=DecisionKind.choices)
    penalty_kinds = _kinds("处罚种类")
    fine_amount = _money("罚款（元）")
    confiscated_gains_amount = _money("没收违法所得（元）")
    reasoning = forms.CharField(label="决定理由", widget=TEXT, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        case = self.case
        if case is not None and case.state == PenaltyCaseState.AWAITING_DECISION:
            self.initial.setdefault("decision_kind", case.route or DecisionKind.PENALTY)
            self.initial.setdefault("penalty_kinds", case.notified_kinds or case.proposed_kinds)
            self.initial.setdefault("fine_amount", case.notified_fine_amount or case.proposed_fine_amount)
            self.initial.setdefault(
                "confiscated_gains_amount", case.notified_confiscation_amount or case.proposed_confiscation_amount
            )


class PaymentForm(StepForm):
    paid_on = _date("缴款日期")
    amount = forms.DecimalField(label="金额（元）", max_digits=14, decimal_places=2)
    receipt_number = forms.CharField(label="缴款凭证号", max_length=60, required=False)


class ExtendDeadlineForm(StepForm):
    calendar_days = forms.IntegerField(label="延长天数（日历日）", min_value=1, max_value=365)
    reason = forms.CharField(label="延长理由", widget=TEXT, required=False)
    legal_basis = forms.CharField(label="延长依据", max_length=200, required=False)


class LodgeForm(StepForm):
    lodged_on = _date("备案日期")


class ReasonForm(StepForm):
    reason = forms.CharField(label="不予立案理由", widget=TEXT, required=False)


class ReopenInvestigationForm(StepForm):
    reason = forms.CharField(label="补充调查理由（需要查明的事实、补充的证据）", widget=TEXT, required=False)


class _PartyItemOfficers(StepForm):
    """Choices scoped to the user: parties of the region, the agency's penalty items and officers on post."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (
            ("party", Party.objects.visible_to(self.user)),
            ("enforcement_item", EnforcementItem.objects.visible_to(self.user).filter(kind=ItemKind.PENALTY)),
        ):
            if name in self.fields:
                _scoped(self, name, queryset.order_by("name", "id"))
        officers = Officer.objects.visible_to(self.user).filter(agency_id=getattr(self.user, "agency_id", None))
        for name in ("officers", "lead_handler", "co_handlers"):
            if name in self.fields:
                _scoped(self, name, officers.on_post().order_by("name", "id"))


class RegisterSourceForm(_PartyItemOfficers):
    channel = forms.ChoiceField(label="案源渠道", choices=SourceChannel.choices)
    received_on = _date("收到日期")
    summary = forms.CharField(label="案源内容", widget=TEXT, required=False)
    party = forms.ModelChoiceField(label="当事人", queryset=Party.objects.none(), required=False)
    enforcement_item = forms.ModelChoiceField(label="执法事项", queryset=EnforcementItem.objects.none(), required=False)


class FileCaseForm(_PartyItemOfficers):
    party = forms.ModelChoiceField(label="当事人", queryset=Party.objects.none())
    enforcement_item = forms.ModelChoiceField(label="执法事项", queryset=EnforcementItem.objects.none())
    cause = forms.CharField(label="案由", max_length=200)
    facts = forms.CharField(label="违法事实", widget=TEXT, required=False)
    act_on = _date("违法行为发生日")
    act_ended_on = _date("违法行为终了日", required=False)
    discovered_on = _date("发现日期")
    endangers_life_or_finance = forms.BooleanField(
        label="涉及生命健康安全、金融安全且有危害后果（追责期限五年）", required=False
    )
    lead_handler = forms.ModelChoiceField(label="主办人", queryset=Officer.objects.none())
    co_handlers = forms.ModelMultipleChoiceField(
        label="协办人", queryset=Officer.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    field_aliases = {"handlers": "co_handlers"}


class OnTheSpotForm(_PartyItemOfficers):
    party = forms.ModelChoiceField(label="当事人", queryset=Party.objects.none())
    enforcement_item = forms.ModelChoiceField(label="执法事项", queryset=EnforcementItem.objects.none())
    cause = forms.CharField(label="案由", max_length=200)
    facts = forms.CharField(label="违法事实", widget=TEXT, required=False)
    place = forms.CharField(label="地点", max_length=200)
    officers = forms.ModelMultipleChoiceField(
        label="执法人员（至少2人）", queryset=Officer.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    penalty_kinds = _kinds("处罚种类", SIMPLE_KINDS)
    fine_amount = _money("罚款（元）")
    statement_heard = forms.BooleanField(label="已告知事实、理由、依据并听取陈述申辩", required=False)
    # 裁量 (R-DIS-004/006): the flags a benchmark or 免罚清单 may name; age and 初次违法 are computed (R-DIS-008/012)
    circumstances = forms.MultipleChoiceField(
        label="裁量情节", choices=[], required=False, widget=forms.CheckboxSelectMultiple
    )
    discretion_reason = forms.CharField(
        label="裁量理由（符合首违不罚或免罚清单仍予处罚的须填写）", widget=TEXT, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["circumstances"]
        field.choices = [(c.code, c.name) for c in all_circumstances() if c.kind == "flag" and c.code not in COMPUTED]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["circumstances"] = dict.fromkeys(data.get("circumstances") or [], True)
        return data


# --- 案件文书 (made from the case; served through the 送达回证, R-DOC-003/006) ----------------------------------


def _case_documents(form: StepForm, name: str, kinds: tuple[str, ...], *, unserved: bool = False) -> None:
    from zhifa.cases.services.service_dates import live_documents

    documents = Document.objects.none()
    if form.case is not None:
        documents = live_documents(form.case, list(kinds)).order_by("issued_at", "pk")
        if unserved:
            documents = documents.filter(served_on__isnull=True)
    _scoped(form, name, documents)
    form.fields[name].label_from_instance = lambda d: f"《{d.title}》{d.number_text}"  # type: ignore[attr-defined]


class IssueDocumentForm(StepForm):
    """What the case does not know; party, amounts and penalties come from the case record."""

    kind = forms.ChoiceField(label="文书种类", choices=[])
    contact = forms.CharField(label="联系人及电话", required=False, max_length=100)
    discretion_reason = forms.CharField(label="裁量理由", required=False, widget=TEXT)
    case_summary = forms.CharField(label="案件来源及调查经过", required=False, widget=TEXT)
    defense_summary = forms.CharField(label="陈述申辩（听证）意见及采纳情况", required=False, widget=TEXT)
    payment_bank = forms.CharField(label="缴款银行", required=False, max_length=100)
    payment_account = forms.CharField(label="缴款账号", required=False, max_length=60)
    correction_order = forms.CharField(label="责令改正内容", required=False, widget=TEXT)
    # 催告书 (R-COE-010): what the 催告 record keeps once the document is served
    performance_deadline = _date("履行期限（催告书）", required=False)
    performance = forms.CharField(label="履行方式（催告书）", required=False, max_length=200)
    payment_method = forms.CharField(
        label="给付方式：缴款银行、账号或电子缴款渠道（催告书）", required=False, max_length=200
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from zhifa.cases.services import issuable_kinds

        super().__init__(*args, **kwargs)
        kinds = issuable_kinds(self.case) if self.case is not None else []
        field: Any = self.fields["kind"]
        field.choices = [(k, DocumentKind(k).label) for k in kinds]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        extras = {k: v for k, v in data.items() if k != "kind" and v}
        return {"kind": data.get("kind"), "context": extras}


class DeliveryReceiptForm(StepForm):
    documents = forms.ModelMultipleChoiceField(
        label="本次送达的文书", queryset=Document.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    recipient = forms.CharField(label="受送达人（默认当事人）", required=False, max_length=100)
    place = forms.CharField(label="送达地点", required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _case_documents(self, "documents", SERVED_KINDS, unserved=True)

    def clean_documents(self) -> list[Document]:
        return list(self.cleaned_data["documents"])


class ServeDocumentForm(StepForm):
    """One service attempt (R-DOC-005..008); the first success moves the case with the receipt's date."""

    document = forms.ModelChoiceField(label="送达的文书", queryset=Document.objects.none())
    # 电子送达 needs the party's signed consent and address (R-DOC-007): recorded through POST /documents/{id}/deliveries/.
    method = forms.ChoiceField(
        label="送达方式", choices=[(m, label) for m, label in DeliveryMethod.choices if m != DeliveryMethod.ELECTRONIC]
    )
    result = forms.ChoiceField(label="送达结果", choices=DeliveryResult.choices)
    delivered_on = _date("签收日期（回证上记明的收到日期）", required=False)
    receiver_name = forms.CharField(label="签收人", required=False, max_length=50)
    receipt_document = forms.ModelChoiceField(label="送达回证", queryset=Document.objects.none(), required=False)
    refusal_noted = forms.BooleanField(label="受送达人拒绝签收（留置送达）", required=False)
    witness = forms.CharField(label="见证人", required=False, max_length=100)
    postal_tracking_number = forms.CharField(label="邮件号码", required=False, max_length=50)
    postal_receipt_on = _date("邮寄回执签收日期", required=False)
    published_on = _date("公告发布日期", required=False)
    reason = forms.CharField(label="公告送达原因", required=False, widget=TEXT)
    note = forms.CharField(label="备注（未能送达的原因）", required=False, widget=TEXT)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _case_documents(self, "document", SERVED_KINDS)
        _case_documents(self, "receipt_document", (DocumentKind.DELIVERY_RECEIPT,))
