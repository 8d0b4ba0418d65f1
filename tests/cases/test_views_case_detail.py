"""The case page: the right next-step forms per state, why a step is blocked, posting a step (plain and htmx),
a refused step's message next to the form, read-only supervisors, data scope."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zhifa.cases import services
from zhifa.cases.models import PenaltyCase
from zhifa.ledger.models import Event

from .conftest import investigate

pytestmark = pytest.mark.django_db


def _page(client, user, case):
    client.force_login(user)
    response = client.get(f"/cases/{case.pk}/")
    assert response.status_code == 200
    return response


def _steps(response):
    return [(p.step.action, p.step.blocked) for p in response.context["panels"]]


def test_anonymous_is_sent_to_login(client, filed_case):
    assert client.get(f"/cases/{filed_case.pk}/").status_code == 302
    assert client.post(f"/cases/{filed_case.pk}/steps/archive/").status_code == 302
    assert PenaltyCase.objects.get(pk=filed_case.pk).state == "filed"


def test_filed_case_before_recusal_shows_the_declaration_and_why_investigation_waits(
    client, handler, head, agency, company, item, lead, co
):
    case = services.file_case(
        actor=head,
        agency=agency,
        party=company,
        enforcement_item=item,
        cause="销售过期食品",
        act_on=date(2026, 2, 20),
        discovered_on=date(2026, 2, 26),
        lead_handler=lead,
        co_handlers=[co],
    )
    response = _page(client, handler, case)
    assert _steps(response) == [
        ("declare-no-conflict", ""),
        ("investigative-steps", "已作出回避声明的承办人不足2人，尚未声明：周协办、李承办（R-PEN-010、R-PER-005）"),
        ("submit-investigation-report", "尚无调查取证记录，不能调查终结（R-PEN-011）"),
    ]
    html = response.content.decode()
    assert "为什么不能继续：</strong>已作出回避声明的承办人不足2人" in html
    assert "剩余61个工作日" in html
    assert 'name="declare-no-conflict-' not in html  # the declaration has no fields, only the button
    assert "本人声明无回避情形" in html


def test_notified_case_offers_defence_and_waiver_and_says_when_the_decision_may_be_proposed(
    client, handler, notified_case
):
    response = _page(client, handler, notified_case)
    assert _steps(response) == [
        ("defenses", ""),
        ("waive-defense", ""),
        (
            "submit-for-decision",
            "陈述申辩期限至2026年3月9日，届满前且当事人未书面放弃的，不得报请决定（R-PEN-016）；当事人书面放弃后可立即报请",
        ),
        ("issue-document", ""),  # the 调查终结报告 can still be made from the case
    ]
    assert 'name="defenses-content"' in response.content.decode()


def test_r_rev_004_legal_review_blocks_the_notice_and_shows_the_reasons(client, handler, head, filed_case, lead, co):
    investigate(filed_case, handler, lead, co, fine=Decimal("60000"), kinds=("fine",))
    services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="")
    response = _page(client, handler, filed_case)
    assert _steps(response) == [
        (
            "serve-prior-notice",
            "本案属于重大执法决定（听证类处罚：拟罚款60000.00元，达到较大数额50000.00元），须经法制审核通过后方可继续（R-REV-004）",
        ),
        ("issue-document", ""),
    ]
    assert response.context["panels"][1].form.fields["kind"].choices == [("investigation_report", "案件调查终结报告")]


def test_awaiting_decision_the_head_gets_the_form_the_handler_the_reason(client, handler, head, notified_case):
    services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=notified_case)
    assert _steps(_page(client, handler, notified_case)) == [
        ("decide", "需由本单位负责人批准或决定"),
        ("issue-document", ""),
    ]
    response = _page(client, head, notified_case)
    assert _steps(response) == [
        ("decide", ""),
        ("reopen-investigation", ""),  # 补充调查: the head's (R-PEN-013)
        ("extend-deadline", ""),
        ("issue-document", ""),
        ("suspend", ""),  # 中止 / 终止: the head's (R-TIME-008)
        ("terminate", ""),
    ]
    form = response.context["panels"][0].form
    assert (form["decision_kind"].value(), form["fine_amount"].value()) == ("penalty", Decimal("10000.00"))


def test_posting_steps_plain_and_htmx(client, handler, notified_case):
    client.force_login(handler)
    url = f"/cases/{notified_case.pk}/steps"
    response = client.post(f"{url}/waive-defense/", {"waive-defense-waived_on": "2026-03-02"})
    assert (response.status_code, response["Location"]) == (302, f"/cases/{notified_case.pk}/")
    response = client.post(f"{url}/submit-for-decision/", {}, HTTP_HX_REQUEST="true")
    assert (response.status_code, response["HX-Redirect"]) == (204, f"/cases/{notified_case.pk}/")
    case = PenaltyCase.objects.get(pk=notified_case.pk)
    assert (case.defense_waived_on, case.state) == (date(2026, 3, 2), "awaiting_decision")
    assert [e.event_type for e in Event.objects.filter(event_type__startswith="penalty_case.")][-2:] == [
        "penalty_case.defense_waived",
        "penalty_case.submitted_for_decision",
    ]


def test_a_refused_step_shows_the_message_and_changes_nothing(client, handler, notified_case):
    client.force_login(handler)
    url = f"/cases/{notified_case.pk}/steps/submit-for-decision/"
    message = "陈述申辩期限（2026年3月9日）届满前且当事人未书面放弃的，不得作出决定（R-PEN-016）"
    response = client.post(url, {})
    assert response.status_code == 400
    assert message in response.content.decode()
    partial = client.post(url, {}, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200  # htmx swaps only 2xx: the form with the message
    assert partial.content.decode().count(message) == 1
    assert 'id="step-submit-for-decision"' in partial.content.decode()
    assert PenaltyCase.objects.get(pk=notified_case.pk).state == "notified"


def test_a_refusal_naming_a_field_is_shown_next_to_it(client, handler, notified_case):
    client.force_login(handler)
    response = client.post(
        f"/cases/{notified_case.pk}/steps/waive-defense/",
        {"waive-defense-waived_on": "2026-03-01"},
        HTTP_HX_REQUEST="true",
    )
    form = response.context["panel"].form
    assert form.errors == {"waived_on": ["放弃日期不能早于事先告知送达日期"]}
    assert PenaltyCase.objects.get(pk=notified_case.pk).defense_waived_on is None


def test_invalid_input_is_400_with_the_field_error(client, handler, notified_case):
    client.force_login(handler)
    response = client.post(f"/cases/{notified_case.pk}/steps/waive-defense/", {"waive-defense-waived_on": ""})
    assert response.status_code == 400
    assert response.context["panels"][1].form.errors == {"waived_on": ["该字段是必填项。"]}


def test_supervisor_reads_only_and_a_post_is_refused(client, supervisor, notified_case):
    response = _page(client, supervisor, notified_case)
    assert (response.context["read_only"], response.context["panels"]) == (True, [])
    assert "您以监督身份查看本案，只读。" in response.content.decode()
    response = client.post(f"/cases/{notified_case.pk}/steps/waive-defense/", {"waive-defense-waived_on": "2026-03-02"})
    assert response.status_code == 403
    assert "只有本案承办人可以记录放弃陈述申辩" in response.content.decode()
    assert PenaltyCase.objects.get(pk=notified_case.pk).defense_waived_on is None


@pytest.mark.parametrize("persona", ["other_agency_handler", "neighbour_handler", "other_region_supervisor"])
def test_outside_the_scope_is_404(client, request, notified_case, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"/cases/{notified_case.pk}/").status_code == 404
    response = client.post(f"/cases/{notified_case.pk}/steps/waive-defense/", {"waive-defense-waived_on": "2026-03-02"})
    assert response.status_code == 404
    assert PenaltyCase.objects.get(pk=notified_case.pk).defense_waived_on is None


def test_unknown_step_is_404(client, handler, notified_case):
    client.force_login(handler)
    assert client.post(f"/cases/{notified_case.pk}/steps/delete/").status_code == 404


def test_timeline_lists_the_ledger_in_chinese(client, handler, notified_case):
    rows = _page(client, handler, notified_case).context["events"]
    assert [(r.label, r.actor) for r in rows] == [
        ("立案", "郑负责"),
        ("回避声明", "李承办"),
        ("回避声明", "周协办"),
        ("调查取证", "李承办"),
        ("调查终结", "李承办"),
        ("案件审核", "郑负责"),
        ("送达事先告知书", "李承办"),
    ]


def test_overdue_case_shows_the_red_badge(client, handler, filed_case):
    PenaltyCase.objects.filter(pk=filed_case.pk).update(decision_deadline=date(2026, 2, 27))
    html = _page(client, handler, filed_case).content.decode()
    assert '<span class="badge bad" id="deadline-status">已超期3日（期限2026年2月27日）</span>' in html
