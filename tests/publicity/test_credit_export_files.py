"""The 双公示 export files (R-PUB-012): CSV in UTF-8 with a BOM and Excel, the standard's headers exactly, one row per
penalty decision on the portal — never a withdrawn, expired, exempted, pending or credit-repaired one (R-PUB-008/010,
R-PRV-007) — filtered by 处罚决定日期 (inclusive), text cells only (no formula, no float)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.parties.factories import PartyFactory
from tests.publicity.credit_support import csv_rows, published_penalty, xlsx_rows
from tests.publicity.test_credit_export_fields import R_PUB_012_HEADERS
from zhifa.publicity.choices import PublicationState

pytestmark = pytest.mark.django_db
URL = reverse("publicity:credit-export")


def _get(user, **query):
    client = Client()
    client.force_login(user)
    return client.get(URL, query)


def test_r_pub_012_csv_has_a_bom_and_the_headers_exactly(head, agency, county):
    published_penalty(agency, PartyFactory(region=county), fine="12345.67")
    response = _get(head, file_format="csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "no-store" and "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert tuple(rows[0]) == R_PUB_012_HEADERS
    assert len(rows) == 2 and rows[1][R_PUB_012_HEADERS.index("罚款金额(万元)")] == "1.234567"


def test_r_pub_012_excel_has_the_headers_exactly_and_text_cells(head, agency, county):
    published_penalty(agency, PartyFactory(region=county, name='=HYPERLINK("x")有限公司'), fine="12345.67")
    response = _get(head, file_format="xlsx")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    assert tuple(rows[0]) == R_PUB_012_HEADERS
    assert rows[1][0] == '=HYPERLINK("x")有限公司'  # kept as text, never a formula
    assert rows[1][R_PUB_012_HEADERS.index("罚款金额(万元)")] == "1.234567"  # text: exact digits, no float


def test_csv_a_formula_like_value_is_kept_as_text(head, agency, county):
    published_penalty(agency, PartyFactory(region=county, name="=1+1有限公司"))
    assert csv_rows(_get(head, file_format="csv"))[1][0] == "'=1+1有限公司"


@pytest.mark.parametrize(
    "state",
    [
        PublicationState.WITHDRAWN,
        PublicationState.EXPIRED,
        PublicationState.EXEMPTED,
        PublicationState.PENDING,
        PublicationState.AWAITING_APPROVAL,
        PublicationState.CREDIT_REPAIRED,
    ],
)
def test_r_pub_008_only_what_is_on_the_portal_is_exported(head, agency, county, state):
    shown = published_penalty(agency, PartyFactory(region=county, name="仍在公示有限公司"))
    published_penalty(agency, PartyFactory(region=county, name="不应导出有限公司"), published=False, state=state)
    rows = csv_rows(_get(head, file_format="csv"))
    assert [r[0] for r in rows[1:]] == ["仍在公示有限公司"]
    assert rows[1][R_PUB_012_HEADERS.index("行政处罚决定书文号")] == shown.document_number


def test_r_pub_010_past_its_period_not_exported_even_before_the_tick(head, agency, county):
    published_penalty(agency, PartyFactory(region=county, name="已期满有限公司"), expires_on=date(2026, 3, 1))
    published_penalty(agency, PartyFactory(region=county, name="今日期满有限公司"), expires_on=date(2026, 3, 2))
    assert [r[0] for r in csv_rows(_get(head, file_format="csv"))[1:]] == ["今日期满有限公司"]


def test_the_date_range_is_inclusive(head, agency, county):
    for day in (date(2026, 2, 27), date(2026, 3, 1), date(2026, 3, 2)):
        published_penalty(agency, PartyFactory(region=county, name=f"{day.day}日有限公司"), decided_on=day)
    rows = csv_rows(_get(head, file_format="csv", decided_from="2026-02-28", decided_to="2026-03-02"))
    assert [r[0] for r in rows[1:]] == ["1日有限公司", "2日有限公司"]


def test_the_page_shows_the_count_and_refuses_a_reversed_range(head, agency, county):
    published_penalty(agency, PartyFactory(region=county))
    page = _get(head)
    assert page.status_code == 200 and page.context["count"] == 1
    refused = _get(head, file_format="csv", decided_from="2026-03-02", decided_to="2026-03-01")
    assert refused.status_code == 400
    assert refused.context["errors"] == {"decided_to": "处罚决定日期的起始日期不能晚于截止日期"}
    bad = _get(head, decided_from="2026-13-01")
    assert bad.context["errors"] == {"decided_from": "起始日期格式不正确，应为“2026-03-02”"}
