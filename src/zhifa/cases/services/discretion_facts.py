"""The facts of 裁量 on a case: the circumstances the handler ticks, and those the system computes from the record
and never lets the handler tick — the party's age on the act date (R-DIS-008) and whether the act is a first
violation (R-DIS-012: no earlier penalty or no-penalty decision for the same violation type within the lookback,
``Circumstance.lookback_months`` of ``first_violation``, default 24 months)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from zhifa.cases.choices import DecisionKind
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.catalog.models import EnforcementItem
from zhifa.core.calendar import add_months, format_day
from zhifa.discretion.choices import CircumstanceKind
from zhifa.discretion.models import Circumstance
from zhifa.parties.choices import PartyKind
from zhifa.parties.models import Party

FIRST_VIOLATION = "first_violation"
DEFAULT_LOOKBACK_MONTHS = 24  # R-DIS-012 (cfg default; ``Circumstance.lookback_months`` overrides it)
COMPUTED = frozenset({"under_14", "minor_14_to_18", FIRST_VIOLATION})  # never ticked by the handler


def clean_circumstances(raw: Mapping[str, Any], known: Mapping[str, Circumstance]) -> dict[str, Any]:
    """The ticked circumstances as stored on the case: flags ``True`` (unticked ones dropped), amounts as strings
    with two places, numbers as integers. An unknown code or a bad value is refused naming it."""
    cleaned: dict[str, Any] = {}
    for code, value in raw.items():
        circumstance = known.get(code)
        if circumstance is None:
            raise CaseError(f"裁量情节“{code}”不存在", field="circumstances")
        if circumstance.kind == CircumstanceKind.FLAG:
            if value is True or (isinstance(value, str) and value.lower() in ("true", "1", "on")):
                cleaned[code] = True
            continue
        if value in (None, ""):
            continue
        try:
            number = Decimal(str(value).replace(",", ""))
        except InvalidOperation:
            raise CaseError(f"“{circumstance.name}”应填写数值", field="circumstances") from None
        if number < 0 or not number.is_finite():
            raise CaseError(f"“{circumstance.name}”不能为负数", field="circumstances")
        if circumstance.kind == CircumstanceKind.COUNT:
            if number != number.to_integral_value():
                raise CaseError(f"“{circumstance.name}”应填写整数", field="circumstances")
            cleaned[code] = int(number)
        else:
            cleaned[code] = str(number.quantize(Decimal("0.01")))
    return cleaned


def ticked(stored: Mapping[str, Any]) -> dict[str, bool | Decimal]:
    """Stored circumstances typed for the assessment."""
    return {code: value if value is True else Decimal(str(value)) for code, value in stored.items()}


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def lookback_months(known: Mapping[str, Circumstance] | None = None) -> int:
    """R-DIS-012: how far back earlier decisions are looked up (the ``first_violation`` circumstance's setting)."""
    if known is not None and FIRST_VIOLATION in known:
        circumstance: Circumstance | None = known[FIRST_VIOLATION]
    else:
        circumstance = Circumstance.objects.filter(code=FIRST_VIOLATION).first()
    months = circumstance.lookback_months if circumstance is not None else None
    return months or DEFAULT_LOOKBACK_MONTHS


def earlier_decisions(
    *, party: Party, item: EnforcementItem, act_on: date, months: int, exclude_pk: int | None = None
) -> list[PenaltyCase]:
    """R-DIS-012: the party's penalty or no-penalty decisions for the same violation type (the same catalog item
    code: 四级四同 gives an item the same code at every level and agency) decided within ``months`` before the act,
    both ends included (以内, R-TIME-006)."""
    since = add_months(act_on, -months)
    return list(
        PenaltyCase.objects.filter(
            party_id=party.pk,
            enforcement_item__code=item.code,
            decision_kind__in=[DecisionKind.PENALTY, DecisionKind.NO_PENALTY],
            decided_on__gte=since,
            decided_on__lte=act_on,
        )
        .exclude(pk=exclude_pk)
        .order_by("decided_on", "id")
    )


@dataclass(frozen=True)
class Facts:
    """Who, which act and when: what the computed circumstances are computed from."""

    party: Party
    item: EnforcementItem
    act_on: date
    case_pk: int | None = None

    @classmethod
    def of(cls, case: PenaltyCase) -> Facts:
        return cls(case.party, case.enforcement_item, case.act_on, case.pk)

    def earlier(self, months: int) -> list[PenaltyCase]:
        return earlier_decisions(
            party=self.party, item=self.item, act_on=self.act_on, months=months, exclude_pk=self.case_pk
        )


def automatic_circumstances(facts: Facts, known: Mapping[str, Circumstance]) -> dict[str, Any]:
    """R-DIS-008: the age on the act date from the birth date; R-DIS-012: 初次违法 from the record."""
    computed: dict[str, Any] = {}
    party = facts.party
    if party.kind == PartyKind.NATURAL_PERSON and party.birth_on is not None:
        age = _age_on(party.birth_on, facts.act_on)
        if age < 14:
            computed["under_14"] = True
        elif age < 18:
            computed["minor_14_to_18"] = True
    if FIRST_VIOLATION in known and not facts.earlier(lookback_months(known)):
        computed[FIRST_VIOLATION] = True
    return computed


def case_circumstances(facts: Facts, raw: Mapping[str, Any], known: Mapping[str, Circumstance]) -> dict[str, Any]:
    """The ticked circumstances with the computed ones. 初次违法 ticked against the record is refused, naming the
    earlier decision (R-DIS-012); otherwise the record decides, whatever was ticked."""
    cleaned = clean_circumstances(raw, known)
    if cleaned.get(FIRST_VIOLATION) is True:
        months = lookback_months(known)
        earlier = facts.earlier(months)
        if earlier:
            first = earlier[0]
            assert first.decided_on is not None  # earlier_decisions filters on it
            raise CaseError(
                f"当事人于{format_day(first.decided_on)}已因同一违法行为在案件{first.case_number}中受到处理，"
                f"{months}个月内不属于初次违法（R-DIS-012）",
                field="circumstances",
            )
    kept = {code: value for code, value in cleaned.items() if code not in COMPUTED}
    return {**kept, **automatic_circumstances(facts, known)}
