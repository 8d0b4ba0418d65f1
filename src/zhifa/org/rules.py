"""Permission predicates of the org app (django-rules), checked in services and views."""

from __future__ import annotations

from typing import Any

import rules

from zhifa.org.choices import Role
from zhifa.org.scope import can_see_agency


def has_role(*roles: str) -> Any:
    name = "has_role:" + ",".join(roles)

    @rules.predicate(name=name)
    def predicate(user: Any) -> bool:
        return bool(getattr(user, "is_authenticated", False) and user.has_role(*roles))

    return predicate


is_system_admin = has_role(Role.SYSTEM_ADMIN)
is_bureau_admin = has_role(Role.BUREAU_ADMIN)
is_agency_admin = has_role(Role.AGENCY_ADMIN)


@rules.predicate
def agency_in_scope(user: Any, agency: Any) -> bool:
    """The agency (or the object's agency) is in the user's data scope."""
    if agency is None:
        return True
    target = getattr(agency, "agency", agency)
    return can_see_agency(user, target.pk, target.region.path)


@rules.predicate
def is_own_agency(user: Any, agency: Any) -> bool:
    if agency is None:
        return False
    target = getattr(agency, "agency", agency)
    return bool(user.agency_id and user.agency_id == target.pk)


# Master data administration: system admin anywhere; bureau admin within its region; agency admin its own.
can_manage_agency = is_system_admin | (is_bureau_admin & agency_in_scope) | (is_agency_admin & is_own_agency)

rules.add_perm("org.view_agency", rules.is_authenticated & agency_in_scope)
rules.add_perm("org.add_agency", is_system_admin | is_bureau_admin)
rules.add_perm("org.change_agency", can_manage_agency)
rules.add_perm("org.manage_users", can_manage_agency)
