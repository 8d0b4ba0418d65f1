"""行刑衔接 gates (R-TRN-001..012): each refusal with its exact Chinese message; nothing changes on refusal."""

from __future__ import annotations

from datetime import date

import pytest

from tests.personnel.factories import OfficerFactory
from zhifa.cases import services
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import CriminalTransfer
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event
from zhifa.personnel.services.enforcement import enforcement_refusal

from .conftest import investigate
from .transfer_support import (
    ALL_MATERIALS,
    CHARGE,
    fixture_approved,  # noqa: F401
    fixture_crime_case,  # noqa: F401
    fixture_declined,  # noqa: F401
    fixture_outsider,  # noqa: F401
    fixture_proposed,  # noqa: F401
    fixture_review_gate_open,  # noqa: F401
    fixture_transferred,  # noqa: F401
    propose,
    reload,
    send,
)

pytestmark = pytest.mark.django_db


def _refused(exc_type, call, message, field):
    events = Event.objects.count()
    transfers = CriminalTransfer.objects.count()
    with pytest.raises(exc_type) as caught:
        call()
    assert (caught.value.message, caught.value.field) == (message, field)
    assert (Event.objects.count(), CriminalTransfer.objects.count()) == (events, transfers)


# --- propose (专案组报告) -----------------------------------------------------------------------------------------


def test_r_trn_003_propose_creates_the_record_with_the_team_and_a_ledger_event(crime_case, handler, lead, co):
    transfer = propose(crime_case, handler, lead, co)
    assert (transfer.state, transfer.charge, sorted(o.name for o in transfer.team.all())) == (
        "proposed",
        CHARGE,
        ["周协办", "李承办"],
    )
    event = Event.objects.filter(event_type="criminal_transfer.proposed").get()
    assert (event.subject_id, event.data["team"], event.data["head_decision_deadline"]) == (
        str(transfer.pk),
        [lead.pk, co.pk],
        "2026-03-05",
    )


def test_r_trn_002_a_case_not_suspected_of_a_crime_cannot_be_transferred(filed_case, handler, lead, co):
    investigate(filed_case, handler, lead, co)
    _refused(
        CaseError,
        lambda: propose(filed_case, handler, lead, co),
        "本案未认定涉嫌犯罪，不能提出移送（R-TRN-002）",
        "crime_suspected",
    )


def test_r_trn_003_only_a_handler_of_the_case_proposes(crime_case, head, lead, co):
    _refused(
        PermissionDenied, lambda: propose(crime_case, head, lead, co), "只有本案承办人可以提出移送涉嫌犯罪案件", None
    )


@pytest.mark.parametrize("team", [["lead"], ["lead", "lead"]])
def test_r_trn_003_team_of_fewer_than_two_officers_is_refused(request, crime_case, handler, team):
    officers = [request.getfixturevalue(name) for name in team]
    _refused(
        CaseError,
        lambda: services.propose_transfer(actor=handler, case=crime_case, charge=CHARGE, facts="事实", team=officers),
        "专案组应由2名以上行政执法人员组成（R-TRN-003）",
        "team",
    )


def test_r_trn_003_team_members_come_from_the_agency(crime_case, handler, lead, outsider):
    _refused(
        CaseError,
        lambda: services.propose_transfer(
            actor=handler, case=crime_case, charge=CHARGE, facts="事实", team=[lead, outsider]
        ),
        "陈他局不是本单位执法人员，不能参加专案组（R-TRN-003）",
        "team",
    )


def test_r_trn_003_team_members_must_be_certified(crime_case, handler, lead, agency, sector):
    uncertified = OfficerFactory(agency=agency, name="吴无证")
    reason = enforcement_refusal(uncertified, on=date(2026, 3, 2), sector=sector)
    _refused(
        CaseError,
        lambda: services.propose_transfer(
            actor=handler, case=crime_case, charge=CHARGE, facts="事实", team=[lead, uncertified]
        ),
        f"吴无证于2026年3月2日不能执法：{reason}（R-PER-001）",
        "team",
    )


@pytest.mark.parametrize(
    ("charge", "facts", "message", "field"),
    [(" ", "事实", "请填写涉嫌罪名", "charge"), (CHARGE, "", "请填写涉嫌犯罪的事实", "facts")],
)
def test_propose_requires_charge_and_facts(crime_case, handler, lead, co, charge, facts, message, field):
    _refused(
        CaseError,
        lambda: services.propose_transfer(actor=handler, case=crime_case, charge=charge, facts=facts, team=[lead, co]),
        message,
        field,
    )


