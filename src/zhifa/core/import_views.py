"""Staff UI for Excel imports: list of kinds, template download, upload with the per-row error list."""

from __future__ import annotations

import rules
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from zhifa.core.errors import DomainError
from zhifa.core.excel import (
    ImportFailed,
    ImportSpec,
    export_workbook,
    get_spec,
    import_workbook,
    registry,
    template_workbook,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _spec_or_404(kind: str) -> ImportSpec:
    try:
        return get_spec(kind)
    except DomainError:
        raise Http404(kind) from None


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


@login_required
def import_index(request: HttpRequest) -> HttpResponse:
    specs = [spec() for spec in registry().values()]
    allowed = [s for s in specs if rules.has_perm(s.permission, request.user)]
    return render(request, "core/import_index.html", {"specs": allowed})


@login_required
def import_kind(request: HttpRequest, kind: str) -> HttpResponse:
    spec = _spec_or_404(kind)
    if not rules.has_perm(spec.permission, request.user):
        return render(request, "core/forbidden.html", {"message": f"您没有导入“{spec.label}”的权限"}, status=403)
    context: dict[str, object] = {"spec": spec}
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            context["error"] = "请选择要上传的 .xlsx 文件"
        else:
            try:
                result = import_workbook(spec, upload, user=request.user)
                context["result"] = result
            except ImportFailed as exc:
                context["error"] = exc.message
                context["row_errors"] = exc.errors
            except DomainError as exc:
                context["error"] = exc.message
    status = 400 if context.get("error") else 200
    return render(request, "core/import_kind.html", context, status=status)


@login_required
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    spec = _spec_or_404(kind)
    return _xlsx(template_workbook(spec), f"{kind}-template.xlsx")


@login_required
def export_kind(request: HttpRequest, kind: str) -> HttpResponse:
    spec = _spec_or_404(kind)
    if not rules.has_perm(spec.permission, request.user):
        return render(request, "core/forbidden.html", {"message": f"您没有导出“{spec.label}”的权限"}, status=403)
    return _xlsx(export_workbook(spec, request.user), f"{kind}.xlsx")
