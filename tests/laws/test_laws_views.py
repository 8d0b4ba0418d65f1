"""Staff UI of the laws app: list with live search, detail with articles in order, citation lookup."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.laws.factories import ArticleFactory, LawFactory, LawVersionFactory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get("/laws/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_htmx_search_returns_only_the_rows(client, handler):
    LawFactory()
    LawFactory(title="中华人民共和国行政强制法", short_title="行政强制法")
    client.force_login(handler)
    response = client.get("/laws/", {"q": "强制"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert "中华人民共和国行政强制法" in content
    assert "中华人民共和国行政处罚法" not in content
    assert "<html" not in content


def test_detail_lists_articles_in_order(client, handler):
    version = LawVersionFactory()
    ArticleFactory(version=version, number=64, text="第六十四条条文")
    ArticleFactory(version=version, number=9, text="第九条条文")
    ArticleFactory(version=version, number=9, subparagraph=1, text="（一）警告、通报批评；")
    client.force_login(handler)
    content = client.get(f"/laws/{version.law_id}/").content.decode()
    assert content.index("第九条条文") < content.index("（一）警告、通报批评；") < content.index("第六十四条条文")
    assert "现行有效" in content


def test_lookup_box_shows_the_article_or_the_error(client, handler):
    ArticleFactory()
    client.force_login(handler)
    found = client.get(
        "/laws/lookup/", {"citation": "《行政处罚法》第51条", "on": "2022-01-01"}, HTTP_HX_REQUEST="true"
    )
    assert "《行政处罚法》第五十一条" in found.content.decode()
    missing = client.get("/laws/lookup/", {"citation": "《行政处罚法》第二百条", "on": "2022-01-01"})
    assert "《行政处罚法》没有第二百条" in missing.content.decode()


def test_list_view_query_count_is_the_same_for_5_and_50_laws(client, handler):
    client.force_login(handler)
    for i in range(5):
        LawVersionFactory(law=LawFactory(title=f"法规{i}", short_title=f"简称{i}"))
    client.get("/laws/")
    with CaptureQueriesContext(connection) as five:
        client.get("/laws/")
    for i in range(5, 50):
        LawVersionFactory(law=LawFactory(title=f"法规{i}", short_title=f"简称{i}"))
    with CaptureQueriesContext(connection) as fifty:
        response = client.get("/laws/")
    assert response.context["page"].paginator.count == 50
    assert len(fifty) == len(five)
