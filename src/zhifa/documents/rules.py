"""Permissions of the documents app (django-rules). Data scope: ``querysets`` (case data, STYLE §6).

Documents are issued, voided and served in the name of the user's own agency only.
"""

from __future__ import annotations

from typing import Any

import rules

from zhifa.core.scope import can_see_agency
from zhifa.org.choices import Role
from zhifa.org.rules import has_role, is_own_agency, is_system_admin


@rules.predicate
def document_in_scope(user: Any, obj: Any) -> bool:
    """Object twin of ``Document.objects.visible_to`` (case data: no blanket view for the system admin)."""
    if obj is None:
        return True
    agency = getattr(obj, "agency", obj)
    return can_see_agency(user, agency.pk, agency.region.path, case_data=True)


ISSUER_ROLES = (Role.HANDLER, Role.HEAD, Role.CASE_REVIEWER, Role.LEGAL_REVIEWER, Role.AGENCY_ADMIN)
# Voiding an issued document or a number needs the agency's head or its administrator (R-DOC-002: kept, recorded).
VOIDER_ROLES = (Role.HEAD, Role.AGENCY_ADMIN)
DELIVERER_ROLES = (Role.HANDLER, Role.HEAD, Role.AGENCY_ADMIN)

rules.add_perm("documents.view_document", rules.is_authenticated & document_in_scope)
rules.add_perm("documents.issue_document", has_role(*ISSUER_ROLES) & is_own_agency)
rules.add_perm("documents.void_document", has_role(*VOIDER_ROLES) & is_own_agency)
rules.add_perm("documents.record_delivery", has_role(*DELIVERER_ROLES) & is_own_agency)
rules.add_perm("documents.manage_numbering", is_system_admin | (has_role(Role.AGENCY_ADMIN) & is_own_agency))
