"""Upload handling for evidence: always spool to a temporary file on disk, refuse oversize uploads early.

Django hands a multipart upload to its upload handlers chunk by chunk (64 KiB); this handler writes every
upload, small or large, to ``FILE_UPLOAD_TEMP_DIR`` so memory stays flat, and stops reading as soon as the
declared or received size passes ``EVIDENCE_MAX_BYTES``. ``store_evidence`` then hashes that file in place.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import HttpRequest

from zhifa.ledger.evidence import max_bytes, too_large

# Multipart framing and the small text fields around the file.
_ENVELOPE_BYTES = 1024 * 1024


class EvidenceUploadHandler(TemporaryFileUploadHandler):
    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.limit = max_bytes()

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: str | None = None
    ) -> None:
        if content_length and content_length > self.limit + _ENVELOPE_BYTES:
            raise too_large(self.limit)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > self.limit:
            self.upload_interrupted()
            raise too_large(self.limit)
        self.file.write(raw_data)
        return None


def spool_uploads_to_disk(request: HttpRequest) -> None:
    """Call before anything reads ``request.POST``/``FILES`` (so before CSRF checks of a Django view)."""
    request.upload_handlers = [EvidenceUploadHandler(request)]
