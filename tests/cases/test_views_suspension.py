"""Staff UI of 中止 / 恢复 / 终止 of a case and 中止执行 / 终结执行 (R-TIME-008, R-COE-017, R-TRN-001, R-COE-008): the
head's forms (happy path: state, record and ledger event; one refusal each: the service's Chinese message on the
field, nothing changed), "已中止（自…起）" on the list and the case page, and a suspended case is not overdue while
its clock is paused (R-TIME-008) — only if its 办案期限 had passed before it was suspended.

``filed_case``: filed Monday 2 March 2026, 办案期限 31 May 2026 (90 days, R-PEN-021).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.cases.execution_support import (
    counts,
    events,
    fixture_executing_case,
    on,
    reload,
    suspend_execution,
)
from zhifa.cases.choices import ClosingReason, PenaltyCaseState
from zhifa.cases.models import CaseSuspension, CaseTermination, PenaltyCase
from zhifa.cases.services import suspension
from zhifa.cases.views.queries import case_rows, overdue_q

pytestmark = pytest.mark.django_db
__all__ = ["fixture_executing_case"]
S = PenaltyCaseState
HEAD_ONLY = "只有本单位负责人可以决定中止、恢复、终止或终结执行"


def _page(client, user, case, status=200):
    client.force_login(user)
    response = client.get(f"/cases/{case.pk}/")
    assert response.status_code == status
    return response


def _post(client, user, case, action, **fields):
    client.force_login(user)
    return client.post(f"/cases/{case.pk}/steps/{action}/", {f"{action}-{k}": v for k, v in fields.items()})


def _steps(response):
    return [(p.step.action, p.step.blocked) for p in response.context["panels"]]


def _refused(response, action, field, message, status=400):
    assert response.status_code == status
    panel = next(p for p in response.context["panels"] if p.step.action == action)
    assert panel.form.errors[field] == [message]
    assert message in response.content.decode()


def _done(response, case):
    assert (response.status_code, response["Location"]) == (302, f"/cases/{case.pk}/")


def _suspend(case, head, day, ground="party_missing"):
    with on(day):
        return suspension.suspend_case(actor=head, case=case, ground=ground, reason="当事人下落不明", started_on=day)


def _overdue_pks(day):
    return list(PenaltyCase.objects.filter(overdue_q(day)).values_list("pk", flat=True))


# --- 中止 before the decision (R-TIME-008) ----------------------------------------------------------------------


def test_the_head_is_offered_suspension_and_termination_the_handler_is_not(client, handler, head, filed_case):
    assert [a for a, _ in _steps(_page(client, head, filed_case))][-2:] == ["suspend", "terminate"]
    actions = dict(_steps(_page(client, handler, filed_case)))
    assert "suspend" not in actions and "terminate" not in actions
    form = _page(client, head, filed_case).context["panels"][-2].form
    assert [v for v, _ in form.fields["ground"].choices] == [
        "testing",
        "awaiting_other_decision",
        "legal_interpretation",
        "force_majeure",
        "party_missing",
        "other_case",
    ]


def test_r_time_008_suspension_for_testing_needs_the_day_the_party_was_told(client, head, filed_case):
    before = counts(filed_case)
    response = _post(client, head, filed_case, "suspend", ground="testing", reason="抽样送检", started_on="2026-03-02")
    _refused(
        response,
        "suspend",
        "party_told_on",
        "检测、检验、检疫、鉴定期间应当明确并告知当事人，请填写告知日期（R-TIME-008）",
    )
    assert (reload(filed_case).state, counts(filed_case)) == (S.FILED, before)
    response = _post(
        client,
        head,
        filed_case,
        "suspend",
        ground="testing",
        reason="抽样送检，检验期间15日",
        started_on="2026-03-02",
        party_told_on="2026-03-02",
    )
    _done(response, filed_case)
    case = reload(filed_case)
    assert (case.state, case.suspended_from) == (S.SUSPENDED, S.FILED)
    assert events(case)[-1] == "penalty_case.suspended"


def test_a_suspended_case_reads_suspended_since_on_the_list_and_the_page(client, handler, head, filed_case):
    _suspend(filed_case, head, date(2026, 3, 10))
    with on(date(2026, 3, 12)):
        client.force_login(handler)
        rows = client.get("/cases/").content.decode()
        page = _page(client, handler, filed_case)
    assert "已中止（自2026年3月10日起）" in rows
    assert page.context["deadline_status"] == "已中止（自2026年3月10日起）"
    html = page.content.decode()
    assert "已中止（自2026年3月10日起），期限暂停计算（R-TIME-008）" in html
    # the handler sees why the case waits: the head resumes it
    assert _steps(page) == [("resume", "需由本单位负责人批准或决定")]


def test_r_time_008_a_case_suspended_before_its_deadline_is_not_overdue_while_paused(client, handler, head, filed_case):
    assert filed_case.decision_deadline == date(2026, 5, 31)
    _suspend(filed_case, head, date(2026, 3, 10))
    with on(date(2026, 6, 10)):  # ten days past the old deadline, still suspended
        assert _overdue_pks(date(2026, 6, 10)) == []
        client.force_login(handler)
        assert list(client.get("/cases/", {"overdue": "1"}).context["page"].object_list) == []
        page = _page(client, handler, filed_case)
        assert page.context["case"].is_overdue is False
        assert "已超期" not in page.content.decode()
        api = client.get("/api/v1/penalty-cases/", {"overdue": "true"}).json()
        assert api["results"] == []


def test_r_time_008_a_case_already_overdue_when_suspended_stays_overdue(head, filed_case):
    _suspend(filed_case, head, date(2026, 6, 2))  # the deadline was 31 May
    assert _overdue_pks(date(2026, 6, 10)) == [filed_case.pk]
    row = case_rows(PenaltyCase.objects.all(), date(2026, 6, 10)).get(pk=filed_case.pk)
    assert (row.is_overdue, row.suspended_since) == (True, date(2026, 6, 2))


def test_r_time_008_suspended_on_the_last_day_is_not_overdue(head, filed_case):
    _suspend(filed_case, head, date(2026, 5, 31))
    assert _overdue_pks(date(2026, 6, 30)) == []


def test_r_time_008_resumed_by_the_head_the_deadline_moves_by_the_paused_days(client, handler, head, filed_case):
    _suspend(filed_case, head, date(2026, 3, 10))
    with on(date(2026, 3, 20)):
        before = counts(filed_case)
        response = _post(client, handler, filed_case, "resume", ended_on="2026-03-20")
        assert (response.status_code, response.context["refusals"]) == (403, [])
        assert dict(_steps(response))["resume"] == "需由本单位负责人批准或决定"
        assert response.context["panels"][0].form.non_field_errors() == [HEAD_ONLY]
        response = _post(client, head, filed_case, "resume", ended_on="2026-03-09")
        _refused(response, "resume", "ended_on", "恢复日期应在中止之后且不晚于今天")
        assert counts(filed_case) == before
        response = _post(client, head, filed_case, "resume", ended_on="2026-03-20", end_note="已查找到当事人")
        _done(response, filed_case)
        html = _page(client, handler, filed_case).content.decode()
    case = reload(filed_case)
    assert (case.state, case.decision_deadline) == (S.FILED, date(2026, 6, 10))  # 31 May + 10 paused days
    assert events(case)[-1] == "penalty_case.suspension_ended"
    assert "暂停计算10日" in html
    assert "2026年5月31日 → 2026年6月10日" in html
    assert _overdue_pks(date(2026, 6, 10)) == [] and _overdue_pks(date(2026, 6, 11)) == [case.pk]


# --- 终止 (before the decision) ------------------------------------------------------------------------------------


def test_terminate_needs_the_reasons_then_closes_the_case(client, head, filed_case):
    with on(date(2026, 3, 20)):
        before = counts(filed_case)
        response = _post(
            client, head, filed_case, "terminate", ground="party_dissolved", reason="", terminated_on="2026-03-20"
        )
        _refused(response, "terminate", "reason", "请写明终止的具体情况")
        assert counts(filed_case) == before
        response = _post(
            client,
            head,
            filed_case,
            "terminate",
            ground="party_dissolved",
            reason="当事人已注销，无权利义务承受人",
            terminated_on="2026-03-20",
        )
        _done(response, filed_case)
        html = _page(client, head, filed_case).content.decode()
    case = reload(filed_case)
    assert (case.state, case.closing_reason, case.closed_on) == (S.CLOSED, ClosingReason.TERMINATED, date(2026, 3, 20))
    assert events(case)[-2:] == ["penalty_case.terminated", "penalty_case.viewed"]  # the head's read is logged
    assert "当事人已注销，无权利义务承受人" in html


def test_r_trn_001_a_crime_suspected_case_shows_why_it_cannot_be_terminated(
    client, handler, head, filed_case, lead, co
):
    from tests.cases.transfer_support import crime_report

    crime_report(filed_case, handler, lead, co)
    steps = dict(_steps(_page(client, head, filed_case)))
    assert steps["terminate"] == "涉嫌犯罪的案件应当移送司法机关，不得终止了结（R-TRN-001）"


def test_other_agency_and_other_region_get_404_and_nothing_changes(
    client, other_agency_handler, other_region_supervisor, filed_case
):
    for outsider in (other_agency_handler, other_region_supervisor):
        _page(client, outsider, filed_case, status=404)
        before = counts(filed_case)
        response = _post(client, outsider, filed_case, "suspend", ground="party_missing", reason="下落不明")
        assert (response.status_code, counts(filed_case)) == (404, before)


def test_a_supervisor_cannot_suspend(client, supervisor, filed_case):
    before = counts(filed_case)
    response = _post(
        client, supervisor, filed_case, "suspend", ground="party_missing", reason="下落不明", started_on="2026-03-02"
    )
    assert (response.status_code, response.context["refusals"]) == (403, [HEAD_ONLY])
    assert (reload(filed_case).state, counts(filed_case)) == (S.FILED, before)


# --- 中止执行 / 终结执行 (R-COE-017) --------------------------------------------------------------------------------


def test_r_coe_017_execution_is_suspended_on_a_ground_of_article_39_only(client, head, executing_case):
    steps = [a for a, _ in _steps(_page(client, head, executing_case))]
    assert steps[-2:] == ["suspend", "end-execution"]
    with on(date(2026, 3, 20)):
        before = counts(executing_case)
        response = _post(
            client, head, executing_case, "suspend", ground="party_missing", reason="下落不明", started_on="2026-03-20"
        )
        _refused(
            response,
            "suspend",
            "ground",
            "中止的理由应为：当事人履行行政决定确有困难或者暂无履行能力；第三人对执行标的主张权利，确有理由；"
            "执行可能造成难以弥补的损失，且中止执行不损害公共利益；行政机关认为需要中止执行的其他情形；"
            "申请行政复议或者提起行政诉讼不停止执行（R-PEN-028）（R-COE-017、R-TIME-008）",
        )
        response = _post(client, head, executing_case, "suspend", ground="hardship", reason="", started_on="2026-03-20")
        _refused(response, "suspend", "reason", "请写明中止的具体情况")
        assert counts(executing_case) == before
        response = _post(
            client,
            head,
            executing_case,
            "suspend",
            ground="hardship",
            reason="当事人经营停止，名下无可供执行的财产",
            started_on="2026-03-20",
        )
        _done(response, executing_case)
        page = _page(client, head, executing_case)
    case = reload(executing_case)
    assert (case.state, case.suspended_from) == (S.SUSPENDED, S.EXECUTING)
    assert "penalty_case.suspended" in events(case)
    assert _steps(page)[-2:] == [("resume", ""), ("end-execution", "")]
    assert page.context["panels"][-2].step.label == "恢复执行（中止的情形已经消除）"


def test_r_coe_017_three_years_of_suspension_not_yet_then_execution_ended_on_another_ground(
    client, head, executing_case
):
    suspend_execution(executing_case, head, date(2026, 3, 20))
    with on(date(2027, 3, 20)):
        before = counts(executing_case)
        response = _post(
            client,
            head,
            executing_case,
            "end-execution",
            ground="suspended_three_years",
            reason="中止执行满三年",
            ended_on="2027-03-20",
            no_obvious_harm="on",
        )
        _refused(
            response,
            "end-execution",
            "ended_on",
            "中止执行自2026年3月20日起，三年至2029年3月20日届满，2029年3月21日起方满三年（R-COE-017）",
        )
        assert counts(executing_case) == before
        response = _post(
            client,
            head,
            executing_case,
            "end-execution",
            ground="party_dissolved",
            reason="当事人已注销，无财产可供执行，无义务承受人",
            ended_on="2027-03-20",
        )
        _done(response, executing_case)
        html = _page(client, head, executing_case).content.decode()
    case = reload(executing_case)
    assert (case.state, case.closing_reason) == (S.CLOSED, ClosingReason.EXECUTION_ENDED)
    assert CaseTermination.objects.get(penalty_case=case).ground == "party_dissolved"
    assert CaseSuspension.objects.get(penalty_case=case).ended_on == date(2027, 3, 20)
    assert "penalty_case.execution_ended" in events(case)
    assert "终结执行" in html and "当事人已注销，无财产可供执行，无义务承受人" in html
