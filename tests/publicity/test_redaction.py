"""The redaction function (pure): personal data of natural persons in any text never reaches the snapshot
(R-PRV-001), names are surname + 某 (R-PRV-003), minors are never named (R-PRV-004), flagged parts are withheld
with their ground only (R-PRV-002). Property tests feed generated personal data into every field."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.publicity.personal_data import PersonalData, inline_text, personal_data
from zhifa.publicity.redaction import (
    HIDDEN,
    MINOR_NAME,
    DecisionText,
    Exclusion,
    PartyText,
    Person,
    Policy,
    Section,
    build_snapshot,
    mask_name,
    redact_text,
)

KEYS = ("case_cause", "facts", "evidence", "decision_reasoning", "penalties", "performance")
PROPERTY = settings(max_examples=150, derandomize=True, deadline=None)


def _person(data: PersonalData, *, minor: bool = False) -> Person:
    return Person(
        data.name, (data.id_number, data.mobile, data.landline, data.bank_account), (data.address,), is_minor=minor
    )


def _decision(
    data: PersonalData, persons: tuple[Person, ...], *, party_name: str, representative: str = ""
) -> DecisionText:
    text = inline_text(data)
    return DecisionText(
        kind="penalty_decision",
        kind_label="行政处罚决定",
        title=f"行政处罚决定书（{data.name}）",
        document_number=f"示市监罚〔2026〕1号 {data.mobile}",
        agency_name="示范县市场监督管理局",
        decided_on=date(2026, 3, 2),
        party=PartyText(name=party_name, kind_label="自然人", legal_representative=representative),
        sections=tuple(Section(key, key, text) for key in KEYS),
        persons=persons,
        summary=f"罚款1,000.00元 {data.id_number}",
    )


def _snapshot_text(snapshot: dict) -> str:
    return json.dumps(snapshot, ensure_ascii=False)


# --- properties ---------------------------------------------------------------------------------------------


@PROPERTY
@given(personal_data)
def test_r_prv_001_003_a_natural_persons_data_in_every_field_never_reaches_the_snapshot(data):
    snapshot = build_snapshot(_decision(data, (_person(data),), party_name=data.name))
    text = _snapshot_text(snapshot)
    for secret in data.secrets():
        assert secret not in text
    assert snapshot["party"]["name"] == data.masked_name
    assert data.masked_name in snapshot["sections"][0]["text"]


@PROPERTY
@given(personal_data)
def test_r_prv_004_a_minor_is_never_named_not_even_by_surname(data):
    snapshot = build_snapshot(_decision(data, (_person(data, minor=True),), party_name=data.name))
    text = _snapshot_text(snapshot)
    for secret in [*data.secrets(), data.masked_name]:
        assert secret not in text
    assert snapshot["party"]["name"] == MINOR_NAME


@PROPERTY
@given(personal_data, personal_data)
def test_r_prv_001_a_representative_shown_by_name_keeps_every_number_and_address_hidden(party, representative):
    """An organization's 法定代表人 may be named (cfg, 45号令 第10条); their ID number and the party's operator's
    data never appear; a second natural person mentioned in the text is hidden too."""
    assume(representative.name not in party.name and party.name not in representative.name)
    persons = (Person("", (representative.id_number,)), _person(party))
    decision = _decision(party, persons, party_name="示范县槿檀餐饮有限公司", representative=representative.name)
    decision = DecisionText(
        **{**decision.__dict__, "sections": (*decision.sections, Section("extra", "说明", representative.id_number))}
    )
    text = _snapshot_text(build_snapshot(decision))
    assert representative.id_number not in text
    assert representative.name in text
    for secret in party.secrets():
        assert secret not in text


@PROPERTY
@given(st.text(alphabet="0123456789 -+Xx（）()@.abc某张李", max_size=40), personal_data)
def test_r_prv_001_redaction_is_idempotent_and_never_adds_personal_data(noise, data):
    person = _person(data)
    once = redact_text(noise + inline_text(data) + noise, [person])
    assert redact_text(once, [person]) == once
    for secret in data.secrets():
        assert secret not in once


# --- examples -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "43018119900101001X",
        "43018119900101001x",
        "430181 19900101 001X",
        "４３０１８１１９９００１０１００１Ｘ",
        "13812345678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "0731-88881234",
        "（0731）88881234",
        "0731-88881234-801",
        "6222021234567890123",
        "6222 0212 3456 7890",
        "zhang.san@example.com",
    ],
)
def test_r_prv_001_generic_patterns_hide_numbers_nobody_registered(written):
    assert redact_text(f"联系方式：{written}。", []) == f"联系方式：{HIDDEN}。"


@pytest.mark.parametrize(
    "kept",
    [
        "罚款10000.00元",
        "示市监罚〔2026〕12号",
        "2026-03-02",
        "湘43019920001",
        "91430181MA4L00011X",
        "第一百二十四条第一款",
    ],
)
def test_amounts_dates_numbers_and_codes_stay(kept):
    assert redact_text(kept, []) == kept


def test_r_prv_001_a_known_fixed_phone_is_hidden_also_without_its_area_code():
    person = Person("", ("0731-88881234",))
    assert redact_text("店内电话88881234", [person]) == f"店内电话{HIDDEN}"


def test_r_prv_001_a_known_address_is_hidden_even_with_spaces():
    person = Person("", (), ("湖南省示范县青山村3组12号",))
    assert redact_text("住湖南省示范县 青山村3组12号。", [person]) == f"住{HIDDEN}。"


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张某"), ("张三丰", "张某"), ("欧阳娜娜", "欧阳某"), ("司马光", "司马某"), ("欧阳", "欧某")],
)
def test_r_prv_003_names_are_surname_and_mou(name, masked):
    assert mask_name(name) == masked


def test_r_prv_003_masking_can_be_switched_off_but_never_for_minors():
    adult, minor = Person("郦琰"), Person("瞿骁", is_minor=True)
    policy = Policy(mask_names=False)
    assert redact_text("郦琰与瞿骁", [adult, minor], policy=policy) == f"郦琰与{MINOR_NAME}"


def test_r_prv_002_a_flagged_part_is_withheld_naming_only_its_ground():
    decision = DecisionText(
        kind="penalty_decision",
        kind_label="行政处罚决定",
        title="行政处罚决定书",
        document_number="",
        agency_name="示范县市场监督管理局",
        decided_on=date(2026, 3, 2),
        party=PartyText(name="示范县好味道餐饮有限公司", kind_label="法人"),
        sections=(Section("facts", "违法事实", "使用秘制配方甲乙丙生产"), Section("evidence", "证据", "配方单")),
    )
    snapshot = build_snapshot(
        decision,
        exclusions=[
            Exclusion(text="秘制配方甲乙丙", ground="trade_secret", reason="当事人主张配方为商业秘密"),
            Exclusion(key="evidence", ground="trade_secret", reason="配方单"),
        ],
    )
    text = _snapshot_text(snapshot)
    assert "秘制配方甲乙丙" not in text and "当事人主张" not in text and "配方单" not in text
    assert snapshot["sections"][0]["text"] == "使用（涉及商业秘密，不予公开）生产"
    assert snapshot["sections"][1]["text"] == "（本部分涉及商业秘密，依法不予公开）"
    assert snapshot["withheld"] == [
        {"label": "违法事实", "ground": "商业秘密"},
        {"label": "证据", "ground": "商业秘密"},
    ]


def test_r_prv_001_a_persons_id_number_is_never_shown_as_the_party_identifier():
    decision = DecisionText(
        kind="penalty_decision",
        kind_label="行政处罚决定",
        title="行政处罚决定书",
        document_number="",
        agency_name="示范县市场监督管理局",
        decided_on=date(2026, 3, 2),
        party=PartyText(name="郦琰", kind_label="自然人", identifier="430181199001010011", identifier_label="证件号码"),
        sections=(),
        persons=(Person("郦琰", ("430181199001010011",)),),
    )
    assert build_snapshot(decision)["party"]["identifier"] == ""
