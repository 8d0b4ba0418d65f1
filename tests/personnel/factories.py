"""Factories for personnel models: deterministic defaults, valid ID numbers computed from a sequence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from tests.org.factories import AgencyFactory, SectorFactory
from zhifa.core.validators import id_number_check_digit
from zhifa.personnel.choices import CertificateKind, OfficerKind
from zhifa.personnel.models import (
    Certificate,
    CertificateStatusChange,
    ExamResult,
    Officer,
    QualificationExam,
    TrainingRecord,
)


def make_id_number(serial: int, birth: str = "19850315") -> str:
    first17 = f"430199{birth}{serial % 1000:03d}"
    return first17 + id_number_check_digit(first17)


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    name = factory.Sequence(lambda n: f"执法员{n}")
    agency = factory.SubFactory(AgencyFactory)
    kind = OfficerKind.ENFORCEMENT
    position = "科员"
    id_number = factory.Sequence(lambda n: make_id_number(n + 1))
    phone = "13800138000"

    class Params:
        auxiliary = factory.Trait(kind=OfficerKind.AUXILIARY)
        reviewer = factory.Trait(kind=OfficerKind.LEGAL_REVIEWER, has_legal_professional_qualification=True)


class QualificationExamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QualificationExam
        django_get_or_create = ("name", "held_on")

    name = "2023年湖南省行政执法资格考试"
    held_on = date(2023, 10, 21)
    pass_score = Decimal("60")


class ExamResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExamResult

    exam = factory.SubFactory(QualificationExamFactory)
    officer = factory.SubFactory(OfficerFactory)
    score = Decimal("80")
    is_qualified = True


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate 2024-01-01..2028-12-31 in 市场监管 (pass ``sectors=[...]`` to change)."""

    class Meta:
        model = Certificate
        skip_postgeneration_save = True

    officer = factory.SubFactory(OfficerFactory)
    number = factory.Sequence(lambda n: f"湘430199{20000 + n}")
    issuing_authority = "湖南省人民政府"
    kind = CertificateKind.LOCAL
    effective_on = date(2024, 1, 1)
    expires_on = date(2028, 12, 31)

    class Params:
        suspended = factory.Trait(state="suspended", state_reason="涉嫌违纪接受调查", state_changed_on=date(2026, 9, 1))
        cancelled = factory.Trait(state="cancelled", state_reason="离岗收回注销", state_changed_on=date(2026, 3, 31))

    @factory.post_generation
    def sectors(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        if create:
            self.sectors.set(extracted if extracted is not None else [SectorFactory()])

    @factory.post_generation
    def status_history(self, create: bool, extracted: object, **kwargs: object) -> None:
        """A certificate created in state suspended/cancelled gets its history row, as a transition writes it."""
        if create and self.state_changed_on is not None and not self.status_changes.exists():
            CertificateStatusChange.objects.create(
                certificate=self, state=self.state, from_on=self.state_changed_on, reason=self.state_reason
            )


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRecord

    officer = factory.SubFactory(OfficerFactory)
    title = "行政处罚法专题培训"
    hours = Decimal("16")
    completed_on = date(2026, 4, 1)
    organizer = "示范县司法局"
