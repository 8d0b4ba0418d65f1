"""R-PUB-001 WARN: certified officers and listed items not yet in the agency's 事前公示 are named (by ``zhifa tick``
and the staff page) until the snapshot is updated; the tick job then publishes them."""

from __future__ import annotations

import pytest

from tests.personnel.factories import CertificateFactory, OfficerFactory
from tests.publicity.before_support import refresh
from zhifa.core.calendar import today
from zhifa.publicity import scheduled
from zhifa.publicity.services import unpublished_entries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lead", "co", "item")]


def test_new_officer_is_flagged_until_published(agency):
    refresh(agency)
    assert not unpublished_entries(agency)
    certificate = CertificateFactory(officer=OfficerFactory(agency=agency))
    assert unpublished_entries(agency).officers == [certificate.number]
    refresh(agency)
    assert not unpublished_entries(agency)


def test_suspended_certificate_is_listed_expired_is_not(agency):
    refresh(agency)
    expired = CertificateFactory(officer=OfficerFactory(agency=agency), expires_on=today().replace(day=1))
    assert unpublished_entries(agency).officers == []  # expired yesterday or before: not an active officer
    assert expired.status_on(today()) == "expired"


def test_tick_warns_and_publishes(agency):
    lines = scheduled.before(today())
    assert any("尚未公示（R-PUB-001）" in line and agency.name in line for line in lines)
    assert not unpublished_entries(agency)
    assert scheduled.before(today()) == []  # idempotent
