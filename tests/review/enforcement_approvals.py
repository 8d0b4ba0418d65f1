"""A real approval of an enforcement proposal (强制执行决定前审核, R-REV-002/004), for the tests of any app.

The agency's 强制执行决定 is major by default (目录清单: 行政强制执行决定), so ``decide_compulsory_execution`` needs an
approved legal review of exactly the proposal it decides: ``approve_enforcement`` submits it (the case's lead
handler), a qualified reviewer of the agency's 法制机构 takes it and approves it (同意) on a full checklist — real
records, checked by the real gate.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.cases.execution_support import on
from tests.org.factories import UserFactory
from tests.review.approvals import qualified_reviewer
from tests.review.review_support import conclude
from zhifa.cases.models import PenaltyCase
from zhifa.org.choices import Role
from zhifa.org.models import Agency, User
from zhifa.review import services
from zhifa.review.models import LegalReview

TAX_LAW = "《中华人民共和国税收征收管理法》第四十条"  # stands in for a law that empowers an agency (R-COE-001)
STATEMENT = "当事人经催告仍不履行，拟依法强制执行，请予审核。"


def enforcement_reviewer(agency: Agency) -> User:
    """A qualified 法制审核人员 of the agency's 法制机构 (created the first time it is asked for)."""
    user = User.objects.filter(username=f"enforcement_reviewer_{agency.pk}").first()
    if user is None:
        user = UserFactory(
            username=f"enforcement_reviewer_{agency.pk}", name="严法审", agency=agency, roles=[Role.LEGAL_REVIEWER]
        )
    qualified_reviewer(user)
    return user


def lead_handler(case: PenaltyCase) -> Any:
    return case.handlers.select_related("officer__user").get(role="lead").officer.user


def submit_enforcement(
    case: PenaltyCase,
    *,
    day: date,
    methods: tuple[str, ...] | list[str] = ("transfer_deposits",),
    legal_basis: str = TAX_LAW,
    scheduled_on: date | None = None,
    is_immediate: bool = False,
    is_urgent: bool = False,
    handler: Any = None,
) -> LegalReview:
    case = PenaltyCase.objects.get(pk=case.pk)
    with on(day):
        return services.submit_enforcement_review(
            actor=handler or lead_handler(case),
            case=case,
            methods=list(methods),
            legal_basis=legal_basis,
            scheduled_on=scheduled_on or day,
            is_immediate=is_immediate,
            is_urgent=is_urgent,
            materials=services.required_enforcement_materials(case),
            statement=STATEMENT,
            declaration=True,
            submitted_on=day,
        )


def approve_enforcement(case: PenaltyCase, *, day: date, reviewer: Any = None, **proposal: Any) -> LegalReview:
    """Submitted, taken and approved (同意) on ``day``; ``proposal`` as ``submit_enforcement`` takes it."""
    review = submit_enforcement(case, day=day, **proposal)
    reviewer = reviewer or enforcement_reviewer(case.agency)
    with on(day):
        services.take_legal_review(actor=reviewer, review=review)
        return conclude(review, reviewer)
