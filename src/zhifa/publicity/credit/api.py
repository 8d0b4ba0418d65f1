"""``GET /api/v1/publications/credit-export/?file_format=csv|xlsx&agency=&decided_from=&decided_to=``: the 双公示
export (R-PUB-012) as a file. Thin: parse the query, ONE service, stream; refusals are ``{code, field, message}``."""

from __future__ import annotations

from django.http import HttpResponseBase
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.views import APIView

from zhifa.publicity.credit.export import FORMATS, CreditFilter, start_credit_export
from zhifa.publicity.credit.responses import export_response


class CreditExportQuery(serializers.Serializer):
    file_format = serializers.ChoiceField(choices=list(FORMATS.items()), help_text="csv 或 xlsx")
    agency = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="执法单位（默认全部）")
    decided_from = serializers.DateField(required=False, allow_null=True, default=None, help_text="处罚决定日期起")
    decided_to = serializers.DateField(required=False, allow_null=True, default=None, help_text="处罚决定日期止")


class CreditExportView(APIView):
    """双公示行政处罚信息 for 信用中国: published penalty decisions in the user's scope (R-PUB-012)."""

    @extend_schema(
        parameters=[CreditExportQuery],
        responses={(200, "text/csv"): OpenApiTypes.BINARY, (200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request) -> HttpResponseBase:
        query = CreditExportQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        filters = CreditFilter(
            agency_id=data["agency"], decided_from=data["decided_from"], decided_to=data["decided_to"]
        )
        return export_response(
            start_credit_export(actor=request.user, filters=filters, file_format=data["file_format"])
        )
