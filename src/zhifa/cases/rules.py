"""Who may do what on a case (django-rules). Data scope is ``PenaltyCase.objects.visible_to``."""

from __future__ import annotations

from typing import Any

import rules

from zhifa.org.choices import Role


def _same_agency(user: Any, obj: Any) -> bool:
    """``obj`` is an agency, or anything that belongs to one (a case, a case source)."""
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    agency_id = obj.agency_id if hasattr(obj, "agency_id") else obj.pk
    return bool(user.agency_id and user.agency_id == agency_id)


@rules.predicate
def handles_case(user: Any, case: Any) -> bool:
    """The user is linked to an officer among the case's handlers."""
    if not _same_agency(user, case):
        return False
    return case.handlers.filter(officer__user_id=user.pk).exists()


@rules.predicate
def heads_agency(user: Any, obj: Any) -> bool:
    return _same_agency(user, obj) and user.has_role(Role.HEAD)


@rules.predicate
def reviews_cases(user: Any, obj: Any) -> bool:
    return _same_agency(user, obj) and user.has_role(Role.CASE_REVIEWER, Role.HEAD)


@rules.predicate
def works_cases(user: Any, obj: Any) -> bool:
    """A handler or head of the agency (registers sources, acts on the spot)."""
    return _same_agency(user, obj) and user.has_role(Role.HANDLER, Role.HEAD)


rules.add_perm("cases.register_source", works_cases)
rules.add_perm("cases.file_case", heads_agency)
rules.add_perm("cases.handle_case", handles_case)
rules.add_perm("cases.review_case", reviews_cases)
rules.add_perm("cases.decide_case", heads_agency)
rules.add_perm("cases.decide_on_the_spot", works_cases)


@rules.predicate
def sits_on_hearing(user: Any, case: Any) -> bool:
    """The user is the presiding officer or the clerk of the case's hearing (R-HEA-006)."""
    if not _same_agency(user, case):
        return False
    from zhifa.cases.models import Hearing

    hearing = Hearing.objects.filter(penalty_case_id=case.pk).values("presiding_officer__user_id", "clerk__user_id")
    return any(user.pk in (row["presiding_officer__user_id"], row["clerk__user_id"]) for row in hearing)


# 听证: the agency (head or the case's handlers) names the chair and sends the notice; the chair, the clerk,
# the handlers or the head record what happened at the hearing.
rules.add_perm("cases.schedule_hearing", heads_agency)  # R-HEA-006: the agency names the chair, not the investigators
rules.add_perm("cases.conduct_hearing", heads_agency | handles_case | sits_on_hearing)

# 执行 (R-PEN-025, R-COE-010..017): the case's handlers record what happens (the party's application, 催告,
# statements, service, payments, the court's ruling); the head approves and decides (分期/延期, 强制执行决定,
# 申请法院强制执行, 中止/恢复/终止/终结执行).
rules.add_perm("cases.execute_case", handles_case)
rules.add_perm("cases.approve_execution", heads_agency)
rules.add_perm("cases.suspend_case", heads_agency)
