"""Demo officers, certificates, exams and training of the fictional 示范县 (about 60 officers).

Deterministic: names, ID numbers and hours come from ``ctx.rng("personnel")``; every date is fixed.
Shapes worth showing: most certificates valid through 2028–2029, three expired in 2025, one cancelled
(the holder retired), one suspended, auxiliary staff without certificates, one legal reviewer per agency
except 交通运输局 (below the 5% of R-REV-012), and some officers short of 60 training hours (R-PER-007).
The demo accounts of the org loader that enforce are linked to an officer (``user.officer``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from zhifa.core.validators import id_number_check_digit
from zhifa.demo.context import DemoContext
from zhifa.org.choices import Role
from zhifa.org.models import Department
from zhifa.personnel.choices import CertificateKind, Gender, LeftPostReason, OfficerKind
from zhifa.personnel.models import Certificate, ExamResult, Officer, QualificationExam, TrainingRecord

ISSUING_AUTHORITY = "湖南省人民政府"
ENFORCING_ROLES = {Role.HANDLER, Role.HEAD, Role.CASE_REVIEWER, Role.LEGAL_REVIEWER, Role.SUPERVISOR}

# agency key → (sector code, enforcement officers, auxiliary staff, legal reviewers)
STAFFING: dict[str, tuple[str, int, int, int]] = {
    "scjg": ("market_regulation", 11, 2, 1),
    "cgzf": ("urban_management", 9, 3, 1),
    "sthj": ("ecology_environment", 6, 1, 1),
    "jtys": ("transport", 6, 1, 0),  # no legal reviewer: under the 5% of R-REV-012
    "yjgl": ("emergency_management", 5, 0, 1),
    "fgj": ("development_reform", 3, 0, 1),
    "sfj": ("judicial_administration", 3, 0, 1),
    "city_sfj": ("judicial_administration", 1, 0, 1),
    "lx_sfj": ("judicial_administration", 1, 0, 1),
    "lx_scjg": ("market_regulation", 3, 1, 1),
}
# (agency key, index among its enforcement officers) → special shape
EXPIRED = {("scjg", 9): date(2025, 6, 30), ("cgzf", 7): date(2025, 9, 30), ("jtys", 5): date(2025, 12, 31)}
RETIRED = ("cgzf", 8)
SUSPENDED = ("sthj", 5)

# (effective_on, expires_on, exam key)
VALIDITY = [
    (date(2024, 1, 1), date(2028, 12, 31), "2023"),
    (date(2024, 7, 1), date(2029, 6, 30), "2023"),
    (date(2023, 7, 1), date(2028, 6, 30), "2022"),
]
EXAMS = {
    "2019": ("2019年湖南省行政执法资格考试", date(2019, 10, 19)),
    "2022": ("2022年湖南省行政执法资格考试", date(2022, 10, 22)),
    "2023": ("2023年湖南省行政执法资格考试", date(2023, 10, 21)),
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉鹏宇浩凯婷雪琳欣怡晨阳海波俊峰亮"
POSITIONS = ["科员", "一级科员", "四级主任科员", "三级主任科员", "中队长", "副大队长", "股长"]
TRAINING = [
    ("行政处罚法专题培训", "示范县司法局"),
    ("行政执法证件管理与执法规范培训", "长沙市司法局"),
    ("执法全过程记录实务培训", "示范县司法局"),
    ("行政复议与行政诉讼案例研讨", "长沙市司法局"),
    ("本系统业务知识培训", ""),
    ("网络在线学法课程", "湖南省司法厅"),
]


@dataclass
class _Slot:
    key: str
    agency: Any
    kind: str
    index: int
    user: Any = None


class _People:
    """Deterministic names and personal numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.serial = 0

    def name(self) -> str:
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return self.rng.choice(SURNAMES) + given

    def gender(self) -> str:
        return self.rng.choice((Gender.MALE, Gender.MALE, Gender.FEMALE))

    def id_number(self, region_code: str, gender: str) -> str:
        self.serial += 1
        birth = date(self.rng.randint(1965, 1998), self.rng.randint(1, 12), self.rng.randint(1, 28))
        sequence = self.serial * 2 + (1 if gender == Gender.MALE else 0)  # odd = male (GB 11643)
        first17 = f"{region_code[:6]}{birth:%Y%m%d}{sequence:03d}"
        return first17 + id_number_check_digit(first17)

    def phone(self) -> str:
        return f"1{self.rng.choice((39, 38, 37, 58, 86))}{self.rng.randrange(10**8):08d}"


def _slots(ctx: DemoContext) -> list[_Slot]:
    """One slot per officer; the enforcing demo accounts take the first slot of their kind in their agency."""
    slots: list[_Slot] = []
    for key, (_, enforcement, auxiliary, reviewers) in STAFFING.items():
        agency = ctx.agencies[key]
        kinds = [OfficerKind.ENFORCEMENT] * enforcement + [OfficerKind.LEGAL_REVIEWER] * reviewers
        kinds += [OfficerKind.AUXILIARY] * auxiliary
        counters: dict[str, int] = {}
        for kind in kinds:
            counters[kind] = counters.get(kind, 0) + 1
            slots.append(_Slot(key=key, agency=agency, kind=kind, index=counters[kind] - 1))
    for username in sorted(ctx.users):
        user = ctx.users[username]
        if user.agency_id is None or not user.role_set & ENFORCING_ROLES:
            continue
        kind = OfficerKind.LEGAL_REVIEWER if Role.LEGAL_REVIEWER in user.role_set else OfficerKind.ENFORCEMENT
        free = next((s for s in slots if s.agency.pk == user.agency_id and s.kind == kind and s.user is None), None)
        if free is not None:
            free.user = user
    return slots


