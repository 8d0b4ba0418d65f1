"""Partial display of personal data in staff lists (GLOSSARY masks; R-PRV-006)."""

from __future__ import annotations


def mask_id_number(value: str) -> str:
    """``430181199203150020`` → ``4301**********0020``."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str) -> str:
    """Mobile ``13812345678`` → ``138****5678``; other numbers keep their last 4."""
    if not value:
        return ""
    if len(value) == 11 and value.isdigit():
        return value[:3] + "****" + value[-4:]
    if len(value) <= 6:  # service numbers and fragments: never show most of the digits
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]


def mask_bank_account(value: str) -> str:
    if not value:
        return ""
    if len(value) <= 4:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]


def mask_address(value: str) -> str:
    """Keep the first 6 characters (province/city/county level) of an address."""
    if not value:
        return ""
    return value[:6] + "****" if len(value) > 6 else "****"


def mask_person_name(value: str) -> str:
    """``张三丰`` → ``张**`` (staff lists; the portal uses surname + 某, R-PRV-003)."""
    if not value:
        return ""
    return value[0] + "*" * (len(value) - 1)
