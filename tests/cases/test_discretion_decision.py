"""决定 with 裁量 (R-DIS-004..006, R-DIS-013): the version in force on the decision day is applied and recorded; a
deviation needs a reason and an approved collective discussion (the review app's check; none registered → refused);
a no-penalty decision under a 免罚清单 entry needs recorded education and a 责令改正."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from tests.cases.discretion_support import report, to_decision
from tests.discretion.factories import published_benchmark, published_list, revised_benchmark
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.discretion_fixtures"]  # fines, discussion
DAY = date(2026, 3, 2)


@pytest.fixture
def benchmark(item):
    return published_benchmark(item)


def _decide(case, head, fine, **kwargs):
    return services.decide_case(
        actor=head,
        case=case,
        decision_kind="penalty",
        decided_on=kwargs.pop("decided_on", DAY),
        penalty_kinds=["warning", "fine"],
        fine_amount=Decimal(fine),
        **kwargs,
    )


def _awaiting(case):
    fresh = PenaltyCase.objects.get(pk=case.pk)
    assert (fresh.state, fresh.decided_on, fresh.applied_benchmark_id, fresh.applied_discretion) == (
        "awaiting_decision",
        None,
        None,
        [],
    )


def test_r_dis_006_decision_records_the_version_applied_and_how(filed_case, handler, head, lead, co, benchmark):
    report(filed_case, handler, lead, co, fine="10000", circumstances={"cooperative": True})
    case = _decide(to_decision(filed_case, handler, head), head, "10000")
    assert (case.applied_benchmark_id, case.applied_tier, case.benchmark_deviation) == (benchmark.pk, "lighter", False)
    assert case.applied_discretion[0] == "适用餐具饮具未洗净消毒裁量基准（第1版）（2026年1月1日起施行）"
    assert case.applied_discretion[-1] == "拟罚款10,000.00元在从轻阶次幅度（5,000.00元至15,000.00元）内"


def test_r_dis_005_deviation_without_an_approved_discussion_is_refused_at_decision(
    filed_case, handler, head, lead, co, benchmark
):
    """No discussion check registered (the review app not installed): a deviating decision cannot be made."""
    report(filed_case, handler, lead, co, fine="20000", circumstances={"cooperative": True}, deviation_reason="理由")
    case = to_decision(filed_case, handler, head)
    with pytest.raises(CaseError) as refused:
        _decide(case, head, "20000")
    assert refused.value.field == "benchmark_deviation"
    assert refused.value.message == (
        "处理决定偏离裁量基准（拟罚款20,000.00元不在从轻阶次幅度（5,000.00元至15,000.00元）内（R-DIS-005）），"
        "须经集体讨论通过后方可作出决定（R-DIS-005）"
    )
    _awaiting(case)


def test_r_dis_005_discussion_not_approved_refuses_approved_decides(
    filed_case, handler, head, lead, co, benchmark, discussion
):
    report(filed_case, handler, lead, co, fine="20000", circumstances={"cooperative": True}, deviation_reason="理由")
    case = to_decision(filed_case, handler, head)
    discussion["approved"] = False
    with pytest.raises(CaseError):
        _decide(case, head, "20000")
    _awaiting(case)
    discussion["approved"] = True
    case = _decide(case, head, "20000")
    assert (case.state, case.benchmark_deviation, case.applied_tier) == ("decided", True, "lighter")
    assert discussion["asked"] == [(case.pk, "benchmark_deviation"), (case.pk, "benchmark_deviation")]
    assert case.applied_discretion[-1] == "裁量理由：理由"


def test_r_dis_005_decision_outside_the_tier_without_a_reason_is_refused(
    filed_case, handler, head, lead, co, benchmark, discussion
):
    """The proposal fitted; the head's lower fine (after the defence, say) leaves the tier: a reason is needed."""
    report(filed_case, handler, lead, co, fine="20000", circumstances={})
    case = to_decision(filed_case, handler, head)
    with pytest.raises(CaseError) as refused:
        _decide(case, head, "14999.99")
    assert refused.value.message == (
        "拟罚款14,999.99元不在一般阶次幅度（15,000.00元至35,000.00元）内（R-DIS-005）。须书面说明裁量理由（R-DIS-005）"
    )
    _awaiting(case)
    decided = _decide(case, head, "14999.99", deviation_reason="当事人确有经济困难，经集体讨论同意")
    assert (decided.benchmark_deviation, decided.deviation_reason) == (True, "当事人确有经济困难，经集体讨论同意")