def test_one_transfer_in_progress_per_case(proposed, handler, lead, co):
    _refused(
        CaseStateConflict,
        lambda: propose(proposed.penalty_case, handler, lead, co),
        "本案已有正在办理或已完成的涉嫌犯罪案件移送",
        "penalty_case",
    )


def test_r_trn_001_the_transfer_decision_needs_a_transfer_sent_to_the_police(
    review_gate_open, crime_case, handler, head, lead, co
):
    services.complete_case_review(actor=head, case=crime_case, route="transfer", facts_clear=True, opinion="移送")
    with pytest.raises(CaseError) as excinfo:
        services.decide_case(actor=head, case=crime_case, decision_kind="transfer", reasoning="涉嫌犯罪")
    assert excinfo.value.message == "尚无已移送公安机关的涉嫌犯罪案件移送记录，不能以移送结案（R-TRN-001、R-TRN-006）"
    assert reload(crime_case).state == "awaiting_decision"
    transfer = propose(reload(crime_case), handler, lead, co)
    services.approve_transfer(actor=head, transfer=transfer)
    send(reload(transfer), handler)
    services.decide_case(actor=head, case=reload(crime_case), decision_kind="transfer", reasoning="涉嫌犯罪")
    assert (reload(crime_case).state, services.untransferred_crime(reload(crime_case))) == ("closed", False)


def test_r_trn_001_crime_suspected_case_cannot_be_closed_by_withdrawing_the_filing(
    review_gate_open, crime_case, handler, head
):
    services.complete_case_review(actor=head, case=crime_case, route="transfer", facts_clear=True, opinion="移送")
    with pytest.raises(CaseError) as excinfo:
        services.decide_case(actor=head, case=crime_case, decision_kind="filing_withdrawn")
    assert excinfo.value.message == "涉嫌犯罪的案件应当移送司法机关，不得以罚代刑或撤销立案了结（R-TRN-001）"
    assert reload(crime_case).state == "awaiting_decision"


# --- head's decision (R-TRN-004) ----------------------------------------------------------------------------


def test_r_trn_004_only_the_head_approves(proposed, handler):
    _refused(
        PermissionDenied,
        lambda: services.approve_transfer(actor=handler, transfer=proposed),
        "只有本单位负责人可以批准移送",
        None,
    )
    assert reload(proposed).state == "proposed"


def test_r_trn_004_approval_sets_the_24_hour_transfer_deadline(proposed, head):
    transfer = services.approve_transfer(actor=head, transfer=proposed)
    assert (transfer.state, transfer.approved_by, str(transfer.transfer_deadline)) == (
        "approved",
        head,
        "2026-03-03 02:00:00+00:00",
    )
    assert Event.objects.filter(event_type="criminal_transfer.approved").get().data["late"] is False


def test_r_trn_004_refusal_needs_reasons(proposed, head):
    _refused(
        CaseError,
        lambda: services.refuse_transfer(actor=head, transfer=proposed, reason="  "),
        "不批准移送的，应当写明理由（R-TRN-004）",
        "reason",
    )
    assert reload(proposed).state == "proposed"


def test_r_trn_004_refusal_returns_the_record_with_its_reasons(proposed, head):
    transfer = services.refuse_transfer(actor=head, transfer=proposed, reason="证据尚不足以认定涉嫌犯罪")
    assert (transfer.state, transfer.refusal_reason, transfer.refused_by) == (
        "returned",
        "证据尚不足以认定涉嫌犯罪",
        head,
    )
    assert (
        Event.objects.filter(event_type="criminal_transfer.refused").get().data["reason"] == "证据尚不足以认定涉嫌犯罪"
    )


def test_approving_twice_is_a_conflict(approved, head):
    _refused(
        CaseStateConflict,
        lambda: services.approve_transfer(actor=head, transfer=approved),
        "移送记录当前状态为“已批准”，不能批准移送",
        "state",
    )


# --- transfer to the police (R-TRN-005/006/012) ------------------------------------------------------------------


def test_transfer_before_approval_is_a_conflict(proposed, handler):
    _refused(
        CaseStateConflict, lambda: send(proposed, handler), "移送记录当前状态为“拟移送”，不能移送公安机关", "state"
    )


