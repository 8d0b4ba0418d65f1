"""Page cache of the portal (anonymous, identical for everyone). The key carries a version — the generation every
publication step bumps, and the publications' latest change and count — and today's date: a publication that is
withdrawn or expires changes the version, so no cached page ever shows it again (R-PRV-007)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse

from zhifa.core.calendar import today
from zhifa.publicity.config import publicity_config
from zhifa.publicity.models import Publication
from zhifa.publicity.portal_cache import portal_generation

View = Callable[..., HttpResponse]


def portal_version() -> str:
    row = Publication.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
    latest = row["latest"].isoformat() if row["latest"] else "-"
    return f"{portal_generation()}/{latest}/{row['count']}"


def _key(request: HttpRequest, version: str) -> str:
    raw = f"{version}|{today().isoformat()}|{request.get_full_path()}"
    return "gongshi:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def portal_page(*, seconds: Callable[[], int], versioned: bool = True) -> Callable[[View], View]:
    """Cache a portal page's 200 responses for ``seconds()``; ``versioned`` pages also expire with any change."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            key = _key(request, portal_version() if versioned else "-")
            cached = cache.get(key)
            if cached is not None:
                content, content_type = cached
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, (response.content, response["Content-Type"]), seconds())
            return response

        return wrapped

    return decorate


def page_seconds() -> int:
    return publicity_config().portal_cache_seconds


def certificate_seconds() -> int:
    return publicity_config().certificate_cache_seconds
