"""中止/恢复/终止 of a case and 终结执行 (R-TIME-008, R-COE-017), 复议/诉讼 during execution (R-PEN-027/028), and
the execution alerts of ``zhifa tick`` (R-COE-016, R-COE-017)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.execution_support import (
    SERVED,
    counts,
    demand,
    events,
    fixture_executing_case,
    on,
    pay,
    payload,
    reload,
    suspend_execution,
)
from tests.cases.hearing_support import fixture_review_gate_open
from zhifa.cases import services
from zhifa.cases.choices import ClosingReason, PenaltyCaseState
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import CaseSuspension, CaseTermination, CoerciveMeasure
from zhifa.cases.scheduled import court_application_window, execution_suspended_three_years
from zhifa.cases.services import enforcement, execution, suspension
from zhifa.core.errors import PermissionDenied
from zhifa.core.scheduled import jobs

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case", "fixture_review_gate_open"]
S = PenaltyCaseState


def suspend(case, head, day=date(2026, 3, 2), **kwargs):
    values = {"ground": "testing", "reason": "抽样送检，检验期间15日", "party_told_on": day}
    values.update(kwargs)
    with on(day):
        return suspension.suspend_case(actor=head, case=case, started_on=day, **values)


def refused(call, field, message):
    with pytest.raises(CaseError) as excinfo:
        call()
    assert (excinfo.value.field, excinfo.value.message) == (field, message)


# --- 中止 and 恢复 before the decision (R-TIME-008) ---------------------------------------------------------------


def test_r_time_008_the_decision_deadline_moves_by_the_paused_days(filed_case, head):
    assert filed_case.decision_deadline == date(2026, 5, 31)  # 90 CD from 2 March (R-PEN-021)
    record = suspend(filed_case, head)
    case = reload(filed_case)
    assert (case.state, case.suspended_from) == (S.SUSPENDED, S.FILED)
    assert (record.ground, record.started_on, record.party_told_on, record.suspended_from) == (
        "testing",
        date(2026, 3, 2),
        date(2026, 3, 2),
        S.FILED,
    )
    with on(date(2026, 3, 12)):
        record = suspension.resume_suspended_case(actor=head, case=case, end_note="检验报告已出具")
    case = reload(case)
    assert (case.state, case.suspended_from, case.decision_deadline) == (S.FILED, "", date(2026, 6, 10))
    assert (record.ended_on, record.paused_days, record.previous_deadline, record.new_deadline) == (
        date(2026, 3, 12),
        10,
        date(2026, 5, 31),
        date(2026, 6, 10),
    )
    assert events(case)[-2:] == ["penalty_case.suspended", "penalty_case.suspension_ended"]


def test_r_time_008_r_pen_016_a_suspension_pauses_the_defence_window(notified_case, handler, head):
    """Notice served 2 March: the 5 working days are 3–6 and 9 March. Suspended from 3 March (the day it starts
    is paused: the party keeps all 5 days), resumed on Friday 3 April: 7–10 and 13 April (清明 4–6 April)."""
    assert notified_case.defense_deadline == date(2026, 3, 9)
    suspend(notified_case, head, date(2026, 3, 3), ground="party_missing", party_told_on=None, reason="下落不明")
    with on(date(2026, 4, 3)):
        record = suspension.resume_suspended_case(actor=head, case=notified_case, ended_on=date(2026, 4, 3))
        case = reload(notified_case)
        assert (case.state, case.defense_deadline, case.hearing_request_deadline) == (
            S.NOTIFIED,
            date(2026, 4, 13),
            None,
        )
        before = counts(case)
        refused(
            lambda: services.submit_for_decision(actor=handler, case=case),
            "defense_deadline",
            "陈述申辩期限（2026年4月13日）届满前且当事人未书面放弃的，不得作出决定（R-PEN-016）",
        )
        assert counts(case) == before
    assert record.new_deadline == date(2026, 7, 1)  # the 办案期限: 31 May + 31 paused days (R-TIME-008)
    ended = payload(case, "penalty_case.suspension_ended")
    assert {k: ended[k] for k in ("previous_defense_deadline", "defense_deadline", "windows_working_days_left")} == {
        "previous_defense_deadline": "2026-03-09",
        "defense_deadline": "2026-04-13",
        "windows_working_days_left": {"defense_deadline": 5},
    }
    with on(date(2026, 4, 14)):
        assert services.submit_for_decision(actor=handler, case=case).state == S.AWAITING_DECISION


def test_r_time_008_r_hea_003_the_hearing_request_window_pauses_too(
    review_gate_open, filed_case, handler, head, lead, co
):
    """A 60,000元 fine (较大数额): notice on 2 March, hearing requests until 9 March. Suspended on Wednesday
    4 March (3 March used: 4 working days left), resumed on 3 April: 7, 8, 9, 10 April."""
    from tests.cases.conftest import investigate

    investigate(filed_case, handler, lead, co, fine=Decimal("60000.00"), kinds=("fine",))
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
    services.serve_prior_notice(actor=handler, case=filed_case, served_on=date(2026, 3, 2))
    assert reload(filed_case).hearing_request_deadline == date(2026, 3, 9)
    suspend(filed_case, head, date(2026, 3, 4), ground="party_missing", party_told_on=None, reason="下落不明")
    with on(date(2026, 4, 3)):
        suspension.resume_suspended_case(actor=head, case=filed_case, ended_on=date(2026, 4, 3))
    case = reload(filed_case)
    assert (case.defense_deadline, case.hearing_request_deadline) == (date(2026, 4, 10), date(2026, 4, 10))
    with on(date(2026, 4, 13)):
        refused(
            lambda: services.request_hearing(actor=handler, case=case, sent_on=date(2026, 4, 13)),
            "sent_on",
            "听证申请期限已于2026年4月10日届满，当事人逾期申请视为放弃听证（R-HEA-003）",
        )
        assert services.request_hearing(actor=handler, case=case, sent_on=date(2026, 4, 10)).state == S.HEARING


def test_r_time_008_a_window_that_ended_before_the_suspension_does_not_move(notified_case, head):
    suspend(notified_case, head, date(2026, 3, 10), ground="party_missing", party_told_on=None, reason="下落不明")
    with on(date(2026, 4, 3)):
        suspension.resume_suspended_case(actor=head, case=notified_case, ended_on=date(2026, 4, 3))
    assert reload(notified_case).defense_deadline == date(2026, 3, 9)


def test_r_time_008_testing_period_must_be_told_to_the_party(filed_case, head):
    before = counts(filed_case)
    refused(
        lambda: suspend(filed_case, head, party_told_on=None),
        "party_told_on",
        "检测、检验、检疫、鉴定期间应当明确并告知当事人，请填写告知日期（R-TIME-008）",
    )
    refused(
        lambda: suspend(filed_case, head, ground="hardship"),
        "ground",
        "中止调查的理由应为：检测、检验、检疫、鉴定；须以相关案件的裁判结果或者其他行政决定为依据，相关案件尚未审结或者其他行政决定尚未作出；"
        "涉及法律适用等问题，需要送请有权机关作出解释或者确认；因不可抗力致使案件暂时无法调查；因当事人下落不明致使案件暂时无法调查；"
        "其他应当中止调查的情形（R-COE-017、R-TIME-008）",
    )
    assert (reload(filed_case).state, counts(filed_case)) == (S.FILED, before)


def test_suspension_and_resumption_are_the_head_s(filed_case, handler, head):
    before = counts(filed_case)
    with pytest.raises(PermissionDenied) as excinfo:
        suspend(filed_case, handler)
    assert excinfo.value.message == "只有本单位负责人可以决定中止、恢复、终止或终结执行"
    assert (reload(filed_case).state, counts(filed_case)) == (S.FILED, before)
    with pytest.raises(CaseStateConflict) as excinfo:
        suspension.resume_suspended_case(actor=head, case=filed_case)
    assert excinfo.value.message == "案件当前状态为“已立案”，没有中止的案件可以恢复"
    suspend(filed_case, head, ground="party_missing", party_told_on=None, reason="当事人下落不明")
    with pytest.raises(CaseStateConflict) as excinfo:
        suspend(filed_case, head, ground="party_missing", party_told_on=None, reason="当事人下落不明")
    assert excinfo.value.message == "案件当前状态为“已中止”，不能中止"


# --- 中止执行 (R-COE-017) and R-PEN-028 -------------------------------------------------------------------------


def test_r_coe_017_execution_suspended_on_a_statutory_ground_and_resumed(executing_case, handler, head):
    before = counts(executing_case)
    refused(
        lambda: suspend_execution(executing_case, head, date(2026, 4, 1), ground="testing"),
        "ground",
        "中止执行的理由应为：当事人履行行政决定确有困难或者暂无履行能力；第三人对执行标的主张权利，确有理由；"
        "执行可能造成难以弥补的损失，且中止执行不损害公共利益；行政机关认为需要中止执行的其他情形；"
        "申请行政复议或者提起行政诉讼不停止执行（R-PEN-028）（R-COE-017、R-TIME-008）",
    )
    assert counts(executing_case) == before
    suspend_execution(executing_case, head, date(2026, 4, 1))
    case = reload(executing_case)
    assert (case.state, case.suspended_from) == (S.SUSPENDED, S.EXECUTING)
    with pytest.raises(CaseStateConflict):
        pay(case, handler, date(2026, 4, 2), "100.00")
    with on(date(2026, 6, 1)):
        record = suspension.resume_suspended_case(actor=head, case=case)
    case = reload(case)
    assert (case.state, case.payment_deadline, case.decision_deadline) == (
        S.EXECUTING,
        date(2026, 3, 17),
        date(2026, 5, 31),  # decided: the 办案期限 is not recomputed
    )
    assert (record.paused_days, record.new_deadline) == (61, None)


def test_r_pen_028_reconsideration_does_not_suspend_execution_and_r_pen_027_pauses_the_surcharge(
    executing_case, handler
):
    with on(date(2026, 3, 20)):
        remedy = execution.record_remedy(
            actor=handler,
            case=executing_case,
            kind="reconsideration",
            body="示范县人民政府",
            filed_on=date(2026, 3, 20),
        )
    case = reload(executing_case)
    assert (case.state, case.payment_deadline, remedy.concluded_on) == (S.EXECUTING, date(2026, 3, 17), None)
    # execution goes on: a 催告 can be served while the 复议 is pending (R-PEN-028)
    notice = demand(case, handler, date(2026, 3, 25), date(2026, 4, 3))
    # 18, 19 March count; from 20 March on the 复议 pauses the surcharge (R-PEN-027)
    assert (notice.late_penalty_amount, notice.amount) == (Decimal("600.00"), Decimal("10600.00"))
    with on(date(2026, 4, 20)):
        execution.conclude_remedy(
            actor=handler, case=case, concluded_on=date(2026, 4, 20), result="upheld", outcome="复议决定维持"
        )
    # 44 days late on 30 April, less the 32 paused days (20 March – 20 April): 12 days at 300.00
    assert services.amount_due(reload(case), on=date(2026, 4, 30)) == Decimal("13600.00")
    assert events(case)[-3:] == [
        "penalty_case.remedy_recorded",
        "penalty_case.demand_notice_served",
        "penalty_case.remedy_concluded",
    ]


# --- 终止 and 终结执行 -------------------------------------------------------------------------------------------


def test_terminate_a_case_before_its_decision(filed_case, head):
    suspend(filed_case, head, ground="party_missing", party_told_on=None, reason="当事人下落不明")
    with on(date(2026, 3, 20)):
        termination = suspension.terminate_case(
            actor=head, case=filed_case, ground="party_dissolved", reason="当事人已注销，无权利义务承受人"
        )
    case = reload(filed_case)
    assert (case.state, case.suspended_from, case.closing_reason, case.closed_on) == (
        S.CLOSED,
        "",
        ClosingReason.TERMINATED,
        date(2026, 3, 20),
    )
    assert (termination.ground, termination.closing_reason) == ("party_dissolved", ClosingReason.TERMINATED)
    assert CaseSuspension.objects.get(penalty_case=case).ended_on == date(2026, 3, 20)
    assert events(case)[-1] == "penalty_case.terminated"


def test_termination_refusals_change_nothing(filed_case, handler, head):
    before = counts(filed_case)
    refused(
        lambda: suspension.terminate_case(actor=head, case=filed_case, ground="subject_lost", reason="灭失"),
        "ground",
        "终止的情形应为：当事人死亡，无遗产可供执行（或案件无法继续调查），又无义务承受人；"
        "法人或者其他组织终止，无财产可供执行（或案件无法继续调查），又无义务承受人；其他依法应当终止（终结执行）的情形",
    )
    CoerciveMeasure.objects.create(
        penalty_case=filed_case,
        kind="seizure",
        place="仓库",
        reason="防止转移",
        legal_basis="《中华人民共和国食品安全法》第一百一十条",
        applied_by=handler,
        applied_on=date(2026, 3, 2),
        state="in_force",
    )
    refused(
        lambda: suspension.terminate_case(actor=head, case=filed_case, ground="party_died", reason="当事人死亡"),
        "ground",
        "本案尚有未解除的查封、扣押等行政强制措施，请先依法解除（R-COE-008）",
    )
    assert (reload(filed_case).state, counts(filed_case)) == (S.FILED, before)
    assert CaseTermination.objects.count() == 0


def test_a_decided_case_is_not_terminated_but_its_execution_ended(executing_case, head):
    with pytest.raises(CaseStateConflict) as excinfo:
        suspension.terminate_case(actor=head, case=executing_case, ground="party_died", reason="当事人死亡")
    assert excinfo.value.message == "案件当前状态为“执行中”：已作出决定的案件不能终止，执行阶段应终结执行"
    assert (reload(executing_case).state, CaseTermination.objects.count()) == (S.EXECUTING, 0)


def test_r_trn_001_a_crime_suspected_case_is_not_terminated(filed_case, handler, head, lead, co):
    from tests.cases.transfer_support import crime_report

    crime_report(filed_case, handler, lead, co)
    refused(
        lambda: suspension.terminate_case(actor=head, case=filed_case, ground="other", reason="不再追究"),
        "ground",
        "涉嫌犯罪的案件应当移送司法机关，不得终止了结（R-TRN-001）",
    )


def test_r_coe_017_end_execution_on_a_statutory_ground(executing_case, head):
    with on(date(2026, 4, 1)):
        termination = suspension.end_execution(
            actor=head,
            case=executing_case,
            ground="party_dissolved",
            reason="当事人已注销，无财产可供执行，无义务承受人",
        )
    case = reload(executing_case)
    assert (case.state, case.closing_reason, termination.terminated_on) == (
        S.CLOSED,
        ClosingReason.EXECUTION_ENDED,
        date(2026, 4, 1),
    )
    assert events(case)[-1] == "penalty_case.execution_ended"


def test_r_coe_017_three_years_of_suspension_and_the_alert(executing_case, head):
    """ "满三年": suspended on 1 April 2026, the three years run 2 April 2026 – 1 April 2029 (the first day is not
    counted, R-TIME-003; R-TIME-005); they are full from 2 April 2029."""
    record = suspend_execution(executing_case, head, date(2026, 4, 1))
    assert [s.pk for s in suspension.execution_suspensions_due(date(2029, 4, 1))] == []
    assert [s.pk for s in suspension.execution_suspensions_due(date(2029, 4, 2))] == [record.pk]
    assert execution_suspended_three_years(date(2029, 4, 2)) == [
        f"案件{executing_case.case_number}自2026年4月1日中止执行已满三年未恢复，"
        "没有明显社会危害且当事人确无能力履行的，应当终结执行（R-COE-017）"
    ]
    before = counts(executing_case)

    def end(day, **kwargs):
        with on(day):
            return suspension.end_execution(
                actor=head,
                case=executing_case,
                ground="suspended_three_years",
                reason="中止执行满三年，当事人确无履行能力",
                **kwargs,
            )

    message = "中止执行自2026年4月1日起，三年至2029年4月1日届满，2029年4月2日起方满三年（R-COE-017）"
    refused(lambda: end(date(2029, 3, 31), no_obvious_harm=True), "ended_on", message)
    refused(lambda: end(date(2029, 4, 1), no_obvious_harm=True), "ended_on", message)
    refused(lambda: end(date(2029, 4, 2)), "no_obvious_harm", "须确认没有明显社会危害，方可不再执行（R-COE-017）")
    assert (reload(executing_case).state, counts(executing_case)) == (S.SUSPENDED, before)
    end(date(2029, 4, 2), no_obvious_harm=True)
    case = reload(executing_case)
    assert (case.state, case.closing_reason, reload(record).ended_on) == (
        S.CLOSED,
        ClosingReason.EXECUTION_ENDED,
        date(2029, 4, 2),
    )
    assert suspension.execution_suspensions_due(date(2029, 4, 3)) == []


def test_r_coe_017_three_years_only_for_want_of_means(executing_case, head):
    suspend_execution(executing_case, head, date(2026, 4, 1), ground="third_party_claim")
    with on(date(2029, 4, 2)):
        refused(
            lambda: suspension.end_execution(
                actor=head, case=executing_case, ground="suspended_three_years", reason="满三年", no_obvious_harm=True
            ),
            "ground",
            "仅因当事人确无履行能力而中止执行的，方可满三年后不再执行（R-COE-017）",
        )


def test_end_execution_only_in_execution(filed_case, head):
    with pytest.raises(CaseStateConflict) as excinfo:
        suspension.end_execution(actor=head, case=filed_case, ground="party_died", reason="当事人死亡")
    assert excinfo.value.message == "案件当前状态为“已立案”，不在执行阶段，不能终结执行"


# --- the court-window alert (R-COE-016, R-TIME-009) -------------------------------------------------------------


def test_r_coe_016_court_window_alert_yellow_then_red_until_an_application(executing_case, handler, head):
    assert {"cases.court_application_window", "cases.execution_suspended_three_years"} <= set(jobs())
    number = executing_case.case_number
    assert court_application_window(date(2026, 11, 26)) == []  # 2 Dec is 4 working days away
    assert court_application_window(date(2026, 11, 27)) == [
        f"黄色预警：案件{number}申请人民法院强制执行的期限将于2026年12月2日届满，请及时催告并提出申请（R-COE-016）"
    ]
    assert court_application_window(date(2026, 12, 3)) == [
        f"红色预警：案件{number}申请人民法院强制执行的期限已于2026年12月2日届满，当事人仍未履行（R-COE-016）"
    ]
    demand(executing_case, handler, date(2026, 11, 2), date(2026, 11, 9))
    with on(date(2026, 11, 17)):  # 10 working days after the 催告 end on 16 November (R-COE-016)
        enforcement.apply_for_court_execution(
            actor=head,
            case=executing_case,
            court="示范县人民法院",
            materials=["application", "decision", "party_opinion", "subject"],
        )
    assert court_application_window(date(2026, 11, 27)) == []
    assert reload(executing_case).decision_served_on == SERVED


def test_r_coe_016_no_court_window_alert_after_a_concluded_lawsuit(executing_case, handler):
    """The judgment is executed instead (行诉法 第95条): the 非诉 window is not the agency's deadline any more."""
    number = executing_case.case_number
    with on(date(2026, 3, 20)):
        execution.record_remedy(
            actor=handler, case=executing_case, kind="litigation", body="示范县人民法院", filed_on=date(2026, 3, 20)
        )
    assert court_application_window(date(2026, 12, 3)) == [  # pending: the alert still reminds the agency
        f"红色预警：案件{number}申请人民法院强制执行的期限已于2026年12月2日届满，当事人仍未履行（R-COE-016）"
    ]
    with on(date(2026, 8, 28)):
        execution.conclude_remedy(
            actor=handler, case=executing_case, concluded_on=date(2026, 8, 28), result="upheld", outcome="判决驳回"
        )
    assert court_application_window(date(2026, 12, 3)) == []
