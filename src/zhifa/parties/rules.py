"""Permissions of the parties registry (django-rules). Data scope: org.scope (STYLE §6)."""

from __future__ import annotations

from typing import Any

import rules

from zhifa.org.choices import Role
from zhifa.org.rules import has_role
from zhifa.org.scope import scope_of


@rules.predicate
def party_in_scope(user: Any, party: Any) -> bool:
    """Object twin of ``Party.objects.visible_to``: the party's region is the user's region or below."""
    if party is None:
        return True
    scope = scope_of(user)
    if scope.kind == "all":
        return True
    if scope.kind in ("region", "agency"):
        return bool(party.region.path.startswith(scope.region_path))
    return False


# R-PRV-006: full personal data only to the roles that need it for their statutory duties (R-PRV-005).
# Supervisors, auditors, evaluators and system administrators see masked values only.
PERSONAL_DATA_ROLES = (Role.HANDLER, Role.HEAD, Role.CASE_REVIEWER, Role.LEGAL_REVIEWER, Role.AGENCY_ADMIN)
WRITER_ROLES = (Role.HANDLER, Role.AGENCY_ADMIN, Role.BUREAU_ADMIN, Role.SYSTEM_ADMIN)
ACCESS_LOG_ROLES = (Role.AGENCY_ADMIN, Role.SUPERVISOR)

may_view_personal_data = has_role(*PERSONAL_DATA_ROLES) & party_in_scope
may_write_parties = has_role(*WRITER_ROLES)

rules.add_perm("parties.view_party", rules.is_authenticated & party_in_scope)
rules.add_perm("parties.view_personal_data", may_view_personal_data)
rules.add_perm("parties.add_party", may_write_parties)
rules.add_perm("parties.change_party", may_write_parties & party_in_scope)
rules.add_perm("parties.import_parties", may_write_parties)
rules.add_perm("parties.view_access_log", has_role(*ACCESS_LOG_ROLES) & party_in_scope)
