"""Certificate state machine: 暂扣 (suspend), 恢复 (reinstate), 注销 (cancel); illegal moves raise."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django_fsm import TransitionNotAllowed

from tests.personnel.factories import CertificateFactory
from zhifa.core.errors import PermissionDenied
from zhifa.personnel.choices import CertificateState
from zhifa.personnel.errors import IllegalCertificateTransition
from zhifa.personnel.services import cancel_certificate, reinstate_certificate, suspend_certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(agency):
    return CertificateFactory(officer__agency=agency)


@time_machine.travel("2026-09-01 10:00 +0800", tick=False)
def test_suspend_then_reinstate_then_cancel(certificate, agency_admin):
    suspended = suspend_certificate(certificate, reason="涉嫌违纪", actor=agency_admin)
    assert (suspended.state, suspended.state_reason, suspended.state_changed_on) == (
        "suspended",
        "涉嫌违纪",
        date(2026, 9, 1),
    )
    reinstated = reinstate_certificate(suspended, reason="调查结束，未发现违纪", actor=agency_admin)
    assert reinstated.state == CertificateState.VALID
    cancelled = cancel_certificate(reinstated, reason="证件遗失", actor=agency_admin)
    assert (cancelled.state, cancelled.state_reason) == ("cancelled", "证件遗失")


def test_cancel_from_suspended(certificate, agency_admin):
    suspend_certificate(certificate, reason="涉嫌违纪", actor=agency_admin)
    assert cancel_certificate(certificate, reason="违纪属实", actor=agency_admin).state == CertificateState.CANCELLED


@pytest.mark.parametrize(
    ("trait", "method"),
    [
        ("cancelled", "suspend"),
        ("cancelled", "reinstate"),
        ("cancelled", "cancel"),
        (None, "reinstate"),
        ("suspended", "suspend"),
    ],
)
def test_illegal_moves_raise_on_the_model(agency, trait, method):
    certificate = CertificateFactory(officer__agency=agency, **({trait: True} if trait else {}))
    with pytest.raises(TransitionNotAllowed):
        getattr(certificate, method)(reason="原因", on=date(2026, 9, 1))


def test_illegal_move_through_service_is_a_conflict_and_changes_nothing(agency, agency_admin):
    certificate = CertificateFactory(officer__agency=agency, cancelled=True)
    with pytest.raises(IllegalCertificateTransition) as exc:
        suspend_certificate(certificate, reason="涉嫌违纪", actor=agency_admin)
    assert exc.value.message == "执法证当前状态为“注销”，不能暂扣"
    certificate.refresh_from_db()
    assert (certificate.state, certificate.state_reason) == ("cancelled", "离岗收回注销")


def test_state_cannot_be_assigned_directly(certificate):
    with pytest.raises(AttributeError):
        certificate.state = CertificateState.CANCELLED


def test_reason_is_required(certificate, agency_admin):
    with pytest.raises(ValidationError) as exc:
        suspend_certificate(certificate, reason="  ", actor=agency_admin)
    assert exc.value.message_dict == {"reason": ["请填写暂扣原因"]}
    certificate.refresh_from_db()
    assert certificate.state == CertificateState.VALID


def test_handler_may_not_suspend(certificate, handler):
    with pytest.raises(PermissionDenied):
        suspend_certificate(certificate, reason="涉嫌违纪", actor=handler)
    certificate.refresh_from_db()
    assert certificate.state == CertificateState.VALID