def test_r_trn_006_missing_materials_are_listed(approved, handler):
    _refused(
        CaseError,
        lambda: send(approved, handler, materials=["transfer_letter", "investigation_report", "item_list"]),
        "移送材料不全，缺少：有关检验报告或者鉴定意见（R-TRN-006）",
        "materials",
    )
    _refused(
        CaseError,
        lambda: send(approved, handler, materials=[]),
        "移送材料不全，缺少：涉嫌犯罪案件移送书、涉嫌犯罪案件情况的调查报告、涉案物品清单、有关检验报告或者鉴定意见（R-TRN-006）",
        "materials",
    )
    assert reload(approved).state == "approved"


def test_r_trn_012_copy_to_the_procuratorate_is_required(approved, handler):
    _refused(
        CaseError,
        lambda: send(approved, handler, copied_to_procuratorate_on=None),
        "涉嫌犯罪案件移送书应当同时抄送同级人民检察院，请填写抄送日期（R-TRN-012）",
        "copied_to_procuratorate_on",
    )
    assert reload(approved).state == "approved"


def test_transfer_names_the_receiving_police(approved, handler):
    _refused(
        CaseError, lambda: send(approved, handler, public_security=""), "请填写接收移送的公安机关", "public_security"
    )


def test_only_a_handler_transfers(approved, head):
    _refused(PermissionDenied, lambda: send(approved, head), "只有本案承办人可以移送涉嫌犯罪案件", None)


def test_r_trn_005_transfer_records_the_package_and_the_police_reply_deadline(approved, handler):
    transfer = send(approved, handler, materials=[*reversed(ALL_MATERIALS), "other"])
    assert (
        transfer.state,
        transfer.public_security,
        transfer.materials,
        transfer.police_received_on,
        transfer.police_reply_deadline,
        transfer.copied_to_procuratorate_on,
    ) == (
        "transferred",
        "示范县公安局",
        [*ALL_MATERIALS, "other"],
        date(2026, 3, 2),
        date(2026, 3, 5),
        date(2026, 3, 2),
    )


# --- the police's decision (R-TRN-007..009) --------------------------------------------------------------------


def test_r_trn_007_declining_needs_the_police_reasons(transferred, handler):
    _refused(
        CaseError,
        lambda: services.record_police_decision(
            actor=handler, transfer=transferred, decision="declined", decided_on=date(2026, 3, 2)
        ),
        "公安机关不予立案的，请填写其书面通知中说明的理由（R-TRN-007）",
        "reason",
    )


def test_r_trn_009_filing_sets_the_handover_deadline(transferred, handler):
    transfer = services.record_police_decision(
        actor=handler, transfer=transferred, decision="filed", decided_on=date(2026, 3, 2)
    )
    assert (transfer.state, transfer.police_decision, transfer.handover_deadline) == (
        "filed",
        "filed",
        date(2026, 3, 5),
    )
    transfer = services.record_handover(actor=handler, transfer=transfer, handed_over_on=date(2026, 3, 2))
    assert transfer.items_handed_over_on == date(2026, 3, 2)
    _refused(
        CaseStateConflict,
        lambda: services.request_reconsideration(actor=handler, transfer=transfer),
        "移送记录当前状态为“公安已立案”，公安机关不予立案后方可提请复议",
        "state",
    )


def test_r_trn_008_reconsideration_once_and_answered_by_the_police(declined, handler):
    transfer = services.request_reconsideration(actor=handler, transfer=declined)
    assert (transfer.reconsideration_requested_on, transfer.reconsideration_reply_deadline) == (
        date(2026, 3, 2),
        date(2026, 3, 5),
    )
    _refused(
        CaseStateConflict,
        lambda: services.request_reconsideration(actor=handler, transfer=transfer),
        "已于2026年3月2日提请复议",
        "reconsideration_requested_on",
    )
    transfer = services.record_police_decision(
        actor=handler, transfer=transfer, decision="filed", decided_on=date(2026, 3, 2)
    )
    assert (transfer.state, transfer.reconsideration_answered_on, transfer.police_decided_on) == (
        "filed",
        date(2026, 3, 2),
        date(2026, 3, 2),
    )


def test_a_second_police_decision_without_reconsideration_is_a_conflict(declined, handler):
    _refused(
        CaseStateConflict,
        lambda: services.record_police_decision(
            actor=handler, transfer=declined, decision="filed", decided_on=date(2026, 3, 2)
        ),
        "公安机关已作出不予立案决定，且没有待答复的复议申请",
        "state",
    )


