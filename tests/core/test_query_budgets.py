"""Query budgets (issue 13) for EVERY list endpoint and list page, found automatically.

On the demo county, each list is fetched with 2 rows per page and with 50 rows per page: the number of
queries must be the same (no N+1). New endpoints and pages join this test without anyone remembering to.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from zhifa.demo.loader import load_demo
from zhifa.navigation import _items as nav_items
from zhifa.org.models import User

EXTRA_PAGES = ["personnel:certificate-rates"]
# Lists the demo cannot fill yet, each with the reason and its own 5-vs-50 budget test.
NO_DEMO_ROWS_YET = {
    "hearing-list": "hearing-eligible penalties need an approved legal review (issue #6) before notice; "
    "tests/cases/test_hearing_api.py has the 5-vs-50 budget",
}


def _api_list_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _api_list_names(pattern.url_patterns, pattern.namespace or namespace)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name
            and pattern.name.endswith("-list")
            and not namespace
            and not pattern.pattern.regex.groupindex
        ):
            yield pattern.name


def _count(client, url):
    client.get(url)  # warm-up: per-process caches are not the list's cost
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), response


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """Loaded once for the module in a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_client(demo_loaded, db, client):
    client.force_login(User.objects.get(username="city_supervisor"))
    return client


def test_every_api_list_endpoint_has_a_constant_query_count(demo_client):
    names = sorted(set(_api_list_names(get_resolver().url_patterns)))
    assert {"agency-list", "officer-list", "party-list", "region-list", "certificate-list"} <= set(names), names
    failures = []
    for name in names:
        url = reverse(name)
        small, small_response = _count(demo_client, f"{url}?page_size=2")
        large, large_response = _count(demo_client, f"{url}?page_size=50")
        rows = (len(small_response.json()["results"]), len(large_response.json()["results"]))
        if rows[1] < 3 and name not in NO_DEMO_ROWS_YET:
            failures.append(f"{name}: only {rows[1]} rows in the demo; add demo data so the budget means something")
        elif small != large:
            failures.append(f"{name}: {small} queries for {rows[0]} rows, {large} for {rows[1]} rows")
    assert failures == []


def test_every_list_page_has_a_constant_query_count(demo_client):
    names = [item.url_name for item in nav_items()] + EXTRA_PAGES
    failures = []
    for name in names:
        url = reverse(name)
        small, _ = _count(demo_client, f"{url}?page_size=2")
        large, response = _count(demo_client, f"{url}?page_size=50")
        page = response.context.get("page") if response.context else None
        rows = len(page.object_list) if page is not None else len(response.context.get("figures", []))
        if rows < 3:
            failures.append(f"{name}: only {rows} rows on the page; the budget would mean nothing")
        elif small != large:
            failures.append(f"{name}: {small} queries with 2 rows a page, {large} with 50")
    assert failures == []
