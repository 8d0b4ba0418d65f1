"""Permissions of the discretion app: benchmarks and 免罚清单 are read by every signed-in user in scope
(``visible_to``) and maintained like the item list (catalog.rules): the system administrator, the bureau
administrator within its region, the agency administrator for its own agency. Objects expose the agency."""

from __future__ import annotations

import rules

from zhifa.org.rules import can_manage_agency, is_agency_admin, is_bureau_admin, is_system_admin

rules.add_perm("discretion.view_benchmark", rules.is_authenticated)
# Object: the item's agency (add) or the benchmark (change).
rules.add_perm("discretion.add_benchmark", can_manage_agency)
rules.add_perm("discretion.change_benchmark", can_manage_agency)
# Object: the issuing agency (add) or the list (change); a county-wide list is issued by the 司法局.
rules.add_perm("discretion.add_exemptionlist", can_manage_agency)
rules.add_perm("discretion.change_exemptionlist", can_manage_agency)
rules.add_perm("discretion.import_benchmarks", is_system_admin | is_bureau_admin | is_agency_admin)
rules.add_perm("discretion.import_exemption_entries", is_system_admin | is_bureau_admin | is_agency_admin)
