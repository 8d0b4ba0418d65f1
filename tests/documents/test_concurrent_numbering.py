"""R-DOC-002 under load: threads allocating at once get distinct, gapless numbers (PostgreSQL row lock)."""

import threading

import pytest
from django.db import connection, connections

from tests.org.factories import AgencyFactory, RegionFactory
from zhifa.documents.models import DocumentNumber
from zhifa.documents.services import allocate_number

THREADS = 8
NUMBERS_PER_THREAD = 10


@pytest.mark.django_db(transaction=True)
def test_r_doc_002_threads_allocating_at_once_get_gapless_unique_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; the row-lock path is exercised on PostgreSQL")
    agency = AgencyFactory(region=RegionFactory(code="430199", name="示范县"), short_name="示市监")
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker():
        try:
            barrier.wait()
            for _ in range(NUMBERS_PER_THREAD):
                allocate_number(agency=agency, kind="penalty_decision", year=2026)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    serials = list(DocumentNumber.objects.filter(agency=agency).order_by("serial").values_list("serial", flat=True))
    assert serials == list(range(1, THREADS * NUMBERS_PER_THREAD + 1))
