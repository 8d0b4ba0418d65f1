"""持证上岗: the single check every act calls (R-PER-001)."""

from __future__ import annotations

from datetime import date
from typing import Final

from zhifa.core.calendar import format_day
from zhifa.org.models import Sector
from zhifa.personnel.choices import CertificateStatus, OfficerKind
from zhifa.personnel.models import Certificate, Officer

# ---------------------------------------------------------------------------------------------------------------
# 持证上岗: the single check (R-PER-001)
# ---------------------------------------------------------------------------------------------------------------


def _sector_code_and_name(sector: Sector | str) -> tuple[str, str]:
    if isinstance(sector, Sector):
        return sector.code, sector.name
    name = Sector.objects.filter(code=sector).values_list("name", flat=True).first()
    return sector, name or sector


_REFUSAL_PRIORITY: Final = {
    CertificateStatus.SUSPENDED: 0,
    CertificateStatus.EXPIRED: 1,
    CertificateStatus.NOT_YET_EFFECTIVE: 2,
    CertificateStatus.CANCELLED: 3,
}


def _certificate_refusal(certificate: Certificate, status: CertificateStatus, on: date) -> str:
    if status in (CertificateStatus.SUSPENDED, CertificateStatus.CANCELLED):
        # The reason of the change in force on ``on``, not the latest one (a past day keeps its own reason).
        change = certificate.status_change_on(on)
        reason = change.reason if change is not None else certificate.state_reason
        label = "暂扣" if status == CertificateStatus.SUSPENDED else "注销"
        return f"执法证已{label}：{reason}"
    if status == CertificateStatus.NOT_YET_EFFECTIVE:
        return f"执法证尚未生效：有效期自{format_day(certificate.effective_on)}起"
    return f"执法证已于{format_day(certificate.expires_on)}过期"


def enforcement_refusal(officer: Officer, *, on: date, sector: Sector | str | None = None) -> str | None:
    """Why ``officer`` may not enforce on ``on`` (in ``sector``, by object or code), or ``None`` if they may.

    R-PER-001: on post on ``on``, not auxiliary (R-PER-004), holding a certificate that was valid on ``on``
    (status history: not 暂扣/注销 that day; validity period containing ``on``, both ends included) and whose
    sectors include ``sector`` when given. Answers for any day: a past act is judged by the facts of its day,
    not by a later leaving of the post, suspension or cancellation (R-PER-003: the post ends on
    ``left_post_on``). Reads ``officer.certificates.all()``, ``certificate.sectors.all()`` and
    ``certificate.status_changes.all()``: prefetch them for lists (``OfficerQuerySet.with_certificates``).
    """
    if not officer.on_post_on(on):
        when = f"于{format_day(officer.left_post_on)}" if officer.left_post_on else ""
        why = f"（{officer.get_left_post_reason_display()}）" if officer.left_post_reason else ""
        return f"该人员已{when}离岗{why}，不得从事执法活动（R-PER-003）"
    if officer.kind == OfficerKind.AUXILIARY:
        return "辅助人员不得独立执法（R-PER-004）"
    certificates = list(officer.certificates.all())
    if not certificates:
        return "未取得行政执法证，不得从事执法活动（R-PER-001）"
    if sector is not None:
        code, name = _sector_code_and_name(sector)
        certificates = [c for c in certificates if c.covers_sector(code)]
        if not certificates:
            return f"执法证不包含“{name}”领域"
    statuses = [(c, c.status_on(on)) for c in certificates]
    if any(status == CertificateStatus.VALID for _, status in statuses):
        return None
    certificate, status = min(statuses, key=lambda pair: (_REFUSAL_PRIORITY[pair[1]], -pair[0].expires_on.toordinal()))
    return _certificate_refusal(certificate, status, on)


def can_enforce(officer: Officer, *, on: date, sector: Sector | str | None = None) -> bool:
    """R-PER-001 持证上岗: the one check every act calls. See ``enforcement_refusal`` for the reason."""
    return enforcement_refusal(officer, on=on, sector=sector) is None
