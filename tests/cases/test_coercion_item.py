"""R-COE-001 / R-PEN-003: a coercive measure is taken only under a 行政强制 item on the agency's list, in the
case's field — the same 清单之外无执法 gate as the case itself; each refusal names the field and nothing is saved."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cases.coercion_support import apply, coercion_item, emergency
from tests.catalog.factories import EnforcementItemFactory
from tests.org.factories import SectorFactory
from zhifa.cases.errors import CaseError
from zhifa.cases.models import CoerciveMeasure
from zhifa.catalog.choices import EnforcementItemState, ItemKind
from zhifa.ledger.models import Event

pytestmark = pytest.mark.django_db


def _refused(call) -> CaseError:
    before = (CoerciveMeasure.objects.count(), Event.objects.count())
    with pytest.raises(CaseError) as caught:
        call()
    assert (CoerciveMeasure.objects.count(), Event.objects.count()) == before
    assert caught.value.field == "enforcement_item"
    return caught.value


def test_r_coe_001_measure_records_its_listed_coercion_item(filed_case, handler):
    item = coercion_item(filed_case)
    measure = apply(filed_case, handler, item=item)
    assert measure.enforcement_item == item
    event = Event.objects.filter(event_type="coercive_measure.applied").get()
    assert event.data["item"] == item.code


def test_r_coe_001_a_penalty_item_is_not_a_coercion_power(filed_case, handler):
    error = _refused(lambda: apply(filed_case, handler, item=filed_case.enforcement_item))
    assert "不是行政强制事项" in error.message and "R-COE-001" in error.message


def test_r_pen_003_an_item_not_yet_in_force_is_refused(filed_case, handler):
    draft = coercion_item(filed_case, in_force=False, state=EnforcementItemState.DRAFT)
    error = _refused(lambda: apply(filed_case, handler, item=draft))
    assert "清单之外无执法" in error.message and "R-PEN-003" in error.message


def test_r_pen_003_an_item_taking_effect_tomorrow_is_refused_today(filed_case, handler):
    # today is frozen at 2 March 2026 (tests/cases/conftest.py)
    later = coercion_item(filed_case, effective_on=date(2026, 3, 3))
    _refused(lambda: apply(filed_case, handler, item=later))
    on_the_day = coercion_item(filed_case, effective_on=date(2026, 3, 2))
    assert apply(filed_case, handler, item=on_the_day).enforcement_item == on_the_day


def test_r_pen_003_another_agencys_coercion_item_is_refused(filed_case, handler):
    foreign = EnforcementItemFactory(kind=ItemKind.COERCION, in_force=True, sector=filed_case.enforcement_item.sector)
    error = _refused(lambda: apply(filed_case, handler, item=foreign))
    assert filed_case.agency.name in error.message


def test_r_coe_001_a_coercion_item_of_another_field_is_refused(filed_case, handler):
    other_field = coercion_item(filed_case, sector=SectorFactory(code="ecology", name="生态环境"))
    error = _refused(lambda: apply(filed_case, handler, item=other_field))
    assert "不属于本案的执法领域" in error.message


def test_r_coe_001_no_item_is_refused_with_the_field_named(filed_case, handler):
    from zhifa.cases import services

    error = _refused(
        lambda: services.apply_for_measure(
            actor=handler,
            case=filed_case,
            kind="sealing",
            enforcement_item=None,
            place="仓库",
            reason="理由",
            legal_basis="《中华人民共和国食品安全法》第一百一十条",
        )
    )
    assert "请选择" in error.message


def test_r_coe_001_emergency_measure_is_gated_too(filed_case, handler, lead, co, monkeypatch):
    import tests.cases.coercion_support as support

    monkeypatch.setattr(support, "coercion_item", lambda case: case.enforcement_item)
    error = _refused(lambda: emergency(filed_case, handler, [lead, co]))
    assert "不是行政强制事项" in error.message
