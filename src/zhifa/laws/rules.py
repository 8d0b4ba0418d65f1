"""Permissions of the laws app. Laws are shared master data: any signed-in user reads them; the system
administrator and the judicial-bureau administrator maintain them. laws imports nothing but core, so roles
are compared as strings (they are the identifiers of GLOSSARY §13)."""

from __future__ import annotations

from typing import Any

import rules

SYSTEM_ADMIN = "system_admin"
BUREAU_ADMIN = "bureau_admin"


@rules.predicate
def is_law_admin(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(SYSTEM_ADMIN, BUREAU_ADMIN))


rules.add_perm("laws.view_law", rules.is_authenticated)
rules.add_perm("laws.add_law", is_law_admin)
rules.add_perm("laws.change_law", is_law_admin)
rules.add_perm("laws.import_laws", is_law_admin)
