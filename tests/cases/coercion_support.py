"""Helpers of the coercive-measure tests (the fixtures are in coercion_fixtures.py)."""

from __future__ import annotations

import io
from decimal import Decimal

from tests.catalog.factories import EnforcementItemFactory
from zhifa.cases import services
from zhifa.catalog.choices import ItemKind
from zhifa.ledger.evidence import store_evidence

WAV = b"RIFF\x24\x08\x00\x00WAVEfmt " + b"\x00\x01" * 500
SEAL_BASIS = "《中华人民共和国食品安全法》第一百一十条第（四）项"


def coercion_item(case, **overrides):
    """A listed 行政强制 item of the case's agency, in the case's field (R-COE-001)."""
    fields = {
        "kind": ItemKind.COERCION,
        "name": "查封、扣押不符合食品安全标准的食品",
        "agency": case.agency,
        "sector": case.enforcement_item.sector,
        "in_force": True,
        **overrides,
    }
    return EnforcementItemFactory(**fields)


def apply(case, handler, *, kind="sealing", legal_basis=SEAL_BASIS, item=None):
    return services.apply_for_measure(
        actor=handler,
        case=case,
        kind=kind,
        enforcement_item=item or coercion_item(case),
        place="示范县好味道餐饮有限公司后厨仓库",
        reason="涉嫌生产经营超过保质期的食品",
        legal_basis=legal_basis,
    )


def add_item(measure, handler):
    return services.add_inventory_item(
        actor=handler, measure=measure, name="过期牛奶", specification="250ml/盒", quantity=Decimal("12"), unit="盒"
    )


def attach_av(measure, user):
    return store_evidence(
        fileobj=io.BytesIO(WAV),
        original_name="现场执法记录.wav",
        actor=user,
        agency=measure.penalty_case.agency,
        subject=measure,
        step="coercive_measure",
    )


def emergency(case, handler, officers):
    return services.take_emergency_measure(
        actor=handler,
        case=case,
        kind="seizure",
        enforcement_item=coercion_item(case),
        place="示范县农贸市场",
        reason="当事人正在转移涉案食品",
        legal_basis=SEAL_BASIS,
        officers=officers,
    )
