"""Data scope (数据权限): the one place that turns a user into a filter (STYLE §6).

It lives in core (it only reads the user's roles and agency, duck-typed) so that every app, the ledger
included, can filter by it; ``zhifa.org.scope`` re-exports it.

- A system administrator reads all master data but, by default, no case data.
- A judicial-bureau user with a region role (supervisor, bureau admin, auditor, evaluator) reads every
  agency of the bureau's region and below.
- Everybody else reads their own agency only.
- Anonymous users and users without an agency read nothing.

Every queryset's ``visible_to(user)`` and every API lookup goes through ``agency_q``/``region_q``;
templates never decide what a user may see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User

ScopeKind = Literal["all", "region", "agency", "none"]


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    region_path: str = ""
    agency_id: int | None = None


NOTHING = Q(pk__in=[])
SYSTEM_ADMIN = "system_admin"  # org.choices.Role.SYSTEM_ADMIN (core cannot import org)


def scope_of(user: Any, *, case_data: bool = False) -> Scope:
    """The scope of ``user``. ``case_data=True`` withholds the system administrator's blanket view."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Scope("none")
    if user.has_role(SYSTEM_ADMIN) and not case_data:
        return Scope("all")
    if not user.agency_id:
        return Scope("none")
    agency = user.agency
    if user.is_region_reader:
        return Scope("region", region_path=agency.region.path, agency_id=agency.pk)
    return Scope("agency", region_path=agency.region.path, agency_id=agency.pk)


def _join(prefix: str, field: str) -> str:
    return f"{prefix}__{field}" if prefix else field


def agency_q(user: User | Any, prefix: str = "agency", *, case_data: bool = False) -> Q:
    """Filter for rows owned by an agency, reached from the row through ``prefix`` ("" for Agency itself)."""
    scope = scope_of(user, case_data=case_data)
    if scope.kind == "all":
        return Q()
    if scope.kind == "region":
        return Q(**{_join(prefix, "region__path__startswith"): scope.region_path})
    if scope.kind == "agency":
        return Q(**{_join(prefix, "pk") if prefix else "pk": scope.agency_id})
    return NOTHING


def region_q(user: User | Any, prefix: str = "region") -> Q:
    """Filter for rows that belong to a region (shared registries such as parties): the user's region and below."""
    scope = scope_of(user)
    if scope.kind == "all":
        return Q()
    if scope.kind in ("region", "agency"):
        return Q(**{_join(prefix, "path__startswith"): scope.region_path})
    return NOTHING


def can_see_agency(
    user: User | Any, agency_id: int | None, agency_region_path: str, *, case_data: bool = False
) -> bool:
    """Object-level twin of ``agency_q`` for one agency (used by rules predicates)."""
    scope = scope_of(user, case_data=case_data)
    if scope.kind == "all":
        return True
    if scope.kind == "region":
        return agency_region_path.startswith(scope.region_path)
    if scope.kind == "agency":
        return agency_id == scope.agency_id
    return False
