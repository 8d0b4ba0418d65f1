"""R-REC-006: an evidence file's row is never changed or deleted, enforced by the database."""

from __future__ import annotations

import io

import pytest
from django.db import DatabaseError, connection, transaction

from zhifa.ledger.evidence import store_evidence
from zhifa.ledger.models import EvidenceFile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def evidence(append_only, handler, agency):
    return store_evidence(
        fileobj=io.BytesIO(b"%PDF-1.7 record"), original_name="笔录.pdf", actor=handler, agency=agency
    )


def test_r_rec_006_orm_update_of_an_evidence_row_is_refused(evidence):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        EvidenceFile.objects.filter(pk=evidence.pk).update(digest="0" * 64)
    assert EvidenceFile.objects.get(pk=evidence.pk).digest == evidence.digest


def test_r_rec_006_raw_sql_update_and_delete_of_evidence_are_refused(evidence):
    for sql in ("UPDATE ledger_evidencefile SET original_name = 'x.pdf'", "DELETE FROM ledger_evidencefile"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert list(EvidenceFile.objects.values_list("original_name", flat=True)) == ["笔录.pdf"]


def test_r_rec_006_model_delete_is_refused(evidence):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        evidence.delete()
    assert EvidenceFile.objects.count() == 1
