"""Staff UI of the 强制执行决定前审核 (R-REV-002/004/006): the handler submits the enforcement proposal of a case in
execution. The review itself runs on the review page like any other (``reviews``). Thin: the form parses, ONE
service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zhifa.cases.services.major_decision import enforcement_review_reasons
from zhifa.cases.views.queries import visible_case
from zhifa.core.errors import DomainError
from zhifa.review import services
from zhifa.review.choices import SubmissionMaterial
from zhifa.review.views.enforcement_forms import EnforcementSubmitForm


def _page(request: HttpRequest, form: EnforcementSubmitForm, case: Any, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "case": case,
        "title": "强制执行决定送法制审核",
        "reasons": enforcement_review_reasons(case, demolition=False),
        "required": [SubmissionMaterial(m).label for m in services.required_enforcement_materials(case)],
    }
    return render(request, "review/submit_enforcement.html", context, status=status)


@login_required
def enforcement_review_new(request: HttpRequest) -> HttpResponse:
    """送法制审核 of the enforcement proposal of one case (``?case=<id>``), by its handler."""
    raw = request.GET.get("case", "") or request.POST.get("case", "")
    if not raw.isdigit():
        raise Http404("请从案件选择送审")
    case = visible_case(request.user, int(raw))
    if request.method != "POST":
        return _page(request, EnforcementSubmitForm(case=case, user=request.user), case)
    form = EnforcementSubmitForm(request.POST, case=case, user=request.user)
    status = 400
    if form.is_valid():
        try:
            review = services.submit_enforcement_review(actor=request.user, case=case, **dict(form.cleaned_data))
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, f"强制执行决定已送法制审核：{case.case_number}")
            return redirect("review:review-detail", review.pk)
    return _page(request, form, case, status)
