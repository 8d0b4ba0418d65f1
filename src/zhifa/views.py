"""The staff UI's home page: what the signed-in user can reach, with counts from their data scope."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zhifa import navigation


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"tiles": navigation.home_tiles(request.user)})
