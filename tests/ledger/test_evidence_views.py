"""Staff UI for evidence: scoped list and detail, upload form, download recorded for others (R-REC-007)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.ledger.evidence import store_evidence
from zhifa.ledger.models import Event, EvidenceFile

pytestmark = pytest.mark.django_db


WAV = b"RIFF\x24\x08\x00\x00WAVEfmt " + b"\x00\x01" * 1000


@pytest.fixture(autouse=True)
def _fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def evidence(handler, agency):
    return store_evidence(
        fileobj=io.BytesIO(WAV), original_name="询问录音.wav", actor=handler, agency=agency, step="inquiry"
    )


def test_anonymous_is_sent_to_login(client, evidence):
    for url in ("/evidence/", f"/evidence/{evidence.pk}/", f"/evidence/{evidence.pk}/download/", "/evidence/upload/"):
        assert client.get(url).status_code == 302
    assert Event.objects.filter(event_type="evidence.viewed").count() == 0


def test_list_and_detail_are_scoped(client, handler, other_agency_handler, evidence):
    client.force_login(handler)
    page = client.get("/evidence/").content.decode()
    assert "询问录音.wav" in page
    assert "录音" in page
    assert client.get("/evidence/?q=inquiry").content.decode().count("询问录音.wav") == 1
    assert "没有符合条件的证据文件" in client.get("/evidence/?q=hearing").content.decode()
    detail = client.get(f"/evidence/{evidence.pk}/").content.decode()
    assert evidence.digest in detail
    assert "尚无他人调阅" in detail
    client.force_login(other_agency_handler)
    assert "没有符合条件的证据文件" in client.get("/evidence/").content.decode()
    assert client.get(f"/evidence/{evidence.pk}/").status_code == 404
    assert client.get(f"/evidence/{evidence.pk}/download/").status_code == 404


def test_supervisor_download_is_listed_on_the_detail_page(client, supervisor, evidence):
    client.force_login(supervisor)
    response = client.get(f"/evidence/{evidence.pk}/download/")
    assert b"".join(response.streaming_content) == WAV
    detail = client.get(f"/evidence/{evidence.pk}/").content.decode()
    assert "卫监督" in detail
    assert Event.objects.filter(event_type="evidence.viewed", actor=supervisor).count() == 1


def test_upload_form_stores_and_redirects(client, handler):
    client.force_login(handler)
    assert client.get("/evidence/upload/").status_code == 200
    file = SimpleUploadedFile("录像.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 500, content_type="text/plain")
    response = client.post("/evidence/upload/", {"file": file, "step": "on_site_inspection", "device_id": "DSJ-9"})
    evidence = EvidenceFile.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/evidence/{evidence.pk}/"
    assert (evidence.mime_type, evidence.media_kind, evidence.device_id) == ("video/mp4", "video", "DSJ-9")


def test_upload_form_shows_chinese_errors_on_the_field(client, handler):
    client.force_login(handler)
    response = client.post(
        "/evidence/upload/", {"file": SimpleUploadedFile("a.txt", b""), "latitude": "95", "longitude": "1"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors == {"latitude": ["纬度应在 -90 至 90 之间"]}
    response = client.post("/evidence/upload/", {"file": SimpleUploadedFile("a.txt", b"")})
    assert response.context["form"].errors == {"file": ["文件为空：请选择要上传的证据文件"]}
    assert EvidenceFile.objects.count() == 0


def test_upload_form_requires_the_csrf_token(handler):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(handler)
    response = client.post("/evidence/upload/", {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")})
    assert response.status_code == 403
    assert EvidenceFile.objects.count() == 0


def _list_queries(client):
    client.get("/evidence/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/evidence/").status_code == 200
    return len(queries)


def test_list_query_budget_is_the_same_for_5_and_50_rows(client, handler, colleague, agency):
    client.force_login(handler)
    for n in range(5):
        store_evidence(fileobj=io.BytesIO(WAV + n.to_bytes(2)), original_name=f"{n}.wav", actor=handler, agency=agency)
    five = _list_queries(client)
    for n in range(5, 50):
        uploader = handler if n % 2 else colleague
        store_evidence(fileobj=io.BytesIO(WAV + n.to_bytes(2)), original_name=f"{n}.wav", actor=uploader, agency=agency)
    assert _list_queries(client) == five
