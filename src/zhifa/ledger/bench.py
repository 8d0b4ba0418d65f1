"""``zhifa bench ledger``: append throughput (full transaction per event) and verify throughput."""

from __future__ import annotations

import time
from typing import IO, Any

from django import urls
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


# --- zhifa bench evidence [--size-mb N]: streaming uploads keep memory flat -----------------------------------

_MiB = 1024 * 1024
_BOUNDARY = "zhifa-bench-boundary"


class _PeakRss:
    """Samples the process's resident set size (``/proc/self/status`` VmRSS) every 20 ms in a thread."""

    def __init__(self) -> None:
        import threading

        self.start = self.peak = self._rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss() -> int:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0  # pragma: no cover - Linux only

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> _PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())


def _generate(path: str, size_mb: int) -> None:
    """An MP4-looking file of ``size_mb`` MiB written chunk by chunk (never held in memory)."""
    import hashlib

    block = bytearray(hashlib.shake_256(b"zhifa evidence bench").digest(_MiB))
    block[:16] = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00"
    with open(path, "wb") as handle:
        for n in range(size_mb):
            if n:
                block[:8] = n.to_bytes(8, "big")
            handle.write(block)


class _MultipartBody:
    """A multipart/form-data body streamed from a file: what a browser or body-camera dock sends."""

    def __init__(self, path: str, fields: dict[str, str]) -> None:
        import os

        parts = "".join(
            f'--{_BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            for name, value in fields.items()
        )
        self.head = (
            parts + f'--{_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="执法记录仪.mp4"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        self.tail = f"\r\n--{_BOUNDARY}--\r\n".encode()
        self.length = len(self.head) + os.path.getsize(path) + len(self.tail)
        self._file: IO[bytes] | None = open(path, "rb")  # noqa: SIM115 - closed by read() at the end of the body
        self._pending = self.head

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            raise ValueError("the body is streamed: read it in chunks")
        if not self._pending and self._file is not None:
            self._pending = self._file.read(size)
            if not self._pending:
                self._file.close()
                self._file = None
                self._pending = self.tail
        out, self._pending = self._pending[:size], self._pending[size:]
        return out

    def readline(self, size: int = -1) -> bytes:
        chunk = self.read(size if size > 0 else 65536)
        end = chunk.find(b"\n") + 1
        if 0 < end < len(chunk):
            chunk, self._pending = chunk[:end], chunk[end:] + self._pending
        return chunk


def _bench_actor() -> Any:
    from django.apps import apps
    from rest_framework.authtoken.models import Token

    # The ledger sits below org: it names org's models through the app registry, never by import.
    region_model, agency_model = apps.get_model("org", "Region"), apps.get_model("org", "Agency")
    user_model, grant_model = apps.get_model("org", "User"), apps.get_model("org", "RoleGrant")
    region = region_model.objects.create(code="430199", name="示范县", level="county")
    agency = agency_model.objects.create(
        name="示范县市场监督管理局",
        uscc="11430199MB0000000X",
        region=region,
        legal_representative="王局长",
        address="示范县政务中心",
        phone="0731-88880000",
    )
    user = user_model.objects.create(username="bench_handler", name="李承办", agency=agency)
    grant_model.objects.create(user=user, role="handler")
    Token.objects.create(user=user)
    return user


def _http_upload(path: str, token: str) -> tuple[int, str]:
    """POST /api/v1/evidence/ through the full WSGI stack (middleware, DRF, upload handlers, service)."""
    from django.core.handlers.wsgi import WSGIHandler

    body = _MultipartBody(path, {"step": "on_site_inspection", "device_id": "DSJ-BENCH"})
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/api/v1/evidence/",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": body,
        "CONTENT_TYPE": f"multipart/form-data; boundary={_BOUNDARY}",
        "CONTENT_LENGTH": str(body.length),
        "HTTP_AUTHORIZATION": f"Token {token}",
    }
    statuses: list[str] = []

    def start_response(status: str, headers: Any, exc_info: Any = None) -> Any:
        statuses.append(status)
        return lambda data: None

    response = WSGIHandler()(environ, start_response)
    content = b"".join(response)
    response.close()
    return int(statuses[0].split()[0]), content.decode()[:300]


class _Urls:
    """The evidence API mounted for the benchmark, whether or not the project's URLs include it yet."""

    urlpatterns = [urls.path("api/v1/", urls.include("zhifa.ledger.api.urls"))]


def _phase(label: str, size: int, run: Any) -> tuple[str, Any]:
    import tracemalloc

    tracemalloc.start()
    with _PeakRss() as rss:
        began = time.perf_counter()
        result = run()
        elapsed = time.perf_counter() - began
    _, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    line = (
        f"{label}: {size / _MiB:,.0f} MiB in {elapsed:.1f} s = {size / _MiB / elapsed:,.0f} MiB/s; "
        f"peak RSS {rss.peak / _MiB:,.1f} MiB (+{(rss.peak - rss.start) / _MiB:,.1f} MiB over the "
        f"{rss.start / _MiB:,.1f} MiB at start), Python allocations peak {python_peak / _MiB:,.1f} MiB"
    )
    return line, result


@benchmark("evidence")
def evidence_benchmark(options: dict[str, Any]) -> list[str]:
    import os
    import shutil
    import tempfile

    from django.test import override_settings

    from zhifa.ledger.evidence import store_evidence, verify_evidence

    size_mb = int(options.get("size_mb") or 2048)
    workdir = tempfile.mkdtemp(prefix="zhifa-evidence-bench-")
    storage = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": workdir + "/media"}}
    source = os.path.join(workdir, "source.mp4")
    lines = [f"evidence: {size_mb} MiB file generated in {workdir} (temporary files there too)"]
    try:
        _generate(source, size_mb)
        size = os.path.getsize(source)
        with override_settings(
            STORAGES={
                "default": storage,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
            FILE_UPLOAD_TEMP_DIR=workdir,
            ROOT_URLCONF=_Urls,
            DEBUG=False,
        ):
            user = _bench_actor()

            def direct() -> Any:
                with open(source, "rb") as handle:
                    return store_evidence(fileobj=handle, original_name="source.mp4", actor=user, agency=user.agency)

            line, evidence = _phase("store_evidence (stream → temp file → storage)", size, direct)
            lines.append(line)
            with open(source, "r+b") as handle:  # different bytes for the HTTP upload, so it is stored anew
                handle.seek(100)
                handle.write(b"HTTP-UPLOAD")
            line, (status, body) = _phase(
                "HTTP POST /api/v1/evidence/ (multipart → upload handler → store)",
                size,
                lambda: _http_upload(source, user.auth_token.key),
            )
            lines.append(line if status == 201 else f"HTTP upload failed: {status} {body}")
            line, (count, problems) = _phase("verify_evidence (re-hash)", 2 * size, verify_evidence)
            lines.append(line + f"; {count} files, {len(problems)} problems")
            lines.append(f"digest of the first file: {evidence.digest}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return lines
