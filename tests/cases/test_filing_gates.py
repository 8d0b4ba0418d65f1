"""立案 gates: item list (R-PEN-003), certified handlers (R-PER-001/004/005), limitation (R-PEN-008), head only."""

from datetime import date

import pytest

from tests.catalog.factories import EnforcementItemFactory
from tests.personnel.factories import CertificateFactory, OfficerFactory
from zhifa.cases import services
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.core.errors import PermissionDenied

pytestmark = pytest.mark.django_db


def _file(head, agency, company, item, lead, co, **overrides):
    args = {
        "actor": head,
        "agency": agency,
        "party": company,
        "enforcement_item": item,
        "cause": "案由",
        "act_on": date(2025, 3, 2),
        "discovered_on": date(2026, 3, 2),
        "lead_handler": lead,
        "co_handlers": [co],
    }
    args.update(overrides)
    return services.file_case(**args)


def _refusal(excinfo):
    return (excinfo.value.field, excinfo.value.message)


def test_r_pen_003_item_not_on_the_list_is_refused(head, agency, company, lead, co, sector):
    draft = EnforcementItemFactory(agency=agency, sector=sector, name="未发布的事项")
    with pytest.raises(CaseError) as excinfo:
        _file(head, agency, company, draft, lead, co)
    assert _refusal(excinfo) == (
        "enforcement_item",
        f"“未发布的事项”不在{agency.name}现行有效的执法事项清单内，清单之外无执法（R-PEN-003）",
    )
    assert PenaltyCase.objects.count() == 0


def test_r_per_005_one_officer_is_not_enough(head, agency, company, item, lead):
    with pytest.raises(CaseError) as excinfo:
        _file(head, agency, company, item, lead, lead)
    assert _refusal(excinfo) == ("handlers", "执法人员不得少于2人（R-PER-005）")


def test_r_per_004_auxiliary_may_not_lead(head, agency, company, item, co):
    helper = OfficerFactory(agency=agency, auxiliary=True, name="唐辅助")
    with pytest.raises(CaseError) as excinfo:
        _file(head, agency, company, item, helper, co)
    assert _refusal(excinfo) == ("lead_handler", "执法辅助人员不得担任主办人（R-PER-004）")


def test_r_per_001_expired_certificate_is_refused_on_the_day_after_expiry(head, agency, company, item, lead, sector):
    expired = OfficerFactory(agency=agency, name="朱过期")
    CertificateFactory(officer=expired, sectors=[sector], expires_on=date(2026, 3, 1))
    with pytest.raises(CaseError) as excinfo:
        _file(head, agency, company, item, lead, expired)
    assert _refusal(excinfo) == ("handlers", "朱过期于2026年3月2日不能执法：执法证已于2026年3月1日过期（R-PER-001）")


def test_r_per_001_certificate_expiring_today_still_allows_filing(head, agency, company, item, lead, sector):
    last_day = OfficerFactory(agency=agency, name="秦今天")
    CertificateFactory(officer=last_day, sectors=[sector], expires_on=date(2026, 3, 2))
    assert _file(head, agency, company, item, lead, last_day).state == "filed"


def test_r_per_001_certificate_of_another_sector_is_refused(head, agency, company, item, lead):
    from tests.org.factories import SectorFactory

    other = OfficerFactory(agency=agency, name="许交通")
    CertificateFactory(officer=other, sectors=[SectorFactory(code="transport", name="交通运输")])
    with pytest.raises(CaseError) as excinfo:
        _file(head, agency, company, item, lead, other)
    assert excinfo.value.message == "许交通于2026年3月2日不能执法：执法证不包含“市场监管”领域（R-PER-001）"


@pytest.mark.parametrize(
    ("act_on", "endangering", "allowed"),
    [
        (date(2024, 3, 2), False, True),  # discovered exactly two years later: still within the period
        (date(2024, 3, 1), False, False),  # one day more than two years
        (date(2021, 3, 2), True, True),  # five years where life/health or finance is endangered
        (date(2021, 3, 1), True, False),
    ],
)
def test_r_pen_008_limitation_period_edges(head, agency, company, item, lead, co, act_on, endangering, allowed):
    call = lambda: _file(head, agency, company, item, lead, co, act_on=act_on, endangers_life_or_finance=endangering)  # noqa: E731
    if allowed:
        assert call().state == "filed"
    else:
        with pytest.raises(CaseError) as excinfo:
            call()
        assert excinfo.value.field == "discovered_on"
        assert excinfo.value.message.endswith("不能立案（R-PEN-008）")


def test_r_pen_008_continuing_act_counts_from_its_end(head, agency, company, item, lead, co):
    case = _file(head, agency, company, item, lead, co, act_on=date(2020, 1, 1), act_ended_on=date(2025, 1, 1))
    assert case.act_ended_on == date(2025, 1, 1)


def test_only_the_head_files(handler, agency, company, item, lead, co):
    with pytest.raises(PermissionDenied):
        _file(handler, agency, company, item, lead, co)
    assert PenaltyCase.objects.count() == 0


def test_case_numbers_are_sequential_per_agency_and_year(head, agency, company, item, lead, co):
    first = _file(head, agency, company, item, lead, co)
    second = _file(head, agency, company, item, lead, co, act_on=date(2025, 6, 1))
    prefix = agency.short_name or agency.name[:4]
    assert (first.case_number, second.case_number) == (f"{prefix}2026-0001", f"{prefix}2026-0002")


def test_r_pen_010_investigating_requires_a_recusal_declaration(head, agency, company, item, lead, co, handler):
    case = _file(head, agency, company, item, lead, co)
    with pytest.raises(CaseError) as excinfo:
        services.record_investigative_step(
            actor=handler,
            case=case,
            kind="inquiry",
            performed_on=date(2026, 3, 2),
            place="办案区",
            summary="询问",
            officers=[lead, co],
        )
    assert excinfo.value.message == "李承办、周协办尚未作出回避声明（R-PEN-010）"
