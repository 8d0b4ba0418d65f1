"""Who may browse the whole-process record (R-REC-007, R-SUP-008)."""

from __future__ import annotations

import rules

from zhifa.core.scope import SYSTEM_ADMIN


@rules.predicate
def reads_the_record(user: object) -> bool:
    roles = {"supervisor", "auditor", "bureau_admin", "agency_admin", "head", SYSTEM_ADMIN}
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*roles))  # type: ignore[attr-defined]


rules.add_perm("ledger.view_events", reads_the_record)
