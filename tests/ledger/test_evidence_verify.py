"""``verify_evidence`` and ``zhifa ledger verify --evidence`` re-hash stored files (R-REC-006)."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from zhifa.ledger.db import drop_triggers
from zhifa.ledger.evidence import EvidenceProblem, store_evidence, verify_evidence

pytestmark = pytest.mark.django_db

PHOTO = b"\xff\xd8\xff\xe0" + b"\x10" * 3000
AUDIO = b"#!AMR\n" + b"\x3c" * 2000
VIDEO = b"\x00\x00\x00\x18ftypmp42" + b"\x20" * 4000


@pytest.fixture(autouse=True)
def _fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def files(handler, agency):
    return [
        store_evidence(fileobj=io.BytesIO(data), original_name=name, actor=handler, agency=agency)
        for data, name in ((PHOTO, "照片.jpg"), (AUDIO, "询问录音.amr"), (VIDEO, "现场.mp4"))
    ]


def _overwrite(name, data):
    default_storage.delete(name)
    default_storage.save(name, ContentFile(data))


def test_intact_files_verify(files):
    progress = []
    assert verify_evidence(progress=lambda n, size: progress.append((n, size))) == (3, [])
    assert progress == [(1, 3004), (2, 5010), (3, 9022)]


def test_an_altered_file_is_detected(files):
    altered = PHOTO[:-1] + b"\x11"
    _overwrite(files[0].storage_name, altered)
    count, problems = verify_evidence()
    assert count == 3
    assert len(problems) == 1
    assert (problems[0].evidence_id, problems[0].original_name) == (files[0].pk, "照片.jpg")
    assert problems[0].message.startswith("证据文件被修改：摘要不符（应为 ")


def test_a_truncated_file_is_detected(files):
    _overwrite(files[2].storage_name, VIDEO[:100])
    assert [p.evidence_id for p in verify_evidence()[1]] == [files[2].pk]


def test_a_missing_file_is_detected(files):
    default_storage.delete(files[1].storage_name)
    assert verify_evidence()[1] == [
        EvidenceProblem(files[1].pk, "询问录音.amr", f"证据文件缺失（{files[1].storage_name}）")
    ]


def test_a_row_rewritten_to_match_a_swapped_file_is_caught_by_its_event(files):
    """An insider swaps the file and rewrites the row's digest and size to match: the event still disagrees."""
    drop_triggers(connection)  # as someone with database access would (rolled back after the test)
    forged = hashlib.new("sm3", b"forged").hexdigest()
    _overwrite(files[0].storage_name, b"forged")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE ledger_evidencefile SET digest = %s, size = 6 WHERE id = %s", [forged, files[0].pk])
    problems = verify_evidence()[1]
    assert [p.evidence_id for p in problems] == [files[0].pk]
    assert problems[0].message == f"证据记录与全过程记录事件 #{files[0].event_id} 不符（digest、size）：记录被修改"


def test_shared_bytes_are_hashed_once_and_reported_for_each_attachment(files, colleague, agency):
    again = store_evidence(fileobj=io.BytesIO(PHOTO), original_name="副本.jpg", actor=colleague, agency=agency)
    _overwrite(files[0].storage_name, b"\xff\xd8\xff")
    assert [p.evidence_id for p in verify_evidence()[1]] == [files[0].pk, again.pk]


def test_command_exit_codes(files, capsys):
    call_command("ledger", "verify", "--evidence")
    assert "3 个证据文件摘要一致" in capsys.readouterr().out
    default_storage.delete(files[1].storage_name)
    with pytest.raises(SystemExit) as exit_:
        call_command("ledger", "verify", "--evidence")
    assert exit_.value.code == 1
    assert f"证据校验失败：证据 #{files[1].pk}「询问录音.amr」证据文件缺失" in capsys.readouterr().err


def test_without_the_flag_files_are_not_read(files, capsys):
    default_storage.delete(files[1].storage_name)
    call_command("ledger", "verify")
    assert "证据文件" not in capsys.readouterr().out
