"""R-REC-006: an evidence file's type comes from its content (magic bytes), never from the client."""

from __future__ import annotations

import pytest

from zhifa.ledger.evidence import media_kind_for
from zhifa.ledger.models import MediaKind
from zhifa.ledger.sniff import sniff_mime

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
        (b"GIF89a\x01\x00\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"II*\x00\x08\x00\x00\x00", "image/tiff"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "application/pdf"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", "video/mp4"),
        (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00", "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00", "video/quicktime"),
        (b"\x00\x00\x00\x1cftypM4A \x00\x00\x00\x00", "audio/mp4"),
        (b"\x00\x00\x00\x1cftyp3gp4\x00\x00\x00\x00", "video/3gpp"),
        (b"\x00\x00\x00\x1cftypheic\x00\x00\x00\x00", "image/heic"),
        (b"RIFF\x00\x10\x00\x00AVI LIST", "video/x-msvideo"),
        (b"RIFF\x24\x08\x00\x00WAVEfmt ", "audio/wav"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
        (b"\xff\xfb\x90\x64\x00\x00", "audio/mpeg"),
        (b"\xff\xf1\x50\x80\x02\x1f\xfc", "audio/aac"),
        (b"#!AMR\n\x3c\x48", "audio/amr"),
        (b"#!AMR-WB\n\x04", "audio/amr-wb"),
        (b"OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x01\x1evorbis", "audio/ogg"),
        (b"OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x80theora", "video/ogg"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", "video/webm"),
        (b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\x82\x88matroska", "video/x-matroska"),
        (b"FLV\x01\x05\x00\x00\x00\x09", "video/x-flv"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....word/document.xml", DOCX),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....xl/workbook.xml", XLSX),
        (b"PK\x03\x04\x14\x00\x00\x00photos/1.jpg", "application/zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "application/x-ole-storage"),
        ("现场检查笔录\n检查时间：2026年11月24日\n".encode(), "text/plain"),
        ("现场".encode()[:-1], "text/plain"),  # a multi-byte character cut at the end of the sniffed head
        (b"\x00\x01\x02\x03 body camera raw stream", "application/octet-stream"),
        (b"\xff\xd9 not a jpeg start", "application/octet-stream"),
        (b"", "application/octet-stream"),
    ],
)
def test_r_rec_006_type_is_sniffed_from_magic_bytes(head, mime):
    assert sniff_mime(head) == mime


def test_mpeg_transport_stream_needs_three_sync_bytes():
    packet = b"\x47" + b"\x00" * 187
    assert sniff_mime(packet * 3) == "video/mp2t"
    assert sniff_mime(packet * 2 + b"\x00" * 188) == "application/octet-stream"


@pytest.mark.parametrize(
    ("mime", "kind"),
    [
        ("image/jpeg", MediaKind.PHOTO),
        ("video/mp4", MediaKind.VIDEO),
        ("audio/amr", MediaKind.AUDIO),
        ("application/pdf", MediaKind.DOCUMENT),
        ("text/plain", MediaKind.DOCUMENT),
    ],
)
def test_media_kind_follows_the_sniffed_type(mime, kind):
    assert media_kind_for(mime) == kind
