"""Redaction (脱敏): the pure function that turns what a decision says into the portal's snapshot.

- R-PRV-001: no ID numbers, phones, home addresses or bank accounts of natural persons reach the snapshot.
- R-PRV-003: natural persons' names appear as surname + 某 (configurable).
- R-PRV-004: a minor is never named (``某某``); their address and identifiers go like everyone's.
- R-PRV-002: parts the handler flagged (商业秘密 …) are replaced by a notice naming only the ground.

Every text goes through the same steps, in this order: the handler's flagged phrases; the known identifiers and
addresses of each natural person, wherever they appear (spaces and hyphens inside them tolerated); generic
patterns (18-digit ID numbers with an ``X`` check character, 15–19-digit bank card numbers, mobile and fixed phones,
e-mail addresses); the known names. No I/O: ``publicity.services.sources`` reads the records and passes plain data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

SCHEMA_VERSION = 1
HIDDEN = "（已隐去）"
MINOR_NAME = "某某"
WITHHELD = "（本部分涉及{ground}，依法不予公开）"
WITHHELD_PHRASE = "（涉及{ground}，不予公开）"
GROUND_LABELS = {"state_secret": "国家秘密", "trade_secret": "商业秘密", "privacy": "个人隐私"}
# Two-character surnames (复姓) keep both characters before 某.
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "钟离",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "呼延",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "闻人",
        "万俟",
        "赫连",
        "东郭",
        "拓跋",
        "百里",
        "左丘",
        "第五",
        "梁丘",
        "闾丘",
        "谷梁",
        "宰父",
        "濮阳",
        "单于",
    ]
)

_SEPARATORS = r"[\s\-－—]*"
# A run of digits, possibly split by single spaces or hyphens, with an optional +86/0086 prefix and a final X.
_DIGIT_RUN = re.compile(
    r"(?<![0-9A-Za-z])(?:(?:\+|＋)?86[\s\-]?)?\d(?:[\s\-]?\d){6,}(?:[\s\-]?[Xx])?(?![0-9A-Za-z])",
)
_LANDLINE_IN_BRACKETS = re.compile(r"[（(]0\d{2,3}[）)][\s\-]?\d{7,8}(?:[\-－]\d{1,6})?(?!\d)")
# Full-width digits and letters (４３０１…) are read as their ASCII forms before any pattern runs.
_FULL_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "＋": "+",
        "－": "-",
    }
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")


@dataclass(frozen=True)
class Person:
    """A natural person the decision names: the party, an individual business's operator, a representative.

    ``name`` empty means the name may be shown (e.g. an organization's 法定代表人 when the locality publishes it);
    ``identifiers`` are ID numbers, phones, bank accounts or e-mail addresses; ``addresses`` their addresses.
    """

    name: str = ""
    identifiers: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    is_minor: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    text: str


@dataclass(frozen=True)
class PartyText:
    name: str
    kind_label: str
    identifier: str = ""  # an organization's 统一社会信用代码 (public registration data)
    identifier_label: str = ""
    legal_representative: str = ""


@dataclass(frozen=True)
class DecisionText:
    """What the decision says, as plain text, and who in it is a natural person."""

    kind: str
    kind_label: str
    title: str
    document_number: str
    agency_name: str
    decided_on: date
    party: PartyText
    sections: tuple[Section, ...]
    persons: tuple[Person, ...] = ()
    summary: str = ""  # e.g. 警告、罚款10,000.00元 — shown in lists


@dataclass(frozen=True)
class Exclusion:
    """R-PRV-002: a section (``text`` empty) or a phrase (in section ``key``, or anywhere when ``key`` is empty)
    withheld on a ``ground`` (an ``ExemptionReason`` value). ``reason`` stays internal: never in the snapshot."""

    key: str = ""
    text: str = ""
    ground: str = "trade_secret"
    reason: str = ""


@dataclass(frozen=True)
class Policy:
    mask_names: bool = True
    show_legal_representative: bool = True


def mask_name(name: str) -> str:
    """R-PRV-003: ``张三丰`` → ``张某``, ``欧阳娜娜`` → ``欧阳某``."""
    name = name.strip()
    if not name:
        return ""
    surname = name[:2] if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else name[0]
    return surname + "某"


def _loose(value: str, between: str = _SEPARATORS) -> re.Pattern[str] | None:
    """``value`` wherever it appears, with spaces or hyphens between its characters (``138 1234 5678``)."""
    chars = [re.escape(ch) for ch in value if not ch.isspace() and ch not in "-－—"]
    if len(chars) < 2:
        return None
    return re.compile(between.join(chars), re.IGNORECASE)


def _compact(text: str) -> str:
    return re.sub(r"[\s\-－—]", "", text).upper()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _is_personal_number(run: str) -> bool:
    """Is a run of digits an ID number, a bank card, a mobile or a fixed phone with its area code?"""
    digits = _digits(run)
    has_x = run.rstrip()[-1:] in ("X", "x")
    for prefix in ("0086", "86"):
        rest = digits[len(prefix) :]
        if digits.startswith(prefix) and len(rest) == 11 and rest[0] == "1" and rest[1] in "3456789":
            return True
    if has_x:
        return len(digits) in (14, 17)  # 15- or 18-character ID number ending in X
    if 15 <= len(digits) <= 19:  # ID numbers, bank card numbers
        return True
    if len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789":  # mobile
        return True
    return digits.startswith("0") and 10 <= len(digits) <= 12  # area code + local number


def _generic(text: str) -> str:
    text = _LANDLINE_IN_BRACKETS.sub(HIDDEN, text)
    text = _EMAIL.sub(HIDDEN, text)
    return _DIGIT_RUN.sub(lambda m: HIDDEN if _is_personal_number(m.group(0)) else m.group(0), text)


def _known_values(persons: Sequence[Person]) -> list[str]:
    values: set[str] = set()
    for person in persons:
        for value in (*person.identifiers, *person.addresses):
            value = value.strip()
            if not value:
                continue
            values.add(value)
            local = re.fullmatch(r"0\d{2,3}[\s\-]?(\d{7,8})", value)  # a fixed phone is also written without area code
            if local:
                values.add(local.group(1))
    return sorted(values, key=len, reverse=True)


def _names(persons: Sequence[Person], policy: Policy) -> list[tuple[str, str]]:
    pairs: dict[str, str] = {}
    for person in persons:
        name = person.name.strip()
        if len(name) < 2:
            continue
        if person.is_minor:
            pairs[name] = MINOR_NAME
        elif policy.mask_names:
            pairs.setdefault(name, mask_name(name))
    return sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True)


def redact_text(text: str, persons: Sequence[Person], *, policy: Policy | None = None) -> str:
    """One text with every natural person's identifiers, addresses and (masked) names removed (R-PRV-001/003/004)."""
    policy = policy or Policy()
    if not text:
        return ""
    text = text.translate(_FULL_WIDTH)
    for value in _known_values(persons):
        pattern = _loose(value, _SEPARATORS if any(ch.isdigit() for ch in value) else r"\s*")
        if pattern is not None:
            text = pattern.sub(HIDDEN, text)
    text = _generic(text)
    for name, masked in _names(persons, policy):
        pattern = _loose(name, r"\s*")
        if pattern is not None:
            text = pattern.sub(masked, text)
    return text


def _withheld_phrases(text: str, exclusions: Iterable[Exclusion]) -> str:
    for exclusion in sorted(exclusions, key=lambda e: len(e.text), reverse=True):
        pattern = _loose(exclusion.text, r"\s*")
        label = GROUND_LABELS.get(exclusion.ground, "依法不予公开的内容")
        if pattern is not None:
            text = pattern.sub(WITHHELD_PHRASE.format(ground=label), text)
    return text


def _sections(
    decision: DecisionText, exclusions: Sequence[Exclusion], policy: Policy
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    shown: list[dict[str, str]] = []
    withheld: list[dict[str, str]] = []
    for section in decision.sections:
        whole = [e for e in exclusions if e.key == section.key and not e.text.strip()]
        if whole:
            ground = GROUND_LABELS.get(whole[0].ground, "依法不予公开的内容")
            shown.append({"key": section.key, "label": section.label, "text": WITHHELD.format(ground=ground)})
            withheld.append({"label": section.label, "ground": ground})
            continue
        phrases = [e for e in exclusions if e.text.strip() and e.key in ("", section.key)]
        text = _withheld_phrases(section.text, phrases)
        if text != section.text:
            grounds = sorted({GROUND_LABELS.get(e.ground, "依法不予公开的内容") for e in phrases})
            withheld.extend({"label": section.label, "ground": ground} for ground in grounds)
        shown.append(
            {"key": section.key, "label": section.label, "text": redact_text(text, decision.persons, policy=policy)}
        )
    return shown, withheld


def build_snapshot(
    decision: DecisionText, *, exclusions: Sequence[Exclusion] = (), policy: Policy | None = None
) -> dict[str, Any]:
    """The portal's copy of a decision: every text redacted, flagged parts withheld (R-PRV-001..004, R-PUB-007).

    JSON-native (strings, lists, dicts): what is hashed is exactly what is stored and shown.
    """
    policy = policy or Policy()
    persons = decision.persons

    def clean(text: str) -> str:
        return redact_text(text, persons, policy=policy)

    sections, withheld = _sections(decision, exclusions, policy)
    party = decision.party
    known = {_compact(value) for value in _known_values(persons)}
    identifier = party.identifier if _compact(party.identifier) not in known else ""  # never a person's number
    return {
        "schema": SCHEMA_VERSION,
        "kind": decision.kind,
        "kind_label": decision.kind_label,
        "title": clean(decision.title),
        "document_number": clean(decision.document_number),
        "agency_name": decision.agency_name,
        "decided_on": decision.decided_on.isoformat(),
        "party": {
            "name": clean(party.name),
            "kind_label": party.kind_label,
            "identifier": identifier,
            "identifier_label": party.identifier_label if identifier else "",
            "legal_representative": clean(party.legal_representative) if policy.show_legal_representative else "",
        },
        "summary": clean(decision.summary),
        "sections": sections,
        "withheld": withheld,
    }
