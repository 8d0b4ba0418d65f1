"""亮证执法 (事中公示): each certificate's stable, unguessable verification code, and what the portal says about it
today — only the holder's name, agency, certificate number, sectors and status (R-PUB-001; no personal data)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from zhifa.core.permissions import require
from zhifa.ledger.services import record
from zhifa.personnel.choices import CertificateStatus, OfficerKind
from zhifa.personnel.models import Certificate
from zhifa.publicity.models import CertificateCode

TOKEN_BYTES = 24  # 32 URL-safe characters: not guessable, not derived from the number


@dataclass(frozen=True)
class CertificateCheck:
    """What a member of the public sees after scanning a certificate's QR code."""

    officer_name: str
    agency_name: str
    number: str
    sectors: tuple[str, ...]
    status: str  # CertificateStatus value on the day
    status_label: str
    on_post: bool
    authorised: bool
    on: date

    @property
    def message(self) -> str:
        if self.authorised:
            return "该执法证今日有效，持证人可以在下列执法领域从事行政执法活动"
        if not self.on_post:
            return "持证人已离开执法岗位，不得从事行政执法活动"
        return f"该执法证今日{self.status_label}，持证人不得凭此证从事行政执法活动"


@transaction.atomic
def issue_certificate_code(*, actor: Any, certificate: Certificate) -> CertificateCode:
    """The certificate's verification code, created once and never changed (printed QR codes keep working)."""
    require(actor, "publicity.issue_certificate_code", certificate, message="只有本单位管理员可以生成执法证核验码")
    existing = CertificateCode.objects.filter(certificate=certificate).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            code = CertificateCode.objects.create(certificate=certificate, token=secrets.token_urlsafe(TOKEN_BYTES))
    except IntegrityError:  # created concurrently: keep the first
        return CertificateCode.objects.get(certificate=certificate)
    record(
        event_type="certificate_code.issued",
        actor=actor,
        agency=certificate.officer.agency,
        subject=code,
        payload={"certificate": certificate.pk, "number": certificate.number},
    )
    return code


def issue_missing_certificate_codes() -> int:
    """``zhifa tick``: a code for every certificate of an enforcement officer that has none yet (idempotent)."""
    missing = (
        Certificate.objects.filter(public_code__isnull=True, officer__kind=OfficerKind.ENFORCEMENT)
        .select_related("officer__agency")
        .order_by("pk")
    )
    count = 0
    for certificate in missing:
        issue_certificate_code(actor=None, certificate=certificate)
        count += 1
    return count


def verify_certificate(token: str, *, on: date) -> CertificateCheck | None:
    """``certificate_verification``: the certificate behind ``token`` as it stands on ``on`` (``None``: unknown)."""
    code = (
        CertificateCode.objects.filter(token=token)
        .select_related("certificate__officer__agency")
        .prefetch_related("certificate__sectors", "certificate__status_changes")
        .first()
    )
    if code is None:
        return None
    certificate = code.certificate
    officer = certificate.officer
    status = certificate.status_on(on)
    on_post = officer.on_post_on(on) and officer.kind != OfficerKind.AUXILIARY
    return CertificateCheck(
        officer_name=officer.name,
        agency_name=officer.agency.name,
        number=certificate.number,
        sectors=tuple(s.name for s in sorted(certificate.sectors.all(), key=lambda s: s.code)),
        status=status,
        status_label=str(CertificateStatus(status).label),
        on_post=on_post,
        authorised=on_post and status == CertificateStatus.VALID,
        on=on,
    )
