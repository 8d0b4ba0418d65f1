"""Permissions of the laws app. Laws are shared master data: any signed-in user reads them.

Who writes depends on the law (review finding 5): a national instrument (法律、行政法规、部门规章, or any law
without an issuing region) is shared by every region, so only the system administrator maintains it; a local
one (地方性法规、规章、规范性文件 with ``issuing_region_code``) is maintained by the system administrator or by
a judicial-bureau administrator of exactly that region. laws imports nothing but core, so roles are compared
as strings (they are the identifiers of GLOSSARY §13).

Objects: a ``Law`` (saved or not, for ``add_law``), a ``LawVersion``, an ``Article`` or a ``ViolationType``
(both of its bases must be maintainable).
"""

from __future__ import annotations

from typing import Any

import rules

SYSTEM_ADMIN = "system_admin"
BUREAU_ADMIN = "bureau_admin"


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def is_law_admin(user: Any) -> bool:
    """System or bureau administrator: may open the import; each row is checked against its law."""
    return _authenticated(user) and bool(user.has_role(SYSTEM_ADMIN, BUREAU_ADMIN))


def _laws_of(obj: Any) -> list[Any]:
    """The laws an object belongs to (a violation type belongs to the laws of both of its bases)."""
    if obj is None:
        return []
    if hasattr(obj, "violation_basis") and hasattr(obj, "penalty_basis"):
        return [obj.violation_basis.version.law, obj.penalty_basis.version.law]
    if hasattr(obj, "version") and hasattr(obj.version, "law"):
        return [obj.version.law]
    if hasattr(obj, "law"):
        return [obj.law]
    return [obj]


def _bureau_region_code(user: Any) -> str:
    agency = getattr(user, "agency", None)
    region = getattr(agency, "region", None)
    return str(getattr(region, "code", "") or "")


@rules.predicate
def may_maintain_law(user: Any, obj: Any) -> bool:
    """System administrator: every law. Bureau administrator: local laws issued in the bureau's own region."""
    if not _authenticated(user):
        return False
    if user.has_role(SYSTEM_ADMIN):
        return True
    laws = _laws_of(obj)
    if not laws or not user.has_role(BUREAU_ADMIN):
        return False
    own = _bureau_region_code(user)
    return bool(own) and all(not law.is_national and law.issuing_region_code == own for law in laws)


rules.add_perm("laws.view_law", rules.is_authenticated)
rules.add_perm("laws.add_law", may_maintain_law)
rules.add_perm("laws.change_law", may_maintain_law)
rules.add_perm("laws.add_violationtype", may_maintain_law)
rules.add_perm("laws.import_laws", is_law_admin)
