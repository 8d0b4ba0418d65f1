"""Evidence and audio/video files (证据, 音像记录): streamed, SM3-addressed, never replaced (R-REC-006).

``store_evidence`` streams an upload in 1 MiB chunks through SM3 into a temporary file (never the whole file
in memory), sniffs the type from the content (the client's Content-Type is never trusted), stores the bytes
once under ``evidence/ab/cd/<digest>`` through Django's default storage (local folder or S3), and in one
transaction appends the ``evidence.added`` ledger event and the ``EvidenceFile`` row that points at it.

Same bytes attached twice (to two cases, or by two agencies) are stored once but make two rows: who, when,
where, which device and which case step are facts of the attachment, and data scope follows the attaching
agency. ``verify_evidence`` re-hashes every stored file and checks each row against its ledger event.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import PureWindowsPath
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, models, transaction

from zhifa.core.errors import Conflict, PermissionDenied
from zhifa.ledger.canonical import from_microseconds
from zhifa.ledger.errors import LedgerError
from zhifa.ledger.models import EvidenceFile, MediaKind
from zhifa.ledger.services import record, subject_label
from zhifa.ledger.sniff import SNIFF_BYTES, sniff_mime

CHUNK_SIZE = 1024 * 1024
DEFAULT_MAX_BYTES = 8 * 1024**3
STEP = re.compile(r"^[a-z0-9_]*$")
AV_KINDS = (MediaKind.AUDIO, MediaKind.VIDEO, MediaKind.PHOTO, MediaKind.SURVEILLANCE)


class EvidenceError(LedgerError):
    code = "evidence_invalid"


# --- pure helpers -------------------------------------------------------------------------------------------


def storage_name_for(digest: str) -> str:
    """Content address: ``evidence/ab/cd/<digest>`` (two directory levels keep folders small)."""
    return f"evidence/{digest[:2]}/{digest[2:4]}/{digest}"


def media_kind_for(mime_type: str) -> MediaKind:
    major = mime_type.split("/", 1)[0]
    return {"image": MediaKind.PHOTO, "audio": MediaKind.AUDIO, "video": MediaKind.VIDEO}.get(major, MediaKind.DOCUMENT)


def max_bytes() -> int:
    """``EVIDENCE_MAX_BYTES`` (default 8 GiB), read at call time."""
    return int(getattr(settings, "EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def _human(size: int) -> str:
    for unit, scale in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size} 字节"


def clean_original_name(name: str) -> str:
    """The file's own name only (no client path), without control characters, at most 255 characters."""
    base = PureWindowsPath(name or "").name  # splits on both / and \
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[-255:] or "未命名文件"


# --- streaming ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spooled:
    """An upload streamed to local disk: where it is, what it is."""

    path: str
    digest: str
    size: int
    mime_type: str
    owned: bool  # a temporary file this module created (removed afterwards), not the caller's


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK_SIZE):
        yield chunk


def too_large(limit: int) -> EvidenceError:
    return EvidenceError(f"文件过大：单个证据文件不得超过 {_human(limit)}", field="file")


def _hash_stream(chunks: Iterator[bytes], limit: int, sink: IO[bytes] | None) -> tuple[str, int, bytes]:
    """SM3 digest, size and the first bytes of a stream, optionally copied to ``sink``; constant memory."""
    digest = hashlib.new("sm3")
    size = 0
    head = b""
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        if len(head) < SNIFF_BYTES:
            head += chunk[: SNIFF_BYTES - len(head)]
        digest.update(chunk)
        if sink is not None:
            sink.write(chunk)
    if size == 0:
        raise EvidenceError("文件为空：请选择要上传的证据文件", field="file")
    return digest.hexdigest(), size, head


def spool(fileobj: Any, *, limit: int) -> Spooled:
    """Stream ``fileobj`` once: digest, size and type. An upload Django already spooled to disk is hashed in
    place; anything else is copied to a temporary file on the way."""
    declared = getattr(fileobj, "size", None)
    if isinstance(declared, int) and declared > limit:
        raise too_large(limit)
    if hasattr(fileobj, "temporary_file_path"):
        path = fileobj.temporary_file_path()
        with open(path, "rb") as handle:
            digest, size, head = _hash_stream(_chunks(handle), limit, None)
        return Spooled(path, digest, size, sniff_mime(head), owned=False)
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    directory = getattr(settings, "FILE_UPLOAD_TEMP_DIR", None)
    with tempfile.NamedTemporaryFile(prefix="evidence-", dir=directory, delete=False) as sink:
        try:
            digest, size, head = _hash_stream(_chunks(fileobj), limit, sink)
        except BaseException:
            _remove(sink.name)
            raise
    return Spooled(sink.name, digest, size, sniff_mime(head), owned=True)


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


