"""The portal (/gongshi/): anonymous, no login, no JavaScript, Chinese, accessible form labels, stable URLs;
decisions listed with filters (agency, kind, decision dates) and pagination, ordered by date only (R-DAT-005: no
ranking by amount); a decision page shows the snapshot only, never the live records; pages are cached."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.publicity.factories import PublicationFactory
from tests.publicity.support import publish
from zhifa.publicity.choices import PublicationKind

pytestmark = pytest.mark.django_db
LIST = "/gongshi/decisions/"


def _names(response) -> list[str]:
    return re.findall(r"当事人：(公示测试.+?有限公司)", response.content.decode())


@pytest.fixture
def rows(agency, other_agency):
    """Three decisions of the market regulator (1, 10 and 20 March) and a seizure of the transport bureau."""
    return {
        "early": PublicationFactory(agency=agency, published=True, decided_on=date(2026, 3, 1)),
        "middle": PublicationFactory(agency=agency, published=True, decided_on=date(2026, 3, 10)),
        "late": PublicationFactory(agency=agency, published=True, decided_on=date(2026, 3, 20)),
        "seizure": PublicationFactory(
            agency=other_agency, published=True, kind=PublicationKind.COERCIVE_MEASURE, decided_on=date(2026, 3, 5)
        ),
        "pending": PublicationFactory(agency=agency),
    }


def _party(publication) -> str:
    return publication.snapshot["party"]["name"]


def test_the_portal_urls_are_stable():
    assert (reverse("publicity:portal-home"), reverse("publicity:portal-decisions")) == ("/gongshi/", LIST)
    assert reverse("publicity:portal-decision", args=[7]) == "/gongshi/decisions/7/"


def test_pages_are_anonymous_chinese_and_need_no_javascript(rows):
    client = Client()
    for url in ("/gongshi/", LIST, f"/gongshi/decisions/{rows['early'].pk}/"):
        response = client.get(url)
        html = response.content.decode()
        assert (response.status_code, "<script" in html, '<html lang="zh-Hans">' in html) == (200, False, True)
        assert 'name="viewport"' in html and 'href="#content"' in html
    form = client.get(LIST).content.decode()
    for name in ("agency", "kind", "from", "to"):  # every filter has a label (accessibility)
        assert (f'<label for="f-{name}">' in form, f'id="f-{name}"' in form, f'name="{name}"' in form) == (True,) * 3


def test_the_list_shows_published_decisions_newest_first_never_by_amount(rows):
    """Same publication day: the latest published first; an ordering parameter is ignored (R-DAT-005)."""
    expected = [_party(rows[k]) for k in ("seizure", "late", "middle", "early")]
    assert _names(Client().get(LIST)) == expected
    assert _names(Client().get(LIST + "?ordering=-fine_amount&sort=amount")) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=coercive_measure", ["seizure"]),
        ("from=2026-03-05&to=2026-03-10", ["middle", "seizure"]),
        ("from=2026-03-10", ["late", "middle"]),
        ("from=not-a-date&kind=penalty_decision", ["early", "middle", "late"]),
    ],
)
def test_filters_by_kind_and_decision_dates(rows, query, expected):
    names = _names(Client().get(f"{LIST}?{query}"))
    assert sorted(names) == sorted(_party(rows[k]) for k in expected)


def test_filter_by_agency(rows, other_agency):
    response = Client().get(f"{LIST}?agency={other_agency.pk}")
    assert _names(response) == [_party(rows["seizure"])]
    assert f'<option value="{other_agency.pk}" selected>示范县交通运输局</option>' in response.content.decode()


def test_a_bad_date_is_named_and_ignored(rows):
    html = Client().get(f"{LIST}?from=2026-13-40").content.decode()
    assert "起始日期“2026-13-40”格式不正确，应为“2026-03-02”，已忽略" in html
    assert len(_names(Client().get(LIST))) == 4


def test_pagination_twenty_a_page_keeps_the_filters(agency):
    PublicationFactory.create_batch(21, agency=agency, published=True)
    first = Client().get(f"{LIST}?kind=penalty_decision").content.decode()
    assert "共 21 条，第 1/2 页" in first
    assert 'href="?kind=penalty_decision&amp;page=2"' in first
    second = Client().get(f"{LIST}?kind=penalty_decision&page=2")
    assert len(_names(second)) == 1


def test_the_detail_page_shows_the_snapshot_not_the_live_records(publication, handler, head):
    published = publish(publication, handler, head)
    case = published.penalty_case
    case.facts = "事后改写的案情"
    case.save(update_fields=["facts"])
    html = Client().get(f"/gongshi/decisions/{published.pk}/").content.decode()
    assert "生产经营超过保质期的食品" in html and "事后改写的案情" not in html
    assert "李承办" not in html and "周协办" not in html  # R-DAT-005: no officer is named or ranked


def test_unknown_pending_and_foreign_ids_are_404(rows):
    client = Client()
    for pk in (rows["pending"].pk, 999999):
        response = client.get(f"/gongshi/decisions/{pk}/")
        assert (response.status_code, "该公示信息不存在，或已依法撤下、公示期满。" in response.content.decode()) == (
            404,
            True,
        )


def test_pages_are_served_from_the_cache(rows):
    client = Client()
    client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(LIST)
    assert again.status_code == 200
    assert len(queries) == 1  # the version check only
