"""The hook through which code below the ledger (core, admin screens) records changes.

``core`` cannot import ``ledger`` (dependencies point down), so the ledger app registers its ``record``
function here when Django starts (``LedgerConfig.ready``). ``RecordedAdminMixin`` uses it so that a change
made in /admin/ is on the record like any service change (R-REC-001); only field names are recorded,
never values (personal data stays out of the ledger).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

Recorder = Callable[..., Any]
_recorder: Recorder | None = None


def set_recorder(recorder: Recorder) -> None:
    global _recorder
    _recorder = recorder


def model_snake(obj: models.Model) -> str:
    """``CalendarDay`` → ``calendar_day`` (GLOSSARY: ledger events are ``<model_snake>.<past_participle>``)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(obj).__name__).lower()


def record_change(*, actor: Any, obj: models.Model, action: str, fields: list[str]) -> None:
    if _recorder is None:
        raise ImproperlyConfigured("the ledger app must be installed: every change is recorded")
    agency = getattr(obj, "agency", None) if hasattr(type(obj), "agency") else None
    _recorder(
        event_type=f"{model_snake(obj)}.{action}",
        actor=actor,
        agency=agency,
        subject=obj,
        payload={"via": "admin", "fields": sorted(fields)},
    )


class RecordedAdminMixin:
    """Records every create, change and delete made through the admin site in the ledger."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        record_change(
            actor=request.user, obj=obj, action="changed" if change else "created", fields=list(form.changed_data)
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Inline rows (departments of an agency, roles of a user …) are recorded one by one."""
        for deleted in [f.instance for f in formset.deleted_forms if f.instance.pk]:
            record_change(actor=request.user, obj=deleted, action="deleted", fields=[])
        super().save_formset(request, form, formset, change)  # type: ignore[misc]
        for obj in formset.new_objects:
            record_change(actor=request.user, obj=obj, action="created", fields=[])
        for obj, fields in formset.changed_objects:
            record_change(actor=request.user, obj=obj, action="changed", fields=list(fields))

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        record_change(actor=request.user, obj=obj, action="deleted", fields=[])
        super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            record_change(actor=request.user, obj=obj, action="deleted", fields=[])
        super().delete_queryset(request, queryset)  # type: ignore[misc]


class RecordedAdmin(RecordedAdminMixin, admin.ModelAdmin):
    pass
