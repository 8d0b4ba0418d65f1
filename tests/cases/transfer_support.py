"""Fixtures and helpers of the criminal-transfer tests (tests/cases/test_transfer_*.py import the fixtures by their
``fixture_*`` names; pytest registers them under ``name=``).

The crime case: the investigation report says the company's conduct is suspected of a crime (R-TRN-002), so the
case sits in 案件审核 (under_case_review) on Monday 2 March 2026, 10:00 in Shanghai (02:00 UTC).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.personnel.factories import CertificateFactory, OfficerFactory
from tests.review.approvals import fixture_review_gate_open as fixture_review_gate_open  # re-exported (fixture)
from zhifa.cases import services
from zhifa.cases.choices import CriminalTransferState
from zhifa.cases.models import CriminalTransfer

SHANGHAI = ZoneInfo("Asia/Shanghai")
ALL_MATERIALS = ["transfer_letter", "investigation_report", "item_list", "test_reports"]
CHARGE = "生产、销售不符合安全标准的食品罪"


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


def crime_report(case, handler, lead, co):
    services.record_investigative_step(
        actor=handler,
        case=case,
        kind="site_inspection",
        performed_on=date(2026, 3, 2),
        place="仓库",
        summary="发现超过保质期的食品3吨，货值金额逾十万元",
        officers=[lead, co],
    )
    return services.submit_investigation_report(
        actor=handler, case=case, report="货值金额达到刑事追诉标准", proposed_kinds=[], crime_suspected=True
    )


def propose(case, handler, lead, co):
    return services.propose_transfer(
        actor=handler, case=case, charge=CHARGE, facts="销售超过保质期的食品3吨，货值金额逾十万元", team=[lead, co]
    )


def send(transfer, handler, **kwargs):
    values = {
        "public_security": "示范县公安局",
        "materials": ALL_MATERIALS,
        "copied_to_procuratorate_on": date(2026, 3, 2),
    }
    values.update(kwargs)
    return services.transfer_to_police(actor=handler, transfer=transfer, **values)


def reload(obj):
    return type(obj).objects.get(pk=obj.pk)


@pytest.fixture(name="crime_case")
def fixture_crime_case(filed_case, handler, lead, co):
    return crime_report(filed_case, handler, lead, co)


@pytest.fixture(name="proposed")
def fixture_proposed(crime_case, handler, lead, co):
    return propose(crime_case, handler, lead, co)


@pytest.fixture(name="approved")
def fixture_approved(proposed, head):
    return services.approve_transfer(actor=head, transfer=proposed)


@pytest.fixture(name="transferred")
def fixture_transferred(approved, handler):
    return send(approved, handler)


@pytest.fixture(name="declined")
def fixture_declined(transferred, handler):
    return services.record_police_decision(
        actor=handler,
        transfer=transferred,
        decision="declined",
        decided_on=date(2026, 3, 2),
        reason="货值金额未达到立案追诉标准",
    )


@pytest.fixture(name="outsider")
def fixture_outsider(other_agency, sector):
    officer = OfficerFactory(agency=other_agency, name="陈他局")
    CertificateFactory(officer=officer, sectors=[sector])
    return officer


def returned_rows(case, proposer, team, count):
    """``count`` refused (returned) proposals of one case, written directly: list-query budgets only."""
    for index in range(count):
        row = CriminalTransfer.objects.create(
            penalty_case=case,
            state=CriminalTransferState.RETURNED,
            charge=f"{CHARGE}{index}",
            facts="事实",
            proposed_at=at(date(2026, 3, 2)),
            proposed_by=proposer,
            head_decision_deadline=date(2026, 3, 5),
            refusal_reason="证据不足",
        )
        row.team.set(team)
