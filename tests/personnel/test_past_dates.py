"""R-PER-001 on the date of a past act: later departures, suspensions and cancellations do not rewrite history."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.org.factories import SectorFactory
from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.personnel.choices import CertificateState, CertificateStatus, LeftPostReason, OfficerKind
from zhifa.personnel.models import Certificate, CertificateStatusChange, Officer
from zhifa.personnel.services import (
    can_enforce,
    cancel_certificate,
    certificate_rate,
    enforcement_refusal,
    record_leaving_post,
    reinstate_certificate,
    suspend_certificate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(agency):
    officer = OfficerFactory(agency=agency, name="李承办")
    CertificateFactory(
        officer=officer,
        effective_on=date(2024, 1, 1),
        expires_on=date(2028, 12, 31),
        sectors=[SectorFactory(code="market_regulation", name="市场监管")],
    )
    return officer


def _fresh(officer):
    return Officer.objects.with_certificates().get(pk=officer.pk)


def test_r_per_001_past_date_ignores_later_retirement(officer, agency_admin):
    record_leaving_post(officer, on=date(2026, 1, 10), reason=LeftPostReason.RETIREMENT, actor=agency_admin)
    officer = _fresh(officer)
    assert can_enforce(officer, on=date(2025, 6, 1), sector="market_regulation") is True
    assert can_enforce(officer, on=date(2026, 1, 9)) is True
    # The post ends on the leaving day itself (R-PER-003); the certificate is cancelled from that day.
    assert enforcement_refusal(officer, on=date(2026, 1, 10)) == (
        "该人员已于2026年1月10日离岗（退休），不得从事执法活动（R-PER-003）"
    )
    assert officer.certificates.get().status_on(date(2026, 1, 9)) == CertificateStatus.VALID
    assert officer.certificates.get().status_on(date(2026, 1, 10)) == CertificateStatus.CANCELLED


def test_r_per_001_reinstatement_keeps_the_suspension_interval(officer, agency_admin):
    certificate = officer.certificates.get()
    with time_machine.travel("2026-09-01 10:00 +0800", tick=False):
        suspend_certificate(certificate, reason="涉嫌违纪接受调查", actor=agency_admin)
    with time_machine.travel("2026-09-15 10:00 +0800", tick=False):
        reinstate_certificate(certificate, reason="调查结束，未发现违纪", actor=agency_admin)
    officer = _fresh(officer)
    assert [
        (day, can_enforce(officer, on=day))
        for day in (date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 14), date(2026, 9, 15))
    ] == [(date(2026, 8, 31), True), (date(2026, 9, 1), False), (date(2026, 9, 14), False), (date(2026, 9, 15), True)]
    # The reason of the suspension in force that day, not the later reinstatement's.
    assert enforcement_refusal(officer, on=date(2026, 9, 10)) == "执法证已暂扣：涉嫌违纪接受调查"


def test_r_per_001_current_suspension_does_not_apply_before_it(officer, agency_admin):
    with time_machine.travel("2026-09-01 10:00 +0800", tick=False):
        suspend_certificate(officer.certificates.get(), reason="涉嫌违纪", actor=agency_admin)
    officer = _fresh(officer)
    assert can_enforce(officer, on=date(2026, 8, 31)) is True
    assert enforcement_refusal(officer, on=date(2026, 9, 1)) == "执法证已暂扣：涉嫌违纪"


def test_r_per_001_cancellation_applies_from_its_day_and_is_final(officer, agency_admin):
    certificate = officer.certificates.get()
    with time_machine.travel("2026-09-01 10:00 +0800", tick=False):
        suspend_certificate(certificate, reason="涉嫌违纪", actor=agency_admin)
    with time_machine.travel("2026-09-20 10:00 +0800", tick=False):
        cancel_certificate(certificate, reason="违纪属实", actor=agency_admin)
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert [certificate.status_on(day) for day in (date(2026, 8, 31), date(2026, 9, 19), date(2026, 9, 20))] == [
        CertificateStatus.VALID,
        CertificateStatus.SUSPENDED,
        CertificateStatus.CANCELLED,
    ]
    assert enforcement_refusal(_fresh(officer), on=date(2027, 1, 1)) == "执法证已注销：违纪属实"


def test_status_history_rows_are_appended_by_every_transition(officer, agency_admin):
    certificate = officer.certificates.get()
    with time_machine.travel("2026-09-01 10:00 +0800", tick=False):
        suspend_certificate(certificate, reason="涉嫌违纪", actor=agency_admin)
    with time_machine.travel("2026-09-15 10:00 +0800", tick=False):
        reinstate_certificate(certificate, reason="调查结束", actor=agency_admin)
    record_leaving_post(officer, on=date(2026, 10, 31), reason=LeftPostReason.TRANSFER, actor=agency_admin)
    assert [
        (c.state, c.from_on, c.reason) for c in CertificateStatusChange.objects.filter(certificate=certificate)
    ] == [
        (CertificateState.SUSPENDED, date(2026, 9, 1), "涉嫌违纪"),
        (CertificateState.VALID, date(2026, 9, 15), "调查结束"),
        (CertificateState.CANCELLED, date(2026, 10, 31), "离岗收回注销"),
    ]


def test_status_history_is_append_only(officer, agency_admin):
    with time_machine.travel("2026-09-01 10:00 +0800", tick=False):
        suspend_certificate(officer.certificates.get(), reason="涉嫌违纪", actor=agency_admin)
    change = CertificateStatusChange.objects.get()
    change.reason = "改写"
    with pytest.raises(Exception, match="只能新增"):
        change.save()
    with pytest.raises(Exception, match="不能删除"):
        change.delete()


def test_r_per_001_certificate_rate_on_a_past_date(agency, agency_admin, officer):
    colleague = OfficerFactory(agency=agency, name="王同事")
    CertificateFactory(officer=colleague)
    record_leaving_post(officer, on=date(2026, 1, 10), reason=LeftPostReason.RETIREMENT, actor=agency_admin)
    with time_machine.travel("2026-09-01 10:00 +0800", tick=False):
        suspend_certificate(colleague.certificates.get(), reason="涉嫌违纪", actor=agency_admin)
    before = certificate_rate(agency, on=date(2025, 6, 1))
    assert (before.numerator, before.denominator) == (2, 2)
    after = certificate_rate(agency, on=date(2026, 9, 1))
    assert (after.numerator, after.denominator) == (0, 1)
    assert Officer.objects.filter(kind=OfficerKind.ENFORCEMENT).with_valid_certificate(date(2026, 8, 31)).count() == 1
    assert Certificate.objects.valid_on(date(2026, 1, 9)).count() == 2
    assert Certificate.objects.valid_on(date(2026, 1, 10)).count() == 1


def test_status_on_agrees_with_the_sql_for_every_day(officer, agency_admin):
    certificate = officer.certificates.get()
    with time_machine.travel("2026-09-01 10:00 +0800", tick=False):
        suspend_certificate(certificate, reason="涉嫌违纪", actor=agency_admin)
    with time_machine.travel("2026-09-03 10:00 +0800", tick=False):
        reinstate_certificate(certificate, reason="调查结束", actor=agency_admin)
    record_leaving_post(officer, on=date(2026, 9, 5), reason=LeftPostReason.TRANSFER, actor=agency_admin)
    certificate = Certificate.objects.prefetch_related("status_changes").get(pk=certificate.pk)
    for day in (date(2026, 8, 31), *(date(2026, 9, d) for d in range(1, 7))):
        in_sql = Certificate.objects.valid_on(day).filter(pk=certificate.pk).exists()
        assert in_sql is (certificate.status_on(day) == CertificateStatus.VALID), day
