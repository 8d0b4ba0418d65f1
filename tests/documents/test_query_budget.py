"""Query budgets: the list page and the list endpoint cost the same for 5 and for 50 documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.documents.models import Delivery, Document

pytestmark = pytest.mark.django_db


def _clone(document, count, handler):
    """Copies of an issued document (rows only: the budget is about reading, not issuing)."""
    for _ in range(count):
        copy = Document.objects.create(
            kind=document.kind,
            agency=document.agency,
            title=document.title,
            state="issued",
            issued_on=document.issued_on,
            issued_by=handler,
            pdf_digest=document.pdf_digest,
            pdf_storage_name=document.pdf_storage_name,
        )
        Delivery.objects.create(
            document=copy,
            method="postal",
            result="failed",
            attempted_at=document.issued_at,
            recorded_by=handler,
            note="退回",
        )


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/documents/?page_size=50", "/api/v1/documents/?page_size=50"])
def test_list_query_count_is_constant(client, handler, issue, url):
    document = issue("penalty_decision")
    client.force_login(handler)
    _clone(document, 4, handler)
    small = _queries(client, url)
    _clone(document, 45, handler)
    assert Document.objects.count() == 50
    assert _queries(client, url) == small
