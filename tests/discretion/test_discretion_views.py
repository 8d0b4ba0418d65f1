"""Staff pages: the benchmark registry (filters, htmx rows, detail with tiers and versions) and the 免罚清单."""

from __future__ import annotations

from datetime import date

import pytest

from tests.discretion.factories import published_benchmark, published_list, revised_benchmark

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    assert client.get("/discretion-benchmarks/").status_code == 302
    assert client.get("/no-penalty-entries/").status_code == 302


def test_benchmark_list_detail_and_versions(client, handler, item, article):
    first = published_benchmark(item, article=article)
    second = revised_benchmark(first, effective_on=date(2026, 4, 1), lighter_max="12000")
    client.force_login(handler)
    page = client.get("/discretion-benchmarks/", {"state": "in_force"})
    assert [b.pk for b in page.context["page"]] == [second.pk]
    rows = client.get("/discretion-benchmarks/", {"q": "餐具"}, HTTP_HX_REQUEST="true")
    assert [b.pk for b in rows.context["page"]] == [first.pk, second.pk]
    assert rows.templates[0].name == "discretion/_benchmark_rows.html"
    detail = client.get(f"/discretion-benchmarks/{second.pk}/").content.decode()
    assert "罚款5,000.00元至12,000.00元" in detail
    assert "第1版</a>" in detail and "第2版（当前查看）" in detail


def test_other_region_sees_no_benchmark(client, neighbour_handler, item, article):
    benchmark = published_benchmark(item, article=article)
    client.force_login(neighbour_handler)
    assert list(client.get("/discretion-benchmarks/").context["page"]) == []
    assert client.get(f"/discretion-benchmarks/{benchmark.pk}/").status_code == 404


def test_entry_list_shows_the_conditions_and_measures(client, handler, item, bureau):
    published_list(bureau, item)
    client.force_login(handler)
    response = client.get("/no-penalty-entries/", {"kind": "first_violation"})
    html = response.content.decode()
    assert len(response.context["page"]) == 1
    assert "初次违法，危害后果轻微，并及时改正；责令3日内改正" in html
    assert "提醒、指导" in html
