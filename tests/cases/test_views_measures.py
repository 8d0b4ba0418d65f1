"""Staff UI of 行政强制措施: the list (即将到期 with the days left), the measure page, one form per step (happy path:
state changed and ledger event written; one refusal each: the service's Chinese message on the field, nothing
changed), the 清单 rows with htmx "增加一行", the A/V upload, 申请 / 紧急实施 from the case page, data scope."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.cases.coercion_support import SEAL_BASIS, WAV, add_item, apply, attach_av, coercion_item, emergency
from zhifa.cases import services
from zhifa.cases.models import CoerciveMeasure, InventoryItem
from zhifa.ledger.models import Event, EvidenceFile

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.coercion_fixtures"]  # approved_measure, started_measure, memory_storage


def _get(client, user, url, status=200, **params):
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == status
    return response


def _post(client, user, measure, action, data=None, **extra):
    client.force_login(user)
    return client.post(f"/coercive-measures/{measure.pk}/steps/{action}/", data or {}, **extra)


def _reload(measure):
    return CoerciveMeasure.objects.get(pk=measure.pk)


def _events(prefix="coercive_measure."):
    return list(Event.objects.filter(event_type__startswith=prefix).values_list("event_type", flat=True))


def _field_errors(response, action):
    """The refused step's form, as re-rendered on the full page (400/403/409)."""
    panel = next(p for p in response.context["panels"] if p.step.action == action)
    return panel.form.errors


def _steps(response):
    return [(p.step.action, p.step.blocked) for p in response.context["panels"]]


# --- list ---------------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, approved_measure):
    for url in ("/coercive-measures/", f"/coercive-measures/{approved_measure.pk}/"):
        assert client.get(url).status_code == 302
    assert client.post(f"/coercive-measures/{approved_measure.pk}/steps/approve/").status_code == 302


def test_list_shows_the_agencys_measures_to_its_staff_and_the_regions_to_the_supervisor(
    client, started_measure, handler, head, supervisor, other_agency_handler, other_region_supervisor
):
    for user in (handler, head, supervisor):
        page = _get(client, user, "/coercive-measures/").context["page"]
        assert [m.pk for m in page.object_list] == [started_measure.pk]
    for user in (other_agency_handler, other_region_supervisor):
        assert list(_get(client, user, "/coercive-measures/").context["page"].object_list) == []


