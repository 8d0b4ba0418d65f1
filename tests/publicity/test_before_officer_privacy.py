"""R-PUB-001, R-PRV-001: an officer snapshot holds name, agency, certificate number, fields and status only — never
the officer's ID number or phone, whatever they are (property test), nor on the portal's officer page."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.personnel.factories import CertificateFactory, OfficerFactory, make_id_number
from tests.publicity.before_support import get
from zhifa.core.calendar import today
from zhifa.publicity.services.registers import officer_snapshot

pytestmark = pytest.mark.django_db
ALLOWED = {"name", "certificate_number", "sectors", "status"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(serial=st.integers(min_value=1, max_value=999), phone=st.from_regex(r"1[3-9]\d{9}", fullmatch=True))
def test_officer_snapshot_never_holds_personal_data(agency, serial, phone):
    officer = OfficerFactory(agency=agency, name="王执法", id_number=make_id_number(serial), phone=phone)
    CertificateFactory(officer=officer)
    try:
        snapshot = officer_snapshot(agency, today())
        text = repr(snapshot)
        assert officer.id_number not in text and phone not in text
        assert officer.id_number[-6:] not in text  # not even a fragment of the number
        assert all(set(row) == ALLOWED for row in snapshot["officers"])
    finally:
        officer.certificates.all().delete()
        officer.delete()


def test_portal_officer_page_shows_no_personal_data(agency, lead):
    from tests.publicity.before_support import refresh

    refresh(agency)
    page = get("/gongshi/officers/")
    assert "李承办" in page
    assert lead.id_number not in page and lead.phone not in page
