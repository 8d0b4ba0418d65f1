"""Who may do what on a case (django-rules). Data scope is ``PenaltyCase.objects.visible_to``."""

from __future__ import annotations

from typing import Any

import rules

from zhifa.org.choices import Role
from zhifa.org.rules import has_role


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
# 补充调查: sending a reviewed case back to investigation is the head's decision (R-PEN-013, as 负责人决定).
rules.add_perm("cases.reopen_investigation", heads_agency)


@rules.predicate
def sits_on_hearing(user: Any, case: Any) -> bool:
    """The user is the presiding officer or the clerk of the case's hearing (R-HEA-006)."""
    if not _same_agency(user, case):
        return False
    from zhifa.cases.models import Hearing

    hearing = Hearing.objects.filter(penalty_case_id=case.pk).values("presiding_officer__user_id", "clerk__user_id")
    return any(user.pk in (row["presiding_officer__user_id"], row["clerk__user_id"]) for row in hearing)


# 听证 (R-HEA-006): the agency's head names the chair and sends the notice; what happened at the hearing (the
# transcript, an absence or withdrawal, the report) is recorded by the chair, the clerk or the head — never by the
# investigators, who are a side at the hearing. The handlers may register the party's agents (clerical).
rules.add_perm("cases.schedule_hearing", heads_agency)
rules.add_perm("cases.conduct_hearing", heads_agency | sits_on_hearing)
rules.add_perm("cases.register_hearing_agent", heads_agency | handles_case | sits_on_hearing)

# 执行 (R-PEN-025, R-COE-010..017): the case's handlers record what happens (the party's application, 催告,
# statements, service, payments, the court's ruling); the head approves and decides (分期/延期, 强制执行决定,
# 申请法院强制执行, 中止/恢复/终止/终结执行).
rules.add_perm("cases.execute_case", handles_case)
rules.add_perm("cases.approve_execution", heads_agency)
rules.add_perm("cases.suspend_case", heads_agency)


@rules.predicate
def reads_region(user: Any) -> bool:
    """A judicial-bureau user whose role reads the whole region (supervisor, bureau admin, auditor …)."""
    return bool(getattr(user, "is_authenticated", False) and user.is_region_reader)


# 同事不同罚 (R-DIS-015): the 司法局's supervisors over their region, an agency's head over the agency (data scope
# is ``PenaltyCase.objects.visible_to``).
rules.add_perm("cases.view_consistency", reads_region | has_role(Role.HEAD))


@rules.predicate
def heads_upper_issuer(user: Any, case: Any) -> bool:
    """R-DIS-005: a head (负责人) of the agency that issued the upper-level benchmark the case's proposal applies
    directly (an item of another agency: R-DIS-003)."""
    benchmark = getattr(case, "benchmark", None)
    if benchmark is None or not getattr(user, "is_authenticated", False) or not user.agency_id:
        return False
    if benchmark.enforcement_item_id == case.enforcement_item_id:
        return False
    return bool(user.agency_id == benchmark.enforcement_item.agency_id and user.has_role(Role.HEAD))


rules.add_perm("cases.approve_upper_deviation", heads_upper_issuer)
