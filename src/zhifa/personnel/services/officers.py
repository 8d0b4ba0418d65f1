"""Officers: registration, changes, leaving the post (R-PER-003); exams and training records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from zhifa.core.calendar import format_day
from zhifa.core.errors import PermissionDenied
from zhifa.core.masking import mask_id_number, mask_phone
from zhifa.core.permissions import require
from zhifa.core.validators import normalize_id_number
from zhifa.ledger.services import record as record_event
from zhifa.ledger.services import record_view
from zhifa.org.models import Agency, Department, User
from zhifa.personnel.choices import CertificateState, LeftPostReason, OfficerKind, OfficerPersonalField
from zhifa.personnel.errors import AlreadyLeftPost, PersonnelError
from zhifa.personnel.models import (
    Certificate,
    ExamResult,
    Officer,
    OfficerPersonalDataAccess,
    QualificationExam,
    TrainingRecord,
)
from zhifa.personnel.services._common import ID_NUMBER_TAKEN, LEAVING_POST_CANCEL_REASON, UNSET, _Unset
from zhifa.personnel.services.certificates import record_certificate_transition

# ---------------------------------------------------------------------------------------------------------------
# Officers
# ---------------------------------------------------------------------------------------------------------------


@transaction.atomic
def register_officer(
    *,
    actor: User,
    agency: Agency,
    name: str,
    kind: str,
    id_number: str,
    gender: str = "",
    department: Department | None = None,
    position: str = "",
    phone: str = "",
    has_legal_professional_qualification: bool = False,
    user: User | None = None,
) -> Officer:
    """Register an officer (执法人员/执法辅助人员/法制审核人员) of ``agency``."""
    require(actor, "personnel.manage_officer", agency, message="您无权管理该单位的执法人员")
    if _id_number_taken(normalize_id_number(id_number)):
        raise ValidationError({"id_number": ID_NUMBER_TAKEN})
    officer = Officer(
        agency=agency,
        name=name,
        kind=kind,
        id_number=id_number,
        gender=gender,
        department=department,
        position=position,
        phone=phone,
        has_legal_professional_qualification=has_legal_professional_qualification,
        user=user,
    )
    officer.full_clean()
    _save_officer(officer)
    record_event(event_type="officer.registered", actor=actor, agency=agency, subject=officer, payload={"kind": kind})
    return officer


def _id_number_taken(id_number: str) -> bool:
    return Officer.objects.filter(id_number=id_number).exists()


def _save_officer(officer: Officer) -> None:
    """Save; a concurrent registration of the same ID number or login account is the same field error, not a 500.

    The checks before (``exists()``, ``full_clean``) can pass in two transactions at once; the unique
    constraints then refuse the second insert. The savepoint keeps the caller's transaction usable.
    """
    try:
        with transaction.atomic():
            officer.save()
    except IntegrityError:
        others = Officer.objects.exclude(pk=officer.pk or 0)
        if others.filter(id_number=officer.id_number).exists():
            raise ValidationError({"id_number": ID_NUMBER_TAKEN}) from None
        if officer.user_id and others.filter(user_id=officer.user_id).exists():
            raise ValidationError({"user": "该登录账号已关联其他执法人员"}) from None
        raise


@transaction.atomic
def update_officer(
    officer: Officer,
    *,
    actor: User,
    name: str | _Unset = UNSET,
    kind: str | _Unset = UNSET,
    gender: str | _Unset = UNSET,
    department: Department | _Unset | None = UNSET,
    position: str | _Unset = UNSET,
    phone: str | _Unset = UNSET,
    id_number: str | _Unset = UNSET,
    has_legal_professional_qualification: bool | _Unset = UNSET,
    user: User | _Unset | None = UNSET,
) -> Officer:
    """Change an officer's record; arguments left out stay unchanged. Leaving the post is ``record_leaving_post``."""
    require(actor, "personnel.manage_officer", officer, message="您无权管理该单位的执法人员")
    changes: dict[str, Any] = {
        key: value
        for key, value in {
            "name": name,
            "kind": kind,
            "gender": gender,
            "department": department,
            "position": position,
            "phone": phone,
            "id_number": id_number,
            "has_legal_professional_qualification": has_legal_professional_qualification,
            "user": user,
        }.items()
        if value is not UNSET
    }
    if (
        changes.get("kind") == OfficerKind.AUXILIARY
        and officer.certificates.exclude(state=CertificateState.CANCELLED).exists()
    ):
        # R-PER-004: auxiliary staff hold no certificate.
        raise ValidationError({"kind": "该人员持有未注销的执法证，请先注销执法证再改为执法辅助人员（R-PER-004）"})
    for key, value in changes.items():
        setattr(officer, key, value)
    officer.full_clean()
    _save_officer(officer)
    # Field names only: personal values never go into the ledger.
    record_event(
        event_type="officer.updated",
        actor=actor,
        agency=officer.agency,
        subject=officer,
        payload={"fields": sorted(changes)},
    )
    return officer