def test_r_pen_001_decision_below_the_statutory_minimum_is_refused_whatever_the_reason_or_discussion(
    filed_case, handler, head, lead, co, benchmark, discussion
):
    report(filed_case, handler, lead, co, fine="10000", circumstances={"cooperative": True})
    case = to_decision(filed_case, handler, head)
    with pytest.raises(CaseError) as refused:
        _decide(case, head, "4999.99", deviation_reason="经集体讨论同意")
    assert (refused.value.field, refused.value.message) == (
        "fine_amount",
        "拟罚款4,999.99元低于法定幅度（5,000.00元至50,000.00元）；低于法定最低罚款只能是有法定减轻情节的减轻处罚"
        "（R-DIS-007）",
    )
    _awaiting(case)


@pytest.mark.parametrize(
    ("decided_on", "version", "deviates"), [(date(2026, 3, 9), 1, False), (date(2026, 3, 10), 2, True)]
)
def test_r_dis_004_version_in_force_on_the_decision_day_is_used(
    filed_case, handler, head, lead, co, benchmark, decided_on, version, deviates
):
    """Version 2 (从轻 up to 12,000元) takes effect on 10 March: decided the day before → version 1; that day → 2."""
    revised_benchmark(benchmark, effective_on=date(2026, 3, 10), lighter_max="12000")
    report(filed_case, handler, lead, co, fine="14000", circumstances={"cooperative": True})
    assert PenaltyCase.objects.get(pk=filed_case.pk).benchmark_id == benchmark.pk  # proposed on 2 March: version 1
    case = to_decision(filed_case, handler, head)
    with time_machine.travel("2026-03-12T02:00:00Z", tick=False):
        if deviates:
            with pytest.raises(CaseError) as refused:
                _decide(case, head, "14000", decided_on=decided_on)
            assert refused.value.message.startswith("拟罚款14,000.00元不在从轻阶次幅度（5,000.00元至12,000.00元）内")
            _awaiting(case)
            return
        case = _decide(case, head, "14000", decided_on=decided_on)
    assert (case.applied_benchmark.version, case.benchmark_deviation) == (version, False)


def test_r_dis_013_no_penalty_under_a_list_entry_needs_education_and_a_correction_order(
    filed_case, handler, head, lead, co, item, bureau
):
    entry = published_list(bureau, item)
    ticked = {"first_violation": True, "slight_harm": True, "corrected_in_time": True}
    report(filed_case, handler, lead, co, kinds=(), fine="0", circumstances=ticked, exemption_entry=entry)
    case = to_decision(filed_case, handler, head, route="no_penalty")

    def decide(**kwargs):
        return services.decide_case(actor=head, case=case, decision_kind="no_penalty", decided_on=DAY, **kwargs)

    with pytest.raises(CaseError) as uneducated:
        decide(correction_order="立即消毒")
    assert (
        uneducated.value.message
        == "依据免罚清单或不予处罚阶次不予行政处罚的，须先记录对当事人的教育等柔性执法措施（R-DIS-013）"
    )
    _awaiting(case)
    services.record_flexible_measure(actor=handler, case=case, kind="reminder", performed_on=DAY, content="当场提醒")
    with pytest.raises(CaseError) as uncorrected:
        decide()
    assert uncorrected.value.field == "correction_order"
    _awaiting(case)
    case = decide(correction_order="餐具使用前应当洗净、消毒")
    assert (case.decision_kind, case.applied_tier, case.correction_deadline) == (
        "no_penalty",
        "no_penalty",
        date(2026, 3, 5),
    )
    assert case.applied_discretion == [
        f"适用示范县轻微违法行为免罚清单（第一批）第{entry.sequence}项（首违不罚）：初次违法，危害后果轻微，并及时改正",
        "已采取柔性执法措施：提醒；责令改正：餐具使用前应当洗净、消毒",
    ]
    case = services.serve_decision(actor=handler, case=case, served_on=DAY)
    assert (case.state, case.closing_reason) == ("closed", "no_penalty")


def test_flexible_measure_only_by_a_handler_and_not_in_the_future(filed_case, handler, head):
    from zhifa.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.record_flexible_measure(actor=head, case=filed_case, kind="reminder", performed_on=DAY, content="提醒")
    with pytest.raises(CaseError) as future:
        services.record_flexible_measure(
            actor=handler, case=filed_case, kind="reminder", performed_on=date(2026, 3, 3), content="提醒"
        )
    assert future.value.message == "措施日期不能晚于今天"
    assert filed_case.flexible_measures.count() == 0


def test_decision_without_a_benchmark_for_the_item_records_none(notified_case, handler, head):
    services.waive_defense(actor=handler, case=notified_case, waived_on=DAY)
    case = services.submit_for_decision(actor=handler, case=notified_case, on=DAY)
    case = _decide(case, head, "10000")
    assert (case.applied_benchmark_id, case.applied_tier, case.applied_discretion) == (None, "", [])
