"""R-DOC-002: 文号 gapless per agency, kind and year; format configurable; void numbers kept, never reused."""

import pytest
from django.core.exceptions import ValidationError

from zhifa.core.errors import Conflict, PermissionDenied
from zhifa.documents.errors import DocumentError
from zhifa.documents.models import DocumentNumber, NumberingRule
from zhifa.documents.services import allocate_number, void_number
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db


def _texts(agency, kind, year):
    return list(
        DocumentNumber.objects.filter(agency=agency, kind=kind, year=year)
        .order_by("serial")
        .values_list("text", flat=True)
    )


def test_r_doc_002_numbers_are_gapless_and_formatted_from_the_short_name(agency):
    numbers = [allocate_number(agency=agency, kind="penalty_decision", year=2026) for _ in range(3)]
    assert [n.text for n in numbers] == ["示市监罚〔2026〕1号", "示市监罚〔2026〕2号", "示市监罚〔2026〕3号"]
    assert [n.serial for n in numbers] == [1, 2, 3]


def test_r_doc_002_each_agency_kind_and_year_has_its_own_sequence(agency, other_agency):
    allocate_number(agency=agency, kind="penalty_decision", year=2026)
    allocate_number(agency=agency, kind="penalty_decision", year=2026)
    assert allocate_number(agency=agency, kind="filing_approval", year=2026).text == "示市监立〔2026〕1号"
    assert allocate_number(agency=agency, kind="penalty_decision", year=2027).text == "示市监罚〔2027〕1号"
    assert allocate_number(agency=other_agency, kind="penalty_decision", year=2026).text == "示交罚〔2026〕1号"
    assert _texts(agency, "penalty_decision", 2026) == ["示市监罚〔2026〕1号", "示市监罚〔2026〕2号"]


def test_allocation_is_recorded_in_the_ledger(agency, handler):
    number = allocate_number(agency=agency, kind="penalty_decision", year=2026, actor=handler)
    event = Event.objects.get(event_type="document_number.allocated")
    assert (event.actor_id, event.agency_id, event.subject_id) == (handler.pk, agency.pk, str(number.pk))
    assert event.data == {"kind": "penalty_decision", "year": 2026, "serial": 1, "text": "示市监罚〔2026〕1号"}


def test_configured_rule_sets_prefix_and_format(agency):
    NumberingRule.objects.create(
        agency=agency, kind="penalty_decision", prefix="示市监处罚", format="{prefix}字〔{year}〕{serial}号"
    )
    assert allocate_number(agency=agency, kind="penalty_decision", year=2026).text == "示市监处罚字〔2026〕1号"


@pytest.mark.parametrize(
    ("prefix", "template", "errors"),
    [
        ("", "{prefix}〔{year}〕{serial}号", {"prefix": ["文号前缀不能为空，也不能含括号或空格"]}),
        ("示〔市监", "{prefix}〔{year}〕{serial}号", {"prefix": ["文号前缀不能为空，也不能含括号或空格"]}),
        ("示市监罚", "{prefix}〔{year}〕号", {"format": ["文号格式须包含年份 {year} 和序号 {serial}"]}),
        (
            "示市监罚",
            "{prefix}〔{year}〕{serial}号{agency}",
            {"format": ["文号格式只能使用 {prefix}、{year}、{serial}"]},
        ),
    ],
)
def test_numbering_rule_validation(agency, prefix, template, errors):
    rule = NumberingRule(agency=agency, kind="penalty_decision", prefix=prefix, format=template)
    with pytest.raises(ValidationError) as excinfo:
        rule.clean()
    assert excinfo.value.message_dict == errors


def test_agency_without_short_name_or_rule_is_refused(agency):
    agency.short_name = ""
    agency.save()
    with pytest.raises(DocumentError) as excinfo:
        allocate_number(agency=agency, kind="penalty_decision", year=2026)
    assert excinfo.value.message == (
        "执法主体“示范县市场监督管理局”未设置简称（文号机关代字），请先设置简称或为《行政处罚决定书》配置文号规则"
    )
    assert DocumentNumber.objects.count() == 0


def test_records_are_not_numbered(agency):
    with pytest.raises(DocumentError) as excinfo:
        allocate_number(agency=agency, kind="inquiry_record", year=2026)
    assert excinfo.value.message == "《询问笔录》不编文号"


def test_colliding_prefixes_are_a_conflict_not_a_duplicate(agency):
    NumberingRule.objects.create(agency=agency, kind="filing_approval", prefix="示市监罚")
    allocate_number(agency=agency, kind="penalty_decision", year=2026)
    with pytest.raises(Conflict) as excinfo:
        allocate_number(agency=agency, kind="filing_approval", year=2026)
    assert (
        excinfo.value.message
        == "文号“示市监罚〔2026〕1号”已被本单位其他种类的文书使用：请检查各类文书的文号前缀是否重复"
    )
    assert DocumentNumber.objects.count() == 1


def test_r_doc_002_a_voided_number_is_kept_and_never_reused(agency, head):
    first = allocate_number(agency=agency, kind="penalty_decision", year=2026)
    void_number(first, reason="纸质文书填写错误", actor=head)
    second = allocate_number(agency=agency, kind="penalty_decision", year=2026)
    assert second.text == "示市监罚〔2026〕2号"
    first.refresh_from_db()
    assert (first.is_voided, first.voided_reason, first.voided_by_id) == (True, "纸质文书填写错误", head.pk)
    assert _texts(agency, "penalty_decision", 2026) == ["示市监罚〔2026〕1号", "示市监罚〔2026〕2号"]
    event = Event.objects.get(event_type="document_number.voided")
    assert event.data == {"text": "示市监罚〔2026〕1号", "reason": "纸质文书填写错误"}


def test_voiding_needs_a_reason_a_head_and_happens_once(agency, head, handler, other_agency_handler):
    number = allocate_number(agency=agency, kind="penalty_decision", year=2026)
    with pytest.raises(PermissionDenied):
        void_number(number, reason="错误", actor=handler)
    with pytest.raises(PermissionDenied):
        void_number(number, reason="错误", actor=other_agency_handler)
    with pytest.raises(DocumentError) as excinfo:
        void_number(number, reason="  ", actor=head)
    assert excinfo.value.message == "作废文号须说明原因"
    number.refresh_from_db()
    assert number.is_voided is False
    void_number(number, reason="错误", actor=head)
    with pytest.raises(Conflict) as excinfo:
        void_number(number, reason="再次作废", actor=head)
    assert excinfo.value.message == "文号“示市监罚〔2026〕1号”已作废"


def test_year_must_have_four_digits(agency):
    with pytest.raises(DocumentError) as excinfo:
        allocate_number(agency=agency, kind="penalty_decision", year=26)
    assert excinfo.value.message == "文号年份“26”不正确：应为四位年份"