def test_list_state_filter_and_htmx_rows(client, started_measure, handler):
    assert list(_get(client, handler, "/coercive-measures/", state="released").context["page"].object_list) == []
    page = _get(client, handler, "/coercive-measures/", state="in_force").context["page"]
    assert [m.pk for m in page.object_list] == [started_measure.pk]
    rows = client.get("/coercive-measures/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in rows
    assert "剩余30日" in rows  # 30 days from Monday 2 March 2026: the term ends on 1 April (R-COE-007)


@pytest.mark.parametrize(
    ("due_on", "label", "expiring"),
    [
        (date(2026, 3, 6), '<span class="badge ok">剩余4日</span>', False),  # the day after the 3-WD horizon
        (date(2026, 3, 5), '<span class="badge warn">即将到期 · 剩余3日</span>', True),  # 3rd working day: alert
        (date(2026, 3, 2), '<span class="badge warn">即将到期 · 今日届满</span>', True),
        (date(2026, 3, 1), '<span class="badge bad">已超期1日</span>', True),
    ],
)
def test_r_coe_007_expiring_terms_are_highlighted_with_the_days_left(
    client, started_measure, handler, due_on, label, expiring
):
    CoerciveMeasure.objects.filter(pk=started_measure.pk).update(due_on=due_on)
    html = _get(client, handler, "/coercive-measures/").content.decode()
    assert label in html
    listed = _get(client, handler, "/coercive-measures/", expiring="1").context["page"].object_list
    assert [m.pk for m in listed] == ([started_measure.pk] if expiring else [])


# --- detail ---------------------------------------------------------------------------------------------------


def test_measure_page_shows_decision_inventory_term_and_timeline(client, started_measure, handler):
    response = _get(client, handler, f"/coercive-measures/{started_measure.pk}/")
    html = response.content.decode()
    assert '<span class="badge ok" id="term-status">剩余30日（期限至2026年4月1日）</span>' in html
    assert "过期牛奶" in html and SEAL_BASIS in html
    assert [r.label for r in response.context["events"]] == [
        "报请批准",
        "清单增加物品",
        "负责人批准",
        "上传音像记录",
        "实施",
    ]
    assert _steps(response) == [
        ("testing-period", ""),
        ("extend", "需由本单位负责人批准或决定"),
        ("dispose", "需由本单位负责人批准或决定"),
        ("release", "需由本单位负责人批准或决定"),
    ]


def test_head_sees_why_disposal_waits_for_the_decision(client, started_measure, head):
    response = _get(client, head, f"/coercive-measures/{started_measure.pk}/")
    assert ("dispose", "案件尚未作出行政处罚决定，不能没收或者销毁；不再需要的，应当依法解除（R-COE-008）") in _steps(
        response
    )


def test_supervisor_reads_only_and_a_post_is_refused(client, approved_measure, supervisor):
    response = _get(client, supervisor, f"/coercive-measures/{approved_measure.pk}/")
    assert (response.context["read_only"], response.context["panels"]) == (True, [])
    response = _post(client, supervisor, approved_measure, "release", {"release-ground": "unneeded"})
    assert response.status_code == 403
    assert _reload(approved_measure).state == "pending_approval"


@pytest.mark.parametrize("persona", ["other_agency_handler", "neighbour_handler", "other_region_supervisor"])
def test_outside_the_scope_is_404(client, request, approved_measure, persona):
    user = request.getfixturevalue(persona)
    _get(client, user, f"/coercive-measures/{approved_measure.pk}/", status=404)
    assert _post(client, user, approved_measure, "approve").status_code == 404
    _get(client, user, f"/cases/{approved_measure.penalty_case_id}/coercive-measures/new/", status=404)


def test_unknown_step_is_404(client, approved_measure, head):
    assert _post(client, head, approved_measure, "delete").status_code == 404


# --- 申请 and 紧急实施 from the case ---------------------------------------------------------------------------------


def _apply_data(case, **overrides):
    return {
        "kind": "seizure",
        "enforcement_item": coercion_item(case).pk,
        "place": "后厨仓库",
        "reason": "防止涉案食品被转移",
        "legal_basis": SEAL_BASIS,
        **overrides,
    }


def test_case_page_offers_the_application_to_its_handler_only(client, filed_case, handler, head):
    html = _get(client, handler, f"/cases/{filed_case.pk}/").content.decode()
    assert f'href="/cases/{filed_case.pk}/coercive-measures/new/"' in html
    assert (
        f'href="/cases/{filed_case.pk}/coercive-measures/new/"'
        not in _get(client, head, f"/cases/{filed_case.pk}/").content.decode()
    )


def test_r_coe_002_apply_creates_the_measure_and_its_event(client, filed_case, handler):
    _get(client, handler, f"/cases/{filed_case.pk}/coercive-measures/new/")
    response = client.post(f"/cases/{filed_case.pk}/coercive-measures/new/", _apply_data(filed_case))
    measure = CoerciveMeasure.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/coercive-measures/{measure.pk}/")
    assert (measure.state, measure.kind, measure.applied_by_id) == ("pending_approval", "seizure", handler.pk)
    assert _events() == ["coercive_measure.applied"]
    html = _get(client, handler, f"/cases/{filed_case.pk}/").content.decode()
    assert f'href="/coercive-measures/{measure.pk}/"' in html


def test_r_coe_001_apply_without_legal_basis_is_refused_on_the_field(client, filed_case, handler):
    client.force_login(handler)
    response = client.post(f"/cases/{filed_case.pk}/coercive-measures/new/", _apply_data(filed_case, legal_basis=""))
    assert response.status_code == 400
    assert response.context["form"].errors == {"legal_basis": ["请填写采取行政强制措施的法律依据（R-COE-001）"]}
    assert (CoerciveMeasure.objects.count(), _events()) == (0, [])


def test_r_coe_003_emergency_measure_on_the_spot(client, filed_case, handler, lead, co):
    client.force_login(handler)
    data = _apply_data(filed_case, officers=[lead.pk, co.pk])
    response = client.post(f"/cases/{filed_case.pk}/coercive-measures/emergency/", data)
    measure = CoerciveMeasure.objects.get()
    assert (response.status_code, measure.state, measure.emergency) == (302, "awaiting_retro_approval", True)
    assert _events() == ["coercive_measure.emergency_taken"]


def test_r_per_005_emergency_measure_by_one_officer_is_refused_on_the_field(client, filed_case, handler, lead):
    client.force_login(handler)
    data = _apply_data(filed_case, officers=[lead.pk])
    response = client.post(f"/cases/{filed_case.pk}/coercive-measures/emergency/", data)
    assert response.status_code == 400
    assert response.context["form"].errors == {"officers": ["执法人员不得少于2人（R-PER-005）"]}
    assert (CoerciveMeasure.objects.count(), _events()) == (0, [])


# --- 清单 (R-COE-006) ------------------------------------------------------------------------------------------


def _rows(*rows):
    data = {"items-TOTAL_FORMS": str(len(rows)), "items-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        data.update({f"items-{index}-{key}": value for key, value in row.items()})
    return data


def test_r_coe_006_inventory_rows_are_added_together(client, filed_case, handler):
    measure = apply(filed_case, handler)
    client.force_login(handler)
    data = _rows(
        {"name": "过期牛奶", "specification": "250ml/盒", "quantity": "12", "unit": "盒"},
        {},  # an empty row is skipped
        {"name": "过期面包", "quantity": "3.5", "unit": "千克", "condition_note": "包装破损"},
    )
    response = client.post(f"/coercive-measures/{measure.pk}/inventory-items/", data)
    assert (response.status_code, response["Location"]) == (302, f"/coercive-measures/{measure.pk}/")
    assert [(i.name, str(i.quantity), i.unit) for i in InventoryItem.objects.all()] == [
        ("过期牛奶", "12.000", "盒"),
        ("过期面包", "3.500", "千克"),
    ]
    assert _events()[-2:] == ["coercive_measure.inventory_item_added"] * 2
    html = _get(client, handler, f"/coercive-measures/{measure.pk}/").content.decode()
    assert "<td>3.5</td>" in html


def test_r_coe_006_a_refused_row_shows_its_message_and_nothing_is_listed(client, filed_case, handler):
    measure = apply(filed_case, handler)
    client.force_login(handler)
    data = _rows(
        {"name": "过期牛奶", "quantity": "12", "unit": "盒"}, {"name": "过期面包", "quantity": "0", "unit": "袋"}
    )
    response = client.post(f"/coercive-measures/{measure.pk}/inventory-items/", data)
    assert response.status_code == 400
    formset = response.context["inventory_panel"]["formset"]
    assert [f.errors for f in formset.forms] == [{}, {"quantity": ["数量应大于零"]}]
    assert (InventoryItem.objects.count(), _events()) == (0, ["coercive_measure.applied"])


def test_htmx_adds_an_inventory_row_and_the_new_total(client, filed_case, handler):
    measure = apply(filed_case, handler)
    html = _get(client, handler, f"/coercive-measures/{measure.pk}/").content.decode()
    assert f'hx-get="/coercive-measures/{measure.pk}/inventory-items/row/?index=1"' in html
    row = _get(client, handler, f"/coercive-measures/{measure.pk}/inventory-items/row/", index="1").content.decode()
    assert 'name="items-1-name"' in row and 'name="items-0-name"' not in row
    assert 'name="items-TOTAL_FORMS" value="2"' in row and 'hx-swap-oob="true"' in row
    assert "?index=2" in row


def test_inventory_closed_once_carried_out(client, started_measure, handler):
    client.force_login(handler)
    response = client.post(
        f"/coercive-measures/{started_measure.pk}/inventory-items/",
        _rows({"name": "牛奶", "quantity": "1", "unit": "盒"}),
    )
    assert response.status_code == 409
    assert "清单已交付当事人，不能再增加物品" in response.content.decode()
    assert InventoryItem.objects.count() == 1


# --- approval, start, A/V ---------------------------------------------------------------------------------------


def test_r_coe_002_head_approves(client, filed_case, handler, head):
    measure = apply(filed_case, handler)
    response = _post(client, head, measure, "approve")
    assert (response.status_code, _reload(measure).approved_by_id) == (302, head.pk)
    assert _events()[-1] == "coercive_measure.approved"


def test_r_coe_002_handler_cannot_approve(client, filed_case, handler):
    measure = apply(filed_case, handler)
    assert ("approve", "需由本单位负责人批准或决定") in _steps(
        _get(client, handler, f"/coercive-measures/{measure.pk}/")
    )
    response = _post(client, handler, measure, "approve")
    assert response.status_code == 403
    assert "只有本单位负责人可以批准采取行政强制措施（R-COE-002）" in response.content.decode()
    assert _reload(measure).approved_by_id is None
    assert _events() == ["coercive_measure.applied"]


def test_r_rec_003_start_waits_for_the_av_record_then_the_upload_unblocks_it(
    memory_storage, client, approved_measure, handler, lead, co
):
    url = f"/coercive-measures/{approved_measure.pk}/"
    blocked = dict(_steps(_get(client, handler, url)))["start"]
    assert blocked == "“查封扣押”须有全程音像记录，请先上传录音录像再完成此环节（R-REC-003）"
    upload = client.post(f"{url}av-records/", {"av-file": _wav(), "av-device_id": "ZFJLY-0031"}, format="multipart")
    assert (upload.status_code, upload["Location"]) == (302, url)
    evidence = EvidenceFile.objects.get()
    assert (evidence.subject_id, evidence.step, evidence.device_id) == (
        str(approved_measure.pk),
        "coercive_measure",
        "ZFJLY-0031",
    )
    assert dict(_steps(_get(client, handler, url)))["start"] == ""
    response = _post(client, handler, approved_measure, "start", {"start-officers": [lead.pk, co.pk]})
    assert response.status_code == 302
    measure = _reload(approved_measure)
    assert (measure.state, measure.term_deadline, measure.due_on) == ("in_force", date(2026, 4, 1), date(2026, 4, 1))
    assert _events()[-1] == "coercive_measure.started"


def _wav():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("现场录音.wav", WAV, content_type="audio/wav")


def test_r_coe_004_start_by_one_officer_is_refused_on_the_field(
    memory_storage, client, approved_measure, handler, lead
):
    attach_av(approved_measure, handler)
    response = _post(client, handler, approved_measure, "start", {"start-officers": [lead.pk]})
    assert response.status_code == 400
    assert _field_errors(response, "start") == {"officers": ["执法人员不得少于2人（R-PER-005）"]}
    assert _reload(approved_measure).state == "pending_approval"


def test_r_coe_003_retro_approval(memory_storage, client, filed_case, handler, head, lead, co):
    measure = emergency(filed_case, handler, [lead, co])
    add_item(measure, handler)
    attach_av(measure, handler)
    response = _post(client, head, measure, "retro-approve")
    assert (response.status_code, _reload(measure).state) == (302, "in_force")
    assert _events()[-1] == "coercive_measure.retro_approved"


def test_r_coe_006_retro_approval_without_inventory_says_why(client, filed_case, handler, head, lead, co):
    measure = emergency(filed_case, handler, [lead, co])
    assert dict(_steps(_get(client, head, f"/coercive-measures/{measure.pk}/")))["retro-approve"] == (
        "尚未填写清单，查封、扣押须当场交付决定书和清单（R-COE-006）"
    )
    response = _post(client, head, measure, "retro-approve")
    assert response.status_code == 400
    assert _field_errors(response, "retro-approve") == {
        "__all__": ["尚未填写清单，查封、扣押须当场交付决定书和清单（R-COE-006）"]
    }
    assert _reload(measure).state == "awaiting_retro_approval"


def test_r_coe_003_disapproval_releases_at_once(client, filed_case, handler, head, lead, co):
    measure = emergency(filed_case, handler, [lead, co])
    response = _post(client, head, measure, "disapprove", {"disapprove-reason": "不符合采取强制措施的条件"})
    measure = _reload(measure)
    assert (response.status_code, measure.state, measure.release_ground) == (302, "released", "disapproved")
    assert _events()[-1] == "coercive_measure.disapproved"


def test_r_coe_003_disapproval_without_reason_is_refused_on_the_field(client, filed_case, handler, head, lead, co):
    measure = emergency(filed_case, handler, [lead, co])
    response = _post(client, head, measure, "disapprove", {"disapprove-reason": " "})
    assert _field_errors(response, "disapprove") == {"reason": ["请填写不予批准的理由"]}
    assert _reload(measure).state == "awaiting_retro_approval"


# --- term: extension and testing period (R-COE-007) ----------------------------------------------------------------


def test_r_coe_007_head_extends_once_by_30_days(client, started_measure, head):
    response = _post(client, head, started_measure, "extend", {"extend-days": "30", "extend-reason": "案情复杂"})
    measure = _reload(started_measure)
    assert (response.status_code, measure.state, measure.due_on) == (302, "extended", date(2026, 5, 1))
    assert _events()[-1] == "coercive_measure.extended"
    steps = dict(_steps(_get(client, head, f"/coercive-measures/{started_measure.pk}/")))
    assert steps["extend"] == "强制措施期限只能延长一次，已经延长（R-COE-007）"


def test_r_coe_007_extension_beyond_30_days_is_refused_on_the_field(client, started_measure, head):
    response = _post(client, head, started_measure, "extend", {"extend-days": "31", "extend-reason": "案情复杂"})
    assert response.status_code == 400
    assert _field_errors(response, "extend") == {"days": ["延长期限应为1至30日（R-COE-007）"]}
    assert (_reload(started_measure).state, _events()[-1]) == ("in_force", "coercive_measure.started")


def test_r_coe_007_testing_period_is_not_counted(client, started_measure, handler):
    data = {"testing-period-days": "10", "testing-period-told_on": "2026-03-02"}
    assert _post(client, handler, started_measure, "testing-period", data).status_code == 302
    assert (_reload(started_measure).due_on, _events()[-1]) == (
        date(2026, 4, 11),
        "coercive_measure.testing_period_recorded",
    )


def test_testing_period_told_tomorrow_is_refused_on_the_field(client, started_measure, handler):
    data = {"testing-period-days": "10", "testing-period-told_on": "2026-03-03"}
    response = _post(client, handler, started_measure, "testing-period", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200  # htmx swaps only 2xx: the card with the message
    assert response.context["panel"].form.errors == {"told_on": ["告知日期应在实施之后且不晚于今天"]}
    assert _reload(started_measure).testing_days == 0


# --- end: release, disposal (R-COE-008) ----------------------------------------------------------------------------


def test_r_coe_008_release(client, started_measure, head):
    data = {"release-ground": "unneeded", "release-reason": "证据已固定"}
    assert _post(client, head, started_measure, "release", data).status_code == 302
    measure = _reload(started_measure)
    assert (measure.state, measure.released_on, _events()[-1]) == (
        "released",
        date(2026, 3, 2),
        "coercive_measure.released",
    )
    assert _get(client, head, f"/coercive-measures/{measure.pk}/").context["panels"] == []


def test_r_coe_008_release_as_expired_before_the_term_ends_is_refused_on_the_field(client, started_measure, head):
    response = _post(client, head, started_measure, "release", {"release-ground": "expired", "release-reason": "到期"})
    assert _field_errors(response, "release") == {"ground": ["强制措施期限至2026年4月1日，尚未届满（R-COE-008）"]}
    assert _reload(started_measure).state == "in_force"


def test_r_coe_008_disposal_after_the_penalty_decision(client, started_measure, notified_case, handler, head):
    services.waive_defense(actor=handler, case=notified_case, waived_on=date(2026, 3, 2))
    services.submit_for_decision(actor=handler, case=notified_case)
    services.decide_case(
        actor=head,
        case=notified_case,
        decision_kind="penalty",
        penalty_kinds=["warning", "fine"],
        fine_amount=Decimal("10000"),
    )
    data = {"dispose-disposal": "destroyed", "dispose-note": "过期食品无害化处理"}
    assert _post(client, head, started_measure, "dispose", data).status_code == 302
    assert (_reload(started_measure).state, _events()[-1]) == ("disposed", "coercive_measure.disposed")


def test_r_coe_008_disposal_before_the_decision_is_refused_on_the_field(client, started_measure, head):
    response = _post(client, head, started_measure, "dispose", {"dispose-disposal": "destroyed"})
    assert _field_errors(response, "dispose") == {
        "disposal": ["案件尚未作出行政处罚决定，不能没收或者销毁，应当依法解除（R-COE-008）"]
    }
    assert _reload(started_measure).state == "in_force"
