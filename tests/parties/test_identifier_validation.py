"""Identifier validators of zhifa.core.validators (GLOSSARY Formats: uscc, id_number)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from zhifa.core.validators import (
    id_number_check_digit,
    organization_code_check_char,
    uscc_check_char,
    validate_id_number,
    validate_organization_code,
    validate_uscc,
)


def _with_uscc_check(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def _with_id_check(first17: str) -> str:
    return first17 + id_number_check_digit(first17)


def _message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return exc.value.messages[0]


class TestUscc:
    def test_glossary_example_is_valid(self):
        validate_uscc("91430181MA4L00011X")

    def test_lowercase_input_is_accepted_as_uppercase(self):
        validate_uscc("91430181ma4l00011x")

    @pytest.mark.parametrize("authority", ["N", "Y"])
    def test_n_and_y_registration_authorities_are_accepted(self, authority):
        # GLOSSARY: python-stdnum's validate wrongly rejects 农村集体经济组织 (N…) and Y… codes.
        validate_uscc(_with_uscc_check(f"{authority}2430199MA4L00011"))

    @pytest.mark.parametrize("letter", ["I", "O", "S", "V", "Z"])
    def test_letters_outside_the_alphabet_are_rejected(self, letter):
        code = "91430181MA4L0001" + letter + "X"
        with pytest.raises(ValidationError) as exc:
            validate_uscc(code)
        assert _message(exc) == "统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）或格式不符"

    def test_wrong_check_character_is_rejected(self):
        with pytest.raises(ValidationError) as exc:
            validate_uscc("91430181MA4L00011Y")
        assert _message(exc) == "统一社会信用代码校验位错误，请核对"

    def test_wrong_length_names_the_length(self):
        with pytest.raises(ValidationError) as exc:
            validate_uscc("91430181MA4L0001")
        assert _message(exc) == "统一社会信用代码应为18位，当前为16位"

    def test_organization_code_check_char_matches_glossary_weights(self):
        # MA4L0001 → weights 3 7 9 10 5 8 4 2 (A=10 … Z=35): 66+70+36+210+0+0+0+2 = 384; 11 − 384 mod 11 = 1
        assert organization_code_check_char("MA4L0001") == "1"
        validate_organization_code("MA4L0001-1")


class TestIdNumber:
    def test_valid_number_is_accepted(self):
        # GLOSSARY: cn.ric rejects this real number (浏阳's code dates from 1993); zhifa must accept it.
        validate_id_number("430181199203150020")

    def test_lowercase_x_check_digit_is_accepted(self):
        validate_id_number("11010519491231002x")

    def test_fifteen_digit_number_asks_for_eighteen(self):
        with pytest.raises(ValidationError) as exc:
            validate_id_number("430181920315002")
        assert _message(exc) == "不接受15位旧身份证号码，请填写18位公民身份号码"

    def test_impossible_birth_date_is_rejected(self):
        with pytest.raises(ValidationError) as exc:
            validate_id_number(_with_id_check("43018119920230002"))  # 30 February
        assert _message(exc) == "公民身份号码中的出生日期无效"

    def test_wrong_check_digit_is_rejected(self):
        with pytest.raises(ValidationError) as exc:
            validate_id_number("430181199203150021")
        assert _message(exc) == "公民身份号码校验位错误，请核对"

    @pytest.mark.parametrize(
        "number", ["810000199408230021", _with_id_check("82000019800101001"), _with_id_check("83000019750615003")]
    )
    def test_hk_macao_taiwan_residence_permits_are_accepted(self, number):
        validate_id_number(number)

    def test_letters_in_the_first_seventeen_are_rejected(self):
        with pytest.raises(ValidationError) as exc:
            validate_id_number("43018119920315A020")
        assert _message(exc) == "公民身份号码格式不符：前17位应为数字，末位为数字或X"
