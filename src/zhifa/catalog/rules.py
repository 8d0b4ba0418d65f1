"""Permissions of the catalog app: the item list is maintained by the system administrator, the bureau
administrator within its region, and the agency administrator for its own agency (org.rules)."""

from __future__ import annotations

import rules

from zhifa.org.rules import agency_in_scope, can_manage_agency, is_agency_admin, is_bureau_admin, is_system_admin

rules.add_perm("catalog.view_enforcementitem", rules.is_authenticated & agency_in_scope)
# Object: the agency (for add) or the item (for change); both expose the agency to the predicates.
rules.add_perm("catalog.add_enforcementitem", can_manage_agency)
rules.add_perm("catalog.change_enforcementitem", can_manage_agency)
rules.add_perm("catalog.import_items", is_system_admin | is_bureau_admin | is_agency_admin)
# Locality settings (A/V list, major-decision catalog): national defaults by the system administrator,
# an agency's rows by whoever manages that agency.
rules.add_perm("catalog.change_avrequirement", is_system_admin | can_manage_agency)
rules.add_perm("catalog.change_majordecisioncriterion", is_system_admin | is_bureau_admin)
