"""Domain errors: each carries a stable code, a Chinese message and, where it applies, the field."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every business-rule refusal. ``status`` is the HTTP status the API maps it to."""

    status: int = 400
    code: str = "invalid"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if code is not None:
            self.code = code

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "field": self.field, "message": self.message}


class PermissionDenied(DomainError):
    status = 403
    code = "permission_denied"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class CalendarDataMissing(DomainError):
    """R-TIME-001: a working-day computation reached a year with no holiday table."""

    status = 409
    code = "calendar_data_missing"
