"""Thin API views: documents in the caller's case-data scope; PDF and DOCX download; void; record a service
attempt."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from zhifa.documents import services
from zhifa.documents.api.serializers import (
    DeliveryRequestSerializer,
    DeliverySerializer,
    DocumentSerializer,
    VoidRequestSerializer,
)
from zhifa.documents.errors import DeliveryError
from zhifa.documents.models import Document
from zhifa.documents.services.docx import DOCX_CONTENT_TYPE, docx_filename, open_docx
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


class DocxRenderer(BaseRenderer):
    """Lets a client ask for the Word file by its media type (``Accept``) without a 406. The file itself is an
    ``HttpResponse``, so this renders only an error, and that stays JSON."""

    media_type = DOCX_CONTENT_TYPE
    format = "docx"
    charset = None
    render_style = "binary"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Type"] = "application/json"
        return JSONRenderer().render(data)


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

    @extend_schema(
        responses={(200, DOCX_CONTENT_TYPE): OpenApiResponse(OpenApiTypes.BINARY)},
        parameters=[OpenApiParameter("format", exclude=True)],  # the renderers' ?format= is no option here
    )
    @action(detail=True, methods=["get"], renderer_classes=[*api_settings.DEFAULT_RENDERER_CLASSES, DocxRenderer])
    def docx(self, request: Request, pk: str | None = None) -> HttpResponse:
        """可编辑的 Word 副本，由签发 PDF 的同一 HTML 快照转换（以 PDF 为准）。作废、草稿文书标明其状态。
        签发人以外的人下载将记入全过程记录。"""
        document = self.get_object()
        data = open_docx(document, actor=request.user)
        response = HttpResponse(data, content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, docx_filename(document))
        return response

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
