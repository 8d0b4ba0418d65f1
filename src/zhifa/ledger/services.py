"""Ledger services: ``record`` (the one way to write history), checkpoints, and verification.

Every service that changes state calls ``record(...)`` inside its own ``transaction.atomic()``: if the
change rolls back, so does its event, and the sequence number stays gapless. Appenders serialise on the
``ChainHead`` row (``select_for_update``; SQLite serialises writers itself), so two transactions never
take the same sequence number or the same ``prev_hash``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from zhifa.core.audit import model_snake
from zhifa.ledger import crypto
from zhifa.ledger.canonical import (
    GENESIS_HASH,
    IDENTIFIER,
    canonical_bytes,
    chain_hash,
    event_body,
    format_time,
    normalise_payload,
    payload_text,
    to_microseconds,
)
from zhifa.ledger.errors import LedgerError
from zhifa.ledger.models import ChainHead, Checkpoint, Event, SigningKey

EVENT_TYPE_MAX = 100


def subject_label(subject: models.Model) -> str:
    """``app_label.model`` — stable across installations, unlike content-type ids."""
    meta = subject._meta
    return f"{meta.app_label}.{meta.model_name}"


def _officer_id(actor: Any) -> int | None:
    if actor is None:
        return None
    try:
        officer = actor.officer
    except (AttributeError, ObjectDoesNotExist):
        return None
    return int(officer.pk) if officer is not None else None


def _lock_head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        try:
            with transaction.atomic():
                ChainHead.objects.create(pk=1, sequence=0, hash=GENESIS_HASH)
        except IntegrityError:
            pass  # another appender created it first; lock it below
        head = ChainHead.objects.select_for_update().get(pk=1)
    return head


_CLAIM = "UPDATE ledger_chainhead SET sequence = sequence + 1 WHERE id = 1 RETURNING sequence, hash"
_INSERT = (
    "INSERT INTO ledger_event (sequence, recorded_at_us, event_type, actor_id, officer_id, agency_id, subject_type, "
    "subject_id, payload, prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)
_SET_HEAD_HASH = "UPDATE ledger_chainhead SET hash = %s WHERE id = 1"
_APPEND_POSTGRES = "WITH appended AS (" + _INSERT + ") " + _SET_HEAD_HASH


def _claim_next_sequence() -> tuple[int, str]:
    """Lock the chain head, take the next sequence number and the previous hash, in one round trip.

    The row lock is held until the caller's transaction ends, so appenders are serialised and gapless.
    """
    with connection.cursor() as cursor:
        cursor.execute(_CLAIM)
        row = cursor.fetchone()
    if row is None:
        _lock_head()  # first event of the installation: create the head row, then claim again
        with connection.cursor() as cursor:
            cursor.execute(_CLAIM)
            row = cursor.fetchone()
    return int(row[0]), str(row[1])


def _store(values: list[Any], digest: str) -> None:
    """Insert the event and move the head's hash (one statement on PostgreSQL, its SQLite twin: two)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_APPEND_POSTGRES, [*values, digest])
        else:
            cursor.execute(_INSERT, values)
            cursor.execute(_SET_HEAD_HASH, [digest])


def record(
    *,
    event_type: str,
    actor: Any = None,
    agency: Any = None,
    subject: models.Model | None = None,
    payload: dict[str, Any] | None = None,
    officer_id: int | None = None,
) -> Event:
    """Append one event (R-REC-001). Call it inside the transaction of the change it records."""
    if not event_type or len(event_type) > EVENT_TYPE_MAX or "." not in event_type or not IDENTIFIER.match(event_type):
        raise LedgerError(
            f"事件类型“{event_type}”无效：应为 对象.动作 形式，如 certificate.suspended", field="event_type"
        )
    text = payload_text(normalise_payload(payload))
    actor_id = int(actor.pk) if actor is not None and getattr(actor, "pk", None) else None
    officer = officer_id if officer_id is not None else _officer_id(actor)
    agency_id = int(agency.pk) if agency is not None else None
    subject_type = subject_label(subject) if subject is not None else ""
    subject_id = str(subject.pk) if subject is not None else ""
    if not IDENTIFIER.match(subject_id):
        raise LedgerError(f"对象标识“{subject_id}”含有不允许的字符", field="subject")
    # No savepoint: the event belongs to the caller's transaction; if recording fails, the change fails.
    with transaction.atomic(savepoint=False):
        sequence, prev_hash = _claim_next_sequence()
        recorded_at_us = to_microseconds(timezone.now())
        fields: dict[str, Any] = {
            "sequence": sequence,
            "recorded_at_us": recorded_at_us,
            "event_type": event_type,
            "actor_id": actor_id,
            "officer_id": officer,
            "agency_id": agency_id,
            "subject_type": subject_type,
            "subject_id": subject_id,
            "payload": text,
        }
        digest = chain_hash(prev_hash, event_body(**fields))
        _store([*fields.values(), prev_hash, digest], digest)
    event = Event(**fields, prev_hash=prev_hash, hash=digest)
    event._state.adding = False
    event._state.db = connection.alias
    return event


