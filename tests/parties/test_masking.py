"""Masks of personal fields in staff lists (GLOSSARY masks; R-PRV-006)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.parties.factories import PartyFactory
from zhifa.core.masking import mask_address, mask_id_number, mask_phone
from zhifa.parties.choices import PartyKind
from zhifa.parties.models import PERSONAL_FIELDS, Party


def test_mask_formats_follow_the_glossary():
    assert mask_id_number("430181199203151234") == "4301**********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_address("湖南省长沙市示范县青山村3组12号") == "湖南省长沙市****"


def test_personal_fields_are_declared_in_one_place():
    assert PERSONAL_FIELDS == ("id_number", "legal_representative_id_number", "address", "phone")
    assert Party.PERSONAL_FIELDS is PERSONAL_FIELDS


def test_r_prv_006_natural_person_masks_id_address_and_phone():
    party = Party(
        kind=PartyKind.NATURAL_PERSON,
        id_number="430181199203150020",
        address="湖南省长沙市示范县青山村3组12号",
        phone="13812345678",
    )
    assert party.personal_fields == ("id_number", "address", "phone")
    assert (party.masked_id_number, party.masked_address, party.masked_phone) == (
        "4301**********0020",
        "湖南省长沙市****",
        "138****5678",
    )


def test_r_prv_006_company_address_and_phone_are_public_but_representative_id_masked():
    party = Party(
        kind=PartyKind.LEGAL_PERSON,
        legal_representative_id_number="430181199203150020",
        address="湖南省长沙市示范县人民路1号",
        phone="0731-88881234",
    )
    assert party.personal_fields == ("id_number", "legal_representative_id_number")
    assert (party.masked_legal_representative_id_number, party.masked_address, party.masked_phone) == (
        "4301**********0020",
        "湖南省长沙市示范县人民路1号",
        "0731-88881234",
    )


def test_empty_personal_values_mask_to_empty():
    party = Party(kind=PartyKind.NATURAL_PERSON)
    assert [party.masked(f) for f in PERSONAL_FIELDS] == ["", "", "", ""]


@pytest.mark.django_db
def test_identifier_label_of_a_person_is_masked(county):
    person = PartyFactory(natural_person=True, region=county, id_number="430181199203150020")
    assert person.identifier_label == "4301**********0020"


id_numbers = st.builds(
    lambda body, check: body + check,
    st.text(alphabet=string.digits, min_size=17, max_size=17),
    st.sampled_from("0123456789X"),
)
mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}", st.sampled_from("3456789"), st.text(string.digits, min_size=9, max_size=9)
)
any_phone = st.one_of(mobiles, st.text(alphabet=string.digits + "-", min_size=5, max_size=20))


@given(id_number=id_numbers, phone=any_phone)
def test_r_prv_006_masked_output_never_contains_the_full_value(id_number, phone):
    party = Party(
        kind=PartyKind.NATURAL_PERSON, id_number=id_number, legal_representative_id_number=id_number, phone=phone
    )
    masked_id = party.masked_id_number
    masked_phone = party.masked_phone
    assert id_number not in masked_id
    assert phone not in masked_phone
    assert len(masked_id) == 18
    assert masked_id[4:14] == "*" * 10
    # at most the prefix and the last 4 characters of the phone survive
    assert sum(ch != "*" for ch in masked_phone) <= 7
