"""`zhifa tick` runs every app's scheduled jobs; it is idempotent."""

from datetime import date

import pytest
import time_machine
from django.core.management import call_command

from zhifa.core.scheduled import check_holiday_table
from zhifa.ledger.models import Checkpoint
from zhifa.ledger.services import record

pytestmark = pytest.mark.django_db


def test_tick_seals_the_ledger_once(capsys):
    record(event_type="test.recorded")
    call_command("tick")
    call_command("tick")
    out = capsys.readouterr().out
    assert "[ledger.checkpoint] 已生成检查点 #1" in out
    assert "[ledger.checkpoint] 无待办" in out
    assert Checkpoint.objects.count() == 1


def test_r_time_001_missing_next_year_is_warned_from_november():
    assert check_holiday_table(date(2026, 10, 31)) == []
    assert check_holiday_table(date(2026, 11, 1)) == [
        "警告：2027年法定节假日安排尚未录入，跨年的工作日期限将无法计算（R-TIME-001）。请在管理后台录入国务院公布的放假安排。"
    ]


def test_tick_reports_the_holiday_warning(capsys):
    with time_machine.travel("2026-11-24T02:00:00Z", tick=False):
        call_command("tick", "--only", "core")
    assert "[core.holiday_table] 警告：2027年法定节假日安排尚未录入" in capsys.readouterr().out
