"""行政强制措施: each legal gate refuses with its Chinese message and rule ID, and nothing changes
(R-COE-001/002/004/006/007/008/009, R-REC-003, R-PER-005)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tests.cases.coercion_support import add_item, apply, attach_av
from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.cases import services
from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import CoerciveMeasure, InventoryItem, PenaltyCase
from zhifa.catalog.errors import AvRecordMissing
from zhifa.core.errors import PermissionDenied
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.coercion_fixtures"]  # fixtures: approved_measure, started_measure …

BEIJING = ZoneInfo("Asia/Shanghai")


def _events(measure):
    return list(
        Event.objects.filter(subject_id=str(measure.pk), event_type__startswith="coercive_measure.")
        .order_by("sequence")
        .values_list("event_type", flat=True)
    )


# --- apply and approve (R-COE-001/002/009) ------------------------------------------------------------------


def test_r_coe_002_handler_applies_and_the_head_approves(filed_case, handler, head):
    measure = apply(filed_case, handler)
    assert (measure.state, measure.approved_by_id, measure.decided_on) == ("pending_approval", None, None)
    approved = services.approve_measure(actor=head, measure=measure)
    assert (approved.state, approved.approved_by_id, approved.decided_on) == (
        "pending_approval",
        head.pk,
        date(2026, 3, 2),
    )
    assert _events(measure) == ["coercive_measure.applied", "coercive_measure.approved"]


def test_only_a_handler_of_the_case_may_apply(filed_case, head, other_agency_handler):
    for user in (head, other_agency_handler):
        with pytest.raises(PermissionDenied) as excinfo:
            apply(filed_case, user)
        assert excinfo.value.message == "只有本案承办人可以申请采取行政强制措施"
    assert CoerciveMeasure.objects.count() == 0


def test_r_coe_002_only_the_head_approves(filed_case, handler):
    measure = apply(filed_case, handler)
    with pytest.raises(PermissionDenied) as excinfo:
        services.approve_measure(actor=handler, measure=measure)
    assert excinfo.value.message == "只有本单位负责人可以批准采取行政强制措施（R-COE-002）"
    assert CoerciveMeasure.objects.get(pk=measure.pk).approved_by_id is None


def test_r_coe_001_legal_basis_is_required(filed_case, handler):
    with pytest.raises(CaseError) as excinfo:
        apply(filed_case, handler, legal_basis="  ")
    assert (excinfo.value.field, excinfo.value.message) == (
        "legal_basis",
        "请填写采取行政强制措施的法律依据（R-COE-001）",
    )
    assert CoerciveMeasure.objects.count() == 0


@pytest.mark.parametrize(
    "basis",
    [
        "《中华人民共和国税收征收管理法实施细则》第十条",
        "《金融机构协助查询、冻结、扣划工作管理办法》第三条",
        "上级文件",
    ],
)
def test_r_coe_009_freezing_needs_a_law_naming_the_organ(filed_case, handler, basis):
    with pytest.raises(CaseError) as excinfo:
        apply(filed_case, handler, kind="freezing", legal_basis=basis)
    assert (excinfo.value.field, excinfo.value.message) == (
        "legal_basis",
        "冻结存款、汇款只能由法律规定的行政机关实施，法律依据须引用规定该机关的法律（《……法》）（R-COE-009）",
    )
    assert CoerciveMeasure.objects.count() == 0


def test_r_coe_009_freezing_citing_a_law_is_accepted(filed_case, handler):
    measure = apply(filed_case, handler, kind="freezing", legal_basis="《中华人民共和国税收征收管理法》第三十八条")
    assert (measure.kind, measure.state) == ("freezing", "pending_approval")


# --- start (R-COE-002/004/006, R-REC-003, R-PER-005) --------------------------------------------------------


def test_r_coe_002_no_start_without_prior_approval(memory_storage, filed_case, handler, lead, co):
    measure = apply(filed_case, handler)
    add_item(measure, handler)
    attach_av(measure, handler)
    with pytest.raises(CaseError) as excinfo:
        services.start_measure(actor=handler, measure=measure, officers=[lead, co])
    assert (excinfo.value.field, excinfo.value.message) == (
        "approved_by",
        "未经负责人批准，不得实施行政强制措施（R-COE-002）",
    )
    assert CoerciveMeasure.objects.get(pk=measure.pk).state == "pending_approval"


def test_r_coe_004_two_officers_are_required(memory_storage, approved_measure, handler, lead):
    attach_av(approved_measure, handler)
    with pytest.raises(CaseError) as excinfo:
        services.start_measure(actor=handler, measure=approved_measure, officers=[lead])
    assert (excinfo.value.field, excinfo.value.message) == ("officers", "执法人员不得少于2人（R-PER-005）")
    assert CoerciveMeasure.objects.get(pk=approved_measure.pk).state == "pending_approval"


def test_r_coe_001_officers_of_another_agency_may_not_carry_it_out(
    memory_storage, approved_measure, handler, lead, other_agency, sector
):
    stranger = OfficerFactory(agency=other_agency, name="陈他局")
    CertificateFactory(officer=stranger, sectors=[sector])
    attach_av(approved_measure, handler)
    with pytest.raises(CaseError) as excinfo:
        services.start_measure(actor=handler, measure=approved_measure, officers=[lead, stranger])
    assert excinfo.value.message == "陈他局不是本单位执法人员（R-COE-001）"


def test_r_coe_004_officers_must_be_certified_that_day(memory_storage, approved_measure, handler, lead, agency):
    uncertified = OfficerFactory(agency=agency, name="王无证")
    attach_av(approved_measure, handler)
    with pytest.raises(CaseError) as excinfo:
        services.start_measure(actor=handler, measure=approved_measure, officers=[lead, uncertified])
    assert excinfo.value.field == "officers"
    assert excinfo.value.message.startswith("王无证于2026年3月2日不能执法：")
    assert excinfo.value.message.endswith("（R-PER-001）")


def test_r_coe_006_inventory_must_not_be_empty(memory_storage, filed_case, handler, head, lead, co):
    measure = services.approve_measure(actor=head, measure=apply(filed_case, handler))
    attach_av(measure, handler)
    with pytest.raises(CaseError) as excinfo:
        services.start_measure(actor=handler, measure=measure, officers=[lead, co])
    assert (excinfo.value.field, excinfo.value.message) == (
        "inventory_items",
        "尚未填写清单，查封、扣押须当场交付决定书和清单（R-COE-006）",
    )
    assert CoerciveMeasure.objects.get(pk=measure.pk).state == "pending_approval"


def test_r_rec_003_start_is_refused_without_av_and_passes_with_it(memory_storage, approved_measure, handler, lead, co):
    with pytest.raises(AvRecordMissing) as excinfo:
        services.start_measure(actor=handler, measure=approved_measure, officers=[lead, co])
    assert excinfo.value.message == "“查封扣押”须有全程音像记录，请先上传录音录像再完成此环节（R-REC-003）"
    assert CoerciveMeasure.objects.get(pk=approved_measure.pk).state == "pending_approval"
    attach_av(approved_measure, handler)
    measure = services.start_measure(actor=handler, measure=approved_measure, officers=[lead, co])
    assert (measure.state, measure.started_on, measure.term_deadline, measure.due_on) == (
        "in_force",
        date(2026, 3, 2),
        date(2026, 4, 1),
        date(2026, 4, 1),
    )
    assert measure.started_at == datetime(2026, 3, 2, 10, 0, tzinfo=BEIJING)
    assert sorted(measure.officers.values_list("pk", flat=True)) == sorted([lead.pk, co.pk])
    assert _events(measure)[-1] == "coercive_measure.started"


def test_started_measure_cannot_start_again_and_inventory_is_closed(started_measure, handler, lead, co):
    with pytest.raises(CaseStateConflict) as excinfo:
        services.start_measure(actor=handler, measure=started_measure, officers=[lead, co])
    assert excinfo.value.message == "强制措施当前状态为“实施中”，不能实施"
    with pytest.raises(CaseStateConflict) as excinfo:
        add_item(started_measure, handler)
    assert excinfo.value.message == "强制措施当前状态为“实施中”，清单已交付当事人，不能再增加物品"
    assert InventoryItem.objects.filter(measure=started_measure).count() == 1


def test_inventory_item_quantity_must_be_positive(filed_case, handler):
    measure = apply(filed_case, handler)
    with pytest.raises(CaseError) as excinfo:
        services.add_inventory_item(actor=handler, measure=measure, name="牛奶", quantity=Decimal("0"), unit="盒")
    assert (excinfo.value.field, excinfo.value.message) == ("quantity", "数量应大于零")
    assert InventoryItem.objects.count() == 0


# --- extend (R-COE-007) -------------------------------------------------------------------------------------


def test_r_coe_007_only_the_head_extends_with_a_reason_and_at_most_30_days(started_measure, handler, head):
    with pytest.raises(PermissionDenied) as excinfo:
        services.extend_measure(actor=handler, measure=started_measure, days=30, reason="案情复杂")
    assert excinfo.value.message == "只有本单位负责人可以批准延长强制措施期限（R-COE-007）"
    with pytest.raises(CaseError) as excinfo:
        services.extend_measure(actor=head, measure=started_measure, days=30, reason=" ")
    assert (excinfo.value.field, excinfo.value.message) == ("reason", "延长强制措施期限须写明理由（R-COE-007）")
    with pytest.raises(CaseError) as excinfo:
        services.extend_measure(actor=head, measure=started_measure, days=31, reason="案情复杂")
    assert (excinfo.value.field, excinfo.value.message) == ("days", "延长期限应为1至30日（R-COE-007）")
    assert CoerciveMeasure.objects.get(pk=started_measure.pk).state == "in_force"


def test_r_coe_007_extended_once_only(started_measure, head):
    measure = services.extend_measure(actor=head, measure=started_measure, days=30, reason="需检验鉴定，案情复杂")
    assert (measure.state, measure.extended_deadline, measure.due_on, measure.extended_by_id) == (
        "extended",
        date(2026, 5, 1),
        date(2026, 5, 1),
        head.pk,
    )
    with pytest.raises(CaseStateConflict) as excinfo:
        services.extend_measure(actor=head, measure=measure, days=10, reason="再延长")
    assert excinfo.value.message == "强制措施期限只能延长一次（R-COE-007）"
    assert CoerciveMeasure.objects.get(pk=measure.pk).extended_deadline == date(2026, 5, 1)


def test_extension_needs_a_measure_in_force(approved_measure, head):
    with pytest.raises(CaseStateConflict) as excinfo:
        services.extend_measure(actor=head, measure=approved_measure, days=30, reason="案情复杂")
    assert excinfo.value.message == "强制措施当前状态为“待批准”，不能延长"


def test_r_coe_007_testing_period_is_not_counted(started_measure, handler, head):
    measure = services.record_testing_period(actor=handler, measure=started_measure, days=10, told_on=date(2026, 3, 2))
    assert (measure.testing_days, measure.term_deadline, measure.due_on) == (10, date(2026, 4, 1), date(2026, 4, 11))
    measure = services.extend_measure(actor=head, measure=measure, days=20, reason="案情复杂")
    assert (measure.extended_deadline, measure.due_on) == (date(2026, 4, 21), date(2026, 5, 1))
    with pytest.raises(CaseError) as excinfo:
        services.record_testing_period(actor=handler, measure=measure, days=5, told_on=date(2026, 3, 2))
    assert excinfo.value.message == "检测期间已经确定并告知当事人，不能更改（R-COE-007）"


# --- release and disposal (R-COE-008) -----------------------------------------------------------------------


def test_r_coe_008_release_needs_the_head_a_statutory_ground_and_a_reason(started_measure, handler, head):
    with pytest.raises(PermissionDenied) as excinfo:
        services.release_measure(actor=handler, measure=started_measure, ground="no_violation", reason="无违法")
    assert excinfo.value.message == "只有本单位负责人可以决定解除行政强制措施"
    with pytest.raises(CaseError) as excinfo:
        services.release_measure(actor=head, measure=started_measure, ground="disapproved", reason="不批准")
    assert (excinfo.value.field, excinfo.value.message) == (
        "ground",
        "解除情形应为：没有违法行为、与违法行为无关、已作出处理决定、期限届满或不再需要（R-COE-008）",
    )
    with pytest.raises(CaseError) as excinfo:
        services.release_measure(actor=head, measure=started_measure, ground="unrelated", reason="")
    assert (excinfo.value.field, excinfo.value.message) == ("reason", "解除行政强制措施须写明理由（R-COE-008）")
    with pytest.raises(CaseError) as excinfo:
        services.release_measure(actor=head, measure=started_measure, ground="expired", reason="期限届满")
    assert excinfo.value.message == "强制措施期限至2026年4月1日，尚未届满（R-COE-008）"
    assert CoerciveMeasure.objects.get(pk=started_measure.pk).state == "in_force"
    measure = services.release_measure(
        actor=head, measure=started_measure, ground="unrelated", reason="经核实，仓库内物品与违法行为无关"
    )
    assert (measure.state, measure.release_ground, measure.released_on, measure.released_by_id) == (
        "released",
        "unrelated",
        date(2026, 3, 2),
        head.pk,
    )
    assert _events(measure)[-1] == "coercive_measure.released"


def test_r_coe_008_disposal_needs_a_penalty_decision(started_measure, head, filed_case):
    with pytest.raises(CaseError) as excinfo:
        services.dispose_measure(actor=head, measure=started_measure, disposal="confiscated")
    assert (excinfo.value.field, excinfo.value.message) == (
        "disposal",
        "案件尚未作出行政处罚决定，不能没收或者销毁，应当依法解除（R-COE-008）",
    )
    assert CoerciveMeasure.objects.get(pk=started_measure.pk).state == "in_force"
    # The decision itself is covered by the case tests; here it is only the precondition.
    PenaltyCase.objects.filter(pk=filed_case.pk).update(
        state="decided", decision_kind="penalty", decided_on=date(2026, 3, 2)
    )
    measure = services.dispose_measure(actor=head, measure=started_measure, disposal="destroyed", note="监督销毁")
    assert (measure.state, measure.disposal, measure.disposed_on) == ("disposed", "destroyed", date(2026, 3, 2))
    with pytest.raises(CaseStateConflict) as excinfo:
        services.release_measure(actor=head, measure=measure, ground="decided", reason="已处理")
    assert excinfo.value.message == "强制措施当前状态为“已依法处理”，不能解除"


def test_r_coe_008_confiscation_needs_a_confiscation_penalty_and_the_term(started_measure, head, filed_case):
    import time_machine

    PenaltyCase.objects.filter(pk=filed_case.pk).update(
        state="decided", decision_kind="penalty", decided_on=date(2026, 3, 2), penalty_kinds=["warning"]
    )
    with pytest.raises(CaseError) as excinfo:
        services.dispose_measure(actor=head, measure=started_measure, disposal="confiscated")
    assert (
        excinfo.value.message
        == "处罚决定未包含没收非法财物，不能没收查封扣押的财物，应当依法解除（R-COE-008、R-PEN-001）"
    )
    PenaltyCase.objects.filter(pk=filed_case.pk).update(penalty_kinds=["warning", "confiscate_property"])
    due_on = CoerciveMeasure.objects.get(pk=started_measure.pk).due_on
    with time_machine.travel(f"{due_on.isoformat()}T20:00:00Z", tick=False), pytest.raises(CaseError) as late:
        services.dispose_measure(
            actor=head, measure=started_measure, disposal="confiscated"
        )  # the day after, in Shanghai
    assert late.value.message.endswith("期限内未作出处理的应当依法解除（R-COE-008）")
    measure = services.dispose_measure(actor=head, measure=started_measure, disposal="confiscated")
    assert (measure.state, measure.disposal) == ("disposed", "confiscated")
