"""Who may do what in legal review and collective discussion (django-rules). Data scope is
``LegalReview.objects.visible_to`` / ``CollectiveDiscussion.objects.visible_to``.

- 送审, 撤回, 提出分歧: the case's handlers (``cases.handle_case`` on the case).
- 受理: a legal reviewer of the case's agency, or a configured external reviewer (the eligibility rules of
  R-REV-005 — legal unit, not a handler or investigator, 法律职业资格 for a first review — are checked in the
  service, which names the reason).
- 作出审核意见: the reviewer of the current round only.
- 延长审核期限, 决定分歧, 召集和主持集体讨论: the head of the case's agency.
"""

from __future__ import annotations

from typing import Any

import rules

from zhifa.cases.rules import handles_case, heads_agency
from zhifa.org.choices import Role
from zhifa.org.rules import is_bureau_admin, is_system_admin


def _case(obj: Any) -> Any:
    return getattr(obj, "penalty_case", obj)


@rules.predicate
def handles_reviewed_case(user: Any, obj: Any) -> bool:
    return obj is not None and bool(handles_case(user, _case(obj)))


@rules.predicate
def heads_reviewed_agency(user: Any, obj: Any) -> bool:
    return obj is not None and bool(heads_agency(user, _case(obj)))


@rules.predicate
def is_legal_reviewer_for(user: Any, obj: Any) -> bool:
    """A legal reviewer of the case's agency, or one configured to review for it (R-REV-005)."""
    if obj is None or not getattr(user, "is_authenticated", False) or not user.has_role(Role.LEGAL_REVIEWER):
        return False
    case = _case(obj)
    if user.agency_id and user.agency_id == case.agency_id:
        return True
    from zhifa.review.models import ExternalReviewer

    return ExternalReviewer.objects.filter(agency_id=case.agency_id, user_id=user.pk, is_active=True).exists()


@rules.predicate
def reviews_current_round(user: Any, review: Any) -> bool:
    current = getattr(review, "current_round", None)
    return current is not None and current.reviewer_id is not None and current.reviewer_id == user.pk


rules.add_perm("review.submit_legal_review", handles_reviewed_case)
rules.add_perm("review.take_legal_review", is_legal_reviewer_for)
rules.add_perm("review.conclude_legal_review", reviews_current_round & is_legal_reviewer_for)
rules.add_perm("review.extend_legal_review", heads_reviewed_agency)
rules.add_perm("review.dispute_legal_review", handles_reviewed_case)
rules.add_perm("review.resolve_legal_review", heads_reviewed_agency)
rules.add_perm("review.convene_discussion", heads_reviewed_agency)
rules.add_perm("review.conclude_discussion", heads_reviewed_agency)

# 外部法制审核人员 (R-REV-005): configured by the system administrator or the judicial bureau's administrator.
_configures = is_system_admin | is_bureau_admin
for _action in ("view", "add", "change", "delete"):
    rules.add_perm(f"review.{_action}_externalreviewer", _configures)