def record_view(
    *, viewer: Any, subject: models.Model, agency: Any = None, handler_ids: Iterable[int] = ()
) -> Event | None:
    """调阅留痕 (R-REC-007): a read of a file by anyone other than its handlers is an event ``<model>.viewed``.

    ``handler_ids`` are the user ids whose reads are part of their own work and not recorded.
    """
    if viewer is None or not getattr(viewer, "is_authenticated", False) or viewer.pk in set(handler_ids):
        return None
    return record(
        event_type=f"{model_snake(subject)}.viewed",
        actor=viewer,
        agency=agency,
        subject=subject,
        payload={"viewer_agency_id": getattr(viewer, "agency_id", None)},
    )


def trail(subject: models.Model) -> models.QuerySet[Event]:
    """The ordered events of one subject (留痕, traceable)."""
    return Event.objects.filter(subject_type=subject_label(subject), subject_id=str(subject.pk)).select_related("actor")


# --- signing keys and checkpoints -------------------------------------------------------------------------


def installation_key() -> SigningKey:
    """The active installation key, created on first use."""
    key = SigningKey.objects.filter(purpose=SigningKey.Purpose.INSTALLATION, is_active=True).order_by("-id").first()
    if key is not None:
        return key
    pair = crypto.provider().generate()
    return SigningKey.objects.create(
        key_id=crypto.key_id_for(pair.public_key),
        purpose=SigningKey.Purpose.INSTALLATION,
        public_key=pair.public_key,
        encrypted_private_key=crypto.encrypt_private_key(pair.private_key),
    )


def checkpoint_bytes(*, sequence: int, hash_: str, created_at: datetime, key_id: str) -> bytes:
    return canonical_bytes(
        {"sequence": sequence, "hash": hash_, "created_at": format_time(created_at), "key_id": key_id}
    )


def create_checkpoint() -> Checkpoint | None:
    """Seal the chain head (检查点). Idempotent: nothing new since the last checkpoint → ``None``."""
    with transaction.atomic():
        head = _lock_head()
        if head.sequence == 0 or Checkpoint.objects.filter(sequence=head.sequence).exists():
            return None
        key = installation_key()
        created_at = timezone.now()
        data = checkpoint_bytes(sequence=head.sequence, hash_=head.hash, created_at=created_at, key_id=key.key_id)
        signature = crypto.provider().sign(crypto.decrypt_private_key(key.encrypted_private_key), key.public_key, data)
        return Checkpoint.objects.create(
            sequence=head.sequence, hash=head.hash, created_at=created_at, key=key, signature=signature
        )


# --- verification -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyProblem:
    sequence: int
    message: str


@dataclass(frozen=True)
class VerifyResult:
    events: int
    checkpoints: int
    last_sequence: int
    last_hash: str
    problem: VerifyProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


_SELECT = (
    "SELECT sequence, recorded_at_us, event_type, actor_id, officer_id, agency_id, subject_type, subject_id, "
    "payload, prev_hash, hash FROM ledger_event WHERE sequence > %s ORDER BY sequence LIMIT %s"
)