@transaction.atomic
def record_leaving_post(officer: Officer, *, on: date, reason: str, actor: User) -> Officer:
    """The officer leaves the post; R-PER-003: every certificate not yet cancelled is reclaimed and cancelled."""
    require(actor, "personnel.manage_officer", officer, message="您无权管理该单位的执法人员")
    if reason not in LeftPostReason.values:
        raise ValidationError({"left_post_reason": "离岗原因应为调离、辞退、辞职、退休或其他"})
    locked = Officer.objects.select_for_update().get(pk=officer.pk)
    if not locked.is_on_post:
        raise AlreadyLeftPost(f"{locked.name}已于{format_day(locked.left_post_on or on)}离岗", field="is_on_post")
    locked.is_on_post = False
    locked.left_post_on = on
    locked.left_post_reason = reason
    locked.full_clean()
    locked.save(update_fields=["is_on_post", "left_post_on", "left_post_reason", "updated_at"])
    record_event(
        event_type="officer.left_post",
        actor=actor,
        agency=locked.agency,
        subject=locked,
        payload={"on": on.isoformat(), "reason": reason},
    )
    open_certificates = (
        Certificate.objects.select_for_update().filter(officer=locked).exclude(state=CertificateState.CANCELLED)
    )
    for certificate in open_certificates.select_related("officer__agency"):
        previous = certificate.state
        certificate.cancel(reason=LEAVING_POST_CANCEL_REASON, on=on)  # R-PER-003
        certificate.save()
        record_certificate_transition(certificate, actor=actor, previous=previous, event_type="certificate.cancelled")
    officer.refresh_from_db()
    return officer


# ---------------------------------------------------------------------------------------------------------------
# Exams and training (R-PER-002, R-PER-007)
# ---------------------------------------------------------------------------------------------------------------


@transaction.atomic
def register_exam(*, actor: User, name: str, held_on: date, pass_score: Decimal = Decimal("60")) -> QualificationExam:
    """Record a sitting of the 执法资格考试; an existing sitting with the same name and date is returned."""
    require(actor, "personnel.manage_exam", None, message="您无权登记执法资格考试")
    existing = QualificationExam.objects.filter(name=name.strip(), held_on=held_on).first()
    if existing is not None:
        return existing
    exam = QualificationExam(name=name.strip(), held_on=held_on, pass_score=pass_score)
    exam.full_clean()
    exam.save()
    return exam


@transaction.atomic
def record_exam_result(*, actor: User, exam: QualificationExam, officer: Officer, score: Decimal) -> ExamResult:
    """An officer's exam score; 合格 when ``score >= exam.pass_score``."""
    require(actor, "personnel.manage_officer", officer, message="您无权管理该单位的执法人员")
    if ExamResult.objects.filter(exam=exam, officer=officer).exists():
        raise ValidationError({"score": f"{officer.name}在“{exam.name}”中已有成绩"})
    result = ExamResult(exam=exam, officer=officer, score=score, is_qualified=score >= exam.pass_score)
    result.full_clean(validate_constraints=False)
    result.save()
    record_event(
        event_type="exam_result.recorded",
        actor=actor,
        agency=officer.agency,
        subject=result,
        payload={
            "exam": exam.name,
            "held_on": exam.held_on.isoformat(),
            "score": str(score),
            "is_qualified": result.is_qualified,
        },
    )
    return result


@transaction.atomic
def record_training(
    *, actor: User, officer: Officer, title: str, hours: Decimal, completed_on: date, organizer: str = ""
) -> TrainingRecord:
    require(actor, "personnel.manage_officer", officer, message="您无权管理该单位的执法人员")
    record = TrainingRecord(officer=officer, title=title, hours=hours, completed_on=completed_on, organizer=organizer)
    record.full_clean()
    record.save()
    record_event(
        event_type="training_record.recorded",
        actor=actor,
        agency=officer.agency,
        subject=record,
        payload={"title": title, "hours": str(hours), "completed_on": completed_on.isoformat()},
    )
    return record


@transaction.atomic
def open_officer_file(*, viewer: Any, officer: Officer) -> None:
    """调阅留痕 (R-REC-007): a read of an officer's file from outside the officer's agency is recorded."""
    if getattr(viewer, "agency_id", None) == officer.agency_id:
        return
    record_view(viewer=viewer, subject=officer, agency=officer.agency)


def masked_personal_data(officer: Officer) -> dict[str, str]:
    """The personal fields as every list, the API and exports show them: always masked (R-PRV-006)."""
    return {
        OfficerPersonalField.ID_NUMBER: mask_id_number(officer.id_number),
        OfficerPersonalField.PHONE: mask_phone(officer.phone),
    }


@transaction.atomic
def reveal_personal_data(officer: Officer, *, field: str, user: Any, purpose: str) -> str:
    """The full value of one personal field of ``officer``; the view is recorded (R-PRV-006, R-REC-007).

    Only the agency admin of the officer's own agency may see it (``personnel.view_personal_data``); anyone
    else is refused (``PermissionDenied``) and nothing is recorded. Each reveal writes an
    ``OfficerPersonalDataAccess`` row and the ledger event ``officer.personal_data_viewed`` (field and
    purpose, never the value).
    """
    if user is None:
        raise PermissionDenied("查看完整的个人信息须以具体用户身份进行")
    if field not in OfficerPersonalField.values:
        raise PersonnelError("该字段不是个人信息字段，无需申请查看", field="field")
    require(
        user,
        "personnel.view_personal_data",
        officer,
        message="只有执法人员所属单位的单位管理员可以查看完整的个人信息",
    )
    text = (purpose or "").strip()
    if not text:
        raise PersonnelError("请填写查看用途", field="purpose")
    if len(text) > 200:
        raise PersonnelError("查看用途不能超过200个字", field="purpose")
    OfficerPersonalDataAccess.objects.create(user=user, officer=officer, field=field, purpose=text)
    record_event(
        event_type="officer.personal_data_viewed",
        actor=user,
        agency=officer.agency,
        subject=officer,
        payload={"field": field, "purpose": text},
    )
    return str(getattr(officer, field) or "")
