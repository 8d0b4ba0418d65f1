"""Laws API: any signed-in user reads; lookup returns the article or 400 with the Chinese message."""

from __future__ import annotations

from datetime import date

import pytest

from tests.laws.factories import ArticleFactory, LawFactory, LawVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory()


def test_anonymous_gets_401(api_client, article):
    assert api_client.get("/api/v1/laws/").status_code == 401
    assert api_client.get("/api/v1/articles/lookup/", {"citation": "《行政处罚法》第五十一条"}).status_code == 401


def test_any_signed_in_user_lists_laws_and_retrieves_versions(api_client, handler, article):
    api_client.force_authenticate(handler)
    listing = api_client.get("/api/v1/laws/", {"q": "处罚"})
    assert listing.status_code == 200
    assert [row["short_title"] for row in listing.json()["results"]] == ["行政处罚法"]
    detail = api_client.get(f"/api/v1/laws/{article.version.law_id}/").json()
    assert detail["versions"] == [
        {
            "id": article.version_id,
            "label": "2021年修订",
            "promulgated_on": "2021-01-22",
            "effective_on": "2021-07-15",
            "repealed_on": None,
        }
    ]


def test_articles_filter_by_law(api_client, handler, article):
    other = ArticleFactory(
        version=LawVersionFactory(law=LawFactory(title="中华人民共和国行政强制法", short_title="行政强制法")), number=25
    )
    api_client.force_authenticate(handler)
    rows = api_client.get("/api/v1/articles/", {"law": other.version.law_id}).json()["results"]
    assert [row["citation"] for row in rows] == ["《行政强制法》第二十五条"]


def test_lookup_returns_the_article(api_client, handler, article):
    api_client.force_authenticate(handler)
    response = api_client.get(
        "/api/v1/articles/lookup/", {"citation": "《中华人民共和国行政处罚法》第51条", "on": "2021-07-15"}
    )
    assert response.status_code == 200
    assert response.json()["citation"] == "《行政处罚法》第五十一条"
    assert response.json()["id"] == article.pk


@pytest.mark.parametrize(
    ("citation", "on", "message"),
    [
        ("《行政处罚法》第二百条", "2022-01-01", "《行政处罚法》没有第二百条"),
        ("《行政许可法》第一条", "2022-01-01", "未找到法律法规《行政许可法》"),
        ("《行政处罚法》第五十一条", "2021-07-14", "《行政处罚法》在2021年7月14日尚未施行（2021年7月15日起施行）"),
        (
            "行政处罚法51条",
            "2022-01-01",
            "法条引用“行政处罚法51条”应以书名号括起的法律法规名称开头，如《行政处罚法》第五十一条",
        ),
    ],
)
def test_lookup_errors_are_400_with_the_chinese_message(api_client, handler, article, citation, on, message):
    api_client.force_authenticate(handler)
    response = api_client.get("/api/v1/articles/lookup/", {"citation": citation, "on": on})
    assert response.status_code == 400
    assert response.json()["message"] == message


def test_list_query_count_does_not_grow_with_rows(api_client, handler, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    version = LawVersionFactory()
    for number in range(1, 6):
        ArticleFactory(version=version, number=number)
    api_client.force_authenticate(handler)
    with CaptureQueriesContext(connection) as five:
        assert api_client.get("/api/v1/articles/").status_code == 200
    for number in range(6, 51):
        ArticleFactory(version=version, number=number)
    with CaptureQueriesContext(connection) as fifty:
        assert len(api_client.get("/api/v1/articles/").json()["results"]) == 50
    assert len(fifty) == len(five)
    laws_five = [LawFactory(title=f"法规{i}", short_title=f"法规简称{i}") for i in range(5)]
    with CaptureQueriesContext(connection) as five_laws:
        api_client.get("/api/v1/laws/")
    for i in range(5, 50):
        LawFactory(title=f"法规{i}", short_title=f"法规简称{i}")
    with CaptureQueriesContext(connection) as fifty_laws:
        api_client.get("/api/v1/laws/")
    assert len(laws_five) == 5
    assert len(fifty_laws) == len(five_laws)


def test_day_defaults_to_today(api_client, handler, article):
    import time_machine

    api_client.force_authenticate(handler)
    with time_machine.travel(date(2021, 7, 14), tick=False):
        assert api_client.get("/api/v1/articles/lookup/", {"citation": "《行政处罚法》第五十一条"}).status_code == 400
