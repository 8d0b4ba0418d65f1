"""Permissions of the personnel app (django-rules), checked in services, views and the API."""

from __future__ import annotations

import rules

from zhifa.org.rules import (
    agency_in_scope,
    can_manage_agency,
    is_agency_admin,
    is_bureau_admin,
    is_own_agency,
    is_system_admin,
)

# Reading officers and certificates: anyone whose data scope covers the officer's agency.
rules.add_perm("personnel.view_officer", rules.is_authenticated & agency_in_scope)
# Registering officers, leaving post, certificates (暂扣/恢复/注销), exam results and training.
rules.add_perm("personnel.manage_officer", can_manage_agency)
rules.add_perm("personnel.manage_certificate", can_manage_agency)
# Qualification exam sittings are organised above the agency; agency admins may record their own sittings on import.
rules.add_perm("personnel.manage_exam", is_system_admin | is_bureau_admin | is_agency_admin)
# Full (unmasked) 身份证号 and personal phone, one field at a time through ``services.reveal_personal_data``
# (recorded, R-PRV-006): only the agency admin of the officer's own agency. Lists, API and exports always mask.
rules.add_perm("personnel.view_personal_data", is_agency_admin & is_own_agency)
# Excel import of officers and certificates (checked with obj=None; each row is checked again per agency).
rules.add_perm("personnel.import_officers", is_system_admin | is_bureau_admin | is_agency_admin)
