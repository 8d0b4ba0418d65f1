"""R-PER-003: leaving the post reclaims and cancels every certificate in the same transaction."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.core.errors import PermissionDenied
from zhifa.personnel.choices import CertificateState, LeftPostReason
from zhifa.personnel.errors import AlreadyLeftPost
from zhifa.personnel.services import can_enforce, record_leaving_post

pytestmark = pytest.mark.django_db


def test_r_per_003_leaving_post_cancels_certificates(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    valid = CertificateFactory(officer=officer)
    suspended = CertificateFactory(officer=officer, suspended=True)
    already = CertificateFactory(officer=officer, cancelled=True, state_reason="证件遗失注销")

    record_leaving_post(officer, on=date(2026, 6, 30), reason=LeftPostReason.RETIREMENT, actor=agency_admin)

    officer.refresh_from_db()
    assert (officer.is_on_post, officer.left_post_on, officer.left_post_reason) == (
        False,
        date(2026, 6, 30),
        "retirement",
    )
    for certificate in (valid, suspended):
        certificate.refresh_from_db()
        assert (certificate.state, certificate.state_reason, certificate.state_changed_on) == (
            CertificateState.CANCELLED,
            "离岗收回注销",
            date(2026, 6, 30),
        )
    already.refresh_from_db()
    assert already.state_reason == "证件遗失注销"
    assert can_enforce(officer, on=date(2026, 6, 30)) is False
    assert can_enforce(officer, on=date(2026, 6, 29)) is True  # before leaving: the facts of that day


def test_r_per_003_leaving_twice_is_refused(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    record_leaving_post(officer, on=date(2026, 6, 30), reason=LeftPostReason.TRANSFER, actor=agency_admin)
    with pytest.raises(AlreadyLeftPost):
        record_leaving_post(officer, on=date(2026, 7, 1), reason=LeftPostReason.TRANSFER, actor=agency_admin)


def test_r_per_003_unknown_reason_refused(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    with pytest.raises(ValidationError) as exc:
        record_leaving_post(officer, on=date(2026, 6, 30), reason="holiday", actor=agency_admin)
    assert exc.value.message_dict == {"left_post_reason": ["离岗原因应为调离、辞退、辞职、退休或其他"]}
    officer.refresh_from_db()
    assert officer.is_on_post is True


def test_handler_may_not_record_leaving_post(agency, handler):
    officer = OfficerFactory(agency=agency)
    certificate = CertificateFactory(officer=officer)
    with pytest.raises(PermissionDenied):
        record_leaving_post(officer, on=date(2026, 6, 30), reason=LeftPostReason.TRANSFER, actor=handler)
    officer.refresh_from_db()
    certificate.refresh_from_db()
    assert (officer.is_on_post, certificate.state) == (True, CertificateState.VALID)
