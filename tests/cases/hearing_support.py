"""Fixtures and helpers of the hearing tests (tests/cases/test_hearing_*.py import the fixtures by their
``fixture_*`` names; pytest registers them under ``name=``).

The hearing case: a 60,000元 fine against a company (较大数额, R-HEA-002) — a major decision, so its legal review is
approved through the review services before the notice (R-REV-004, ``tests.review.approvals``); notice served and
hearing requested on Monday 2 March 2026. A decision after the hearing needs a new review (the hearing is a reason
of its own, R-REV-001) and the heads' collective discussion (R-PEN-014).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tests.org.factories import UserFactory
from tests.personnel.factories import OfficerFactory
from tests.review.approvals import approve_legal_review
from tests.review.approvals import fixture_review_gate_open as fixture_review_gate_open  # re-exported (fixture)
from zhifa.cases import services
from zhifa.org.choices import Role

from .conftest import investigate

SHANGHAI = ZoneInfo("Asia/Shanghai")
FINE = Decimal("60000.00")


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=SHANGHAI)


@pytest.fixture(name="hearing_case")
def fixture_hearing_case(filed_case, handler, head, lead, co, legal_reviewer):
    investigate(filed_case, handler, lead, co, fine=FINE, kinds=("fine",))
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    approve_legal_review(filed_case, handler=handler, reviewer=legal_reviewer)  # R-REV-004: before the notice
    services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    return services.request_hearing(actor=handler, case=filed_case, sent_on=date(2026, 3, 2))


@pytest.fixture(name="chair_user")
def fixture_chair_user(agency):
    return UserFactory(username="chair", name="王主持", agency=agency, roles=[Role.HANDLER])


@pytest.fixture(name="chair")
def fixture_chair(agency, chair_user):
    """A legal-affairs officer of the agency who did not investigate the case (R-HEA-006)."""
    return OfficerFactory(agency=agency, user=chair_user, name="王主持")


@pytest.fixture(name="clerk")
def fixture_clerk(agency):
    return OfficerFactory(agency=agency, name="赵书记")


def schedule(case, actor, chair, *, notice_sent_on=date(2026, 3, 2), day=date(2026, 3, 11), **kwargs):
    return services.schedule_hearing(
        actor=actor,
        case=case,
        presiding_officer=chair,
        scheduled_at=at(day),
        place="本局三楼听证室",
        notice_sent_on=notice_sent_on,
        **kwargs,
    )


def hold(hearing, actor, *, day=date(2026, 3, 11), **kwargs):
    data = {
        "held_at": at(day),
        "party_attended": True,
        "transcript": "调查人员提出事实、证据和处罚建议；当事人进行申辩和质证。",
        "transcript_signed": True,
        **kwargs,
    }
    return services.record_hearing_held(actor=actor, hearing=hearing, **data)
