"""行政执法证: registration (R-PER-002, R-PER-004) and 暂扣/恢复/注销."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django_fsm import TransitionNotAllowed

from zhifa.core.calendar import today
from zhifa.core.permissions import require
from zhifa.ledger.services import record as record_event
from zhifa.org.models import Sector, User
from zhifa.personnel.choices import CertificateKind, OfficerKind
from zhifa.personnel.errors import CertificateRefused, IllegalCertificateTransition
from zhifa.personnel.models import Certificate, Officer

# ---------------------------------------------------------------------------------------------------------------
# Certificates
# ---------------------------------------------------------------------------------------------------------------


@transaction.atomic
def register_certificate(
    *,
    actor: User,
    officer: Officer,
    number: str,
    issuing_authority: str,
    kind: str = CertificateKind.LOCAL,
    effective_on: date,
    expires_on: date,
    sectors: Sequence[Sector],
) -> Certificate:
    """Register a 行政执法证 for ``officer`` (R-PER-002: only after a passed qualification exam; R-PER-004).

    Decision on R-PER-002 ("certificate only after training and a passed qualification exam"): registration
    BLOCKS on the exam only — a qualified result in an exam held on or before ``effective_on``. Training is
    not checked here: certificates issued years ago are imported without their training history (the
    import sheet has no training columns), and the province's exam itself presupposes the training. Missing
    training is REPORTED instead: ``training_shortfall`` (R-PER-007) lists every on-post officer below the
    yearly hours, shown on the officer's page (不足60学时).
    """
    require(actor, "personnel.manage_certificate", officer, message="您无权管理该单位的执法证")
    if officer.kind == OfficerKind.AUXILIARY:
        raise CertificateRefused("执法辅助人员不得持有行政执法证（R-PER-004）", field="officer")
    if not officer.is_on_post:
        raise CertificateRefused("离岗人员不得登记行政执法证（R-PER-003）", field="officer")
    # R-PER-002: a passed qualification exam held before the certificate takes effect (training: see docstring).
    if not officer.exam_results.filter(is_qualified=True, exam__held_on__lte=effective_on).exists():
        raise CertificateRefused(
            "该人员没有有效期起之前合格的执法资格考试成绩，不得登记执法证（R-PER-002）", field="officer"
        )
    if not sectors:
        raise ValidationError({"sectors": "请至少选择一个执法领域"})
    certificate = Certificate(
        officer=officer,
        number=number,
        issuing_authority=issuing_authority,
        kind=kind,
        effective_on=effective_on,
        expires_on=expires_on,
    )
    certificate.full_clean(validate_constraints=False)
    if Certificate.objects.filter(issuing_authority=certificate.issuing_authority, number=certificate.number).exists():
        raise ValidationError(
            {"number": f"发证机关“{certificate.issuing_authority}”已登记执法证号“{certificate.number}”"}
        )
    certificate.save()
    certificate.sectors.set(sectors)
    record_event(
        event_type="certificate.registered",
        actor=actor,
        agency=officer.agency,
        subject=certificate,
        payload={
            "number": certificate.number,
            "issuing_authority": certificate.issuing_authority,
            "effective_on": effective_on.isoformat(),
            "expires_on": expires_on.isoformat(),
            "sectors": sorted(s.code for s in sectors),
        },
    )
    return certificate


def record_certificate_transition(certificate: Certificate, *, actor: User, previous: str, event_type: str) -> None:
    record_event(
        event_type=event_type,
        actor=actor,
        agency=certificate.officer.agency,
        subject=certificate,
        payload={
            "number": certificate.number,
            "from": previous,
            "to": certificate.state,
            "reason": certificate.state_reason,
        },
    )


def _clean_reason(reason: str, label: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError({"reason": f"请填写{label}原因"})
    if len(text) > 200:
        raise ValidationError({"reason": f"{label}原因不能超过200个字"})
    return text


def _move_certificate(
    certificate: Certificate, *, actor: User, verb: str, label: str, reason: str, event_type: str
) -> Certificate:
    require(actor, "personnel.manage_certificate", certificate, message="您无权管理该单位的执法证")
    text = _clean_reason(reason, label)
    locked = Certificate.objects.select_for_update().select_related("officer__agency").get(pk=certificate.pk)
    previous = locked.state
    try:
        getattr(locked, verb)(reason=text, on=today())
    except TransitionNotAllowed:
        raise IllegalCertificateTransition(
            f"执法证当前状态为“{locked.get_state_display()}”，不能{label}", field="state"
        ) from None
    locked.save()
    record_certificate_transition(locked, actor=actor, previous=previous, event_type=event_type)
    return locked


@transaction.atomic
def suspend_certificate(certificate: Certificate, *, reason: str, actor: User) -> Certificate:
    """暂扣: a valid certificate is held; the holder may not enforce until it is reinstated."""
    return _move_certificate(
        certificate, actor=actor, verb="suspend", label="暂扣", reason=reason, event_type="certificate.suspended"
    )


@transaction.atomic
def reinstate_certificate(certificate: Certificate, *, reason: str, actor: User) -> Certificate:
    """恢复: a suspended certificate becomes valid again."""
    return _move_certificate(
        certificate, actor=actor, verb="reinstate", label="恢复", reason=reason, event_type="certificate.reinstated"
    )


@transaction.atomic
def cancel_certificate(certificate: Certificate, *, reason: str, actor: User) -> Certificate:
    """注销: permanent withdrawal of a valid or suspended certificate."""
    return _move_certificate(
        certificate, actor=actor, verb="cancel", label="注销", reason=reason, event_type="certificate.cancelled"
    )
