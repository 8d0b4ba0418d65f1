"""R-REC-003/004: a step that must be on audio/video cannot complete without an A/V file attached to it."""

import io

import pytest

from zhifa.catalog.errors import AvRecordMissing
from zhifa.catalog.models import AvRequirement
from zhifa.catalog.services import require_av_record
from zhifa.ledger.evidence import store_evidence

pytestmark = pytest.mark.django_db

WAV = b"RIFF\x24\x08\x00\x00WAVEfmt " + b"\x00\x01" * 500
PDF = b"%PDF-1.7\n" + b"\x42" * 500


@pytest.fixture(autouse=True)
def _memory_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def test_r_rec_003_seizure_without_av_is_refused_and_passes_once_recorded(handler, agency, other_agency):
    subject = other_agency  # stands in for the coercive measure the cases issue will attach evidence to
    with pytest.raises(AvRecordMissing) as excinfo:
        require_av_record(step="coercive_measure", subject=subject, agency=agency)
    assert excinfo.value.message == "“查封扣押”须有全程音像记录，请先上传录音录像再完成此环节（R-REC-003）"
    assert excinfo.value.status == 409
    store_evidence(
        fileobj=io.BytesIO(PDF),
        original_name="清单.pdf",
        actor=handler,
        agency=agency,
        subject=subject,
        step="coercive_measure",
    )
    with pytest.raises(AvRecordMissing):
        require_av_record(step="coercive_measure", subject=subject, agency=agency)  # a document is not A/V
    store_evidence(
        fileobj=io.BytesIO(WAV),
        original_name="现场.wav",
        actor=handler,
        agency=agency,
        subject=subject,
        step="coercive_measure",
    )
    require_av_record(step="coercive_measure", subject=subject, agency=agency)


def test_r_rec_004_listed_step_is_checked_unlisted_is_not(agency, other_agency):
    AvRequirement.objects.filter(step="hearing").delete()
    require_av_record(step="hearing", subject=other_agency, agency=agency)
    AvRequirement.objects.create(agency=agency, step="hearing", is_mandatory=True, rule_id="R-REC-004")
    with pytest.raises(AvRecordMissing) as excinfo:
        require_av_record(step="hearing", subject=other_agency, agency=agency)
    assert excinfo.value.message.endswith("（R-REC-004）")
