"""Query budgets (issue 13): the agency list page and endpoint make the same number of queries for 5 and 50 rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.org.factories import AgencyFactory, SectorFactory

pytestmark = pytest.mark.django_db


def _queries(callable_):
    callable_()  # warm-up: per-process caches (content types, the user's role cache) are not the list's cost
    with CaptureQueriesContext(connection) as ctx:
        response = callable_()
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _add_agencies(county, count):
    sector = SectorFactory()
    for _ in range(count):
        AgencyFactory(region=county).sectors.add(sector)


def test_agency_list_page_query_budget(client, supervisor, county):
    client.force_login(supervisor)
    _add_agencies(county, 4)
    five = _queries(lambda: client.get(reverse("org:agency-list")))
    _add_agencies(county, 45)
    fifty = _queries(lambda: client.get(reverse("org:agency-list")))
    assert five == fifty
    assert fifty <= 10


def test_agency_list_endpoint_query_budget(api_client, supervisor, county):
    api_client.force_authenticate(supervisor)
    _add_agencies(county, 4)
    five = _queries(lambda: api_client.get(reverse("agency-list")))
    _add_agencies(county, 45)
    fifty = _queries(lambda: api_client.get(reverse("agency-list")))
    assert five == fifty
    assert fifty <= 10
