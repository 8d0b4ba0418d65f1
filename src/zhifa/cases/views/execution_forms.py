"""Staff UI forms of 执行 and 中止/终止 (one per step; the same inputs as ``cases.api.execution``).

They only parse input: every rule is checked by the service the step calls (``cases.services.execution`` /
``enforcement`` / ``suspension``), whose Chinese refusal is shown next to the field it names. Text fields the
service checks (reasons, review, court …) are optional here so that the officer sees the service's message with
its rule ID.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from zhifa.cases.choices import (
    CompulsoryMethod,
    CourtMaterial,
    CourtRuling,
    PaymentPlanKind,
    PenaltyCaseState,
    RemedyKind,
    RemedyResult,
    SuspensionGround,
    TerminationGround,
)
from zhifa.cases.models import DemandNotice
from zhifa.cases.services.suspension import CASE_GROUNDS, EXECUTION_END_GROUNDS, EXECUTION_GROUNDS, TERMINATION_GROUNDS
from zhifa.cases.views.forms import TEXT, StepForm, _date, _scoped
from zhifa.core.calendar import add_calendar_days, format_day, today
from zhifa.documents.choices import DeliveryMethod

CHECKBOXES = forms.CheckboxSelectMultiple
DEMAND_PERIOD_DAYS = 10  # the 履行期限 offered by default on a 催告书 (practice; the law sets no length)
# One instalment a line: "2026-04-17 5000", "2026/4/17，5000元", "2026年4月17日 5000.00".
INSTALLMENT_LINE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?[\s,，;；:：]+(.+?)\s*元?$")


def _text(label: str, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, widget=TEXT, required=False, **kwargs)


def _line(label: str, max_length: int = 200) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=False)


def _choice(label: str, values: tuple[str, ...], labels: Any, refusal: str) -> forms.ChoiceField:
    field = forms.ChoiceField(label=label, choices=[(v, labels(v).label) for v in values])
    field.error_messages["invalid_choice"] = refusal
    return field


def _delivery() -> forms.ChoiceField:
    return forms.ChoiceField(label="送达方式", choices=DeliveryMethod.choices, initial=DeliveryMethod.DIRECT)


def parse_installments(raw: str) -> list[tuple[date, Decimal]]:
    """The instalments typed one a line as "缴纳期限 金额"; a line that is not is refused naming it (in Chinese)."""
    rows = []
    for number, line in enumerate((raw or "").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        match = INSTALLMENT_LINE.match(line)
        if match is None:
            raise forms.ValidationError(f"第{number}行“{line}”应写作“缴纳期限 金额”，如“2026-04-17 5000.00”")
        year, month, day, amount = match.groups()
        try:
            due = date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(f"第{number}行的日期“{year}-{month}-{day}”不存在") from None
        try:
            value = Decimal(amount.replace(",", "").replace("，", ""))
        except InvalidOperation:
            raise forms.ValidationError(f"第{number}行的金额“{amount}”不是数字") from None
        if not value.is_finite() or value != value.quantize(Decimal("0.01")):
            raise forms.ValidationError(f"第{number}行的金额“{amount}”应为元，最多两位小数")
        rows.append((due, value))
    return rows


# --- 分期/延期缴纳 (R-PEN-025) ------------------------------------------------------------------------------


class PaymentPlanForm(StepForm):
    kind = forms.ChoiceField(label="申请类别", choices=PaymentPlanKind.choices)
    reason = _text("申请理由（当事人确有经济困难的情况）")
    applied_on = _date("当事人书面申请日期")
    deferred_until = _date("延期缴纳至（延期缴纳时填写）", required=False)
    installments = _text("分期缴纳：每行一期，写“缴纳期限 金额”，各期合计应等于尚未缴纳的罚没款")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        deadline = self.case.payment_deadline if self.case is not None else None
        if self.case is not None and deadline is not None:  # e.g. two halves, the second a month later
            half = (self.case.total_penalty_amount / 2).quantize(Decimal("0.01"))
            rest = self.case.total_penalty_amount - half
            example = f"{deadline.isoformat()} {half}\n{add_calendar_days(deadline, 30).isoformat()} {rest}"
            self.fields["installments"].widget.attrs["placeholder"] = example

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == PaymentPlanKind.INSTALLMENT:
            try:
                data["installments"] = parse_installments(data.get("installments", ""))
            except forms.ValidationError as exc:
                self.add_error("installments", exc)
        else:
            data["installments"] = None
        return data


class DecidedOnForm(StepForm):
    decided_on = _date("审批日期")
    field_aliases = {"payment_plan": "decided_on"}


class RefusePlanForm(DecidedOnForm):
    reason = _text("不予批准的理由")


# --- 催告 (R-COE-010) --------------------------------------------------------------------------------------


class DemandNoticeForm(StepForm):
    served_on = _date("催告书送达日期")
    performance_deadline = _date("履行期限")
    performance_manner = _line("履行方式")
    payment_method = _text("给付方式（缴款银行、账号或电子缴款渠道）")
    delivery_method = _delivery()
    direct_delivery_failure = _text("未能直接送达的情况（采用其他送达方式时填写，R-DOC-008）")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("performance_deadline", add_calendar_days(today(), DEMAND_PERIOD_DAYS))
        self.initial.setdefault("performance_manner", "一次性缴纳罚款及加处罚款")


class DemandStatementForm(StepForm):
    demand_notice = forms.ModelChoiceField(
        label="针对的催告（默认最近一次）", queryset=DemandNotice.objects.none(), required=False
    )
    received_on = _date("收到陈述申辩日期")
    content = _text("陈述申辩内容")
    review = _text("复核意见")
    is_adopted = forms.BooleanField(label="事实、理由或者证据成立，予以采纳", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        notices = DemandNotice.objects.none()
        if self.case is not None:
            notices = DemandNotice.objects.filter(penalty_case_id=self.case.pk).order_by("-served_on", "-id")
        _scoped(self, "demand_notice", notices)
        field: Any = self.fields["demand_notice"]
        field.label_from_instance = lambda n: (
            f"{format_day(n.served_on)}送达，履行期限至{format_day(n.performance_deadline)}"
        )


# --- 复议 / 诉讼 (R-PEN-027/028) ----------------------------------------------------------------------------


class RemedyForm(StepForm):
    kind = forms.ChoiceField(label="类别", choices=RemedyKind.choices)
    body = _line("受理的复议机关或人民法院")
    filed_on = _date("申请（起诉）日期")


class ConcludeRemedyForm(StepForm):
    concluded_on = _date("审结日期")
    result = forms.ChoiceField(label="结果类别", choices=RemedyResult.choices)
    outcome = _text("复议决定或裁判结果")


# --- 行政机关强制执行 (R-COE-001, R-COE-011..014) -----------------------------------------------------------


class CompulsoryDecisionForm(StepForm):
    agency_empowered = forms.BooleanField(label="法律授予本机关行政强制执行权（R-COE-001）", required=False)
    legal_basis = _text("授权本机关强制执行的法律条款（《……法》第…条）")
    reason = _text("强制执行的理由")
    methods = forms.MultipleChoiceField(
        label="强制执行方式", choices=CompulsoryMethod.choices, required=False, widget=CHECKBOXES
    )
    scheduled_on = _date("强制执行时间")
    decided_on = _date("决定日期")
    is_immediate = forms.BooleanField(label="立即强制执行（当事人有转移或者隐匿财物的迹象）", required=False)
    immediate_evidence = _text("转移或者隐匿财物的证据")
    is_urgent = forms.BooleanField(label="情况紧急（须在法定节假日或休息日实施）", required=False)
    urgent_reason = _text("紧急情况说明")
    field_aliases = {"demand_notice": "decided_on"}


class ServeCompulsoryForm(StepForm):
    served_on = _date("强制执行决定书送达日期")
    delivery_method = _delivery()
    direct_delivery_failure = _text("未能直接送达的情况（采用其他送达方式时填写，R-DOC-008）")


class CompulsoryResultForm(StepForm):
    executed_on = _date("实施日期")
    result = _text("强制执行的实施情况")


# --- 申请人民法院强制执行 (R-COE-016) -----------------------------------------------------------------------


class CourtApplicationForm(StepForm):
    court = _line("受理申请的人民法院")
    materials = forms.MultipleChoiceField(
        label="申请材料（已备齐的）", choices=CourtMaterial.choices, required=False, widget=CHECKBOXES
    )
    applied_on = _date("申请日期（负责人签名日期）")


class CourtRulingForm(StepForm):
    ruling = forms.ChoiceField(label="人民法院的裁定", choices=CourtRuling.choices)
    ruled_on = _date("裁定日期")
    ruling_number = _line("裁定书文号", 100)
    reason = _text("不予执行的理由（裁定不予执行时填写）")


class CourtResultForm(StepForm):
    result = _text("人民法院的执行结果")
    result_on = _date("登记日期")


# --- 中止 / 恢复 / 终止 / 终结执行 (R-TIME-008, R-COE-017) ----------------------------------------------------


class SuspendForm(StepForm):
    """The grounds of the case's phase: 中止调查 before the decision (R-TIME-008), 中止执行 after service (R-COE-017)."""

    ground = forms.ChoiceField(label="中止的理由")
    reason = _text("具体情况")
    started_on = _date("中止日期")
    party_told_on = _date("检测、检验、检疫、鉴定期间告知当事人的日期（以此为由中止时填写）", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        executing = self.case is not None and self.case.state == PenaltyCaseState.EXECUTING
        grounds = EXECUTION_GROUNDS if executing else CASE_GROUNDS
        field: Any = self.fields["ground"]
        field.label = "中止执行的理由（行政强制法第三十九条）" if executing else "中止调查的理由"
        field.choices = [(g, SuspensionGround(g).label) for g in grounds]
        if executing:  # the testing period is a ground of 中止调查 only (R-TIME-008)
            del self.fields["party_told_on"]
        note = "；申请行政复议或者提起行政诉讼不停止执行（R-PEN-028）" if executing else ""
        field.error_messages["invalid_choice"] = (
            f"中止的理由应为：{'；'.join(str(SuspensionGround(g).label) for g in grounds)}{note}（R-COE-017、R-TIME-008）"
        )


class ResumeForm(StepForm):
    ended_on = _date("恢复日期")
    end_note = _text("恢复说明（中止的情形已经消除）")
    field_aliases = {"state": "ended_on"}


class TerminateForm(StepForm):
    ground = _choice(
        "终止的情形",
        TERMINATION_GROUNDS,
        TerminationGround,
        f"终止的情形应为：{'；'.join(str(TerminationGround(g).label) for g in TERMINATION_GROUNDS)}",
    )
    reason = _text("具体情况")
    terminated_on = _date("终止日期")


class EndExecutionForm(StepForm):
    ground = _choice(
        "终结执行的情形（行政强制法第四十条）",
        EXECUTION_END_GROUNDS,
        TerminationGround,
        f"终结执行的情形应为：{'；'.join(str(TerminationGround(g).label) for g in EXECUTION_END_GROUNDS)}（R-COE-017）",
    )
    reason = _text("具体情况")
    ended_on = _date("终结日期")
    no_obvious_harm = forms.BooleanField(
        label="经审查没有明显社会危害（中止执行满三年不再执行时须确认）", required=False
    )
