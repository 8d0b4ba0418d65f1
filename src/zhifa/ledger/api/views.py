"""Thin API views: evidence in the caller's case-data scope; upload streams to disk; download streams out."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Subquery
from django.http import FileResponse, HttpRequest
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from zhifa.ledger.api.serializers import EvidenceFileSerializer, EvidenceUploadSerializer
from zhifa.ledger.api.uploads import spool_uploads_to_disk
from zhifa.ledger.evidence import EvidenceError, open_for_download, resolve_subject, store_evidence
from zhifa.ledger.models import EvidenceFile


class EvidenceFileFilter(filters.FilterSet):
    class Meta:
        model = EvidenceFile
        fields = ["subject_type", "subject_id", "step", "digest", "media_kind", "agency"]


def visible_evidence(user: Any) -> Any:
    corrections = EvidenceFile.objects.filter(supersedes=OuterRef("pk")).values("pk")[:1]
    return (
        EvidenceFile.objects.visible_to(user)
        .select_related("uploaded_by", "agency")
        .annotate(superseded_by=Subquery(corrections))
    )


class EvidenceFileViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """证据文件 (R-REC-006): upload, metadata, download. Scope: the agency's case data (R-REC-007)."""

    serializer_class = EvidenceFileSerializer
    filterset_class = EvidenceFileFilter
    parser_classes = [MultiPartParser, FormParser]

    def initialize_request(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Request:
        if request.method == "POST":
            spool_uploads_to_disk(request)
        return super().initialize_request(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return visible_evidence(self.request.user)

    @extend_schema(request={"multipart/form-data": EvidenceUploadSerializer}, responses={201: EvidenceFileSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Upload one file (streamed; SM3 digest and type computed by the server) and record ``evidence.added``."""
        body = EvidenceUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        supersedes = None
        if data["supersedes"] is not None:
            supersedes = self.get_queryset().filter(pk=data["supersedes"]).first()
            if supersedes is None:
                raise EvidenceError(
                    f"被更正的证据 #{data['supersedes']} 不存在或不在您的数据权限范围内", field="supersedes"
                )
        evidence = store_evidence(
            fileobj=data["file"],
            original_name=data["file"].name,
            actor=request.user,
            agency=getattr(request.user, "agency", None),
            subject=resolve_subject(request.user, data["subject_type"], data["subject_id"]),
            step=data["step"],
            device_id=data["device_id"],
            latitude=data["latitude"] or None,
            longitude=data["longitude"] or None,
            captured_at=data["captured_at"],
            capture_ended_at=data["capture_ended_at"],
            media_kind=data["media_kind"] or None,
            supersedes=supersedes,
            supersede_reason=data["supersede_reason"],
        )
        output = self.get_serializer(self.get_queryset().get(pk=evidence.pk))
        return Response(output.data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)})
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: str | None = None) -> FileResponse:
        """The stored bytes, streamed. A download by anyone but the uploader records ``evidence.viewed``."""
        evidence = self.get_object()
        handle = open_for_download(evidence, actor=request.user)
        return FileResponse(
            handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.mime_type
        )
