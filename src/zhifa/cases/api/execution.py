"""执行、中止、终止 API: actions on a case, ``/api/v1/penalty-cases/{id}/<verb>/`` (registered next to the case
viewset under the same prefix). ``GET …/execution/`` reads the case's execution; each POST validates its input,
calls ONE service (``cases.services.execution`` / ``enforcement`` / ``suspension``) and returns the execution
after the step. Payments stay ``POST …/payments/`` (``record_payment``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from zhifa.cases.api import execution_serializers as x
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services import enforcement, open_case_file, suspension
from zhifa.cases.services import execution as execution_services
from zhifa.cases.services.execution_balance import approved_plan, case_balance, court_window
from zhifa.core.calendar import today


def _input(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


def _step(request_serializer: type[BaseSerializer] | None, *, created: bool = False, **kwargs: Any) -> Any:
    """``@extend_schema`` + ``@action`` for one POST step on a case's execution."""
    code = 201 if created else 200

    def wrap(func: Any) -> Any:
        func = extend_schema(request=request_serializer, responses={code: x.CaseExecutionSerializer})(func)
        return action(detail=True, methods=["post"], **kwargs)(func)

    return wrap


class PenaltyCaseExecutionViewSet(viewsets.GenericViewSet):
    """行政处罚决定的执行 (R-PEN-025/027/028, R-COE-010..017) and 中止/终止 of a case (R-TIME-008)."""

    serializer_class = x.CaseExecutionSerializer

    def get_queryset(self) -> QuerySet[PenaltyCase]:
        return (
            PenaltyCase.objects.visible_to(self.request.user)
            .select_related("agency", "termination")
            .prefetch_related(
                "payments",
                "remedies",
                "payment_plans__installments",
                "demand_notices__statements",
                "compulsory_executions",
                "court_executions",
                "suspensions",
            )
        )

    def _execution(self, pk: Any, code: int = status.HTTP_200_OK) -> Response:
        case = self.get_queryset().get(pk=pk)
        plan = approved_plan(case)
        context = {
            "request": self.request,
            "balance": case_balance(case, on=today(), plan=plan) if case.decision_served_on else None,
            "court_window": court_window(case, plan),
        }
        return Response(x.CaseExecutionSerializer(case, context=context).data, status=code)

    @extend_schema(responses=x.CaseExecutionSerializer)
    @action(detail=True, methods=["get"])
    def execution(self, request: Request, pk: str | None = None) -> Response:
        """The case's execution: balance (加处罚款 included), court window, plan, 催告, enforcement, 中止/终止. A read by
        anyone but the handlers is recorded (R-REC-007)."""
        case = self.get_object()
        open_case_file(viewer=request.user, case=case)
        return self._execution(case.pk)

    # --- 分期/延期缴纳 (R-PEN-025) ---------------------------------------------------------------------------
    @_step(x.PaymentPlanInputSerializer, created=True, url_path="apply-payment-plan")
    def apply_payment_plan(self, request: Request, pk: str | None = None) -> Response:
        """当事人申请分期/延期缴纳, recorded by a handler within the payment period (R-PEN-025)."""
        data = _input(x.PaymentPlanInputSerializer, request)
        rows = [(row["due_on"], row["amount"]) for row in data.pop("installments")]
        case = self.get_object()
        execution_services.apply_for_payment_plan(actor=request.user, case=case, installments=rows, **data)
        return self._execution(case.pk, status.HTTP_201_CREATED)

    @_step(x.DecidedOnSerializer, url_path="approve-payment-plan")
    def approve_payment_plan(self, request: Request, pk: str | None = None) -> Response:
        """负责人批准分期/延期缴纳: the plan's dates replace the payment deadline (R-PEN-025)."""
        case = self.get_object()
        execution_services.approve_payment_plan(actor=request.user, case=case, **_input(x.DecidedOnSerializer, request))
        return self._execution(case.pk)

    @_step(x.RefusePlanSerializer, url_path="refuse-payment-plan")
    def refuse_payment_plan(self, request: Request, pk: str | None = None) -> Response:
        """负责人不予批准, with the reasons."""
        case = self.get_object()
        execution_services.refuse_payment_plan(actor=request.user, case=case, **_input(x.RefusePlanSerializer, request))
        return self._execution(case.pk)

    # --- 催告 (R-COE-010) -------------------------------------------------------------------------------------
    @_step(x.DemandNoticeInputSerializer, created=True, url_path="serve-demand-notice")
    def serve_demand_notice(self, request: Request, pk: str | None = None) -> Response:
        """催告书送达 once a due date passed unpaid; served directly first (R-COE-010, R-DOC-008)."""
        case = self.get_object()
        execution_services.serve_demand_notice(
            actor=request.user, case=case, **_input(x.DemandNoticeInputSerializer, request)
        )
        return self._execution(case.pk, status.HTTP_201_CREATED)

    @_step(x.DemandStatementInputSerializer, created=True, url_path="demand-statements")
    def demand_statements(self, request: Request, pk: str | None = None) -> Response:
        """当事人对催告的陈述、申辩, with the review (R-COE-010)."""
        case = self.get_object()
        data = _input(x.DemandStatementInputSerializer, request)
        execution_services.record_demand_statement(actor=request.user, case=case, **data)
        return self._execution(case.pk, status.HTTP_201_CREATED)

    # --- 行政机关强制执行 (R-COE-011, R-COE-014) --------------------------------------------------------------
    @_step(x.CompulsoryDecisionInputSerializer, created=True, url_path="decide-compulsory-execution")
    def decide_compulsory_execution(self, request: Request, pk: str | None = None) -> Response:
        """强制执行决定 by the head: only where a law empowers the agency (R-COE-001/011/014, R-COE-012)."""
        case = self.get_object()
        data = _input(x.CompulsoryDecisionInputSerializer, request)
        enforcement.decide_compulsory_execution(actor=request.user, case=case, **data)
        return self._execution(case.pk, status.HTTP_201_CREATED)

    @_step(x.ServeInputSerializer, url_path="serve-compulsory-execution")
    def serve_compulsory_execution(self, request: Request, pk: str | None = None) -> Response:
        """强制执行决定书送达 (directly first, R-DOC-008)."""
        case = self.get_object()
        enforcement.serve_compulsory_execution(actor=request.user, case=case, **_input(x.ServeInputSerializer, request))
        return self._execution(case.pk)

    @_step(x.CompulsoryResultInputSerializer, url_path="record-compulsory-execution")
    def record_compulsory_execution(self, request: Request, pk: str | None = None) -> Response:
        """强制执行的实施情况 (not on a holiday unless urgent, R-COE-012)."""
        case = self.get_object()
        data = _input(x.CompulsoryResultInputSerializer, request)
        enforcement.record_compulsory_execution(actor=request.user, case=case, **data)
        return self._execution(case.pk)

    # --- 申请人民法院强制执行 (R-COE-016) ---------------------------------------------------------------------
    @_step(x.CourtApplicationInputSerializer, created=True, url_path="apply-court-execution")
    def apply_court_execution(self, request: Request, pk: str | None = None) -> Response:
        """申请人民法院强制执行: in the window, ≥10 working days after the 催告, with the materials (R-COE-016)."""
        case = self.get_object()
        data = _input(x.CourtApplicationInputSerializer, request)
        enforcement.apply_for_court_execution(actor=request.user, case=case, **data)
        return self._execution(case.pk, status.HTTP_201_CREATED)

    @_step(x.CourtRulingInputSerializer, url_path="court-ruling")
    def court_ruling(self, request: Request, pk: str | None = None) -> Response:
        """人民法院的裁定：准予执行 / 不予执行."""
        case = self.get_object()
        enforcement.record_court_ruling(actor=request.user, case=case, **_input(x.CourtRulingInputSerializer, request))
        return self._execution(case.pk)

    @_step(x.CourtResultInputSerializer, url_path="court-execution-result")
    def court_execution_result(self, request: Request, pk: str | None = None) -> Response:
        """人民法院执行的结果 (money received: ``payments``)."""
        case = self.get_object()
        data = _input(x.CourtResultInputSerializer, request)
        enforcement.record_court_execution_result(actor=request.user, case=case, **data)
        return self._execution(case.pk)

    # --- 复议 / 诉讼 (R-PEN-027/028) --------------------------------------------------------------------------
    @_step(x.RemedyInputSerializer, created=True, url_path="remedies")
    def remedies(self, request: Request, pk: str | None = None) -> Response:
        """当事人申请复议或提起诉讼: execution goes on (R-PEN-028); 加处罚款 pauses (R-PEN-027)."""
        case = self.get_object()
        execution_services.record_remedy(actor=request.user, case=case, **_input(x.RemedyInputSerializer, request))
        return self._execution(case.pk, status.HTTP_201_CREATED)

    @_step(x.RemedyConcludedInputSerializer, url_path="conclude-remedy")
    def conclude_remedy(self, request: Request, pk: str | None = None) -> Response:
        """复议决定 / 裁判 recorded: 加处罚款 runs again."""
        case = self.get_object()
        execution_services.conclude_remedy(
            actor=request.user, case=case, **_input(x.RemedyConcludedInputSerializer, request)
        )
        return self._execution(case.pk)

    # --- 中止 / 恢复 / 终止 / 终结执行 (R-TIME-008, R-COE-017) ------------------------------------------------
    @_step(x.SuspendInputSerializer, url_path="suspend")
    def suspend(self, request: Request, pk: str | None = None) -> Response:
        """中止 (before the decision: R-TIME-008; execution: R-COE-017), by the head."""
        case = self.get_object()
        suspension.suspend_case(actor=request.user, case=case, **_input(x.SuspendInputSerializer, request))
        return self._execution(case.pk)

    @_step(x.ResumeInputSerializer, url_path="resume")
    def resume(self, request: Request, pk: str | None = None) -> Response:
        """恢复: back to the suspended step; the 办案期限 moves by the paused days (R-TIME-008)."""
        case = self.get_object()
        suspension.resume_suspended_case(actor=request.user, case=case, **_input(x.ResumeInputSerializer, request))
        return self._execution(case.pk)

    @_step(x.TerminateInputSerializer, url_path="terminate")
    def terminate(self, request: Request, pk: str | None = None) -> Response:
        """终止 a case before its decision (closing reason 终止)."""
        case = self.get_object()
        suspension.terminate_case(actor=request.user, case=case, **_input(x.TerminateInputSerializer, request))
        return self._execution(case.pk)

    @_step(x.EndExecutionInputSerializer, url_path="end-execution")
    def end_execution(self, request: Request, pk: str | None = None) -> Response:
        """终结执行 (closing reason 终结执行, R-COE-017)."""
        case = self.get_object()
        suspension.end_execution(actor=request.user, case=case, **_input(x.EndExecutionInputSerializer, request))
        return self._execution(case.pk)
