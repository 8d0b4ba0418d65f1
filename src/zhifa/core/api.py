"""API plumbing shared by every app: the one exception handler mapping domain errors (STYLE §5), pagination, and the
two helpers of a business step (``validated_input``, ``step_action``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import exception_handler as drf_exception_handler

from zhifa.core.errors import DomainError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DomainError → its status with ``{code, field, message}``; Django ValidationError → 400 per field."""
    if isinstance(exc, DomainError):
        return Response(exc.as_dict(), status=exc.status)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail: Any = {
                field: [e.message % (e.params or {}) for e in errors] for field, errors in exc.error_dict.items()
            }
        else:
            detail = {"non_field_errors": exc.messages}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)


class Pagination(PageNumberPagination):
    """50 rows a page; ``?page_size=N`` up to 200."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def validated_input(serializer_class: type[BaseSerializer], request: Request) -> dict[str, Any]:
    """The request body parsed by one step's input serializer (400 naming the field when it does not parse)."""
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


def step_action(
    request_serializer: type[BaseSerializer] | None, response_serializer: type[BaseSerializer], **kwargs: Any
) -> Any:
    """``@extend_schema`` + ``@action``: one business step as ``POST …/{id}/<verb>/`` (STYLE §4)."""

    def wrap(func: Any) -> Any:
        func = extend_schema(request=request_serializer, responses={200: response_serializer})(func)
        return action(detail=True, methods=["post"], **kwargs)(func)

    return wrap
