"""亮证执法: the portal's certificate verification page (reached by the QR code's URL) and the staff page that
shows a certificate's QR code (SVG from ``segno``, drawn on the server: no JavaScript, no outside service)."""

from __future__ import annotations

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.core.listing import paginate
from zhifa.personnel.models import Certificate
from zhifa.publicity import services
from zhifa.publicity.models import CertificateCode
from zhifa.publicity.views.caching import certificate_seconds, portal_page
from zhifa.publicity.views.portal import not_found

QR_TITLE = "行政执法证核验二维码"


def verification_url(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("publicity:portal-certificate", args=[token]))


def qr_svg(url: str, *, scale: int = 4) -> str:
    """The QR code of ``url`` as inline SVG (segno's output: only the modules, the title, no script)."""
    return str(segno.make_qr(url, error="m").svg_inline(scale=scale, title=QR_TITLE))


@portal_page(seconds=certificate_seconds, versioned=False)
def certificate_verification(request: HttpRequest, token: str) -> HttpResponse:
    """The public check: may this officer enforce today, for which agency and sectors (no other personal data)."""
    check = services.verify_certificate(token, on=today())
    if check is None:
        return not_found(request, "未找到该执法证，请核对二维码或向执法机关核实。")
    return render(request, "publicity/portal/certificate.html", {"check": check})


def certificate_qr(request: HttpRequest, token: str) -> HttpResponse:
    if not CertificateCode.objects.filter(token=token).exists():
        return not_found(request, "未找到该执法证。")
    return HttpResponse(qr_svg(verification_url(request, token)), content_type="image/svg+xml; charset=utf-8")


@login_required
def certificate_list(request: HttpRequest) -> HttpResponse:
    """Staff: the certificates in the user's scope, each with its verification code page (亮证执法)."""
    rows = (
        Certificate.objects.visible_to(request.user)
        .select_related("officer__agency", "public_code")
        .order_by("officer__agency_id", "officer__name", "pk")
    )
    return render(
        request, "publicity/certificate_list.html", {"page": paginate(rows, request), "querystring": request.GET.copy()}
    )


@login_required
def certificate_code(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff: the certificate's verification URL and QR code to print (亮证执法); POST creates the code."""
    certificate = get_object_or_404(
        Certificate.objects.visible_to(request.user).select_related("officer__agency"), pk=pk
    )
    error = ""
    if request.method == "POST":
        try:
            services.issue_certificate_code(actor=request.user, certificate=certificate)
        except DomainError as exc:
            error = exc.message
        else:
            return redirect("publicity:certificate-code", pk)
    code = CertificateCode.objects.filter(certificate=certificate).first()
    context = {"certificate": certificate, "code": code, "error": error}
    if code is not None:
        url = verification_url(request, code.token)
        context.update(url=url, qr=mark_safe(qr_svg(url, scale=6)))  # noqa: S308 - segno's SVG of our own URL
    return render(request, "publicity/certificate_code.html", context, status=403 if error else 200)
