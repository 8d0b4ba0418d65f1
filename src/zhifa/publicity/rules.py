"""Who may do what with publications (django-rules). Data scope is ``Publication.objects.visible_to``.

- 提交 (with the parts to withhold): a handler of the decision's case, or the agency's head.
- 审核公开, 退回, 批准不予公开, 撤下: the agency's head (谁执法谁公示, R-PUB-006, R-PUB-008).
- 执法证核验码: whoever manages the agency's certificates (or ``zhifa tick``).
- 更新事前公示 (R-PUB-001): the agency's head or whoever manages the agency (or ``zhifa tick``).
"""

from __future__ import annotations

from typing import Any

import rules

from zhifa.cases.rules import handles_case, heads_agency, reads_region
from zhifa.org.choices import Role
from zhifa.org.rules import can_manage_agency, has_role


@rules.predicate
def handles_published_case(user: Any, publication: Any) -> bool:
    case = getattr(publication, "penalty_case", None)
    return case is not None and bool(handles_case(user, case))


rules.add_perm("publicity.submit_publication", handles_published_case | heads_agency)
rules.add_perm("publicity.approve_publication", heads_agency)
rules.add_perm("publicity.issue_certificate_code", can_manage_agency)
rules.add_perm("publicity.refresh_before_publications", can_manage_agency | heads_agency)

# 双公示 export (R-PUB-012): the agency reports its own records (谁执法谁公示) — its head or administrator, with the
# non-public fields (a personal-data export); the 司法局's supervisors and bureau administrators check their region's
# records with those fields masked (R-PRV-006: supervisors never see full personal data). Scope: ``visible_to``.
reports_credit_data = has_role(Role.HEAD, Role.AGENCY_ADMIN) & ~reads_region
supervises_credit_data = reads_region & has_role(Role.SUPERVISOR, Role.BUREAU_ADMIN)
rules.add_perm("publicity.export_credit_records", reports_credit_data | supervises_credit_data)
rules.add_perm("publicity.export_credit_personal_data", reports_credit_data)
