"""`zhifa ledger verify` passes on an intact chain and names the first broken record after real tampering."""

import pytest
from django.core.management import call_command
from django.db import connection

from zhifa.ledger.canonical import chain_hash, event_body
from zhifa.ledger.db import drop_triggers
from zhifa.ledger.models import Checkpoint, Event
from zhifa.ledger.services import create_checkpoint, record, verify_chain

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(agency):
    for n in range(1, 11):
        record(event_type="test.recorded", agency=agency, payload={"n": n, "amount": "100.00"})
    drop_triggers(connection)  # tampering as someone with database access would (rolled back after the test)


def _sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_intact_chain_verifies(chain):
    create_checkpoint()
    result = verify_chain()
    assert result.ok
    assert (result.events, result.checkpoints, result.last_sequence) == (10, 1, 10)


def test_changed_payload_is_detected_at_its_sequence(chain):
    _sql("UPDATE ledger_event SET payload = %s WHERE sequence = 4", ['{"amount":"1.00","n":4}'])
    result = verify_chain()
    assert result.problem.sequence == 4
    assert result.problem.message == "摘要不匹配：记录内容被修改"


def test_changed_actor_or_time_is_detected(chain, handler):
    Event.objects.filter(sequence=6).update(actor=handler)
    assert verify_chain().problem.sequence == 6


def test_deleted_middle_row_is_a_gap(chain):
    _sql("DELETE FROM ledger_event WHERE sequence = 5")
    result = verify_chain()
    assert result.problem.sequence == 5
    assert result.problem.message == "序号缺失：期望 #5，实际为 #6"


def test_deleted_last_row_is_detected_by_the_head(chain):
    _sql("DELETE FROM ledger_event WHERE sequence = 10")
    result = verify_chain()
    assert result.problem.sequence == 10
    assert "末尾记录被删除" in result.problem.message


def test_reordered_rows_are_detected(chain):
    rows = {e.sequence: e for e in Event.objects.filter(sequence__in=[3, 7])}
    _sql("UPDATE ledger_event SET payload = %s WHERE sequence = 3", [rows[7].payload])
    _sql("UPDATE ledger_event SET payload = %s WHERE sequence = 7", [rows[3].payload])
    assert verify_chain().problem.sequence == 3


def test_rewritten_history_with_recomputed_hashes_is_caught_by_the_checkpoint(chain):
    create_checkpoint()
    # An insider rewrites event 2 and recomputes every later hash so that the chain itself is consistent again.
    _sql("UPDATE ledger_event SET payload = %s WHERE sequence = 2", ['{"amount":"0.01","n":2}'])
    previous = Event.objects.get(sequence=1).hash
    for event in Event.objects.filter(sequence__gte=2).order_by("sequence"):
        body = event_body(
            sequence=event.sequence,
            recorded_at_us=event.recorded_at_us,
            event_type=event.event_type,
            actor_id=event.actor_id,
            officer_id=event.officer_id,
            agency_id=event.agency_id,
            subject_type=event.subject_type,
            subject_id=event.subject_id,
            payload=event.payload,
        )
        digest = chain_hash(previous, body)
        _sql(
            "UPDATE ledger_event SET prev_hash = %s, hash = %s WHERE sequence = %s", [previous, digest, event.sequence]
        )
        previous = digest
    _sql("UPDATE ledger_chainhead SET hash = %s", [previous])
    result = verify_chain()
    assert result.problem.sequence == 10
    assert result.problem.message == "检查点 #10 与链上摘要不一致：历史被改写"


def test_forged_checkpoint_signature_is_detected(chain):
    checkpoint = create_checkpoint()
    forged = ("1" if checkpoint.signature[0] != "1" else "2") + checkpoint.signature[1:]
    Checkpoint.objects.filter(pk=checkpoint.pk).update(signature=forged)
    result = verify_chain()
    assert result.problem.sequence == 10
    assert result.problem.message == "检查点 #10 签名无效：检查点被伪造或篡改"


def test_checkpoint_with_a_moved_hash_is_detected(chain):
    checkpoint = create_checkpoint()
    Checkpoint.objects.filter(pk=checkpoint.pk).update(hash="0" * 64)
    assert "签名无效" in verify_chain().problem.message


def test_verify_from_a_later_sequence(chain):
    result = verify_chain(start=6)
    assert result.ok
    assert result.events == 5


def test_command_exit_codes(chain, capsys):
    call_command("ledger", "verify")
    assert "完整：已校验 10 条记录（至 #10）" in capsys.readouterr().out
    _sql("DELETE FROM ledger_event WHERE sequence = 3")
    with pytest.raises(SystemExit) as excinfo:
        call_command("ledger", "verify")
    assert excinfo.value.code == 1
    assert "校验失败：#3 序号缺失" in capsys.readouterr().err


def test_checkpoint_command_is_idempotent(chain, capsys):
    call_command("ledger", "checkpoint")
    call_command("ledger", "checkpoint")
    out = capsys.readouterr().out
    assert "已生成检查点 #10" in out
    assert "链头无变化，未生成新的检查点。" in out
    assert Checkpoint.objects.count() == 1


def test_changed_time_is_detected(chain):
    _sql("UPDATE ledger_event SET recorded_at_us = recorded_at_us - 1000000 WHERE sequence = 8")
    assert verify_chain().problem.sequence == 8
