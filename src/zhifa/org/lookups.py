"""Finding an agency by name inside the user's data scope (imports and forms)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from zhifa.org.models import Agency


def agency_by_name(user: Any, name: str, *, field_name: str = "agency", label: str = "执法主体") -> Agency:
    """The one agency called ``name`` that ``user`` may see.

    Agency names are unique only within a region: a name found in several visible regions is an error that
    asks for the region, and a name outside the user's scope is reported exactly like an unknown one.
    """
    matches = list(Agency.objects.visible_to(user).filter(name=(name or "").strip()).select_related("region")[:5])
    if not matches:
        raise ValidationError({field_name: f"{label}“{name}”不存在或不在您的数据范围内"})
    if len(matches) > 1:
        regions = "、".join(a.region.name for a in matches)
        raise ValidationError({field_name: f"{label}“{name}”在多个行政区划中重名（{regions}），请联系管理员"})
    return matches[0]
