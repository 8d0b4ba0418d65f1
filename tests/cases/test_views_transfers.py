"""Staff UI of 涉嫌犯罪案件移送: the list, the transfer page, the 专案组报告 from the case page and one form per step
(approve / refuse, send with the materials and the procuratorate copy, the police's decision, reconsideration,
hand-over, resume) — happy paths change the state and write the ledger event; each refusal shows the service's
Chinese message on the field and changes nothing; the case page says why a crime-suspected case cannot be decided
yet (以罚代刑, R-TRN-001); read-only supervisors, data scope."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cases import services
from zhifa.cases.models import CriminalTransfer, PenaltyCase
from zhifa.ledger.models import Event

from .transfer_support import (
    ALL_MATERIALS,
    CHARGE,
    fixture_approved,  # noqa: F401
    fixture_crime_case,  # noqa: F401
    fixture_declined,  # noqa: F401
    fixture_proposed,  # noqa: F401
    fixture_review_gate_open,  # noqa: F401
    fixture_transferred,  # noqa: F401
    reload,
)

pytestmark = pytest.mark.django_db


def _page(client, user, url, status=200, **params):
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == status
    return response


def _post(client, user, transfer, action, data=None, **extra):
    client.force_login(user)
    return client.post(f"/criminal-transfers/{transfer.pk}/steps/{action}/", data or {}, **extra)


def _steps(response):
    return [(p.step.action, p.step.blocked) for p in response.context["panels"]]


def _errors(response, action):
    return next(p for p in response.context["panels"] if p.step.action == action).form.errors


def _events():
    return list(Event.objects.filter(event_type__startswith="criminal_transfer.").values_list("event_type", flat=True))


# --- list and pages -------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, proposed):
    for url in ("/criminal-transfers/", f"/criminal-transfers/{proposed.pk}/"):
        assert client.get(url).status_code == 302


def test_list_for_the_agency_and_the_region(
    client, proposed, handler, supervisor, other_agency_handler, other_region_supervisor
):
    for user in (handler, supervisor):
        assert [t.pk for t in _page(client, user, "/criminal-transfers/").context["page"].object_list] == [proposed.pk]
    for user in (other_agency_handler, other_region_supervisor):
        assert list(_page(client, user, "/criminal-transfers/").context["page"].object_list) == []
    assert list(_page(client, handler, "/criminal-transfers/", state="filed").context["page"].object_list) == []
    rows = client.get("/criminal-transfers/", {"state": "proposed"}, HTTP_HX_REQUEST="true").content.decode()
    assert CHARGE in rows and "<html" not in rows


def test_supervisor_reads_only_and_a_post_is_refused(client, proposed, supervisor):
    response = _page(client, supervisor, f"/criminal-transfers/{proposed.pk}/")
    assert (response.context["read_only"], response.context["panels"]) == (True, [])
    assert _post(client, supervisor, proposed, "approve").status_code == 403
    assert reload(proposed).state == "proposed"


@pytest.mark.parametrize("persona", ["other_agency_handler", "neighbour_handler", "other_region_supervisor"])
def test_outside_the_scope_is_404(client, request, proposed, persona):
    user = request.getfixturevalue(persona)
    _page(client, user, f"/criminal-transfers/{proposed.pk}/", status=404)
    assert _post(client, user, proposed, "approve").status_code == 404
    _page(client, user, f"/cases/{proposed.penalty_case_id}/criminal-transfers/new/", status=404)
    assert reload(proposed).state == "proposed"


def test_unknown_step_is_404(client, proposed, head):
    assert _post(client, head, proposed, "delete").status_code == 404


# --- 专案组报告 from the case page (R-TRN-003) --------------------------------------------------------------------------


def test_r_trn_003_the_handler_reports_from_the_case_page(client, crime_case, handler, lead, co):
    html = _page(client, handler, f"/cases/{crime_case.pk}/").content.decode()
    assert f'href="/cases/{crime_case.pk}/criminal-transfers/new/"' in html
    assert "本案涉嫌犯罪，尚未提出移送（R-TRN-001）" in html
    url = f"/cases/{crime_case.pk}/criminal-transfers/new/"
    form = _page(client, handler, url).context["form"]
    assert sorted(form["team"].value()) == sorted([lead.pk, co.pk])  # the case's handlers to start with
    response = client.post(url, {"charge": CHARGE, "facts": "货值金额逾十万元", "team": [lead.pk, co.pk]})
    transfer = CriminalTransfer.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/criminal-transfers/{transfer.pk}/")
    assert (transfer.state, transfer.head_decision_deadline, _events()) == (
        "proposed",
        date(2026, 3, 5),
        ["criminal_transfer.proposed"],
    )
    assert (
        f'href="/cases/{crime_case.pk}/criminal-transfers/new/"'
        not in _page(client, handler, f"/cases/{crime_case.pk}/").content.decode()
    )  # one transfer at a time


def test_r_trn_003_a_team_of_one_is_refused_on_the_field(client, crime_case, handler, lead):
    client.force_login(handler)
    url = f"/cases/{crime_case.pk}/criminal-transfers/new/"
    response = client.post(url, {"charge": CHARGE, "facts": "事实", "team": [lead.pk]})
    assert response.status_code == 400
    assert response.context["form"].errors == {"team": ["专案组应由2名以上行政执法人员组成（R-TRN-003）"]}
    assert (CriminalTransfer.objects.count(), _events()) == (0, [])


def test_no_report_offered_for_a_case_not_suspected_of_a_crime(client, filed_case, handler):
    html = _page(client, handler, f"/cases/{filed_case.pk}/").content.decode()
    assert "criminal-transfers/new/" not in html
    page = _page(client, handler, f"/cases/{filed_case.pk}/criminal-transfers/new/")
    assert "本案未认定涉嫌犯罪，不能提出移送（R-TRN-002）" in page.content.decode()


def test_r_trn_001_decision_step_says_the_transfer_comes_first(client, review_gate_open, crime_case, head):
    services.complete_case_review(actor=head, case=crime_case, route="transfer", facts_clear=True, opinion="移送")
    steps = dict(_steps(_page(client, head, f"/cases/{crime_case.pk}/")))
    assert steps["decide"] == (
        "本案涉嫌犯罪，不得以罚代刑：须先由专案组报告、负责人批准并移送公安机关，方可作出“移送司法机关”的决定"
        "（R-TRN-001、R-TRN-003）"
    )


# --- 负责人审批 (R-TRN-004) -------------------------------------------------------------------------------------------


def test_r_trn_004_head_approves(client, proposed, head, handler):
    blocked = _steps(_page(client, handler, f"/criminal-transfers/{proposed.pk}/"))
    assert blocked == [("approve", "需由本单位负责人批准或决定"), ("refuse", "需由本单位负责人批准或决定")]
    assert _post(client, head, proposed, "approve").status_code == 302
    assert (reload(proposed).state, _events()[-1]) == ("approved", "criminal_transfer.approved")


def test_r_trn_004_handler_cannot_approve(client, proposed, handler):
    response = _post(client, handler, proposed, "approve")
    assert response.status_code == 403
    assert "只有本单位负责人可以批准移送" in response.content.decode()
    assert (reload(proposed).state, _events()) == ("proposed", ["criminal_transfer.proposed"])


def test_r_trn_004_head_refuses_with_reasons(client, proposed, head):
    assert _post(client, head, proposed, "refuse", {"refuse-reason": "证据不足以认定涉嫌犯罪"}).status_code == 302
    assert (reload(proposed).state, _events()[-1]) == ("returned", "criminal_transfer.refused")
    assert [a for a, _ in _steps(_page(client, head, f"/criminal-transfers/{proposed.pk}/"))] == ["resume-case"]


def test_r_trn_004_refusal_without_reasons_is_refused_on_the_field(client, proposed, head):
    response = _post(client, head, proposed, "refuse", {"refuse-reason": ""})
    assert response.status_code == 400
    assert _errors(response, "refuse") == {"reason": ["不批准移送的，应当写明理由（R-TRN-004）"]}
    assert reload(proposed).state == "proposed"


# --- 移送 (R-TRN-005, R-TRN-006, R-TRN-012) -----------------------------------------------------------------------------


def _send_data(**overrides):
    return {
        "transfer-public_security": "示范县公安局",
        "transfer-materials": ALL_MATERIALS,
        "transfer-copied_to_procuratorate_on": "2026-03-02",
        "transfer-police_received_on": "2026-03-02",
        **overrides,
    }


def test_r_trn_006_send_the_full_package_with_the_procuratorate_copy(client, approved, handler):
    form = _page(client, handler, f"/criminal-transfers/{approved.pk}/").context["panels"][0].form
    assert form["materials"].value() == ALL_MATERIALS  # the statutory materials ticked to start with
    assert _post(client, handler, approved, "transfer", _send_data()).status_code == 302
    transfer = reload(approved)
    assert (transfer.state, transfer.police_reply_deadline, _events()[-1]) == (
        "transferred",
        date(2026, 3, 5),
        "criminal_transfer.transferred",
    )
    html = _page(client, handler, f"/criminal-transfers/{approved.pk}/").content.decode()
    assert "有关检验报告或者鉴定意见" in html and "2026年3月2日（R-TRN-012）" in html


def test_r_trn_006_missing_material_is_refused_on_the_field(client, approved, handler):
    data = _send_data(**{"transfer-materials": ["transfer_letter", "investigation_report", "item_list"]})
    response = _post(client, handler, approved, "transfer", data)
    assert response.status_code == 400
    assert _errors(response, "transfer") == {"materials": ["移送材料不全，缺少：有关检验报告或者鉴定意见（R-TRN-006）"]}
    assert reload(approved).state == "approved"


def test_r_trn_012_missing_procuratorate_copy_is_refused_on_the_field(client, approved, handler):
    response = _post(client, handler, approved, "transfer", _send_data(**{"transfer-copied_to_procuratorate_on": ""}))
    assert _errors(response, "transfer") == {
        "copied_to_procuratorate_on": ["涉嫌犯罪案件移送书应当同时抄送同级人民检察院，请填写抄送日期（R-TRN-012）"]
    }
    assert reload(approved).state == "approved"


# --- 公安机关的决定, 复议, 移交 (R-TRN-007..009) --------------------------------------------------------------------


def test_r_trn_007_police_decline(client, transferred, handler):
    data = {
        "police-decision-decision": "declined",
        "police-decision-decided_on": "2026-03-02",
        "police-decision-reason": "未达追诉标准",
    }
    assert _post(client, handler, transferred, "police-decision", data).status_code == 302
    assert (reload(transferred).state, _events()[-1]) == ("declined", "criminal_transfer.declined")


def test_r_trn_007_decline_without_reason_is_refused_on_the_field(client, transferred, handler):
    data = {"police-decision-decision": "declined", "police-decision-decided_on": "2026-03-02"}
    response = _post(client, handler, transferred, "police-decision", data, HTTP_HX_REQUEST="true")
    assert response.context["panel"].form.errors == {
        "reason": ["公安机关不予立案的，请填写其书面通知中说明的理由（R-TRN-007）"]
    }
    assert reload(transferred).state == "transferred"


def test_r_trn_009_handover_after_filing(client, transferred, handler):
    services.record_police_decision(actor=handler, transfer=transferred, decision="filed", decided_on=date(2026, 3, 2))
    assert _post(client, handler, transferred, "handover", {"handover-handed_over_on": "2026-03-02"}).status_code == 302
    assert (reload(transferred).items_handed_over_on, _events()[-1]) == (
        date(2026, 3, 2),
        "criminal_transfer.items_handed_over",
    )
    assert _page(client, handler, f"/criminal-transfers/{transferred.pk}/").context["panels"] == []


def test_r_trn_009_handover_dated_tomorrow_is_refused_on_the_field(client, transferred, handler):
    services.record_police_decision(actor=handler, transfer=transferred, decision="filed", decided_on=date(2026, 3, 2))
    response = _post(client, handler, transferred, "handover", {"handover-handed_over_on": "2026-03-03"})
    assert _errors(response, "handover") == {"handed_over_on": ["移交日期应在收到立案通知书之后且不晚于今天"]}
    assert reload(transferred).items_handed_over_on is None


def test_r_trn_008_reconsideration_then_resuming_waits_for_the_answer(client, declined, handler, head):
    assert (
        _post(client, handler, declined, "reconsideration", {"reconsideration-requested_on": "2026-03-02"}).status_code
        == 302
    )
    assert _events()[-1] == "criminal_transfer.reconsideration_requested"
    steps = dict(_steps(_page(client, head, f"/criminal-transfers/{declined.pk}/")))
    assert steps["resume-case"] == "已提请公安机关复议，须待复议决定后方可恢复办理（R-TRN-008）"
    response = _post(client, head, declined, "resume-case", {"resume-case-reason": "恢复办理"})
    assert response.status_code == 400
    assert _errors(response, "resume-case") == {
        "__all__": ["已提请公安机关复议，须待复议决定后方可恢复办理（R-TRN-008）"]
    }
    assert PenaltyCase.objects.get(pk=declined.penalty_case_id).crime_suspected is True


def test_r_trn_008_reconsideration_dated_tomorrow_is_refused_on_the_field(client, declined, handler):
    response = _post(client, handler, declined, "reconsideration", {"reconsideration-requested_on": "2026-03-03"})
    assert _errors(response, "reconsideration") == {
        "requested_on": ["提请复议日期应在收到不予立案通知书之后且不晚于今天"]
    }
    assert reload(declined).reconsideration_requested_on is None


# --- 恢复办理 (R-TRN-010) ---------------------------------------------------------------------------------------------


def test_r_trn_010_head_resumes_the_case_after_the_police_declined(client, declined, head):
    response = _post(client, head, declined, "resume-case", {"resume-case-reason": "公安机关不予立案"})
    assert (response.status_code, response["Location"]) == (302, f"/cases/{declined.penalty_case_id}/")
    case = PenaltyCase.objects.get(pk=declined.penalty_case_id)
    assert (case.state, case.crime_suspected) == ("under_case_review", False)
    assert Event.objects.filter(event_type="penalty_case.resumed").count() == 1
    timeline = _page(client, head, f"/cases/{case.pk}/").context["events"]
    assert [r.label for r in timeline if r.event_type == "penalty_case.resumed"] == ["恢复办理（移送后）"]
    assert {r.label for r in timeline if r.event_type == "penalty_case.viewed"} == {"调阅案卷"}  # R-REC-007


def test_r_trn_010_handler_cannot_resume(client, declined, handler):
    response = _post(client, handler, declined, "resume-case", {"resume-case-reason": "x"})
    assert response.status_code == 403
    assert "只有本单位负责人可以决定恢复办理" in response.content.decode()
    assert reload(declined).case_resumed_at is None


def test_timeline_in_chinese(client, transferred, handler):
    rows = _page(client, handler, f"/criminal-transfers/{transferred.pk}/").context["events"]
    assert [r.label for r in rows] == ["专案组报告（拟移送）", "负责人批准移送", "移送公安机关并抄送检察院"]
