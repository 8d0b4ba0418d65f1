"""File type from content (magic bytes), never from the client's name or Content-Type (R-REC-006).

Pure and I/O-free: ``sniff_mime(head)`` looks at the first few KiB of a file. Unknown binary content is
``application/octet-stream``; content that decodes as UTF-8 without control characters is ``text/plain``.
"""

from __future__ import annotations

import codecs

SNIFF_BYTES = 8192
OCTET_STREAM = "application/octet-stream"

_PREFIXES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"%PDF-", "application/pdf"),
    (b"#!AMR-WB\n", "audio/amr-wb"),
    (b"#!AMR\n", "audio/amr"),
    (b"ID3", "audio/mpeg"),
    (b"fLaC", "audio/flac"),
    (b"FLV\x01", "video/x-flv"),
    (b"\x00\x00\x01\xba", "video/mpeg"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),  # .doc/.xls/.ppt of old Office
    (b"{\\rtf", "application/rtf"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
)

_RIFF = {b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo", b"WEBP": "image/webp"}

# ISO base media (ftyp box at offset 4): the major brand says which.
_FTYP_BRANDS = {
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heif",
    b"avif": "image/avif",
}

_ZIP_KINDS = (
    (b"word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (b"xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (b"ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)

_TEXT_CONTROLS = frozenset(range(32)) - {9, 10, 12, 13}


def sniff_mime(head: bytes) -> str:
    """The MIME type of a file whose first bytes are ``head`` (give at least ``SNIFF_BYTES`` if available)."""
    for prefix, mime in _PREFIXES:
        if head.startswith(prefix):
            return mime
    return (
        _container(head)
        or _mpeg_audio(head)
        or _transport_stream(head)
        or ("text/plain" if _is_text(head) else OCTET_STREAM)
    )


def _container(head: bytes) -> str | None:
    if head[:4] == b"RIFF" and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand.startswith(b"3g"):
            return "video/3gpp"
        return _FTYP_BRANDS.get(brand, "video/mp4")
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: Matroska or its WebM profile (DocType in the header)
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head.startswith(b"OggS"):
        return "video/ogg" if b"theora" in head[:256] else "audio/ogg"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        for marker, mime in _ZIP_KINDS:
            if marker in head:
                return mime
        return "application/zip"
    return None


def _mpeg_audio(head: bytes) -> str | None:
    """An MPEG audio frame header (no ID3 tag): 11 sync bits, then version and layer; ADTS AAC has layer 00."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return None
    version, layer = (head[1] >> 3) & 0b11, (head[1] >> 1) & 0b11
    if layer == 0:
        return "audio/aac" if head[1] & 0xF6 == 0xF0 else None
    if version == 0b01 or (head[2] >> 4) == 0xF:  # reserved version, bad bitrate index
        return None
    return "audio/mpeg"


def _transport_stream(head: bytes) -> str | None:
    """MPEG-TS (some body cameras): a sync byte every 188 bytes."""
    if len(head) >= 3 * 188 and all(head[n * 188] == 0x47 for n in range(3)):
        return "video/mp2t"
    return None


def _is_text(head: bytes) -> bool:
    if not head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a cut multi-byte tail is fine
    except UnicodeDecodeError:
        return False
    return not _TEXT_CONTROLS.intersection(head)
