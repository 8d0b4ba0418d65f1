"""Staff UI for evidence files (证据文件): scoped list with search, detail, upload, streamed download."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from zhifa.core.errors import DomainError
from zhifa.core.listing import render_list, search
from zhifa.ledger.api.uploads import spool_uploads_to_disk
from zhifa.ledger.api.views import visible_evidence
from zhifa.ledger.evidence import open_for_download, store_evidence
from zhifa.ledger.models import EvidenceFile, MediaKind
from zhifa.ledger.services import trail


class UploadForm(forms.Form):
    """Parses input only; ``store_evidence`` validates and decides."""

    file = forms.FileField(label="证据文件", allow_empty_file=True)
    step = forms.CharField(label="执法环节", required=False, help_text="如 on_site_inspection")
    device_id = forms.CharField(label="执法记录仪编号", required=False)
    latitude = forms.CharField(label="纬度", required=False)
    longitude = forms.CharField(label="经度", required=False)
    media_kind = forms.ChoiceField(
        label="记录形式", required=False, choices=[("", "按文件内容判断"), *MediaKind.choices]
    )
    supersedes = forms.IntegerField(label="更正的证据编号", required=False)
    supersede_reason = forms.CharField(label="更正原因", required=False, widget=forms.Textarea(attrs={"rows": 2}))


@login_required
def evidence_list(request: HttpRequest) -> HttpResponse:
    evidence = search(visible_evidence(request.user), request, ["original_name", "digest", "step", "device_id"])
    return render_list(
        request,
        "ledger/evidence_list.html",
        "ledger/_evidence_rows.html",
        evidence,
        {"querystring": request.GET.copy()},
    )


@login_required
def evidence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(visible_evidence(request.user), pk=pk)
    context = {
        "evidence": evidence,
        "corrections": visible_evidence(request.user).filter(supersedes=evidence),
        "views": trail(evidence).filter(event_type="evidence.viewed"),
    }
    return render(request, "ledger/evidence_detail.html", context)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = get_object_or_404(visible_evidence(request.user), pk=pk)
    handle = open_for_download(evidence, actor=request.user)
    return FileResponse(handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.mime_type)


@csrf_exempt
@login_required
def evidence_upload(request: HttpRequest) -> HttpResponse:
    """The upload handlers must be set before the CSRF check reads the body; CSRF is then checked below."""
    if request.method == "POST":
        spool_uploads_to_disk(request)
    return _evidence_upload(request)


@csrf_protect
def _evidence_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence = _store(request, form.cleaned_data)
        except (DomainError, ValidationError) as error:
            _add_errors(form, error)
        else:
            return redirect("ledger:evidence-detail", pk=evidence.pk)
    return render(request, "ledger/evidence_upload.html", {"form": form})


def _store(request: HttpRequest, data: dict[str, object]) -> EvidenceFile:
    supersedes = None
    if data["supersedes"] is not None:
        supersedes = visible_evidence(request.user).filter(pk=data["supersedes"]).first()
        if supersedes is None:
            raise ValidationError({"supersedes": "被更正的证据不存在或不在您的数据权限范围内"})
    upload = request.FILES.get("file")
    assert isinstance(upload, UploadedFile)
    return store_evidence(
        fileobj=upload,
        original_name=upload.name or "",
        actor=request.user,
        agency=getattr(request.user, "agency", None),
        step=str(data["step"]),
        device_id=str(data["device_id"]),
        latitude=str(data["latitude"]) or None,
        longitude=str(data["longitude"]) or None,
        media_kind=str(data["media_kind"]) or None,
        supersedes=supersedes,
        supersede_reason=str(data["supersede_reason"]),
    )


def _add_errors(form: UploadForm, error: DomainError | ValidationError) -> None:
    if isinstance(error, DomainError):
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
