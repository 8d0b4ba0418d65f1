"""简易程序: only a warning or a fine up to 200元 (citizens, individual businesses) / 3000元 (organisations)."""

from datetime import date
from decimal import Decimal

import pytest

from tests.parties.factories import PartyFactory
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase

pytestmark = pytest.mark.django_db


def _spot(handler, agency, party, item, lead, co, *, kinds=("fine",), fine="0", heard=True):
    return services.decide_on_the_spot(
        actor=handler,
        agency=agency,
        party=party,
        enforcement_item=item,
        cause="占道经营",
        facts="在人行道摆摊",
        place="人民路12号",
        officers=[lead, co],
        penalty_kinds=list(kinds),
        fine_amount=Decimal(fine),
        statement_heard=heard,
    )


@pytest.mark.parametrize(("fine", "ok"), [("200.00", True), ("200.01", False)])
def test_r_sim_001_citizen_limit_is_200_inclusive(handler, agency, person, item, lead, co, fine, ok):
    if ok:
        case = _spot(handler, agency, person, item, lead, co, fine=fine)
        assert (case.procedure, case.state, case.payment_deadline) == ("simple", "executing", date(2026, 3, 17))
    else:
        with pytest.raises(CaseError) as excinfo:
            _spot(handler, agency, person, item, lead, co, fine=fine)
        assert excinfo.value.message == (
            "对公民（含个体工商户）当场罚款不得超过200.00元（本案200.01元），请适用一般程序立案办理（R-SIM-001、R-SIM-002）"
        )
        assert PenaltyCase.objects.count() == 0


@pytest.mark.parametrize(("fine", "ok"), [("3000.00", True), ("3000.01", False)])
def test_r_sim_001_organisation_limit_is_3000_inclusive(handler, agency, company, item, lead, co, fine, ok):
    if ok:
        assert _spot(handler, agency, company, item, lead, co, fine=fine).fine_amount == Decimal("3000.00")
    else:
        with pytest.raises(CaseError):
            _spot(handler, agency, company, item, lead, co, fine=fine)


def test_r_sim_002_individual_business_uses_the_citizen_limit(handler, agency, county, item, lead, co):
    shop = PartyFactory(region=county, individual_business=True)
    with pytest.raises(CaseError) as excinfo:
        _spot(handler, agency, shop, item, lead, co, fine="300")
    assert "不得超过200.00元" in excinfo.value.message


def test_r_sim_001_other_kinds_go_to_the_general_procedure(handler, agency, company, item, lead, co):
    with pytest.raises(CaseError) as excinfo:
        _spot(handler, agency, company, item, lead, co, kinds=("suspend_license",))
    assert excinfo.value.message == "简易程序只能给予警告或者罚款；其他处罚种类请适用一般程序立案办理（R-SIM-001）"


def test_warning_on_the_spot_is_closed_at_once(handler, agency, company, item, lead, co):
    case = _spot(handler, agency, company, item, lead, co, kinds=("warning",))
    assert (case.state, case.closing_reason, case.lodge_deadline) == ("closed", "executed", date(2026, 3, 5))


def test_r_sim_004_statement_must_be_heard(handler, agency, company, item, lead, co):
    with pytest.raises(CaseError) as excinfo:
        _spot(handler, agency, company, item, lead, co, kinds=("warning",), heard=False)
    assert excinfo.value.field == "statement_heard"


def test_r_sim_007_lodging_after_the_deadline_is_recorded_as_late(handler, agency, company, item, lead, co):
    import time_machine

    from zhifa.ledger.services import trail

    case = _spot(handler, agency, company, item, lead, co, kinds=("warning",))
    with time_machine.travel("2026-03-06T02:00:00Z", tick=False):
        services.lodge_on_the_spot_case(actor=handler, case=case, lodged_on=date(2026, 3, 6))
    assert trail(case).get(event_type="penalty_case.lodged").data == {
        "case_number": case.case_number,
        "state": "closed",
        "lodged_on": "2026-03-06",
        "late": True,
    }
