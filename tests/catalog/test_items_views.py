"""Staff UI of the item list: scoped list with filters and live search; detail with basis and versions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.catalog.factories import EnforcementItemFactory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    assert client.get("/items/").status_code == 302


def test_list_is_scoped_and_searchable(client, handler, agency, other_agency):
    EnforcementItemFactory(agency=agency, in_force=True, name="对无证经营的行政处罚")
    EnforcementItemFactory(agency=agency, in_force=True, name="食品经营许可", kind="licensing")
    EnforcementItemFactory(agency=other_agency, in_force=True, name="对他局事项的行政处罚")
    client.force_login(handler)
    content = client.get("/items/", {"q": "无证"}, HTTP_HX_REQUEST="true").content.decode()
    assert "对无证经营的行政处罚" in content
    assert "食品经营许可" not in content
    assert "对他局事项的行政处罚" not in client.get("/items/").content.decode()
    assert "食品经营许可" in client.get("/items/", {"kind": "licensing"}).content.decode()


def test_detail_links_basis_to_the_law_page_and_shows_versions(client, handler, agency, penalty_article):
    item = EnforcementItemFactory(agency=agency, in_force=True, penalty_basis=[penalty_article])
    client.force_login(handler)
    content = client.get(f"/items/{item.pk}/").content.decode()
    assert (
        f'href="/laws/{penalty_article.version.law_id}/?version={penalty_article.version_id}#article-{penalty_article.pk}"'
        in content
    )
    assert "《行政处罚法》第五十一条" in content
    assert "第1版（当前查看）" in content


def test_detail_of_another_agency_is_404(client, handler, other_agency):
    item = EnforcementItemFactory(agency=other_agency, in_force=True)
    client.force_login(handler)
    assert client.get(f"/items/{item.pk}/").status_code == 404


def test_list_view_query_count_is_the_same_for_5_and_50_items(client, handler, agency):
    client.force_login(handler)
    for _ in range(5):
        EnforcementItemFactory(agency=agency, in_force=True)
    client.get("/items/")
    with CaptureQueriesContext(connection) as five:
        client.get("/items/")
    for _ in range(45):
        EnforcementItemFactory(agency=agency, in_force=True)
    with CaptureQueriesContext(connection) as fifty:
        response = client.get("/items/")
    assert response.context["page"].paginator.count == 50
    assert len(fifty) == len(five)
