"""The UI's step table: for each action, its form and the ONE service it calls (same names as the API)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zhifa.cases import services
from zhifa.cases.models import CaseSource, PenaltyCase
from zhifa.cases.services import enforcement, suspension
from zhifa.cases.services import execution as execution_services
from zhifa.cases.views import discretion_forms as df
from zhifa.cases.views import execution_forms as xf
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
    "submit-investigation-report": StepSpec(df.ProposalForm, _case(services.submit_investigation_report)),
    "complete-case-review": StepSpec(f.CaseReviewForm, _case(services.complete_case_review)),
    "reopen-investigation": StepSpec(f.ReopenInvestigationForm, _case(services.reopen_investigation), "退回补充调查"),
    "serve-prior-notice": StepSpec(f.ServedOnForm, _case(services.serve_prior_notice), "登记送达"),
    "defenses": StepSpec(f.DefenseForm, _case(services.record_defense), "记录"),
    "waive-defense": StepSpec(f.WaiveDefenseForm, _case(services.waive_defense), "记录"),
    "request-hearing": StepSpec(f.HearingRequestForm, _case(services.request_hearing), "登记"),
    "conclude-hearing": StepSpec(f.ConcludeHearingForm, _case(services.conclude_hearing), "记录"),
    "submit-for-decision": StepSpec(f.EmptyForm, _case(services.submit_for_decision), "报请决定"),
    "decide": StepSpec(df.DecisionForm, _case(services.decide_case), "作出决定"),
    "flexible-measures": StepSpec(df.FlexibleMeasureForm, _case(services.record_flexible_measure), "记录"),
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


# --- 执行 and 中止/终止 (R-PEN-025, R-COE-010..017, R-TIME-008): the services of ``cases.api.execution`` -----------

CASE_STEPS.update(
    {
        "apply-payment-plan": StepSpec(
            xf.PaymentPlanForm, _case(execution_services.apply_for_payment_plan), "登记申请"
        ),
        "approve-payment-plan": StepSpec(xf.DecidedOnForm, _case(execution_services.approve_payment_plan), "批准"),
        "refuse-payment-plan": StepSpec(xf.RefusePlanForm, _case(execution_services.refuse_payment_plan), "不予批准"),
        "serve-demand-notice": StepSpec(xf.DemandNoticeForm, _case(execution_services.serve_demand_notice), "登记送达"),
        "demand-statements": StepSpec(
            xf.DemandStatementForm, _case(execution_services.record_demand_statement), "记录"
        ),
        "remedies": StepSpec(xf.RemedyForm, _case(execution_services.record_remedy), "登记"),
        "conclude-remedy": StepSpec(xf.ConcludeRemedyForm, _case(execution_services.conclude_remedy), "登记"),
        "decide-compulsory-execution": StepSpec(
            xf.CompulsoryDecisionForm, _case(enforcement.decide_compulsory_execution), "作出强制执行决定"
        ),
        "serve-compulsory-execution": StepSpec(
            xf.ServeCompulsoryForm, _case(enforcement.serve_compulsory_execution), "登记送达"
        ),
        "record-compulsory-execution": StepSpec(
            xf.CompulsoryResultForm, _case(enforcement.record_compulsory_execution), "登记"
        ),
        "apply-court-execution": StepSpec(
            xf.CourtApplicationForm, _case(enforcement.apply_for_court_execution), "申请强制执行"
        ),
        "court-ruling": StepSpec(xf.CourtRulingForm, _case(enforcement.record_court_ruling), "登记裁定"),
        "court-execution-result": StepSpec(
            xf.CourtResultForm, _case(enforcement.record_court_execution_result), "登记执行结果"
        ),
        "suspend": StepSpec(xf.SuspendForm, _case(suspension.suspend_case), "中止"),
        "resume": StepSpec(xf.ResumeForm, _case(suspension.resume_suspended_case), "恢复"),
        "terminate": StepSpec(xf.TerminateForm, _case(suspension.terminate_case), "终止"),
        "end-execution": StepSpec(xf.EndExecutionForm, _case(suspension.end_execution), "终结执行"),
    }
)