# --- resuming the case (R-TRN-010) ---------------------------------------------------------------------------


def test_r_trn_010_resume_sends_the_case_back_to_case_review_without_the_crime_flag(declined, head, handler):
    case = services.resume_case(actor=head, transfer=declined, reason="公安机关不予立案，依法给予行政处罚")
    assert (case.state, case.crime_suspected, case.route) == ("under_case_review", False, "")
    assert reload(declined).case_resumed_by == head
    event = Event.objects.filter(event_type="penalty_case.resumed").get()
    assert (
        event.subject_id,
        event.data["criminal_transfer_id"],
        event.data["reason"],
        event.data["state"],
    ) == (
        str(case.pk),
        declined.pk,
        "公安机关不予立案，依法给予行政处罚",
        "under_case_review",
    )
    # the administrative case can now go to a penalty (R-TRN-001 no longer applies)
    case = services.complete_case_review(actor=head, case=case, route="penalty", facts_clear=True, opinion="处罚")
    assert (case.route, case.requires_legal_review) == ("penalty", False)


def test_r_trn_010_resume_after_the_head_refused(proposed, head):
    services.refuse_transfer(actor=head, transfer=proposed, reason="不构成犯罪")
    case = services.resume_case(actor=head, transfer=proposed)
    assert (case.state, case.crime_suspected) == ("under_case_review", False)


def test_r_trn_010_resume_reopens_a_case_closed_by_the_transfer_decision(review_gate_open, declined, head):
    case = declined.penalty_case
    services.complete_case_review(actor=head, case=case, route="transfer", facts_clear=True, opinion="移送")
    services.decide_case(actor=head, case=case, decision_kind="transfer", reasoning="涉嫌犯罪")
    case = services.resume_case(actor=head, transfer=declined)
    assert (case.state, case.closing_reason, case.closed_on, case.decision_kind, case.crime_suspected) == (
        "under_case_review",
        "",
        None,
        "",
        False,
    )
    assert Event.objects.filter(event_type="penalty_case.resumed").get().data["reopened"] is True


def test_r_trn_010_resume_only_after_decline_or_refusal(transferred, head):
    _refused(
        CaseStateConflict,
        lambda: services.resume_case(actor=head, transfer=transferred),
        "移送记录当前状态为“已移送”，公安机关不予立案或移送未获批准的，方可恢复办理（R-TRN-010）",
        "state",
    )
    assert reload(transferred.penalty_case).crime_suspected is True


def test_r_trn_008_no_resume_while_reconsideration_is_pending(declined, head, handler):
    services.request_reconsideration(actor=handler, transfer=declined)
    _refused(
        CaseError,
        lambda: services.resume_case(actor=head, transfer=declined),
        "已提请公安机关复议，须待复议决定后方可恢复办理（R-TRN-008）",
        "reconsideration",
    )


def test_only_the_head_resumes_and_only_once(declined, head, handler):
    _refused(
        PermissionDenied,
        lambda: services.resume_case(actor=handler, transfer=declined),
        "只有本单位负责人可以决定恢复办理",
        None,
    )
    assert reload(declined.penalty_case).state == "under_case_review"
    assert reload(declined.penalty_case).crime_suspected is True
    services.resume_case(actor=head, transfer=declined)
    _refused(
        CaseStateConflict,
        lambda: services.resume_case(actor=head, transfer=declined),
        "案件已恢复办理",
        "case_resumed_at",
    )


# --- R-TRN-001 有案不移 -------------------------------------------------------------------------------------------


def test_r_trn_001_untransferred_crime_until_the_case_reaches_the_police(crime_case, handler, head, lead, co):
    assert services.untransferred_crime(crime_case) is True
    transfer = propose(crime_case, handler, lead, co)
    assert services.untransferred_crime(crime_case) is True
    services.approve_transfer(actor=head, transfer=transfer)
    assert services.untransferred_crime(crime_case) is True
    send(transfer, handler)
    assert services.untransferred_crime(crime_case) is False


def test_r_trn_001_a_case_without_crime_is_never_flagged(filed_case, handler, lead, co):
    investigate(filed_case, handler, lead, co)
    assert services.untransferred_crime(filed_case) is False


def test_r_trn_001_a_refused_transfer_leaves_the_alert(proposed, head):
    services.refuse_transfer(actor=head, transfer=proposed, reason="不构成犯罪")
    assert services.untransferred_crime(proposed.penalty_case) is True
