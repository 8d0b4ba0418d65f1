"""List pages cost the same number of queries whatever their length (STYLE §9): the portal's decision list and the
staff due list (the holiday table is read once for every row's working days left)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.publicity.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def _queries(client: Client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_portal_list_has_a_query_budget(agency):
    client = Client()
    PublicationFactory.create_batch(3, agency=agency, published=True)
    few = _queries(client, reverse("publicity:portal-decisions"))
    PublicationFactory.create_batch(17, agency=agency, published=True)
    assert _queries(client, reverse("publicity:portal-decisions")) == few


def test_the_due_list_has_a_query_budget(agency, head):
    client = Client()
    client.force_login(head)
    PublicationFactory.create_batch(2, agency=agency)
    few = _queries(client, reverse("publicity:publication-list"))
    PublicationFactory.create_batch(10, agency=agency, publication_deadline="2026-03-20")
    assert _queries(client, reverse("publicity:publication-list")) == few
