"""Concurrent appends never share a sequence number or a prev_hash (PostgreSQL row lock on the chain head)."""

import threading

import pytest
from django.db import connection, connections

from zhifa.ledger.models import Event
from zhifa.ledger.services import record, verify_chain

THREADS = 8
EVENTS_PER_THREAD = 25


@pytest.mark.django_db(transaction=True)
def test_threads_appending_at_once_keep_the_chain_gapless_and_unique():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; the row-lock path is exercised on PostgreSQL")
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker(index):
        try:
            barrier.wait()
            for n in range(EVENTS_PER_THREAD):
                record(event_type="test.recorded", payload={"thread": index, "n": n})
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    total = THREADS * EVENTS_PER_THREAD
    sequences = list(Event.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, total + 1))
    prev_hashes = list(Event.objects.values_list("prev_hash", flat=True))
    assert len(set(prev_hashes)) == total
    assert verify_chain().ok
