"""Staff UI of the parties registry: list (masked, htmx search), detail (masked, reveal per field), access log."""

from __future__ import annotations

import rules
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from zhifa.core.errors import DomainError
from zhifa.core.listing import render_list, search
from zhifa.parties import services
from zhifa.parties.choices import CreditRating, PartyKind, PersonalField, RiskLevel
from zhifa.parties.models import Party

ACCESS_LOG_LIMIT = 50


@login_required
def party_list(request: HttpRequest) -> HttpResponse:
    parties = Party.objects.visible_to(request.user).select_related("region")
    filters = {name: request.GET.get(name, "") for name in ("kind", "risk_level", "credit_rating")}
    for name, value in filters.items():
        if value:
            parties = parties.filter(**{name: value})
    parties = search(parties, request, ["name", "uscc"])
    context = {
        **filters,
        "kinds": PartyKind.choices,
        "risk_levels": RiskLevel.choices,
        "credit_ratings": CreditRating.choices,
    }
    return render_list(request, "parties/party_list.html", "parties/_party_rows.html", parties, context)


@login_required
def party_detail(request: HttpRequest, pk: int) -> HttpResponse:
    party = get_object_or_404(Party.objects.visible_to(request.user).select_related("region"), pk=pk)
    can_reveal = rules.has_perm("parties.view_personal_data", request.user, party)
    personal_rows = [
        {
            "field": field,
            "label": PersonalField(field).label,
            "masked": party.masked(field),
            "has_value": bool(getattr(party, field)),
        }
        for field in party.personal_fields
    ]
    accesses = None
    if rules.has_perm("parties.view_access_log", request.user, party):
        accesses = party.personal_data_accesses.select_related("user")[:ACCESS_LOG_LIMIT]
    return render(
        request,
        "parties/party_detail.html",
        {"party": party, "personal_rows": personal_rows, "can_reveal": can_reveal, "accesses": accesses},
    )


@login_required
@require_POST
def party_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the full value of one personal field, shown inline; the view is recorded (R-PRV-006)."""
    party = get_object_or_404(Party.objects.visible_to(request.user).select_related("region"), pk=pk)
    field = request.POST.get("field", "")
    try:
        value = services.reveal_personal_data(
            party, field=field, user=request.user, purpose=request.POST.get("purpose", "")
        )
    except DomainError as exc:
        return render(request, "parties/_reveal_error.html", {"message": exc.message}, status=exc.status)
    return render(request, "parties/_revealed.html", {"value": value})
