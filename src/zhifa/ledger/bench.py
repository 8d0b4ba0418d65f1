"""``zhifa bench ledger``: append throughput (full transaction per event) and verify throughput."""

from __future__ import annotations

import time
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from zhifa.core.bench import benchmark
from zhifa.ledger.canonical import GENESIS_HASH, chain_hash, event_body, payload_text, to_microseconds
from zhifa.ledger.models import ChainHead, Event
from zhifa.ledger.services import record, verify_chain


def _payload(n: int) -> dict[str, Any]:
    return {"case_number": f"示市监立〔2026〕{n}号", "amount": "10873.00", "step": "filed", "n": n}


def _bulk_chain(count: int) -> float:
    """Write a valid chain of ``count`` events with bulk inserts; returns the pure SM3 chaining rate."""
    start = to_microseconds(timezone.now())
    previous = GENESIS_HASH
    batch: list[Event] = []
    hashing = 0.0
    with transaction.atomic():
        for n in range(1, count + 1):
            at = start + n
            payload = payload_text(_payload(n))
            began = time.perf_counter()
            body = event_body(
                sequence=n,
                recorded_at_us=at,
                event_type="bench.recorded",
                actor_id=None,
                officer_id=None,
                agency_id=None,
                subject_type="",
                subject_id="",
                payload=payload,
            )
            digest = chain_hash(previous, body)
            hashing += time.perf_counter() - began
            batch.append(
                Event(
                    sequence=n,
                    recorded_at_us=at,
                    event_type="bench.recorded",
                    payload=payload,
                    prev_hash=previous,
                    hash=digest,
                )
            )
            previous = digest
            if len(batch) == 5000:
                Event.objects.bulk_create(batch)
                batch = []
        Event.objects.bulk_create(batch)
        ChainHead.objects.update_or_create(pk=1, defaults={"sequence": count, "hash": previous})
    return count / hashing


def _clear() -> None:
    from zhifa.ledger.db import create_triggers, drop_triggers

    drop_triggers(connection)
    Event.objects.all().delete()
    ChainHead.objects.all().delete()
    create_triggers(connection)


@benchmark("ledger")
def ledger_benchmark(options: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    appends = options["events"]
    began = time.perf_counter()
    for n in range(appends):
        with transaction.atomic():
            record(event_type="bench.recorded", payload=_payload(n))
    elapsed = time.perf_counter() - began
    lines.append(f"append: {appends} events, one transaction each: {appends / elapsed:,.0f} events/s")
    _clear()
    count = options["verify_events"]
    chaining_rate = _bulk_chain(count)
    lines.append(f"raw canonical JSON + SM3 chaining in Python: {chaining_rate:,.0f} events/s")
    began = time.perf_counter()
    result = verify_chain()
    elapsed = time.perf_counter() - began
    assert result.ok, result.problem
    lines.append(f"verify: {result.events} events from the database: {result.events / elapsed:,.0f} events/s")
    _clear()
    return lines
