"""Who may review a case (R-REV-005, R-PER-008) and the reviewer staffing figure (R-REV-012)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q

from zhifa.cases.models import InvestigativeStep, PenaltyCase
from zhifa.documents.choices import DocumentKind
from zhifa.org.choices import Role
from zhifa.org.models import Agency, User
from zhifa.personnel.models import Officer
from zhifa.personnel.services.figures import ReviewerRatio, reviewer_ratio
from zhifa.review.models import ExternalReviewer, ReviewRound


def _officer(user: Any) -> Officer | None:
    return Officer.objects.select_related("department").filter(user_id=user.pk).first()


def external_capacity(user: Any, case: PenaltyCase) -> ExternalReviewer | None:
    """The user's active appointment to review for the case's agency (司法局、法律顾问、公职律师), if any."""
    return ExternalReviewer.objects.filter(agency_id=case.agency_id, user_id=user.pk, is_active=True).first()


def appointed_reviewer_issues_opinion(user: Any, agency: Any, kind: str) -> bool:
    """Registered with ``documents.services.issuer_grants``: an active external reviewer of ``agency`` issues the
    法制审核意见书 of their review in its name (R-REV-005, R-REV-011) — they may belong to no agency at all."""
    return (
        kind == DocumentKind.LEGAL_REVIEW_OPINION
        and ExternalReviewer.objects.filter(agency_id=agency.pk, user_id=user.pk, is_active=True).exists()
    )


def has_reviewed_before(user: Any) -> bool:
    """Has the user written a legal review opinion before (anywhere)? A first review needs the qualification."""
    return ReviewRound.objects.filter(reviewer_id=user.pk).exclude(outcome="").exists()


def took_part_in_case(user: Any, case: PenaltyCase) -> str | None:
    """R-REV-005: a handler or an investigator of the case never reviews it; the reason, or None."""
    if case.handlers.filter(officer__user_id=user.pk).exists():
        return "是本案承办人"
    investigated = InvestigativeStep.objects.filter(penalty_case=case, officers__user_id=user.pk).exists()
    if investigated:
        return "参与了本案调查取证"
    return None


def reviewer_refusal(user: Any, case: PenaltyCase) -> str | None:
    """Why ``user`` may not review ``case`` (R-REV-005, R-PER-008), or None when they may.

    A reviewer of the agency holds the 法制审核员 role and sits in its 法制机构. An external reviewer (司法局, 法律顾问,
    公职律师) is one by the active appointment the agency's head or the 司法局 made (``ExternalReviewer``) — with or
    without an agency or role of their own; 法律职业资格 is then the one the appointment records."""
    name = getattr(user, "name", "") or getattr(user, "username", "")
    officer = _officer(user)
    appointment = external_capacity(user, case)
    if appointment is None:
        if not user.has_role(Role.LEGAL_REVIEWER):
            return f"{name}不是法制审核人员（R-REV-005）"
        if user.agency_id != case.agency_id:
            return f"{name}不是本单位法制审核人员，也未被指派为本单位的外部审核人员（R-REV-005）"
        department = user.department if user.department_id else (officer.department if officer else None)
        if department is None or not department.is_legal_unit:
            return f"{name}不在本单位法制机构，不能承担法制审核（R-REV-005）"
    part = took_part_in_case(user, case)
    if part:
        return f"{name}{part}，不得审核本案（R-REV-005）"
    qualified = (officer is not None and officer.has_legal_professional_qualification) or (
        appointment is not None and appointment.has_legal_professional_qualification
    )
    if not qualified and not has_reviewed_before(user):
        return (
            f"{name}初次从事行政处罚决定法制审核，应当通过国家统一法律职业资格考试取得法律职业资格"
            "（处罚法第58条，R-REV-005、R-PER-008）"
        )
    return None


def eligible_reviewers(case: PenaltyCase) -> list[User]:
    """The users who may take the case's review now (for the UI's 待领取 list and the demo)."""
    external = ExternalReviewer.objects.filter(agency_id=case.agency_id, is_active=True).values("user_id")
    candidates = (
        User.objects.filter(is_active=True)
        .filter(Q(role_grants__role=Role.LEGAL_REVIEWER, agency_id=case.agency_id) | Q(pk__in=external))
        .select_related("department")
        .distinct()
        .order_by("pk")
    )
    return [u for u in candidates if reviewer_refusal(u, case) is None]


def staffing(agency: Agency, *, on: date) -> ReviewerRatio:
    """R-REV-012: legal reviewers ÷ enforcement officers of the agency (≥5%), as personnel computes it."""
    return reviewer_ratio(agency, on=on)
