"""Who may do what in legal review and collective discussion (django-rules). Data scope is
``LegalReview.objects.visible_to`` / ``CollectiveDiscussion.objects.visible_to``.

- 送审, 撤回, 提出分歧: the case's handlers (``cases.handle_case`` on the case).
- 受理: a legal reviewer of the case's agency, or a configured external reviewer (the eligibility rules of
  R-REV-005 — legal unit, not a handler or investigator, 法律职业资格 for a first review — are checked in the
  service, which names the reason).
- 作出审核意见: the reviewer of the current round only.
- 延长审核期限, 决定分歧, 召集和主持集体讨论: the head of the case's agency.
- 外部法制审核人员的聘任/指派 (R-REV-005): the agency's head or administrator (own agency), or the administrator of
  the 司法局 whose region covers it (``appoints_reviewers``); the admin asks the same predicates.
"""

from __future__ import annotations

from typing import Any

import rules

from zhifa.cases.rules import handles_case, heads_agency
from zhifa.org.choices import Role


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
    """A legal reviewer of the case's agency, or one appointed to review for it (R-REV-005): the active appointment
    is what makes an external reviewer — who may have no agency (法律顾问, 公职律师) and so no role of their own."""
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    case = _case(obj)
    if user.has_role(Role.LEGAL_REVIEWER) and user.agency_id and user.agency_id == case.agency_id:
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


@rules.predicate
def appoints_reviewers(user: Any, target: Any = None) -> bool:
    """外部法制审核人员 (R-REV-005) of an agency are appointed by its head or its administrator — for their own agency
    only — or by the administrator of the 司法局 whose region covers the agency (the bureau's data scope). Nobody else:
    not the system administrator, not a staff user by a model permission. ``target`` (an appointment or an agency)
    None asks whether the user may appoint for some agency (the admin's list and add button)."""
    if not getattr(user, "is_authenticated", False) or not user.agency_id:
        return False
    own = user.has_role(Role.HEAD, Role.AGENCY_ADMIN)
    bureau = user.agency.is_judicial_bureau and user.has_role(Role.BUREAU_ADMIN)
    if target is None:
        return bool(own or bureau)
    agency = getattr(target, "agency", target)
    if agency is None:
        return False
    if own and agency.pk == user.agency_id:
        return True
    return bool(bureau and agency.region.path.startswith(user.agency.region.path))


for _action in ("view", "add", "change"):
    rules.add_perm(f"review.{_action}_externalreviewer", appoints_reviewers)
# An appointment is ended (在任 unticked), never deleted: who could review stays on the record.
rules.add_perm("review.delete_externalreviewer", rules.always_deny)
