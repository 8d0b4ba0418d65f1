"""Thin API views: documents in the caller's case-data scope; PDF download; void; record a service attempt."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from zhifa.documents import services
from zhifa.documents.api.serializers import (
    DeliveryRequestSerializer,
    DeliverySerializer,
    DocumentSerializer,
    VoidRequestSerializer,
)
from zhifa.documents.errors import DeliveryError
from zhifa.documents.models import Document
from zhifa.ledger.models import EvidenceFile


class DocumentFilter(filters.FilterSet):
    number = filters.CharFilter(field_name="number__text", label="文号")

    class Meta:
        model = Document
        fields = ["kind", "state", "subject_type", "subject_id", "agency", "number"]


def visible_documents(user: Any) -> QuerySet[Document]:
    return (
        Document.objects.visible_to(user).select_related("agency", "number", "issued_by").prefetch_related("deliveries")
    )


def _scoped(user: Any, model: Any, pk: int | None, field: str) -> Any:
    if pk is None:
        return None
    found = model.objects.visible_to(user).filter(pk=pk).first()
    if found is None:
        raise DeliveryError(f"编号 {pk} 的记录不存在或不在您的数据权限范围内", field=field)
    return found


class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """执法文书：本单位（或本级司法局所辖区域）的文书，含送达记录。"""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter

    def get_queryset(self) -> QuerySet[Document]:
        return visible_documents(self.request.user)

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)})
    @action(detail=True, methods=["get"])
    def pdf(self, request: Request, pk: str | None = None) -> FileResponse:
        """签发的 PDF（以其为准，R-DOC-009）。签发人以外的人下载将记入全过程记录。"""
        document = self.get_object()
        handle = services.open_pdf(document, actor=request.user)
        name = f"{document.title}{document.number_text}.pdf"
        return FileResponse(handle, as_attachment=True, filename=name, content_type="application/pdf")

    @extend_schema(request=VoidRequestSerializer, responses={200: DocumentSerializer})
    @action(detail=True, methods=["post"])
    def void(self, request: Request, pk: str | None = None) -> Response:
        """作废文书（文号保留、不再使用，R-DOC-002）。"""
        body = VoidRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        document = services.void_document(self.get_object(), reason=body.validated_data["reason"], actor=request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=document.pk)).data)

    @extend_schema(request=DeliveryRequestSerializer, responses={201: DeliverySerializer})
    @action(detail=True, methods=["post"])
    def deliveries(self, request: Request, pk: str | None = None) -> Response:
        """记录一次送达（成功或未能送达），R-DOC-005..008。"""
        document = self.get_object()
        body = DeliveryRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        user = request.user
        for key in ("av_evidence", "receipt_evidence", "e_delivery_consent"):
            data[key] = _scoped(user, EvidenceFile, data[key], key)
        data["receipt_document"] = _scoped(user, Document, data["receipt_document"], "receipt_document")
        delivery = services.record_delivery(document=document, actor=user, **data)
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_201_CREATED)