def _department(departments: list[Department], agency: Any, kind: str) -> Department | None:
    own = [d for d in departments if d.agency_id == agency.pk]
    if kind == OfficerKind.LEGAL_REVIEWER:
        return next((d for d in own if d.is_legal_unit), None)
    return next((d for d in own if not d.is_legal_unit), None)


def load(ctx: DemoContext) -> None:
    rng = ctx.rng("personnel")
    people = _People(rng)
    exams = {
        key: QualificationExam.objects.create(name=name, held_on=held_on, pass_score=Decimal("60"))
        for key, (name, held_on) in EXAMS.items()
    }
    departments = list(Department.objects.filter(agency__in=[a.pk for a in ctx.agencies.values()]))
    certificate_serial = 0
    for slot in _slots(ctx):
        gender = people.gender()
        officer = Officer(
            name=slot.user.name if slot.user is not None else people.name(),
            gender=gender,
            agency=slot.agency,
            department=_department(departments, slot.agency, slot.kind),
            kind=slot.kind,
            user=slot.user,
            position=rng.choice(POSITIONS) if slot.kind != OfficerKind.AUXILIARY else "协管员",
            has_legal_professional_qualification=slot.kind == OfficerKind.LEGAL_REVIEWER or rng.random() < 0.15,
            id_number=people.id_number(slot.agency.region.code, gender),
            phone=people.phone(),
        )
        officer.full_clean()
        officer.save()
        ctx.officers[
            slot.user.username if slot.user is not None else f"{slot.key}-{slot.kind}-{slot.index + 1:02d}"
        ] = officer
        if slot.kind == OfficerKind.AUXILIARY:
            _training(officer, rng, shortfall=False)
            continue
        certificate_serial += 1
        _certificate(ctx, officer, slot, exams, rng, certificate_serial)
        _training(officer, rng, shortfall=slot.user is None and rng.random() < 0.18)


def _certificate(
    ctx: DemoContext,
    officer: Officer,
    slot: _Slot,
    exams: dict[str, QualificationExam],
    rng: random.Random,
    serial: int,
) -> None:
    special = (slot.key, slot.index) if slot.kind == OfficerKind.ENFORCEMENT and slot.user is None else None
    if special in EXPIRED:
        effective_on, expires_on, exam_key = date(2020, 7, 1), EXPIRED[special], "2019"
    else:
        effective_on, expires_on, exam_key = VALIDITY[serial % len(VALIDITY)]
    if exam_key == "2023" and serial % 5 == 0:  # failed once, passed the following year
        ExamResult.objects.create(
            exam=exams["2022"], officer=officer, score=Decimal(rng.randint(42, 59)), is_qualified=False
        )
    ExamResult.objects.create(
        exam=exams[exam_key], officer=officer, score=Decimal(rng.randint(62, 95)), is_qualified=True
    )
    certificate = Certificate(
        officer=officer,
        number=f"湘{slot.agency.region.code[:6]}{20000 + serial}",
        issuing_authority=ISSUING_AUTHORITY,
        kind=CertificateKind.LOCAL,
        effective_on=effective_on,
        expires_on=expires_on,
    )
    certificate.full_clean()
    certificate.save()
    certificate.sectors.set([ctx.sectors[STAFFING[slot.key][0]]])
    if special == SUSPENDED:
        certificate.suspend(reason="涉嫌违反执法纪律，暂扣执法证接受调查", on=date(2026, 9, 1))
        certificate.save()
    if special == RETIRED:
        # R-PER-003: leaving the post cancels the certificate (what services.record_leaving_post does).
        officer.is_on_post = False
        officer.left_post_on = date(2026, 3, 31)
        officer.left_post_reason = LeftPostReason.RETIREMENT
        officer.save()
        certificate.cancel(reason="离岗收回注销", on=date(2026, 3, 31))
        certificate.save()


def _training(officer: Officer, rng: random.Random, *, shortfall: bool) -> None:
    records = []
    for year in (2025, 2026):
        target = rng.randint(30, 52) if (shortfall and year == 2026) else rng.randint(62, 84)
        done = 0
        month = 2
        while done < target:
            hours = min(rng.choice((8, 12, 16, 24)), target - done) if target - done >= 4 else target - done
            title, organizer = rng.choice(TRAINING)
            records.append(
                TrainingRecord(
                    officer=officer,
                    title=f"{year}年{title}",
                    hours=Decimal(hours),
                    completed_on=date(year, month, rng.randint(1, 28)),
                    organizer=organizer,
                )
            )
            done += hours
            month = min(month + 2, 11)
    TrainingRecord.objects.bulk_create(records)
