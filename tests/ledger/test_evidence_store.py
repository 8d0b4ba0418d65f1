"""store_evidence: streamed, content-addressed, sealed by an ``evidence.added`` event (R-REC-006)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from zhifa.core.errors import Conflict, PermissionDenied
from zhifa.ledger.evidence import EvidenceError, has_av_record, storage_name_for, store_evidence
from zhifa.ledger.models import Event, EvidenceFile, MediaKind
from zhifa.ledger.services import trail

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 5000
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00" + b"\x02" * 3000
# SM3 of JPEG above, computed independently with hashlib
JPEG_SM3 = __import__("hashlib").new("sm3", JPEG).hexdigest()


@pytest.fixture(autouse=True)
def _fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def _store(actor, agency, data=JPEG, **kwargs):
    kwargs.setdefault("original_name", "现场照片.jpg")
    return store_evidence(fileobj=io.BytesIO(data), actor=actor, agency=agency, **kwargs)


def _stored_bytes(name):
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def test_r_rec_006_file_is_stored_under_its_sm3_digest(handler, agency):
    evidence = _store(handler, agency, step="on_site_inspection", device_id="DSJ-001")
    assert evidence.digest == JPEG_SM3
    assert evidence.size == len(JPEG)
    assert evidence.mime_type == "image/jpeg"
    assert evidence.media_kind == MediaKind.PHOTO
    assert evidence.storage_name == f"evidence/{JPEG_SM3[:2]}/{JPEG_SM3[2:4]}/{JPEG_SM3}"
    assert _stored_bytes(evidence.storage_name) == JPEG
    assert (evidence.uploaded_by, evidence.agency, evidence.step, evidence.device_id) == (
        handler,
        agency,
        "on_site_inspection",
        "DSJ-001",
    )


def test_r_rec_006_the_added_event_seals_digest_size_type_name_place_and_device(handler, agency):
    captured = datetime(2026, 11, 24, 1, 2, 3, tzinfo=UTC)
    evidence = _store(
        handler,
        agency,
        data=MP4,
        original_name="C:\\DCIM\\执法记录仪\\0001.MP4",
        subject=agency,
        step="evidence_preservation",
        device_id="DSJ-007",
        latitude="28.123456",
        longitude=Decimal("112.9876543"),
        captured_at=captured,
        capture_ended_at=datetime(2026, 11, 24, 1, 12, 3, tzinfo=UTC),
    )
    event = Event.objects.get(sequence=evidence.event_id)
    assert (event.event_type, event.actor_id, event.agency_id) == ("evidence.added", handler.pk, agency.pk)
    assert (event.subject_type, event.subject_id) == ("org.agency", str(agency.pk))
    assert event.data == {
        "digest": evidence.digest,
        "size": len(MP4),
        "mime_type": "video/mp4",
        "media_kind": "video",
        "original_name": "0001.MP4",
        "storage_name": storage_name_for(evidence.digest),
        "step": "evidence_preservation",
        "device_id": "DSJ-007",
        "latitude": "28.123456",
        "longitude": "112.987654",
        "captured_at": "2026-11-24T01:02:03.000000Z",
        "capture_ended_at": "2026-11-24T01:12:03.000000Z",
        "supersedes": None,
        "supersedes_digest": None,
        "supersede_reason": "",
    }
    assert evidence.uploaded_at == event.recorded_at
    assert list(trail(agency).values_list("event_type", flat=True)) == ["evidence.added"]


def test_client_name_and_type_are_not_trusted(handler, agency):
    evidence = _store(handler, agency, data=b"%PDF-1.7\n" + b"x" * 100, original_name="photo.jpg")
    assert (evidence.original_name, evidence.mime_type, evidence.media_kind) == (
        "photo.jpg",
        "application/pdf",
        MediaKind.DOCUMENT,
    )


def test_same_bytes_are_stored_once_but_every_attachment_is_recorded(handler, colleague, agency, other_agency):
    first = _store(handler, agency, step="on_site_inspection")
    saved = []
    original_save = default_storage.save
    default_storage.save = lambda name, content, **kw: saved.append(name) or original_save(name, content, **kw)
    try:
        second = _store(colleague, agency, original_name="copy.jpg", step="investigation")
    finally:
        del default_storage.save
    assert saved == []
    assert first.storage_name == second.storage_name
    assert first.pk != second.pk
    assert EvidenceFile.objects.filter(digest=JPEG_SM3).count() == 2
    assert Event.objects.filter(event_type="evidence.added").count() == 2
    _, files = default_storage.listdir(f"evidence/{JPEG_SM3[:2]}/{JPEG_SM3[2:4]}")
    assert files == [JPEG_SM3]


def test_r_rec_006_a_correction_is_a_new_file_and_the_old_one_stays(handler, agency):
    old = _store(handler, agency, subject=agency, step="on_site_inspection")
    new = _store(handler, agency, data=MP4, original_name="完整录像.mp4", supersedes=old, supersede_reason="原照片模糊")
    assert new.pk != old.pk
    assert (new.supersedes, new.supersede_reason) == (old, "原照片模糊")
    assert (new.subject_type, new.subject_id, new.step) == ("org.agency", str(agency.pk), "on_site_inspection")
    event = Event.objects.get(sequence=new.event_id)
    assert (event.data["supersedes"], event.data["supersedes_digest"], event.data["supersede_reason"]) == (
        old.pk,
        old.digest,
        "原照片模糊",
    )
    assert _stored_bytes(old.storage_name) == JPEG
    assert EvidenceFile.objects.get(pk=old.pk).digest == JPEG_SM3
    assert list(trail(agency).values_list("event_type", flat=True)) == ["evidence.added", "evidence.added"]


def test_a_correction_needs_a_reason(handler, agency):
    old = _store(handler, agency)
    with pytest.raises(ValidationError) as error:
        _store(handler, agency, data=MP4, supersedes=old, supersede_reason="  ")
    assert error.value.message_dict == {"supersede_reason": ["更正证据须说明更正原因"]}
    assert EvidenceFile.objects.count() == 1


def test_an_already_corrected_file_cannot_be_corrected_again(handler, agency):
    old = _store(handler, agency)
    newer = _store(handler, agency, data=MP4, supersedes=old, supersede_reason="补充录像")
    events = Event.objects.count()
    with pytest.raises(Conflict) as error:
        _store(handler, agency, data=b"%PDF-1.4 x", supersedes=old, supersede_reason="再次更正")
    assert (error.value.field, error.value.message) == (
        "supersedes",
        f"该证据已被 #{newer.pk} 更正，请对最新版本进行更正",
    )
    assert (EvidenceFile.objects.count(), Event.objects.count()) == (2, events)


def test_only_the_own_agency_may_add_or_correct(handler, agency, other_agency, other_agency_handler, system_admin):
    with pytest.raises(PermissionDenied) as error:
        _store(handler, other_agency)
    assert (error.value.field, error.value.message) == ("agency", "只能以本人所属执法主体的名义上传证据")
    with pytest.raises(PermissionDenied):
        _store(system_admin, agency)
    old = _store(handler, agency)
    with pytest.raises(PermissionDenied) as error:
        _store(other_agency_handler, other_agency, data=MP4, supersedes=old, supersede_reason="x")
    assert error.value.field == "supersedes"
    assert EvidenceFile.objects.count() == 1


def test_empty_file_is_refused_naming_the_file_field(handler, agency):
    with pytest.raises(EvidenceError) as error:
        _store(handler, agency, data=b"")
    assert (error.value.field, error.value.message) == ("file", "文件为空：请选择要上传的证据文件")
    assert (EvidenceFile.objects.count(), Event.objects.count()) == (0, 0)


def test_file_over_the_limit_is_refused_and_one_at_the_limit_accepted(handler, agency, settings):
    settings.EVIDENCE_MAX_BYTES = len(JPEG)
    assert _store(handler, agency).size == len(JPEG)
    with pytest.raises(EvidenceError) as error:
        _store(handler, agency, data=JPEG + b"\x00")
    assert (error.value.field, error.value.message) == ("file", f"文件过大：单个证据文件不得超过 {len(JPEG)} 字节")
    settings.EVIDENCE_MAX_BYTES = 8 * 1024**3
    with pytest.raises(EvidenceError) as error:
        store_evidence(fileobj=_Declared(9 * 1024**3), original_name="big.mp4", actor=handler, agency=agency)
    assert error.value.message == "文件过大：单个证据文件不得超过 8 GiB"
    assert EvidenceFile.objects.count() == 1


class _Declared(io.BytesIO):
    """An upload whose declared size (as Django's UploadedFile has) is over the limit: refused before reading."""

    def __init__(self, size):
        super().__init__(b"")
        self.size = size

    def read(self, *args):
        raise AssertionError("must not be read")


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"latitude": "91", "longitude": "112"}, "latitude", "纬度应在 -90 至 90 之间"),
        ({"latitude": "28", "longitude": "-181"}, "longitude", "经度应在 -180 至 180 之间"),
        ({"latitude": "28"}, "latitude", "经纬度须同时填写或同时留空"),
        ({"latitude": "北纬28度", "longitude": "112"}, "latitude", "纬度格式不正确：应为十进制度数"),
        ({"step": "现场检查"}, "step", "执法环节应为标识符，如 on_site_inspection"),
        ({"captured_at": datetime(2026, 11, 24, 9, 0)}, "captured_at", "录制时间须为带时区的时间"),
        (
            {
                "captured_at": datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
                "capture_ended_at": datetime(2026, 11, 24, 8, 0, tzinfo=UTC),
            },
            "capture_ended_at",
            "录制结束时间不能早于开始时间",
        ),
    ],
)
def test_bad_metadata_is_refused_before_anything_is_stored(handler, agency, kwargs, field, message):
    with pytest.raises((EvidenceError, ValidationError)) as error:
        _store(handler, agency, **kwargs)
    found = error.value
    messages = {found.field: [found.message]} if isinstance(found, EvidenceError) else found.message_dict
    assert messages == {field: [message]}
    assert (EvidenceFile.objects.count(), Event.objects.count()) == (0, 0)
    assert default_storage.exists(storage_name_for(JPEG_SM3)) is False


def test_surveillance_may_be_claimed_for_video_but_kind_must_match_content(handler, agency):
    assert _store(handler, agency, data=MP4, media_kind="surveillance").media_kind == MediaKind.SURVEILLANCE
    with pytest.raises(EvidenceError) as error:
        _store(handler, agency, data=b"%PDF-1.4 x", media_kind="video")
    assert (error.value.field, error.value.message) == ("media_kind", "记录形式“录像”与文件内容（application/pdf）不符")


def test_r_rec_003_av_record_is_found_per_subject_and_step(handler, agency, other_agency):
    _store(handler, agency, data=MP4, subject=agency, step="seizure")
    _store(handler, agency, data=b"%PDF-1.4 x", subject=agency, step="hearing")
    assert has_av_record(subject=agency, step="seizure") is True
    assert has_av_record(subject=agency, step="hearing") is False
    assert has_av_record(subject=other_agency, step="seizure") is False


def test_the_event_rolls_back_with_the_row(handler, agency, monkeypatch):
    monkeypatch.setattr(EvidenceFile, "save", lambda self, **kw: (_ for _ in ()).throw(RuntimeError("disk")))
    with pytest.raises(RuntimeError):
        _store(handler, agency)
    assert Event.objects.count() == 0
