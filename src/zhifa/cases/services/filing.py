"""案源登记、核查、立案 / 不予立案 (R-PEN-003, R-PEN-007, R-PEN-008, R-PEN-010, R-PER-001/004/005)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from zhifa.cases.calculations import limitation_last_day
from zhifa.cases.choices import HandlerRole, SourceChannel
from zhifa.cases.errors import CaseError
from zhifa.cases.models import CaseHandler, CaseSource, PenaltyCase
from zhifa.cases.services._common import allow, check_officers, move, note
from zhifa.catalog.choices import ItemKind
from zhifa.catalog.models import EnforcementItem
from zhifa.catalog.services import is_item_listed
from zhifa.core.calendar import add_calendar_days, add_working_days, format_day, today
from zhifa.ledger.services import record, record_view
from zhifa.org.models import Agency
from zhifa.parties.models import Party
from zhifa.personnel.choices import OfficerKind
from zhifa.personnel.models import Officer

SOURCE_VERIFICATION_WORKING_DAYS = 15  # R-PEN-007 (cfg default; +15 WD by the head)
DECISION_CALENDAR_DAYS = 90  # R-PEN-021


@transaction.atomic
def register_source(
    *,
    actor: Any,
    agency: Agency,
    channel: str,
    received_on: date,
    summary: str,
    party: Party | None = None,
    enforcement_item: EnforcementItem | None = None,
) -> CaseSource:
    """案源登记 (R-PEN-007): every lead is registered and gets its verification deadline."""
    allow(actor, "cases.register_source", agency, "只有本单位的承办人或负责人可以登记案源")
    if channel not in SourceChannel.values:
        raise CaseError(f"案源渠道“{channel}”无效", field="channel")
    if not summary.strip():
        raise CaseError("请填写案源内容", field="summary")
    if received_on > today():
        raise CaseError("收到日期不能晚于今天", field="received_on")
    source = CaseSource.objects.create(
        agency=agency,
        channel=channel,
        received_on=received_on,
        summary=summary.strip(),
        party=party,
        enforcement_item=enforcement_item,
        verification_deadline=add_working_days(received_on, SOURCE_VERIFICATION_WORKING_DAYS),
        registered_by=actor,
    )
    record(
        event_type="case_source.registered",
        actor=actor,
        agency=agency,
        subject=source,
        payload={"channel": channel, "received_on": received_on, "verification_deadline": source.verification_deadline},
    )
    return source


def _lock_source(source: CaseSource) -> CaseSource:
    return CaseSource.objects.select_for_update().get(pk=source.pk)


def _source_step(
    source: CaseSource,
    *,
    actor: Any,
    transition: str,
    verb: str,
    action: str,
    changes: dict[str, Any] | None = None,
    **payload: Any,
) -> CaseSource:
    source = _lock_source(source)
    allow(actor, "cases.register_source", source, "只有本单位的承办人或负责人可以处理案源")
    move(source, getattr(source, transition), action)
    for name, value in (changes or {}).items():
        setattr(source, name, value)  # set on the locked row (it is re-read above)
    source.save()
    record(event_type=f"case_source.{verb}", actor=actor, agency=source.agency, subject=source, payload=payload)
    return source


@transaction.atomic
def start_verification(*, actor: Any, source: CaseSource) -> CaseSource:
    """核查案源."""
    return _source_step(source, actor=actor, transition="verify", verb="verifying", action="开始核查")


@transaction.atomic
def propose_filing(*, actor: Any, source: CaseSource) -> CaseSource:
    """报请立案审批."""
    return _source_step(source, actor=actor, transition="propose_filing", verb="proposed", action="报请立案")


@transaction.atomic
def decline_filing(*, actor: Any, source: CaseSource, reason: str) -> CaseSource:
    """不予立案, with the reason (负责人批准)."""
    if not reason.strip():
        raise CaseError("不予立案须写明理由", field="reason")
    locked = _lock_source(source)
    allow(actor, "cases.file_case", locked, "只有本单位负责人可以批准不予立案")
    return _source_step(
        locked,
        actor=actor,
        transition="decline",
        verb="declined",
        action="不予立案",
        changes={"decline_reason": reason.strip()},
        reason=reason.strip(),
    )


def _next_case_number(agency: Agency, year: int) -> str:
    Agency.objects.select_for_update().filter(pk=agency.pk).first()  # serialise numbering per agency
    serial = PenaltyCase.objects.filter(agency=agency, filed_on__year=year).count() + 1
    prefix = agency.short_name or agency.name[:4]
    return f"{prefix}{year}-{serial:04d}"


def _check_filing_gates(
    *,
    agency: Agency,
    item: EnforcementItem,
    lead: Officer,
    officers: list[Officer],
    filed_on: date,
    act_on: date,
    act_ended_on: date | None,
    discovered_on: date,
    endangering: bool,
) -> None:
    if item.kind != ItemKind.PENALTY:
        raise CaseError(f"“{item.name}”不是行政处罚事项，不能据此立案", field="enforcement_item")
    if not is_item_listed(agency=agency, item=item, on=filed_on):
        raise CaseError(
            f"“{item.name}”不在{agency.name}现行有效的执法事项清单内，清单之外无执法（R-PEN-003）",
            field="enforcement_item",
        )
    if lead.kind == OfficerKind.AUXILIARY:
        raise CaseError("执法辅助人员不得担任主办人（R-PER-004）", field="lead_handler")
    check_officers(officers, on=filed_on, sector=item.sector, field="handlers")
    if act_ended_on is not None and act_ended_on < act_on:
        raise CaseError("违法行为终了日不能早于发生日", field="act_ended_on")
    if discovered_on > filed_on:
        raise CaseError("发现日期不能晚于立案日期", field="discovered_on")
    last_day = limitation_last_day(act_on=act_on, act_ended_on=act_ended_on, endangering=endangering)
    if discovered_on > last_day:
        years = "五" if endangering else "二"
        raise CaseError(
            f"违法行为在{years}年内未被发现，{format_day(last_day)}后不再给予行政处罚，不能立案（R-PEN-008）",
            field="discovered_on",
        )


@transaction.atomic
def file_case(
    *,
    actor: Any,
    agency: Agency,
    party: Party,
    enforcement_item: EnforcementItem,
    cause: str,
    act_on: date,
    discovered_on: date,
    lead_handler: Officer,
    co_handlers: list[Officer],
    act_ended_on: date | None = None,
    endangers_life_or_finance: bool = False,
    source: CaseSource | None = None,
    facts: str = "",
    filed_on: date | None = None,
) -> PenaltyCase:
    """立案 (负责人批准). Gates: item list, certified handlers, limitation period; 90-day deadline set."""
    allow(actor, "cases.file_case", agency, "只有本单位负责人可以批准立案")
    day = filed_on or today()
    officers = [lead_handler, *co_handlers]
    if any(o.agency_id != agency.pk for o in officers):
        raise CaseError("承办人必须是本单位执法人员", field="handlers")
    _check_filing_gates(
        agency=agency,
        item=enforcement_item,
        lead=lead_handler,
        officers=officers,
        filed_on=day,
        act_on=act_on,
        act_ended_on=act_ended_on,
        discovered_on=discovered_on,
        endangering=endangers_life_or_finance,
    )
    if source is not None:
        source = _lock_source(source)
        if source.agency_id != agency.pk:
            raise CaseError("案源不属于本单位", field="source")
        move(source, source.file, "立案")
        source.save()
    case = PenaltyCase.objects.create(
        agency=agency,
        case_number=_next_case_number(agency, day.year),
        source=source,
        party=party,
        enforcement_item=enforcement_item,
        cause=cause.strip(),
        facts=facts.strip(),
        act_on=act_on,
        act_ended_on=act_ended_on,
        discovered_on=discovered_on,
        endangers_life_or_finance=endangers_life_or_finance,
        filed_on=day,
        filed_by=actor,
        decision_deadline=add_calendar_days(day, DECISION_CALENDAR_DAYS),
    )
    CaseHandler.objects.bulk_create(
        [CaseHandler(penalty_case=case, officer=lead_handler, role=HandlerRole.LEAD)]
        + [
            CaseHandler(penalty_case=case, officer=o, role=HandlerRole.CO)
            for o in co_handlers
            if o.pk != lead_handler.pk
        ]
    )
    note(
        case,
        "filed",
        actor,
        party_id=party.pk,
        item_code=enforcement_item.code,
        handlers=[o.pk for o in officers],
        decision_deadline=case.decision_deadline,
    )
    return case


@transaction.atomic
def declare_no_conflict(*, actor: Any, case: PenaltyCase) -> CaseHandler:
    """回避声明 (R-PEN-010): each handler declares that no recusal ground applies before investigating."""
    allow(actor, "cases.handle_case", case, "只有本案承办人可以作出回避声明")
    handler = CaseHandler.objects.select_for_update().get(penalty_case=case, officer__user_id=actor.pk)
    handler.declared_no_conflict = True
    handler.save(update_fields=["declared_no_conflict"])
    note(case, "recusal_declared", actor, officer_id=handler.officer_id)
    return handler


@transaction.atomic
def open_case_file(*, viewer: Any, case: PenaltyCase) -> None:
    """调阅留痕 (R-REC-007): opening a case file by anyone but its handlers is a ledger event."""
    handler_users = case.handlers.values_list("officer__user_id", flat=True)
    record_view(viewer=viewer, subject=case, agency=case.agency, handler_ids=[u for u in handler_users if u])