def _events_from(start: int, chunk: int) -> Iterator[tuple[Any, ...]]:
    """Stream events in sequence order, keyset-paginated: constant memory on any database."""
    last = start - 1
    while True:
        with connection.cursor() as cursor:
            cursor.execute(_SELECT, [last, chunk])
            rows = cursor.fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def verify_chain(*, start: int = 1, chunk: int = 20000, progress: Callable[[int], None] | None = None) -> VerifyResult:
    """Recompute every hash from ``start`` and check links, gaps, the head and every checkpoint signature."""
    expected_prev = GENESIS_HASH
    if start > 1:
        previous = Event.objects.filter(sequence=start - 1).values_list("hash", flat=True).first()
        if previous is None:
            return VerifyResult(0, 0, 0, "", VerifyProblem(start - 1, f"起始序号前一条记录（#{start - 1}）不存在"))
        expected_prev = previous
    expected_sequence = start
    count = 0
    last_hash = expected_prev
    for row in _events_from(start, chunk):
        (
            sequence,
            recorded_at_us,
            event_type,
            actor_id,
            officer_id,
            agency_id,
            subject_type,
            subject_id,
            payload,
            prev,
            digest,
        ) = row
        if sequence != expected_sequence:
            return VerifyResult(
                count,
                0,
                expected_sequence - 1,
                last_hash,
                VerifyProblem(expected_sequence, f"序号缺失：期望 #{expected_sequence}，实际为 #{sequence}"),
            )
        if prev != expected_prev:
            return VerifyResult(
                count, 0, sequence - 1, last_hash, VerifyProblem(sequence, "前一摘要不匹配：链条被重排或中间记录被替换")
            )
        body = event_body(
            sequence=sequence,
            recorded_at_us=recorded_at_us,
            event_type=event_type,
            actor_id=actor_id,
            officer_id=officer_id,
            agency_id=agency_id,
            subject_type=subject_type,
            subject_id=subject_id,
            payload=payload,
        )
        if chain_hash(prev, body) != digest:
            return VerifyResult(
                count, 0, sequence - 1, last_hash, VerifyProblem(sequence, "摘要不匹配：记录内容被修改")
            )
        expected_prev = last_hash = digest
        expected_sequence += 1
        count += 1
        if progress is not None and count % 100000 == 0:
            progress(sequence)
    last_sequence = expected_sequence - 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and (head.sequence, head.hash) != (last_sequence, last_hash) and start <= head.sequence:
        return VerifyResult(
            count,
            0,
            last_sequence,
            last_hash,
            VerifyProblem(
                last_sequence + 1, f"链头记录为 #{head.sequence}，但链上最后一条为 #{last_sequence}：末尾记录被删除"
            ),
        )
    problem = verify_checkpoints(last_sequence)
    checkpoints = Checkpoint.objects.count()
    return VerifyResult(count, checkpoints, last_sequence, last_hash, problem)


def verify_checkpoints(last_sequence: int) -> VerifyProblem | None:
    """Every checkpoint: signature valid, and the event at its sequence still has the sealed hash."""
    provider = crypto.provider()
    hashes_needed = Checkpoint.objects.values_list("sequence", flat=True)
    event_hashes = dict(Event.objects.filter(sequence__in=hashes_needed).values_list("sequence", "hash"))
    for checkpoint in Checkpoint.objects.select_related("key").order_by("sequence"):
        data = checkpoint_bytes(
            sequence=checkpoint.sequence,
            hash_=checkpoint.hash,
            created_at=checkpoint.created_at,
            key_id=checkpoint.key.key_id,
        )
        if not provider.verify(checkpoint.key.public_key, data, checkpoint.signature):
            return VerifyProblem(checkpoint.sequence, f"检查点 #{checkpoint.sequence} 签名无效：检查点被伪造或篡改")
        if checkpoint.sequence > last_sequence:
            return VerifyProblem(checkpoint.sequence, f"检查点 #{checkpoint.sequence} 封存的记录已不存在：记录被删除")
        if event_hashes.get(checkpoint.sequence) != checkpoint.hash:
            return VerifyProblem(checkpoint.sequence, f"检查点 #{checkpoint.sequence} 与链上摘要不一致：历史被改写")
    return None
