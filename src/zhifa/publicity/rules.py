"""Who may do what with publications (django-rules). Data scope is ``Publication.objects.visible_to``.

- 提交 (with the parts to withhold): a handler of the decision's case, or the agency's head.
- 审核公开, 退回, 批准不予公开, 撤下: the agency's head (谁执法谁公示, R-PUB-006, R-PUB-008).
- 执法证核验码: whoever manages the agency's certificates (or ``zhifa tick``).
"""

from __future__ import annotations

from typing import Any

import rules

from zhifa.cases.rules import handles_case, heads_agency
from zhifa.org.rules import can_manage_agency


@rules.predicate
def handles_published_case(user: Any, publication: Any) -> bool:
    case = getattr(publication, "penalty_case", None)
    return case is not None and bool(handles_case(user, case))


rules.add_perm("publicity.submit_publication", handles_published_case | heads_agency)
rules.add_perm("publicity.approve_publication", heads_agency)
rules.add_perm("publicity.issue_certificate_code", can_manage_agency)
