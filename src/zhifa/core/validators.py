"""Identifier validators (GLOSSARY, Formats). Each raises ``ValidationError`` with a Chinese message.

- USCC 统一社会信用代码 (GB 32100-2015): pattern + check character. python-stdnum's ``cn.uscc.validate``
  wrongly requires digits in positions 1–2, so only its ``calc_check_digit`` is used.
- 居民身份证号码 (GB 11643-1999): length, birth date and MOD 11-2 check digit; the address code is not gated.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from stdnum.cn import uscc as stdnum_uscc

USCC_PATTERN = re.compile(r"^[1-9ANY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
ID_NUMBER_PATTERN = re.compile(r"^\d{17}[\dX]$")
MOBILE_PATTERN = re.compile(r"^1[3-9]\d{9}$")
LANDLINE_PATTERN = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
SERVICE_NUMBER_PATTERN = re.compile(r"^\d{5,6}$")
ORGANIZATION_CODE_PATTERN = re.compile(r"^[0-9A-Z]{8}[0-9X]$")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def normalize_uscc(value: str) -> str:
    return (value or "").strip().upper()


def validate_uscc(value: str) -> None:
    code = normalize_uscc(value)
    if len(code) != 18:
        raise ValidationError(f"统一社会信用代码应为18位，当前为{len(code)}位", code="uscc_length")
    if not USCC_PATTERN.match(code):
        raise ValidationError("统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）或格式不符", code="uscc_format")
    if stdnum_uscc.calc_check_digit(code[:17]) != code[17]:
        raise ValidationError("统一社会信用代码校验位错误，请核对", code="uscc_checksum")


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters (used by the demo data generator)."""
    return str(stdnum_uscc.calc_check_digit(first17))


def normalize_id_number(value: str) -> str:
    return (value or "").strip().upper()


def id_number_check_digit(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def validate_id_number(value: str) -> None:
    number = normalize_id_number(value)
    if len(number) == 15 and number.isdigit():
        raise ValidationError("不接受15位旧身份证号码，请填写18位公民身份号码", code="id_number_15")
    if len(number) != 18:
        raise ValidationError(f"公民身份号码应为18位，当前为{len(number)}位", code="id_number_length")
    if not ID_NUMBER_PATTERN.match(number):
        raise ValidationError("公民身份号码格式不符：前17位应为数字，末位为数字或X", code="id_number_format")
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError("公民身份号码中的出生日期无效", code="id_number_birth_date") from None
    if id_number_check_digit(number[:17]) != number[17]:
        raise ValidationError("公民身份号码校验位错误，请核对", code="id_number_checksum")


def birth_date_from_id_number(value: str) -> date:
    number = normalize_id_number(value)
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def organization_code_check_char(first8: str) -> str:
    total = sum(int(char, 36) * weight for char, weight in zip(first8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate_organization_code(value: str) -> None:
    code = (value or "").replace("-", "").strip().upper()
    if not ORGANIZATION_CODE_PATTERN.match(code):
        raise ValidationError("组织机构代码应为8位数字或大写字母加1位校验码", code="organization_code_format")
    if organization_code_check_char(code[:8]) != code[8]:
        raise ValidationError("组织机构代码校验码错误", code="organization_code_checksum")


def normalize_phone(value: str) -> str:
    phone = re.sub(r"[\s()（）]", "", value or "")
    for prefix in ("+86", "0086"):
        if phone.startswith(prefix):
            phone = phone[len(prefix) :]
    return phone.strip("-")


def validate_phone(value: str) -> None:
    phone = normalize_phone(value)
    if not (MOBILE_PATTERN.match(phone) or LANDLINE_PATTERN.match(phone) or SERVICE_NUMBER_PATTERN.match(phone)):
        raise ValidationError(
            "电话号码格式不正确：手机号为11位（1开头），座机如 0731-12345678，服务号码如 12345", code="phone_format"
        )
