"""Registries of the market regulator for the 事前公示 tests: two certified officers and the listed item of
``tests/cases`` (``lead``, ``co``, ``item``), published by one refresh."""

from __future__ import annotations

from django.test import Client

from zhifa.publicity import services
from zhifa.publicity.choices import PublicationKind


def refresh(agency, actor=None):
    return services.refresh_before_publications(actor=actor, agency=agency)


def current(agency, kind=PublicationKind.OFFICER):
    return services.current_before_publications(agency.pk).filter(kind=kind).first()


def get(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode("utf-8")
