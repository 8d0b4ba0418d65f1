"""Registering officers and certificates: R-PER-002 (passed exam first), R-PER-004, number rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.org.factories import SectorFactory
from tests.personnel.factories import (
    CertificateFactory,
    ExamResultFactory,
    OfficerFactory,
    QualificationExamFactory,
    make_id_number,
)
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event
from zhifa.personnel.choices import OfficerKind
from zhifa.personnel.errors import CertificateRefused
from zhifa.personnel.models import Certificate, Officer
from zhifa.personnel.services import officers as officer_services
from zhifa.personnel.services import (
    record_exam_result,
    register_certificate,
    register_officer,
    training_shortfall,
    update_officer,
)

pytestmark = pytest.mark.django_db


def _register(officer, actor, **overrides):
    data = {
        "actor": actor,
        "officer": officer,
        "number": " 湘 430199 20001 ",
        "issuing_authority": "湖南省人民政府",
        "effective_on": date(2024, 1, 1),
        "expires_on": date(2028, 12, 31),
        "sectors": [SectorFactory()],
    }
    data.update(overrides)
    return register_certificate(**data)


def test_r_per_002_certificate_after_passed_exam(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    ExamResultFactory(officer=officer)
    certificate = _register(officer, agency_admin)
    assert (certificate.number, certificate.state, [s.code for s in certificate.sectors.all()]) == (
        "湘43019920001",
        "valid",
        ["market_regulation"],
    )


def test_r_per_002_registration_without_passed_exam_refused(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    ExamResultFactory(officer=officer, score=Decimal("52"), is_qualified=False)
    with pytest.raises(CertificateRefused) as exc:
        _register(officer, agency_admin)
    assert (exc.value.field, exc.value.message) == (
        "officer",
        "该人员没有有效期起之前合格的执法资格考试成绩，不得登记执法证（R-PER-002）",
    )
    assert Certificate.objects.count() == 0


def test_r_per_002_exam_after_effective_date_does_not_count(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    ExamResultFactory(officer=officer, exam=QualificationExamFactory(name="2024年考试", held_on=date(2024, 10, 1)))
    with pytest.raises(CertificateRefused):
        _register(officer, agency_admin)


def test_r_per_002_exam_result_qualified_from_pass_score(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    exam = QualificationExamFactory(pass_score=Decimal("60"))
    assert record_exam_result(actor=agency_admin, exam=exam, officer=officer, score=Decimal("60")).is_qualified is True
    other = OfficerFactory(agency=agency)
    assert record_exam_result(actor=agency_admin, exam=exam, officer=other, score=Decimal("59.5")).is_qualified is False


def test_r_per_004_auxiliary_staff_get_no_certificate(agency, agency_admin):
    officer = OfficerFactory(agency=agency, auxiliary=True)
    ExamResultFactory(officer=officer)
    with pytest.raises(CertificateRefused) as exc:
        _register(officer, agency_admin)
    assert exc.value.message == "执法辅助人员不得持有行政执法证（R-PER-004）"


def test_r_per_004_model_clean_refuses_certificate_of_auxiliary(agency):
    officer = OfficerFactory(agency=agency, auxiliary=True)
    certificate = Certificate(
        officer=officer,
        number="X1",
        issuing_authority="湖南省人民政府",
        effective_on=date(2024, 1, 1),
        expires_on=date(2028, 12, 31),
    )
    with pytest.raises(ValidationError) as exc:
        certificate.full_clean()
    assert exc.value.message_dict["officer"] == ["执法辅助人员不得持有行政执法证（R-PER-004）"]


def test_duplicate_number_for_the_issuer_refused(agency, agency_admin):
    CertificateFactory(number="湘43019920001", officer__agency=agency)
    officer = OfficerFactory(agency=agency)
    ExamResultFactory(officer=officer)
    with pytest.raises(ValidationError) as exc:
        _register(officer, agency_admin, number="湘43019920001 ")
    assert exc.value.message_dict == {"number": ["发证机关“湖南省人民政府”已登记执法证号“湘43019920001”"]}
    assert officer.certificates.count() == 0


def test_same_number_other_issuer_allowed(agency, agency_admin):
    CertificateFactory(number="A001", officer__agency=agency, issuing_authority="交通运输部")
    officer = OfficerFactory(agency=agency)
    ExamResultFactory(officer=officer)
    assert _register(officer, agency_admin, number="a001").number == "A001"


def test_expires_on_must_follow_effective_on(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    ExamResultFactory(officer=officer)
    with pytest.raises(ValidationError) as exc:
        _register(officer, agency_admin, expires_on=date(2024, 1, 1))
    assert exc.value.message_dict == {"expires_on": ["有效期止必须晚于有效期起"]}


def test_number_longer_than_32_refused(agency, agency_admin):
    officer = OfficerFactory(agency=agency)
    ExamResultFactory(officer=officer)
    with pytest.raises(ValidationError) as exc:
        _register(officer, agency_admin, number="A" * 33)
    assert exc.value.message_dict["number"] == ["执法证号不能超过32个字符"]


def test_other_agency_admin_may_not_register(agency, other_agency):
    from tests.org.factories import UserFactory
    from zhifa.org.choices import Role

    other_admin = UserFactory(agency=other_agency, roles=[Role.AGENCY_ADMIN])
    officer = OfficerFactory(agency=agency)
    ExamResultFactory(officer=officer)
    with pytest.raises(PermissionDenied):
        _register(officer, other_admin)


def test_register_officer_validates_id_number(agency, agency_admin):
    with pytest.raises(ValidationError) as exc:
        register_officer(
            actor=agency_admin, agency=agency, name="张三", kind=OfficerKind.ENFORCEMENT, id_number="430199198503150010"
        )
    assert exc.value.message_dict == {"id_number": ["公民身份号码校验位错误，请核对"]}
    assert Officer.objects.count() == 0


def test_register_officer_stores_id_number_uppercase(agency, agency_admin):
    number = next(make_id_number(n) for n in range(1, 400) if make_id_number(n).endswith("X"))
    officer = register_officer(
        actor=agency_admin, agency=agency, name="张三", kind=OfficerKind.ENFORCEMENT, id_number=number.lower()
    )
    assert officer.id_number == number


def test_register_officer_refuses_duplicate_id_number(agency, agency_admin):
    existing = OfficerFactory(agency=agency)
    with pytest.raises(ValidationError) as exc:
        register_officer(
            actor=agency_admin, agency=agency, name="张三", kind=OfficerKind.ENFORCEMENT, id_number=existing.id_number
        )
    assert exc.value.message_dict == {"id_number": ["该公民身份号码已登记为执法人员"]}


@pytest.fixture
def checks_miss_the_competitor(monkeypatch):
    """Simulate the race: a concurrent registration of the same ID number commits after our checks ran
    (the pre-check and ``full_clean``'s constraint validation both saw nothing), before our insert."""
    monkeypatch.setattr(officer_services, "_id_number_taken", lambda id_number: False)
    monkeypatch.setattr(Officer, "validate_constraints", lambda self, exclude=None: None)


def test_register_officer_concurrent_duplicate_is_a_field_error_not_a_500(
    agency, agency_admin, checks_miss_the_competitor
):
    """Finding 17: the unique constraint's IntegrityError becomes the same Chinese field error."""
    OfficerFactory(agency=agency, name="并发登记", id_number=make_id_number(1))
    with pytest.raises(ValidationError) as exc:
        register_officer(
            actor=agency_admin, agency=agency, name="张三", kind=OfficerKind.ENFORCEMENT, id_number=make_id_number(1)
        )
    assert exc.value.message_dict == {"id_number": ["该公民身份号码已登记为执法人员"]}
    # The caller's transaction is still usable (savepoint): only the competing row exists, and no event.
    assert list(Officer.objects.values_list("name", flat=True)) == ["并发登记"]
    assert list(Event.objects.filter(event_type="officer.registered")) == []


def test_update_officer_concurrent_duplicate_is_a_field_error(agency, agency_admin, checks_miss_the_competitor):
    OfficerFactory(agency=agency, name="并发登记", id_number=make_id_number(500))
    officer = OfficerFactory(agency=agency, name="张三", id_number=make_id_number(1))
    with pytest.raises(ValidationError) as exc:
        update_officer(officer, actor=agency_admin, id_number=make_id_number(500))
    assert exc.value.message_dict == {"id_number": ["该公民身份号码已登记为执法人员"]}
    assert Officer.objects.get(pk=officer.pk).id_number == make_id_number(1)


def test_r_per_002_training_is_reported_not_required_at_registration(agency, agency_admin):
    """Finding 13 (decision): registration blocks on the passed exam only; missing training hours are
    reported by training_shortfall (R-PER-007), because historic certificates are imported without training."""
    officer = OfficerFactory(agency=agency, name="无培训")
    ExamResultFactory(officer=officer)
    certificate = _register(officer, agency_admin)
    assert (certificate.officer_id, officer.training_records.count()) == (officer.pk, 0)
    assert [(s.officer.name, s.hours) for s in training_shortfall(agency, year=2026)] == [("无培训", Decimal("0"))]
