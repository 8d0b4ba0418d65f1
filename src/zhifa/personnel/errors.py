"""Domain errors of the personnel app: stable codes, Chinese messages naming the field."""

from __future__ import annotations

from zhifa.core.errors import Conflict, DomainError


class PersonnelError(DomainError):
    code = "personnel_invalid"


class CertificateRefused(DomainError):
    """R-PER-002/R-PER-004: a certificate may not be registered for this officer."""

    code = "certificate_refused"


class IllegalCertificateTransition(Conflict):
    """The certificate's state does not allow the requested move (暂扣/恢复/注销)."""

    code = "illegal_certificate_transition"


class AlreadyLeftPost(Conflict):
    code = "already_left_post"
