"""Thin API views: scoped lists and lookups (``visible_to``); each POST action validates its input with a small
serializer and calls ONE service, then returns the case. Refusals come from the services (DomainError →
``{code, field, message}`` with 400/403/409, mapped by ``zhifa.core.api.exception_handler``)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from zhifa.cases import services
from zhifa.cases.api import inputs
from zhifa.cases.api import serializers as s
from zhifa.cases.choices import CaseSourceState, PenaltyCaseState, Procedure
from zhifa.cases.models import CaseSource, PenaltyCase
from zhifa.cases.views.next_steps import next_steps
from zhifa.cases.views.queries import case_detail_queryset, case_rows, handled_by, overdue_q, source_rows
from zhifa.core.calendar import today
from zhifa.ledger.services import trail


class CaseSourceFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=CaseSourceState.choices)

    class Meta:
        model = CaseSource
        fields = ["state", "channel"]


class PenaltyCaseFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=PenaltyCaseState.choices)
    procedure = django_filters.ChoiceFilter(choices=Procedure.choices)
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="已超过办案期限")
    mine = django_filters.BooleanFilter(method="filter_mine", label="仅我承办的案件")

    class Meta:
        model = PenaltyCase
        fields = ["state", "procedure", "overdue", "mine"]

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(overdue_q(today())) if value else queryset.exclude(overdue_q(today()))

    def filter_mine(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        mine = PenaltyCase.objects.filter(handled_by(self.request.user)).values("pk")
        return queryset.filter(pk__in=mine) if value else queryset.exclude(pk__in=mine)


def _input(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


class CaseSourceViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """案源: register (create), 核查, 报请立案, 不予立案. 立案 is ``POST /penalty-cases/`` with ``source``."""

    serializer_class = s.CaseSourceSerializer
    filterset_class = CaseSourceFilter

    def get_queryset(self) -> QuerySet[CaseSource]:
        return source_rows(self.request.user)

    def _source(self, pk: int) -> Response:
        return Response(s.CaseSourceSerializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(request=inputs.RegisterSourceSerializer, responses={201: s.CaseSourceSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """案源登记 (R-PEN-007): for the caller's agency; the verification deadline is set."""
        source = services.register_source(
            actor=request.user, agency=request.user.agency, **_input(inputs.RegisterSourceSerializer, request)
        )
        response = self._source(source.pk)
        response.status_code = status.HTTP_201_CREATED
        return response

    @extend_schema(request=None, responses=s.CaseSourceSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        """开始核查."""
        source = services.start_verification(actor=request.user, source=self.get_object())
        return self._source(source.pk)

    @extend_schema(request=None, responses=s.CaseSourceSerializer)
    @action(detail=True, methods=["post"], url_path="propose-filing")
    def propose_filing(self, request: Request, pk: str | None = None) -> Response:
        """报请立案审批."""
        source = services.propose_filing(actor=request.user, source=self.get_object())
        return self._source(source.pk)

    @extend_schema(request=inputs.DeclineFilingSerializer, responses=s.CaseSourceSerializer)
    @action(detail=True, methods=["post"], url_path="decline-filing")
    def decline_filing(self, request: Request, pk: str | None = None) -> Response:
        """不予立案 (负责人批准), with the reason."""
        source = services.decline_filing(
            actor=request.user,
            source=self.get_object(),
            reason=_input(inputs.DeclineFilingSerializer, request)["reason"],
        )
        return self._source(source.pk)


def _step(request_serializer: type[BaseSerializer] | None, *, created: bool = False, **kwargs: Any) -> Any:
    """``@extend_schema`` + ``@action`` for one POST step on a case."""
    code = 201 if created else 200

    def wrap(func: Any) -> Any:
        func = extend_schema(request=request_serializer, responses={code: s.PenaltyCaseDetailSerializer})(func)
        return action(detail=True, methods=["post"], **kwargs)(func)

    return wrap


class PenaltyCaseViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """行政处罚案件. Every step is one POST calling one service; the response is the case after the step."""

    filterset_class = PenaltyCaseFilter

    def get_queryset(self) -> QuerySet[PenaltyCase]:
        if self.action == "list":
            return case_rows(PenaltyCase.objects.visible_to(self.request.user), today())
        return case_rows(case_detail_queryset(self.request.user), today())

    def get_serializer_class(self) -> type[BaseSerializer]:
        return s.PenaltyCaseListSerializer if self.action == "list" else s.PenaltyCaseDetailSerializer

    def _detail(self, pk: int, *, code: int = status.HTTP_200_OK, case: PenaltyCase | None = None) -> Response:
        """The case after a step, read again through the caller's scope."""
        case = case or self.get_queryset().get(pk=pk)
        day = today()
        context = {
            "request": self.request,
            "deadline_status": services.deadline_status(case, on=day),
            "amount_due": services.amount_due(case, on=day),
            "trail": list(trail(case)),
            "next_steps": next_steps(case, self.request.user, on=day),
        }
        return Response(s.PenaltyCaseDetailSerializer(case, context=context).data, status=code)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_object()
        services.open_case_file(viewer=request.user, case=case)
        return self._detail(case.pk, case=case)

    @extend_schema(request=inputs.FileCaseSerializer, responses={201: s.PenaltyCaseDetailSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """立案 (负责人批准): item list, certified handlers, limitation period; optionally from a 案源."""
        data = _input(inputs.FileCaseSerializer, request)
        case = services.file_case(actor=request.user, agency=request.user.agency, **data)
        return self._detail(case.pk, code=status.HTTP_201_CREATED)

    @extend_schema(request=inputs.OnTheSpotSerializer, responses={201: s.PenaltyCaseDetailSerializer})
    @action(detail=False, methods=["post"], url_path="on-the-spot")
    def on_the_spot(self, request: Request) -> Response:
        """当场处罚 (简易程序): a warning or a fine up to 200元 / 3000元 (R-SIM-001/002)."""
        data = _input(inputs.OnTheSpotSerializer, request)
        case = services.decide_on_the_spot(actor=request.user, agency=request.user.agency, **data)
        return self._detail(case.pk, code=status.HTTP_201_CREATED)

    @_step(None, url_path="declare-no-conflict")
    def declare_no_conflict(self, request: Request, pk: str | None = None) -> Response:
        """回避声明 of the calling handler (R-PEN-010)."""
        case = self.get_object()
        services.declare_no_conflict(actor=request.user, case=case)
        return self._detail(case.pk)

    @_step(inputs.InvestigativeStepInputSerializer, created=True, url_path="investigative-steps")
    def investigative_steps(self, request: Request, pk: str | None = None) -> Response:
        """调查取证: two certified handlers who declared no conflict (R-PER-005, R-PEN-010)."""
        case = self.get_object()
        data = _input(inputs.InvestigativeStepInputSerializer, request)
        services.record_investigative_step(actor=request.user, case=case, **data)
        return self._detail(case.pk, code=status.HTTP_201_CREATED)

    @_step(inputs.InvestigationReportSerializer, url_path="submit-investigation-report")
    def submit_investigation_report(self, request: Request, pk: str | None = None) -> Response:
        """调查终结报告 → 案件审核 (R-PEN-011)."""
        case = self.get_object()
        services.submit_investigation_report(
            actor=request.user, case=case, **_input(inputs.InvestigationReportSerializer, request)
        )
        return self._detail(case.pk)

    @_step(inputs.CaseReviewSerializer, url_path="complete-case-review")
    def complete_case_review(self, request: Request, pk: str | None = None) -> Response:
        """案件审核 (R-PEN-013); sets hearing and legal-review requirements."""
        case = self.get_object()
        services.complete_case_review(actor=request.user, case=case, **_input(inputs.CaseReviewSerializer, request))
        return self._detail(case.pk)

    @_step(inputs.ReopenInvestigationSerializer, url_path="reopen-investigation")
    def reopen_investigation(self, request: Request, pk: str | None = None) -> Response:
        """补充调查 (负责人决定, R-PEN-013): from 案件审核 or 待决定 back to 调查取证; then 案件审核 again."""
        case = self.get_object()
        services.reopen_investigation(
            actor=request.user, case=case, **_input(inputs.ReopenInvestigationSerializer, request)
        )
        return self._detail(case.pk)

    @_step(inputs.ServedOnSerializer, url_path="serve-prior-notice")
    def serve_prior_notice(self, request: Request, pk: str | None = None) -> Response:
        """事先告知 served (R-PEN-015); opens the defence (and hearing) window."""
        case = self.get_object()
        services.serve_prior_notice(actor=request.user, case=case, **_input(inputs.ServedOnSerializer, request))
        return self._detail(case.pk)

    @_step(inputs.DefenseInputSerializer, created=True, url_path="defenses")
    def defenses(self, request: Request, pk: str | None = None) -> Response:
        """陈述申辩 recorded and reviewed (R-PEN-017)."""
        case = self.get_object()
        services.record_defense(actor=request.user, case=case, **_input(inputs.DefenseInputSerializer, request))
        return self._detail(case.pk, code=status.HTTP_201_CREATED)

    @_step(inputs.WaiveDefenseSerializer, url_path="waive-defense")
    def waive_defense(self, request: Request, pk: str | None = None) -> Response:
        """当事人书面放弃陈述申辩 (R-PEN-016)."""
        case = self.get_object()
        services.waive_defense(actor=request.user, case=case, **_input(inputs.WaiveDefenseSerializer, request))
        return self._detail(case.pk)

    @_step(inputs.HearingRequestSerializer, url_path="request-hearing")
    def request_hearing(self, request: Request, pk: str | None = None) -> Response:
        """听证申请 within the window (R-HEA-003)."""
        case = self.get_object()
        services.request_hearing(actor=request.user, case=case, **_input(inputs.HearingRequestSerializer, request))
        return self._detail(case.pk)

    @_step(inputs.ConcludeHearingSerializer, url_path="conclude-hearing")
    def conclude_hearing(self, request: Request, pk: str | None = None) -> Response:
        """听证结束 (R-HEA-009/010)."""
        case = self.get_object()
        services.conclude_hearing(actor=request.user, case=case, **_input(inputs.ConcludeHearingSerializer, request))
        return self._detail(case.pk)

    @_step(None, url_path="submit-for-decision")
    def submit_for_decision(self, request: Request, pk: str | None = None) -> Response:
        """报请负责人决定 once the defence window has passed or was waived (R-PEN-016)."""
        case = self.get_object()
        services.submit_for_decision(actor=request.user, case=case)
        return self._detail(case.pk)

    @_step(inputs.DecideSerializer, url_path="decide")
    def decide(self, request: Request, pk: str | None = None) -> Response:
        """负责人作出决定 (R-PEN-015/017/019, R-REV-004, R-TRN-001)."""
        case = self.get_object()
        services.decide_case(actor=request.user, case=case, **_input(inputs.DecideSerializer, request))
        return self._detail(case.pk)

    @_step(inputs.ServedOnSerializer, url_path="serve-decision")
    def serve_decision(self, request: Request, pk: str | None = None) -> Response:
        """决定书送达 (R-DOC-006); starts the 15-day payment period."""
        case = self.get_object()
        services.serve_decision(actor=request.user, case=case, **_input(inputs.ServedOnSerializer, request))
        return self._detail(case.pk)

    @_step(inputs.PaymentInputSerializer, created=True, url_path="payments")
    def payments(self, request: Request, pk: str | None = None) -> Response:
        """罚没款缴纳 (R-PEN-024/027); fully paid → 结案."""
        case = self.get_object()
        services.record_payment(actor=request.user, case=case, **_input(inputs.PaymentInputSerializer, request))
        return self._detail(case.pk, code=status.HTTP_201_CREATED)

    @_step(None, url_path="archive")
    def archive(self, request: Request, pk: str | None = None) -> Response:
        """归档 a closed case (R-REC-008)."""
        case = self.get_object()
        services.archive_case(actor=request.user, case=case)
        return self._detail(case.pk)

    @_step(inputs.ExtendDeadlineSerializer, url_path="extend-deadline")
    def extend_deadline(self, request: Request, pk: str | None = None) -> Response:
        """办案期限延长, approved by the head (R-PEN-021)."""
        case = self.get_object()
        services.extend_decision_deadline(
            actor=request.user, case=case, **_input(inputs.ExtendDeadlineSerializer, request)
        )
        return self._detail(case.pk)

    @_step(inputs.LodgeSerializer, url_path="lodge")
    def lodge(self, request: Request, pk: str | None = None) -> Response:
        """备案 of an on-the-spot case (R-SIM-007)."""
        case = self.get_object()
        services.lodge_on_the_spot_case(actor=request.user, case=case, **_input(inputs.LodgeSerializer, request))
        return self._detail(case.pk)
