"""The one way services check a permission (django-rules) and refuse in Chinese."""

from __future__ import annotations

from typing import Any

import rules

from zhifa.core.errors import PermissionDenied


def require(user: Any, perm: str, obj: Any = None, *, message: str = "您没有执行此操作的权限") -> None:
    """Raise ``PermissionDenied`` (403, with ``message``) unless ``user`` holds ``perm`` on ``obj``.

    ``user=None`` means a trusted system caller (demo loader, data migration, scheduled job): allowed.
    """
    if user is not None and not rules.has_perm(perm, user, obj):
        raise PermissionDenied(message)
