"""Every personnel state change leaves a ledger event (STYLE §3), without personal data."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.ledger.services import trail
from zhifa.personnel.choices import LeftPostReason
from zhifa.personnel.services import record_leaving_post, suspend_certificate

pytestmark = pytest.mark.django_db


def test_r_per_003_leaving_post_records_officer_and_certificate_events(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    certificate = CertificateFactory(officer=officer, number="湘43019920001")
    record_leaving_post(officer, on=date(2026, 6, 30), reason=LeftPostReason.RESIGNATION, actor=agency_admin)
    assert [(e.event_type, e.data, e.actor_id) for e in trail(officer)] == [
        ("officer.left_post", {"on": "2026-06-30", "reason": "resignation"}, agency_admin.pk)
    ]
    assert [(e.event_type, e.data) for e in trail(certificate)] == [
        (
            "certificate.cancelled",
            {"number": "湘43019920001", "from": "valid", "to": "cancelled", "reason": "离岗收回注销"},
        )
    ]


@time_machine.travel("2026-09-01 10:00 +0800", tick=False)
def test_suspension_records_an_event(agency, agency_admin):
    certificate = CertificateFactory(officer__agency=agency, number="湘43019920002")
    suspend_certificate(certificate, reason="涉嫌违纪", actor=agency_admin)
    assert [(e.event_type, e.agency_id, e.data) for e in trail(certificate)] == [
        (
            "certificate.suspended",
            agency.pk,
            {"number": "湘43019920002", "from": "valid", "to": "suspended", "reason": "涉嫌违纪"},
        )
    ]
