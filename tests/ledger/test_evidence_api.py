"""REST API /api/v1/evidence/: streamed upload, metadata, download, case-data scope (R-REC-006, R-REC-007)."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.ledger.evidence import store_evidence
from zhifa.ledger.models import Event, EvidenceFile

pytestmark = pytest.mark.django_db


PDF = b"%PDF-1.7\n" + b"\x42" * 4000
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x07" * 2000


@pytest.fixture(autouse=True)
def _fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def evidence(handler, agency):
    return store_evidence(fileobj=io.BytesIO(JPEG), original_name="现场照片.jpg", actor=handler, agency=agency)


def _upload(client, user, data=PDF, name="笔录.pdf", content_type="application/pdf", **fields):
    client.force_authenticate(user)
    body = {"file": SimpleUploadedFile(name, data, content_type=content_type), **fields}
    return client.post("/api/v1/evidence/", body, format="multipart")


def test_anonymous_gets_401_and_nothing_is_stored(api_client, evidence):
    assert api_client.get("/api/v1/evidence/").status_code == 401
    assert api_client.get(f"/api/v1/evidence/{evidence.pk}/").status_code == 401
    assert api_client.get(f"/api/v1/evidence/{evidence.pk}/download/").status_code == 401
    response = api_client.post("/api/v1/evidence/", {"file": SimpleUploadedFile("a.pdf", PDF)}, format="multipart")
    assert response.status_code == 401
    assert (EvidenceFile.objects.count(), Event.objects.count()) == (1, 1)


def test_upload_streams_hashes_and_ignores_the_client_type(api_client, handler, agency):
    response = _upload(
        api_client,
        handler,
        content_type="image/jpeg",
        name="photo.jpg",
        step="on_site_inspection",
        device_id="DSJ-001",
        latitude="28.2",
        longitude="112.93",
        captured_at="2026-11-24T09:30:00+08:00",
        subject_type="org.agency",
        subject_id=str(agency.pk),
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    evidence = EvidenceFile.objects.get()
    assert body["id"] == evidence.pk
    assert body["digest"] == hashlib.new("sm3", PDF).hexdigest()
    assert (body["size"], body["mime_type"], body["media_kind"]) == (len(PDF), "application/pdf", "document")
    assert (body["original_name"], body["uploaded_by"], body["agency"]) == ("photo.jpg", handler.pk, agency.pk)
    assert (body["step"], body["device_id"], body["latitude"], body["longitude"]) == (
        "on_site_inspection",
        "DSJ-001",
        "28.200000",
        "112.930000",
    )
    assert body["captured_at"] == "2026-11-24T09:30:00+08:00"
    assert (body["subject_type"], body["subject_id"]) == ("org.agency", str(agency.pk))
    assert body["event_sequence"] == Event.objects.get(event_type="evidence.added").sequence


def test_upload_of_a_correction(api_client, handler, evidence):
    response = _upload(api_client, handler, supersedes=evidence.pk, supersede_reason="原照片拍摄对象有误")
    assert response.status_code == 201
    assert (response.json()["supersedes"], response.json()["supersede_reason"]) == (evidence.pk, "原照片拍摄对象有误")
    old = api_client.get(f"/api/v1/evidence/{evidence.pk}/").json()
    assert old["superseded_by"] == response.json()["id"]


def test_correcting_evidence_outside_scope_is_400_and_nothing_changes(api_client, other_agency_handler, evidence):
    response = _upload(api_client, other_agency_handler, supersedes=evidence.pk, supersede_reason="x")
    assert response.status_code == 400
    assert response.json()["field"] == "supersedes"
    assert (EvidenceFile.objects.count(), Event.objects.count()) == (1, 1)


def test_empty_file_is_refused_in_chinese_naming_file(api_client, handler):
    response = _upload(api_client, handler, data=b"")
    assert response.status_code == 400
    assert response.json() == {
        "code": "evidence_invalid",
        "field": "file",
        "message": "文件为空：请选择要上传的证据文件",
    }
    assert EvidenceFile.objects.count() == 0


def test_too_large_file_is_refused_while_uploading(api_client, handler, settings):
    settings.EVIDENCE_MAX_BYTES = 1000
    response = _upload(api_client, handler)
    assert response.status_code == 400
    assert response.json() == {
        "code": "evidence_invalid",
        "field": "file",
        "message": "文件过大：单个证据文件不得超过 1000 字节",
    }
    assert (EvidenceFile.objects.count(), Event.objects.count()) == (0, 0)


def test_user_without_agency_cannot_upload(api_client, system_admin):
    response = _upload(api_client, system_admin)
    assert response.status_code == 403
    assert response.json()["field"] == "agency"
    assert EvidenceFile.objects.count() == 0


def test_subject_outside_scope_is_refused(api_client, handler, neighbour_agency):
    response = _upload(api_client, handler, subject_type="org.agency", subject_id=str(neighbour_agency.pk))
    assert response.status_code == 400
    assert response.json()["field"] == "subject_id"
    assert EvidenceFile.objects.count() == 0


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("handler", 200),
        ("colleague", 200),
        ("supervisor", 200),
        ("city_supervisor", 200),
        ("other_agency_handler", 404),
        ("neighbour_handler", 404),
        ("other_region_supervisor", 404),
        ("system_admin", 404),
    ],
)
def test_metadata_and_download_follow_the_case_data_scope(api_client, request, evidence, persona, status):
    user = request.getfixturevalue(persona)
    api_client.force_authenticate(user)
    assert api_client.get(f"/api/v1/evidence/{evidence.pk}/").status_code == status
    response = api_client.get(f"/api/v1/evidence/{evidence.pk}/download/")
    assert response.status_code == status
    listed = api_client.get("/api/v1/evidence/").json()["results"]
    assert [row["id"] for row in listed] == ([evidence.pk] if status == 200 else [])
    if status == 404:
        assert Event.objects.filter(event_type="evidence.viewed").count() == 0


def test_download_streams_the_bytes_with_the_original_name(api_client, handler, evidence):
    api_client.force_authenticate(handler)
    response = api_client.get(f"/api/v1/evidence/{evidence.pk}/download/")
    assert response.status_code == 200
    assert response.streaming is True
    assert b"".join(response.streaming_content) == JPEG
    assert response["Content-Type"] == "image/jpeg"
    assert "attachment" in response["Content-Disposition"]
    assert "%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg" in response["Content-Disposition"]


def test_r_rec_007_download_by_someone_else_is_recorded_and_by_the_uploader_not(
    api_client, handler, supervisor, evidence
):
    api_client.force_authenticate(handler)
    api_client.get(f"/api/v1/evidence/{evidence.pk}/download/")
    assert Event.objects.filter(event_type="evidence.viewed").count() == 0
    api_client.force_authenticate(supervisor)
    api_client.get(f"/api/v1/evidence/{evidence.pk}/download/")
    viewed = Event.objects.get(event_type="evidence.viewed")
    assert (viewed.actor_id, viewed.agency_id, viewed.subject_type, viewed.subject_id) == (
        supervisor.pk,
        evidence.agency_id,
        "ledger.evidencefile",
        str(evidence.pk),
    )
    assert viewed.data == {"digest": evidence.digest, "original_name": "现场照片.jpg"}


def test_list_filters_by_subject_and_step(api_client, handler, agency):
    for n, step in enumerate(["on_site_inspection", "hearing"]):
        store_evidence(
            fileobj=io.BytesIO(PDF + bytes([n])),
            original_name=f"{step}.pdf",
            actor=handler,
            agency=agency,
            subject=agency,
            step=step,
        )
    api_client.force_authenticate(handler)
    url = f"/api/v1/evidence/?subject_type=org.agency&subject_id={agency.pk}&step=hearing"
    assert [row["original_name"] for row in api_client.get(url).json()["results"]] == ["hearing.pdf"]


def _list_queries(client, user):
    client.force_authenticate(user)
    client.get("/api/v1/evidence/")  # warm the user's per-object caches (agency, roles)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/evidence/").status_code == 200
    return len(queries)


def test_list_query_budget_is_the_same_for_5_and_50_rows(api_client, handler, colleague, agency):
    for n in range(5):
        store_evidence(fileobj=io.BytesIO(PDF + n.to_bytes(2)), original_name=f"{n}.pdf", actor=handler, agency=agency)
    five = _list_queries(api_client, handler)
    for n in range(5, 50):
        uploader = handler if n % 2 else colleague
        store_evidence(fileobj=io.BytesIO(PDF + n.to_bytes(2)), original_name=f"{n}.pdf", actor=uploader, agency=agency)
    assert _list_queries(api_client, handler) == five
