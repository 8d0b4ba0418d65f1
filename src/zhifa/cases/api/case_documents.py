"""The case's documents through the API: ``GET /penalty-cases/{id}/documents/`` (the case's documents and the kinds
it allows now), ``POST …/issue-document/`` (made from the case record), ``POST …/delivery-receipts/``.
Service is recorded on the document, ``POST /documents/{id}/deliveries/``: the first success moves the case with
the receipt's date (R-DOC-006) — the same service call whichever page or system records it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from zhifa.cases import services
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.case_documents import CASE_KINDS
from zhifa.documents.api.serializers import DocumentSerializer
from zhifa.documents.choices import DocumentKind
from zhifa.documents.models import Document


class IssueDocumentInput(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[(kind, DocumentKind(kind).label) for kind in CASE_KINDS], help_text="文书种类"
    )
    context = serializers.DictField(
        required=False,
        default=dict,
        help_text="案件记录之外的填写内容（如 contact 联系人及电话、discretion_reason 裁量理由、payment_bank 缴款银行）；"
        "当事人、金额、处罚内容以案件记录为准，不能改写",
    )


class DeliveryReceiptInput(serializers.Serializer):
    documents = serializers.ListField(child=serializers.IntegerField(), help_text="本次送达的本案文书（文书编号）")
    recipient = serializers.CharField(required=False, allow_blank=True, default="", help_text="受送达人，默认当事人")
    place = serializers.CharField(required=False, allow_blank=True, default="", help_text="送达地点")


class CaseDocumentsSerializer(serializers.Serializer):
    issuable_kinds = serializers.ListField(child=serializers.CharField(), help_text="现在可以制作的文书种类")
    documents = DocumentSerializer(many=True)


class PenaltyCaseDocumentViewSet(viewsets.GenericViewSet):
    """案件文书：由案件记录生成、签发，列明送达回证 (R-DOC-003, R-DOC-006)."""

    serializer_class = DocumentSerializer

    def get_queryset(self) -> QuerySet[PenaltyCase]:
        return PenaltyCase.objects.visible_to(self.request.user).select_related("agency", "party")

    @extend_schema(responses=CaseDocumentsSerializer)
    @action(detail=True, methods=["get"])
    def documents(self, request: Request, pk: str | None = None) -> Response:
        """本案全部文书（含已作废的）及现在可以制作的文书种类。"""
        case = self.get_object()
        documents = (
            Document.objects.of_subject(case)
            .select_related("agency", "number", "issued_by")
            .prefetch_related("deliveries")
            .order_by("issued_at", "pk")
        )
        body = {"issuable_kinds": services.issuable_kinds(case), "documents": documents}
        return Response(CaseDocumentsSerializer(body).data)

    def _created(self, document: Document) -> Response:
        fresh = (
            Document.objects.select_related("agency", "number", "issued_by")
            .prefetch_related("deliveries")
            .get(pk=document.pk)
        )
        return Response(DocumentSerializer(fresh).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=IssueDocumentInput, responses={201: DocumentSerializer})
    @action(detail=True, methods=["post"], url_path="issue-document")
    def issue_document(self, request: Request, pk: str | None = None) -> Response:
        """由案件记录制作并签发文书（文号、PDF、SM3 摘要记入全过程记录，R-DOC-002/003/009）。"""
        body = IssueDocumentInput(data=request.data)
        body.is_valid(raise_exception=True)
        document = services.issue_case_document(actor=request.user, case=self.get_object(), **body.validated_data)
        return self._created(document)

    @extend_schema(request=DeliveryReceiptInput, responses={201: DocumentSerializer})
    @action(detail=True, methods=["post"], url_path="delivery-receipts")
    def delivery_receipts(self, request: Request, pk: str | None = None) -> Response:
        """制作送达回证，列明本次送达的本案文书（R-DOC-006）。"""
        body = DeliveryReceiptInput(data=request.data)
        body.is_valid(raise_exception=True)
        data: dict[str, Any] = dict(body.validated_data)
        case = self.get_object()
        wanted = data.pop("documents")
        found = {d.pk: d for d in Document.objects.of_subject(case).filter(pk__in=wanted)}
        missing = [pk for pk in wanted if pk not in found]
        if missing:
            raise serializers.ValidationError({"documents": [f"编号 {missing[0]} 的文书不是本案文书"]})
        receipt = services.issue_delivery_receipt(
            actor=request.user, case=case, documents=[found[pk] for pk in wanted], **data
        )
        return self._created(receipt)
