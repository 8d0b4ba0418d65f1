"""A county market regulator with a listed penalty item, two certified handlers (linked to the ``handler`` and
``colleague`` personas), a head, and a company. Today is frozen at Monday 2 March 2026 (after 春节)."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from tests.catalog.factories import EnforcementItemFactory
from tests.org.factories import SectorFactory
from tests.parties.factories import PartyFactory
from tests.personnel.factories import CertificateFactory, OfficerFactory

TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2026-03-02T02:00:00Z", tick=False):
        yield


@pytest.fixture
def sector(db):
    return SectorFactory(code="market_regulation", name="市场监管")


@pytest.fixture
def item(agency, sector):
    agency.sectors.add(sector)
    return EnforcementItemFactory(
        agency=agency, sector=sector, in_force=True, name="对生产经营不符合食品安全标准食品的行政处罚"
    )


def _certified(agency, user, sector, name):
    officer = OfficerFactory(agency=agency, user=user, name=name)
    CertificateFactory(officer=officer, sectors=[sector])
    return officer


@pytest.fixture
def lead(agency, handler, sector):
    return _certified(agency, handler, sector, "李承办")


@pytest.fixture
def co(agency, colleague, sector):
    return _certified(agency, colleague, sector, "周协办")


@pytest.fixture
def company(county):
    return PartyFactory(region=county, name="示范县好味道餐饮有限公司")


@pytest.fixture
def person(county):
    return PartyFactory(region=county, natural_person=True)


@pytest.fixture
def filed_case(head, agency, company, item, lead, co, handler, colleague):
    from zhifa.cases import services

    case = services.file_case(
        actor=head,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="生产经营超过保质期的食品",
        act_on=date(2026, 2, 10),
        discovered_on=date(2026, 2, 26),
        lead_handler=lead,
        co_handlers=[co],
    )
    services.declare_no_conflict(actor=handler, case=case)
    services.declare_no_conflict(actor=colleague, case=case)
    return case


def investigate(case, handler, lead, co, *, fine=Decimal("10000.00"), kinds=("warning", "fine")):
    from zhifa.cases import services

    services.record_investigative_step(
        actor=handler,
        case=case,
        kind="site_inspection",
        performed_on=date(2026, 3, 2),
        place="后厨",
        summary="发现超过保质期的食品12件",
        officers=[lead, co],
    )
    return services.submit_investigation_report(
        actor=handler,
        case=case,
        report="事实清楚，证据确凿",
        proposed_kinds=list(kinds),
        proposed_fine_amount=fine,
    )


@pytest.fixture
def notified_case(filed_case, handler, head, lead, co):
    """Case review done (penalty: warning + 10,000元), notice served on Monday 2 March 2026."""
    from zhifa.cases import services

    investigate(filed_case, handler, lead, co)
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    return services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
