"""Staff UI navigation, assembled from each app's ``nav.py`` (autodiscovered like admin.py).

An app's ``nav.py`` defines ``NAV_ITEMS: list[NavItem]``; ``count`` receives the user and returns how many
rows of that kind the user can see (through the app's ``visible_to``), shown on the home page.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from zhifa.core.nav import NavItem

APPS = [
    "org",
    "personnel",
    "laws",
    "catalog",
    "parties",
    "ledger",
    "cases",
    "documents",
    "discretion",
    "review",
    "publicity",
]


def _items() -> list[NavItem]:
    items: list[NavItem] = []
    for app in APPS:
        module_name = f"zhifa.{app}.nav"
        if find_spec(module_name) is not None:
            items.extend(import_module(module_name).NAV_ITEMS)
    return sorted(items, key=lambda item: item.order)


def home_tiles(user: Any) -> list[dict[str, Any]]:
    return [{"label": i.label, "url": reverse(i.url_name), "count": i.count(user)} for i in _items()]


def nav_items(request: HttpRequest) -> dict[str, Any]:
    """Context processor."""
    if not request.user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": [{"label": i.label, "url": reverse(i.url_name)} for i in _items()]}