class _SpooledFile(File):
    """A local file offered to storage; ``temporary_file_path`` lets FileSystemStorage move it, not copy it."""

    def __init__(self, handle: IO[bytes], path: str) -> None:
        super().__init__(handle, name=os.path.basename(path))
        self._path = path

    def temporary_file_path(self) -> str:
        return self._path


def put_blob(spooled: Spooled) -> str:
    """Store the bytes under their content address, once. Returns the storage name."""
    name = storage_name_for(spooled.digest)
    if default_storage.exists(name):
        return name
    with open(spooled.path, "rb") as handle:
        saved = default_storage.save(name, _SpooledFile(handle, spooled.path))
    if saved != name:  # a concurrent upload of the same bytes stored them first: drop our duplicate copy
        default_storage.delete(saved)
    return name


# --- the service --------------------------------------------------------------------------------------------


def _decimal(value: Decimal | str | None, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except InvalidOperation as error:
        raise EvidenceError(
            f"{'纬度' if field == 'latitude' else '经度'}格式不正确：应为十进制度数", field=field
        ) from error
    if not number.is_finite():
        raise EvidenceError("经纬度格式不正确", field=field)
    return number


def _check_permission(actor: Any, agency: Any, supersedes: EvidenceFile | None) -> None:
    if not getattr(actor, "is_authenticated", False) or not agency or actor.agency_id != agency.pk:
        raise PermissionDenied("只能以本人所属执法主体的名义上传证据", field="agency")
    if supersedes is not None and supersedes.agency_id != agency.pk:
        raise PermissionDenied("只能更正本单位上传的证据", field="supersedes")


def _check_not_superseded(supersedes: EvidenceFile | None) -> None:
    if supersedes is None:
        return
    later = supersedes.corrections.values_list("pk", flat=True).first()
    if later is not None:
        raise Conflict(f"该证据已被 #{later} 更正，请对最新版本进行更正", field="supersedes")


def _subject_stub(label: str, pk: str) -> models.Model | None:
    """The superseded file's subject, as an unsaved instance carrying only its label and pk (for ``record``)."""
    if not label:
        return None
    instance: models.Model = apps.get_model(label)(pk=pk)
    return instance


def _media_kind(requested: str | None, mime_type: str) -> MediaKind:
    """Derived from the content; the one choice a caller adds is 视频监控 for a video or a still from one."""
    derived = media_kind_for(mime_type)
    if not requested or requested == derived:
        return derived
    if requested == MediaKind.SURVEILLANCE and derived in (MediaKind.VIDEO, MediaKind.PHOTO):
        return MediaKind.SURVEILLANCE
    label = dict(MediaKind.choices).get(requested, requested)
    raise EvidenceError(f"记录形式“{label}”与文件内容（{mime_type}）不符", field="media_kind")


def _draft(**fields: Any) -> EvidenceFile:
    """An unsaved row with the caller's metadata, validated (field-keyed Chinese errors) before any I/O."""
    if not STEP.match(fields["step"]) or len(fields["step"]) > 64:
        raise EvidenceError("执法环节应为标识符，如 on_site_inspection", field="step")
    if len(fields["device_id"]) > 64:
        raise EvidenceError("执法记录仪编号不得超过 64 个字符", field="device_id")
    for key in ("captured_at", "capture_ended_at"):
        moment = fields[key]
        if moment is not None and (not isinstance(moment, datetime) or moment.tzinfo is None):
            raise EvidenceError("录制时间须为带时区的时间", field=key)
    draft = EvidenceFile(**fields)
    draft.clean()
    return draft


def _payload(evidence: EvidenceFile) -> dict[str, Any]:
    supersedes = evidence.supersedes
    return {
        "digest": evidence.digest,
        "size": evidence.size,
        "mime_type": evidence.mime_type,
        "media_kind": evidence.media_kind,
        "original_name": evidence.original_name,
        "storage_name": evidence.storage_name,
        "step": evidence.step,
        "device_id": evidence.device_id,
        "latitude": evidence.latitude,
        "longitude": evidence.longitude,
        "captured_at": evidence.captured_at,
        "capture_ended_at": evidence.capture_ended_at,
        "supersedes": supersedes.pk if supersedes else None,
        "supersedes_digest": supersedes.digest if supersedes else None,
        "supersede_reason": evidence.supersede_reason,
    }


def store_evidence(
    *,
    fileobj: Any,
    original_name: str,
    actor: Any,
    agency: Any,
    subject: models.Model | None = None,
    step: str = "",
    device_id: str = "",
    latitude: Decimal | str | None = None,
    longitude: Decimal | str | None = None,
    captured_at: datetime | None = None,
    capture_ended_at: datetime | None = None,
    media_kind: str | None = None,
    supersedes: EvidenceFile | None = None,
    supersede_reason: str = "",
) -> EvidenceFile:
    """Store one evidence file and record ``evidence.added`` (R-REC-006). A correction passes ``supersedes``
    and a reason; the old file stays. The subject and step default to those of the superseded file."""
    _check_permission(actor, agency, supersedes)
    _check_not_superseded(supersedes)
    if subject is None and supersedes is not None:
        subject = _subject_stub(supersedes.subject_type, supersedes.subject_id)
        step = step or supersedes.step
    draft = _draft(
        original_name=clean_original_name(original_name),
        uploaded_by=actor,
        agency=agency,
        subject_type=subject_label(subject) if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        step=step.strip(),
        device_id=device_id.strip(),
        latitude=_decimal(latitude, "latitude"),
        longitude=_decimal(longitude, "longitude"),
        captured_at=captured_at,
        capture_ended_at=capture_ended_at,
        supersedes=supersedes,
        supersede_reason=supersede_reason.strip(),
    )
    spooled = spool(fileobj, limit=max_bytes())
    try:
        draft.media_kind = _media_kind(media_kind, spooled.mime_type)
        draft.digest, draft.size, draft.mime_type = spooled.digest, spooled.size, spooled.mime_type
        draft.storage_name = put_blob(spooled)
    finally:
        if spooled.owned:
            _remove(spooled.path)
    return _save(draft, subject)


def _save(draft: EvidenceFile, subject: models.Model | None) -> EvidenceFile:
    try:
        with transaction.atomic():
            event = record(
                event_type="evidence.added",
                actor=draft.uploaded_by,
                agency=draft.agency,
                subject=subject,
                payload=_payload(draft),
            )
            draft.event = event
            draft.uploaded_at = from_microseconds(event.recorded_at_us)
            draft.save(force_insert=True)
    except IntegrityError as error:
        if "supersedes" in str(error):  # ledger_evidencefile_unique_supersedes: a concurrent correction won
            raise Conflict("该证据刚刚已被他人更正，请对最新版本进行更正", field="supersedes") from error
        raise
    return draft


# --- reading ------------------------------------------------------------------------------------------------


def open_for_download(evidence: EvidenceFile, *, actor: Any) -> IO[bytes]:
    """Open the stored bytes; a read by anyone but the uploader is recorded first (调阅留痕, R-REC-007)."""
    handle: IO[bytes] = default_storage.open(evidence.storage_name, "rb")
    if actor.pk != evidence.uploaded_by_id:
        try:
            with transaction.atomic():
                record(
                    event_type="evidence.viewed",
                    actor=actor,
                    agency=evidence.agency,
                    subject=evidence,
                    payload={"digest": evidence.digest, "original_name": evidence.original_name},
                )
        except BaseException:
            handle.close()
            raise
    return handle


def resolve_subject(user: Any, subject_type: str, subject_id: str) -> models.Model | None:
    """The object an upload is attached to, looked up through its ``visible_to(user)`` (data scope)."""
    if not subject_type and not subject_id:
        return None
    try:
        model = apps.get_model(subject_type)
    except (LookupError, ValueError) as error:
        raise EvidenceError(f"对象类型“{subject_type}”不存在，应为 应用.模型 形式", field="subject_type") from error
    scoped = getattr(model._default_manager.all(), "visible_to", None)
    if scoped is None:
        raise EvidenceError(f"对象类型“{subject_type}”不能挂接证据", field="subject_type")
    try:
        found: models.Model | None = scoped(user).filter(pk=subject_id).first()
    except (ValueError, TypeError, ValidationError):
        found = None
    if found is None:
        raise EvidenceError(f"对象“{subject_type} {subject_id}”不存在或不在您的数据权限范围内", field="subject_id")
    return found


def has_av_record(*, subject: models.Model, step: str) -> bool:
    """Is an audio/video/photo record attached to this subject's step? (for the R-REC-003/004 checks)"""
    return EvidenceFile.objects.filter(
        subject_type=subject_label(subject), subject_id=str(subject.pk), step=step, media_kind__in=AV_KINDS
    ).exists()


# --- verification -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceProblem:
    evidence_id: int
    original_name: str
    message: str


_ROW_FIELDS = ("id", "digest", "size", "mime_type", "storage_name", "original_name", "event_id")
_SEALED = ("digest", "size", "mime_type", "storage_name", "original_name")


def _rows(batch: int) -> Iterator[dict[str, Any]]:
    """Every row with its event's payload, keyset-paginated by id: constant memory."""
    from zhifa.ledger.models import Event

    last = 0
    while True:
        rows = list(EvidenceFile.objects.filter(pk__gt=last).order_by("pk").values(*_ROW_FIELDS)[:batch])
        if not rows:
            return
        events = Event.objects.filter(sequence__in=[row["event_id"] for row in rows])
        sealed = {
            seq: (kind, payload) for seq, kind, payload in events.values_list("sequence", "event_type", "payload")
        }
        for row in rows:
            row["event"] = sealed.get(row["event_id"])
            yield row
        last = rows[-1]["id"]


def _check_row(row: dict[str, Any]) -> str | None:
    """The row against its ``evidence.added`` event (the chain check proves the event itself intact)."""
    if row["event"] is None or row["event"][0] != "evidence.added":
        return f"对应的全过程记录事件 #{row['event_id']} 缺失或类型不符"
    data = json.loads(row["event"][1])
    changed = [key for key in _SEALED if data.get(key) != row[key]]
    if changed:
        return f"证据记录与全过程记录事件 #{row['event_id']} 不符（{'、'.join(changed)}）：记录被修改"
    return None


def hash_stored(name: str) -> tuple[str, int] | None:
    """SM3 digest and size of a stored file, streamed; ``None`` when the file is missing."""
    if not default_storage.exists(name):  # remote storages may only fail on the first read otherwise
        return None
    try:
        handle = default_storage.open(name, "rb")
    except FileNotFoundError:
        return None
    digest = hashlib.new("sm3")
    size = 0
    with handle:
        for chunk in iter(lambda: handle.read(CHUNK_SIZE), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _check_file(row: dict[str, Any], seen: dict[str, tuple[str, int] | None]) -> str | None:
    name = row["storage_name"]
    if name not in seen:
        if len(seen) > 10000:
            seen.clear()
        seen[name] = hash_stored(name)
    actual = seen[name]
    if actual is None:
        return f"证据文件缺失（{name}）"
    if actual[0] != row["digest"]:
        return f"证据文件被修改：摘要不符（应为 {row['digest'][:16]}…，实为 {actual[0][:16]}…）"
    if actual[1] != row["size"]:
        return f"证据文件大小不符（应为 {row['size']} 字节，实为 {actual[1]} 字节）"
    return None


def verify_evidence(
    *, progress: Callable[[int, int], None] | None = None, batch: int = 500
) -> tuple[int, list[EvidenceProblem]]:
    """Re-hash every stored evidence file (R-REC-006). Returns (files checked, problems in id order).

    ``progress(files, bytes)`` is called after each file. A blob attached several times is hashed once.
    """
    problems: list[EvidenceProblem] = []
    seen: dict[str, tuple[str, int] | None] = {}
    count = 0
    total = 0
    for row in _rows(batch):
        message = _check_row(row) or _check_file(row, seen)
        if message is not None:
            problems.append(EvidenceProblem(row["id"], row["original_name"], message))
        count += 1
        total += row["size"]
        if progress is not None:
            progress(count, total)
    return count, problems
