"""Officers: registration, changes, leaving the post (R-PER-003); exams and training records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from zhifa.core.validators import normalize_id_number
from zhifa.ledger.services import record as record_event
from zhifa.ledger.services import record_view
from zhifa.org.models import Agency, Department, User
from zhifa.personnel.choices import CertificateState, LeftPostReason, OfficerKind
from zhifa.personnel.errors import AlreadyLeftPost
from zhifa.personnel.models import Certificate, ExamResult, Officer, QualificationExam, TrainingRecord, chinese_date
from zhifa.personnel.services._common import LEAVING_POST_CANCEL_REASON, UNSET, _Unset, require_permission
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
    require_permission(actor, "personnel.manage_officer", agency, "您无权管理该单位的执法人员")
    if Officer.objects.filter(id_number=normalize_id_number(id_number)).exists():
        raise ValidationError({"id_number": "该公民身份号码已登记为执法人员"})
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
    officer.save()
    record_event(event_type="officer.registered", actor=actor, agency=agency, subject=officer, payload={"kind": kind})
    return officer


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
    require_permission(actor, "personnel.manage_officer", officer, "您无权管理该单位的执法人员")
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
    officer.save()
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
    require_permission(actor, "personnel.manage_officer", officer, "您无权管理该单位的执法人员")
    if reason not in LeftPostReason.values:
        raise ValidationError({"left_post_reason": "离岗原因应为调离、辞退、辞职、退休或其他"})
    locked = Officer.objects.select_for_update().get(pk=officer.pk)
    if not locked.is_on_post:
        raise AlreadyLeftPost(f"{locked.name}已于{chinese_date(locked.left_post_on or on)}离岗", field="is_on_post")
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
    require_permission(actor, "personnel.manage_exam", None, "您无权登记执法资格考试")
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
    require_permission(actor, "personnel.manage_officer", officer, "您无权管理该单位的执法人员")
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
    require_permission(actor, "personnel.manage_officer", officer, "您无权管理该单位的执法人员")
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
