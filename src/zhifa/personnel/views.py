"""Staff UI of the personnel app: thin, login required, scoped through ``visible_to``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import rules
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.core.listing import paginate
from zhifa.org.models import Agency
from zhifa.personnel.choices import CertificateState, CertificateStatus, OfficerKind, OfficerPersonalField
from zhifa.personnel.models import Certificate, Officer
from zhifa.personnel.querysets import OfficerQuerySet, valid_certificate_q
from zhifa.personnel.services import (
    REQUIRED_TRAINING_HOURS,
    REVIEWER_RATIO_MINIMUM,
    agency_figures,
    enforcement_refusal,
    masked_personal_data,
    open_officer_file,
    reveal_personal_data,
    training_hours,
)

STATUS_BADGE = {
    CertificateStatus.VALID: "ok",
    CertificateStatus.NOT_YET_EFFECTIVE: "warn",
    CertificateStatus.EXPIRED: "bad",
    CertificateStatus.SUSPENDED: "warn",
    CertificateStatus.CANCELLED: "bad",
}
CERTIFICATE_FILTERS = [
    ("valid", "持有效证件"),
    ("expired", "证件已过期"),
    ("suspended", "证件暂扣"),
    ("cancelled", "证件已注销"),
    ("none", "未持证"),
]


@dataclass(frozen=True)
class CertificateRow:
    certificate: Certificate
    status: CertificateStatus
    badge: str


@dataclass(frozen=True)
class OfficerRow:
    officer: Officer
    id_number: str
    phone: str
    certificates: list[CertificateRow]
    refusal: str | None


def _certificate_rows(officer: Officer, day: date) -> list[CertificateRow]:
    rows = []
    for certificate in officer.certificates.all():
        status = certificate.status_on(day)
        rows.append(CertificateRow(certificate, status, STATUS_BADGE[status]))
    return rows


def _officer_row(officer: Officer, day: date) -> OfficerRow:
    masked = masked_personal_data(officer)  # always masked (R-PRV-006); full values only through a reveal
    return OfficerRow(
        officer=officer,
        id_number=masked[OfficerPersonalField.ID_NUMBER],
        phone=masked[OfficerPersonalField.PHONE],
        certificates=_certificate_rows(officer, day),
        refusal=enforcement_refusal(officer, on=day),
    )


def _filter_by_certificate(officers: OfficerQuerySet, status: str, day: date) -> OfficerQuerySet:
    certificates = Certificate.objects.filter(officer=OuterRef("pk"))
    valid = Exists(certificates.filter(valid_certificate_q(day)))
    if status == "valid":
        return officers.filter(valid)
    if status == "expired":
        return officers.filter(Exists(certificates.filter(state=CertificateState.VALID, expires_on__lt=day)), ~valid)
    if status in (CertificateState.SUSPENDED, CertificateState.CANCELLED):
        return officers.filter(Exists(certificates.filter(state=status)))
    if status == "none":
        return officers.filter(~Exists(certificates))
    return officers


@login_required
def officer_list(request: HttpRequest) -> HttpResponse:
    day = today()
    officers: OfficerQuerySet = Officer.objects.visible_to(request.user).with_certificates()
    agency_id = request.GET.get("agency", "")
    kind = request.GET.get("kind", "")
    certificate_status = request.GET.get("certificate", "")
    q = request.GET.get("q", "").strip()
    if agency_id.isdigit():
        officers = officers.filter(agency_id=int(agency_id))
    if kind in OfficerKind.values:
        officers = officers.filter(kind=kind)
    officers = _filter_by_certificate(officers, certificate_status, day)
    if q:
        matching = Certificate.objects.filter(officer=OuterRef("pk"), number__icontains=q)
        officers = officers.filter(Q(name__icontains=q) | Q(Exists(matching)))
    page = paginate(officers, request)
    context = {
        "page": page,
        "rows": [_officer_row(officer, day) for officer in page.object_list],
        "agencies": Agency.objects.visible_to(request.user).only("id", "name"),
        "kinds": OfficerKind.choices,
        "certificate_filters": CERTIFICATE_FILTERS,
        "selected": {"agency": agency_id, "kind": kind, "certificate": certificate_status, "q": q},
        "querystring": request.GET.copy(),
    }
    if request.headers.get("HX-Request"):
        return render(request, "personnel/_officer_rows.html", context)
    return render(request, "personnel/officer_list.html", context)


@login_required
def officer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    day = today()
    officer = get_object_or_404(Officer.objects.visible_to(request.user).with_certificates(), pk=pk)
    open_officer_file(viewer=request.user, officer=officer)
    hours = training_hours(officer, year=day.year)
    row = _officer_row(officer, day)
    context = {
        "row": row,
        "officer": officer,
        "can_reveal": rules.has_perm("personnel.view_personal_data", request.user, officer),
        "personal_rows": [
            {
                "field": OfficerPersonalField.ID_NUMBER,
                "label": "公民身份号码",
                "masked": row.id_number,
                "has_value": True,
            },
            {
                "field": OfficerPersonalField.PHONE,
                "label": "个人联系电话",
                "masked": row.phone,
                "has_value": bool(officer.phone),
            },
        ],
        "today": day,
        "training_hours": hours,
        "required_hours": REQUIRED_TRAINING_HOURS,
        "training_short": hours < REQUIRED_TRAINING_HOURS and officer.kind != OfficerKind.AUXILIARY,
        "training_records": officer.training_records.all(),
        "exam_results": officer.exam_results.select_related("exam"),
    }
    return render(request, "personnel/officer_detail.html", context)


@login_required
@require_POST
def officer_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the full value of one personal field, shown inline; the view is recorded (R-PRV-006)."""
    officer = get_object_or_404(Officer.objects.visible_to(request.user).select_related("agency"), pk=pk)
    try:
        value = reveal_personal_data(
            officer, field=request.POST.get("field", ""), user=request.user, purpose=request.POST.get("purpose", "")
        )
    except DomainError as exc:
        return render(request, "personnel/_reveal_error.html", {"message": exc.message}, status=exc.status)
    return render(request, "personnel/_revealed.html", {"value": value})


@login_required
def certificate_rates(request: HttpRequest) -> HttpResponse:
    day = today()
    agencies = Agency.objects.visible_to(request.user).filter(is_active=True).select_related("region")
    context = {"figures": agency_figures(agencies, on=day), "today": day, "minimum": REVIEWER_RATIO_MINIMUM}
    return render(request, "personnel/certificate_rates.html", context)
