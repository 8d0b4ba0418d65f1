"""Time limits of coercive measures: the 30-day term and its one extension (R-COE-007: 30th day allowed, 31st
refused), the 24-hour retro approval of an emergency measure (R-COE-003) and the expiry alert (R-COE-008)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.cases.coercion_support import add_item, attach_av, emergency
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import CoerciveMeasure
from zhifa.catalog.errors import AvRecordMissing
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.coercion_fixtures"]  # fixtures: approved_measure, started_measure …


# --- R-COE-007: extension on the last day of the term, not after it ----------------------------------------


def test_r_coe_007_extension_on_the_30th_day_is_allowed(started_measure, head):
    with time_machine.travel("2026-04-01T15:00:00Z", tick=False):  # 23:00 on 1 April in Beijing
        measure = services.extend_measure(actor=head, measure=started_measure, days=30, reason="案情复杂")
    assert (measure.state, measure.extended_on, measure.extended_deadline) == (
        "extended",
        date(2026, 4, 1),
        date(2026, 5, 1),
    )


def test_r_coe_007_extension_on_the_31st_day_is_refused(started_measure, head):
    with time_machine.travel("2026-04-01T16:01:00Z", tick=False), pytest.raises(CaseError) as excinfo:
        services.extend_measure(actor=head, measure=started_measure, days=30, reason="案情复杂")
    assert (excinfo.value.field, excinfo.value.message) == (
        "days",
        "强制措施期限已于2026年4月1日届满，不能再延长，应当依法解除（R-COE-007）",
    )
    assert CoerciveMeasure.objects.get(pk=started_measure.pk).state == "in_force"


def test_r_coe_008_release_as_expired_on_the_31st_day(started_measure, head):
    with time_machine.travel("2026-04-02T02:00:00Z", tick=False):
        measure = services.release_measure(
            actor=head, measure=started_measure, ground="expired", reason="期限届满，退还财物"
        )
    assert (measure.state, measure.release_ground, measure.released_on) == ("released", "expired", date(2026, 4, 2))


# --- R-COE-008 alert: due within 3 working days (or already past) -------------------------------------------


def test_r_coe_008_measures_expiring_within_three_working_days(started_measure, head):
    # The term ends Wednesday 1 April 2026.
    assert list(services.measures_expiring(date(2026, 3, 26))) == []  # Thu: 3 WD reach Tue 31 March
    assert list(services.measures_expiring(date(2026, 3, 27))) == [started_measure]  # Fri: 3 WD reach 1 April
    assert list(services.measures_expiring(date(2026, 4, 3))) == [started_measure]  # already past: still alerted
    services.extend_measure(actor=head, measure=started_measure, days=30, reason="案情复杂")
    assert list(services.measures_expiring(date(2026, 3, 27))) == []
    services.release_measure(actor=head, measure=started_measure, ground="unneeded", reason="不再需要")
    assert list(services.measures_expiring(date(2026, 5, 1))) == []


# --- R-COE-003: emergency measure, retro approval within 24 hours ------------------------------------------


@pytest.fixture
def emergency_measure(memory_storage, filed_case, handler, lead, co):
    """Taken on the spot on Monday 2 March 2026 at 10:00 Beijing time; inventory and A/V on file."""
    measure = emergency(filed_case, handler, [lead, co])
    add_item(measure, handler)
    attach_av(measure, handler)
    return measure


def test_r_coe_003_emergency_measure_awaits_retro_approval_and_its_term_runs(emergency_measure):
    measure = CoerciveMeasure.objects.get(pk=emergency_measure.pk)
    assert (measure.state, measure.emergency, measure.started_on, measure.decided_on, measure.term_deadline) == (
        "awaiting_retro_approval",
        True,
        date(2026, 3, 2),
        date(2026, 3, 2),
        date(2026, 4, 1),
    )
    assert measure.retro_approval_deadline.isoformat() == "2026-03-03T02:00:00+00:00"
    assert Event.objects.filter(subject_id=str(measure.pk), event_type="coercive_measure.emergency_taken").count() == 1


def test_r_coe_003_emergency_still_needs_two_officers(filed_case, handler, lead):
    with pytest.raises(CaseError) as excinfo:
        emergency(filed_case, handler, [lead])
    assert excinfo.value.message == "执法人员不得少于2人（R-PER-005）"
    assert CoerciveMeasure.objects.count() == 0


def test_r_coe_003_retro_approval_at_23_59_is_allowed(emergency_measure, head):
    with time_machine.travel("2026-03-03T01:59:00Z", tick=False):
        measure = services.retro_approve_measure(actor=head, measure=emergency_measure)
    assert (measure.state, measure.approved_by_id) == ("in_force", head.pk)


def test_r_coe_003_retro_approval_at_24_01_is_refused(emergency_measure, head):
    with time_machine.travel("2026-03-03T02:01:00Z", tick=False), pytest.raises(CaseError) as excinfo:
        services.retro_approve_measure(actor=head, measure=emergency_measure)
    assert (excinfo.value.field, excinfo.value.message) == (
        "retro_approval_deadline",
        "紧急实施的行政强制措施应在24小时内（2026年3月3日10:00前）报告负责人并补办批准手续，已超过时限，"
        "应当立即解除（R-COE-003）",
    )
    assert CoerciveMeasure.objects.get(pk=emergency_measure.pk).state == "awaiting_retro_approval"


def test_r_coe_003_only_the_head_gives_retro_approval(emergency_measure, handler):
    with pytest.raises(PermissionDenied) as excinfo:
        services.retro_approve_measure(actor=handler, measure=emergency_measure)
    assert excinfo.value.message == "只有本单位负责人可以补办批准行政强制措施（R-COE-003）"


def test_r_coe_006_retro_approval_needs_the_inventory(memory_storage, filed_case, handler, head, lead, co):
    measure = emergency(filed_case, handler, [lead, co])
    attach_av(measure, handler)
    with pytest.raises(CaseError) as excinfo:
        services.retro_approve_measure(actor=head, measure=measure)
    assert excinfo.value.message == "尚未填写清单，查封、扣押须当场交付决定书和清单（R-COE-006）"


def test_r_rec_003_retro_approval_needs_the_av_record(filed_case, handler, head, lead, co):
    measure = emergency(filed_case, handler, [lead, co])
    add_item(measure, handler)
    with pytest.raises(AvRecordMissing) as excinfo:
        services.retro_approve_measure(actor=head, measure=measure)
    assert excinfo.value.message == "“查封扣押”须有全程音像记录，请先上传录音录像再完成此环节（R-REC-003）"


def test_r_coe_003_head_disapproves_and_the_measure_is_released_at_once(emergency_measure, head):
    with pytest.raises(CaseError) as excinfo:
        services.disapprove_measure(actor=head, measure=emergency_measure, reason="")
    assert (excinfo.value.field, excinfo.value.message) == ("reason", "请填写不予批准的理由")
    with time_machine.travel("2026-03-03T02:01:00Z", tick=False):  # late: releasing is still possible
        measure = services.disapprove_measure(actor=head, measure=emergency_measure, reason="不符合紧急情形")
    assert (measure.state, measure.release_ground, measure.released_on, measure.release_reason) == (
        "released",
        "disapproved",
        date(2026, 3, 3),
        "不符合紧急情形",
    )
    assert Event.objects.filter(subject_id=str(measure.pk), event_type="coercive_measure.disapproved").count() == 1
