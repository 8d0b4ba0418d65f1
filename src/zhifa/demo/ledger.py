"""Demo evidence: small photos, a recording and a document from on-site inspections of demo parties.

The bytes are generated (a valid file header plus deterministic filler), so the demo needs no binary assets;
they are stored content-addressed and recorded in the ledger like any upload.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from zhifa.demo.context import DemoContext
from zhifa.ledger.evidence import store_evidence

JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
PDF_HEAD = b"%PDF-1.7\n"
WAV_HEAD = b"RIFF\x24\x08\x00\x00WAVEfmt "

# handler username, agency key, file name, header, step, device
FILES = [
    ("scjg_handler", "scjg", "现场检查照片-后厨.jpg", JPEG_HEAD, "on_site_inspection", "ZFJLY-SCJG-0031"),
    ("scjg_handler", "scjg", "现场检查照片-仓库.jpg", JPEG_HEAD, "on_site_inspection", "ZFJLY-SCJG-0031"),
    ("scjg_handler2", "scjg", "询问录音.wav", WAV_HEAD, "investigation", "ZFJLY-SCJG-0044"),
    ("scjg_handler2", "scjg", "营业执照复印件.pdf", PDF_HEAD, "investigation", ""),
    ("cgzf_handler", "cgzf", "占道经营现场照片.jpg", JPEG_HEAD, "on_site_inspection", "ZFJLY-CG-0107"),
    ("cgzf_handler", "cgzf", "责令改正通知书回执.pdf", PDF_HEAD, "on_site_inspection", ""),
    ("yjgl_handler", "yjgl", "危化品仓库检查照片.jpg", JPEG_HEAD, "on_site_inspection", "ZFJLY-YJ-0012"),
    ("yjgl_handler", "yjgl", "安全检查现场录音.wav", WAV_HEAD, "on_site_inspection", "ZFJLY-YJ-0012"),
]


def load(ctx: DemoContext) -> None:
    rng = ctx.rng("ledger")
    parties = sorted(ctx.extra.get("parties", {}).values(), key=lambda p: p.pk)[:40]
    start = datetime(2026, 10, 12, 1, 30, tzinfo=UTC)
    for index, (username, agency_key, name, head, step, device) in enumerate(FILES):
        body = head + bytes(rng.randrange(256) for _ in range(2048 + 512 * index))
        captured = start + timedelta(days=index * 3, minutes=rng.randrange(300))
        store_evidence(
            fileobj=io.BytesIO(body),
            original_name=name,
            actor=ctx.users[username],
            agency=ctx.agencies[agency_key],
            subject=parties[index * 5] if parties else None,
            step=step,
            device_id=device,
            latitude=Decimal("28.1") + Decimal(rng.randrange(1000)) / Decimal(10000),
            longitude=Decimal("113.6") + Decimal(rng.randrange(1000)) / Decimal(10000),
            captured_at=captured,
            capture_ended_at=captured + timedelta(minutes=12) if head is WAV_HEAD else None,
        )
