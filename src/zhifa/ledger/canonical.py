"""Canonical serialisation and SM3 digests of ledger events (R-REC-006).

Canonical JSON: keys sorted, UTF-8 (no ASCII escaping), no insignificant white space, **no floats**.
Money and other decimals are strings (GLOSSARY: "In JSON and the ledger, money is a string"); dates and
datetimes are ISO strings; anything else is refused so that the bytes hashed are the bytes verified later.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

GENESIS_HASH = "0" * 64
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class NotCanonical(TypeError):
    """A payload value that has no canonical form (floats, bytes, arbitrary objects)."""


def _normalise(value: Any, path: str = "payload") -> Any:
    if value is None or isinstance(value, bool | str):
        if isinstance(value, str) and "\x00" in value:
            raise NotCanonical(f"{path}: NUL characters are not allowed")
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise NotCanonical(f"{path}: floats are not allowed in the ledger; use a string or Decimal")
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise NotCanonical(f"{path}: naive datetimes are not allowed")
        return format_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise NotCanonical(f"{path}: keys must be strings")
            result[key] = _normalise(item, f"{path}.{key}")
        return result
    if isinstance(value, list | tuple):
        return [_normalise(item, f"{path}[{index}]") for index, item in enumerate(value)]
    raise NotCanonical(f"{path}: {type(value).__name__} has no canonical form")


def normalise_payload(payload: dict[str, Any] | None) -> dict[str, Any]:
    """The JSON-native form stored in the database (what is hashed is exactly what is stored)."""
    result = _normalise(payload or {})
    assert isinstance(result, dict)
    return result


def canonical_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def format_time(moment: datetime) -> str:
    """UTC, microsecond precision, fixed width: 2026-11-24T22:01:02.000123Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sm3_hex(data: bytes) -> str:
    return hashlib.new("sm3", data).hexdigest()


def chain_hash(prev_hash: str, body: bytes) -> str:
    """hash = SM3(prev_hash ‖ canonical bytes of everything else)."""
    return hashlib.new("sm3", prev_hash.encode("ascii") + body).hexdigest()


IDENTIFIER = re.compile(r"^[A-Za-z0-9_.:-]*$")


def to_microseconds(moment: datetime) -> int:
    """UTC microseconds since the Unix epoch: the ledger's canonical time."""
    delta = moment.astimezone(UTC) - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_microseconds(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


def payload_text(payload: dict[str, Any]) -> str:
    """The canonical JSON text of a normalised payload, as stored in ``Event.payload``."""
    return canonical_bytes(payload).decode("utf-8")


def event_body(
    *,
    sequence: int,
    recorded_at_us: int,
    event_type: str,
    actor_id: int | None,
    officer_id: int | None,
    agency_id: int | None,
    subject_type: str,
    subject_id: str,
    payload: str,
) -> bytes:
    """Canonical JSON (sorted keys, no spaces) of everything but the hashes.

    Built by formatting rather than ``json.dumps`` so that verification runs at hashing speed: every string
    field is an identifier (checked by ``IDENTIFIER`` at record time, so it needs no escaping) and ``payload``
    is already canonical JSON text.
    """
    return (
        f'{{"actor_id":{_number(actor_id)},"agency_id":{_number(agency_id)},"event_type":"{event_type}",'
        f'"officer_id":{_number(officer_id)},"payload":{payload},"recorded_at_us":{recorded_at_us},'
        f'"sequence":{sequence},"subject_id":"{subject_id}","subject_type":"{subject_type}"}}'
    ).encode()


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))
