"""The UI's step table: for each action, its form and the ONE service it calls (same names as the API)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zhifa.cases import services
from zhifa.cases.models import CaseSource, PenaltyCase
from zhifa.cases.views import forms as f

Perform = Callable[[Any, Any, dict[str, Any]], Any]


@dataclass(frozen=True)
class StepSpec:
    form: type[f.StepForm]
    perform: Perform
    button: str = "提交"


def _case(func: Callable[..., Any], *, officers: bool = False) -> Perform:
    def perform(user: Any, case: PenaltyCase, data: dict[str, Any]) -> Any:
        if officers:
            data = {**data, "officers": list(data["officers"])}
        return func(actor=user, case=case, **data)

    return perform


CASE_STEPS: dict[str, StepSpec] = {
    "declare-no-conflict": StepSpec(f.EmptyForm, _case(services.declare_no_conflict), "本人声明无回避情形"),
    "investigative-steps": StepSpec(
        f.InvestigativeStepForm, _case(services.record_investigative_step, officers=True), "记录"
    ),
    "submit-investigation-report": StepSpec(f.InvestigationReportForm, _case(services.submit_investigation_report)),
    "complete-case-review": StepSpec(f.CaseReviewForm, _case(services.complete_case_review)),
    "serve-prior-notice": StepSpec(f.ServedOnForm, _case(services.serve_prior_notice), "登记送达"),
    "defenses": StepSpec(f.DefenseForm, _case(services.record_defense), "记录"),
    "waive-defense": StepSpec(f.WaiveDefenseForm, _case(services.waive_defense), "记录"),
    "request-hearing": StepSpec(f.HearingRequestForm, _case(services.request_hearing), "登记"),
    "conclude-hearing": StepSpec(f.ConcludeHearingForm, _case(services.conclude_hearing), "记录"),
    "submit-for-decision": StepSpec(f.EmptyForm, _case(services.submit_for_decision), "报请决定"),
    "decide": StepSpec(f.DecideForm, _case(services.decide_case), "作出决定"),
    "serve-decision": StepSpec(f.ServedOnForm, _case(services.serve_decision), "登记送达"),
    "payments": StepSpec(f.PaymentForm, _case(services.record_payment), "登记缴款"),
    "archive": StepSpec(f.EmptyForm, _case(services.archive_case), "归档"),
    "extend-deadline": StepSpec(f.ExtendDeadlineForm, _case(services.extend_decision_deadline), "批准延长"),
    "lodge": StepSpec(f.LodgeForm, _case(services.lodge_on_the_spot_case), "备案"),
    "issue-document": StepSpec(f.IssueDocumentForm, _case(services.issue_case_document), "制作并签发"),
    "delivery-receipts": StepSpec(f.DeliveryReceiptForm, _case(services.issue_delivery_receipt), "制作送达回证"),
    "serve-document": StepSpec(f.ServeDocumentForm, _case(services.serve_case_document), "登记送达"),
}


def _source(func: Callable[..., Any]) -> Perform:
    def perform(user: Any, source: CaseSource, data: dict[str, Any]) -> Any:
        return func(actor=user, source=source, **data)

    return perform


def _file_from_source(user: Any, source: CaseSource, data: dict[str, Any]) -> Any:
    co_handlers = list(data.pop("co_handlers"))
    return services.file_case(actor=user, agency=source.agency, source=source, co_handlers=co_handlers, **data)


SOURCE_STEPS: dict[str, StepSpec] = {
    "verify": StepSpec(f.EmptyForm, _source(services.start_verification), "开始核查"),
    "propose-filing": StepSpec(f.EmptyForm, _source(services.propose_filing), "报请立案"),
    "decline-filing": StepSpec(f.ReasonForm, _source(services.decline_filing), "不予立案"),
    "file": StepSpec(f.FileCaseForm, _file_from_source, "批准立案"),
}
