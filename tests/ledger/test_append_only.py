"""R-REC-006: the database itself refuses UPDATE and DELETE on the ledger (SQLite and PostgreSQL)."""

import pytest
from django.db import DatabaseError, connection, transaction

from zhifa.ledger.models import Event
from zhifa.ledger.services import create_checkpoint, record

pytestmark = pytest.mark.django_db


def test_r_rec_006_orm_update_is_refused(append_only):
    record(event_type="test.recorded", payload={"v": 1})
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Event.objects.filter(sequence=1).update(payload='{"v":2}')
    assert Event.objects.get(sequence=1).data == {"v": 1}


def test_r_rec_006_raw_sql_update_and_delete_are_refused(append_only):
    record(event_type="test.recorded", payload={"v": 1})
    for sql in ("UPDATE ledger_event SET event_type = 'x.y'", "DELETE FROM ledger_event"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert Event.objects.count() == 1


def test_r_rec_006_checkpoints_are_append_only_too(append_only):
    record(event_type="test.recorded")
    checkpoint = create_checkpoint()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        type(checkpoint).objects.filter(pk=checkpoint.pk).delete()
