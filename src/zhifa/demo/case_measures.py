"""Demo 查封/扣押 and 行刑衔接 records, taken through the services on the day the demo is loaded.

The coercion and transfer services date their steps "now" (a seizure and a transfer report happen when they
are recorded), so these records carry the load date; which cases, items and people are involved is fixed.
Hearings are not in the demo yet: a hearing-eligible penalty is a major decision and cannot be notified until
the legal-review module (issue #6) approves it.
"""

from __future__ import annotations

import io
from decimal import Decimal

from zhifa.cases import services
from zhifa.cases.choices import PenaltyCaseState, TransferMaterial
from zhifa.cases.models import PenaltyCase
from zhifa.catalog.choices import ItemKind
from zhifa.catalog.models import EnforcementItem
from zhifa.catalog.services import items_for
from zhifa.core.calendar import today
from zhifa.demo.context import DemoContext
from zhifa.ledger.evidence import store_evidence
from zhifa.org.choices import Role
from zhifa.org.models import User

WAV_HEAD = b"RIFF\x24\x08\x00\x00WAVEfmt "

SEIZURES = [
    (
        "扣押",
        "seizure",
        "涉案超过保质期的预包装食品",
        [("预包装饼干", "500g/袋", "36", "袋"), ("预包装酸奶", "200ml/盒", "48", "盒")],
    ),
    ("查封", "sealing", "存放涉案食品的冷库", [("冷库（2号）", "约20立方米", "1", "间")]),
    (
        "扣押",
        "seizure",
        "用于生产的违法添加物",
        [("工业用添加剂", "25kg/袋", "4", "袋"), ("电子秤", "TCS-150", "1", "台")],
    ),
]


def _head(case: PenaltyCase) -> User:
    head = User.objects.filter(agency=case.agency, role_grants__role=Role.HEAD).order_by("pk").first()
    if head is None:
        raise LookupError(f"demo agency {case.agency} has no head")
    return head


def _coercion_item(case: PenaltyCase) -> EnforcementItem:
    """The agency's listed 查封、扣押 item in the case's field (R-COE-001)."""
    item = (
        items_for(agency=case.agency)
        .filter(kind=ItemKind.COERCION, sector=case.enforcement_item.sector, name__contains="扣押")
        .order_by("code")
        .first()
    )
    if item is None:
        raise LookupError(f"demo agency {case.agency} has no listed 查封、扣押 item")
    return item


def _handler_user(case: PenaltyCase) -> tuple[User, list]:
    officers = [h.officer for h in case.handlers.select_related("officer__user").order_by("role", "pk")]
    user = next(o.user for o in officers if o.user_id)
    return user, officers


def _seize(case: PenaltyCase, index: int, rng_bytes: bytes) -> None:
    label, kind, reason, items = SEIZURES[index % len(SEIZURES)]
    actor, officers = _handler_user(case)
    measure = services.apply_for_measure(
        actor=actor,
        case=case,
        kind=kind,
        enforcement_item=_coercion_item(case),
        place=f"{case.party.name}经营场所",
        reason=f"{label}{reason}，防止证据灭失、转移",
        legal_basis="《中华人民共和国食品安全法》第一百一十条",
    )
    services.approve_measure(actor=_head(case), measure=measure)
    for name, spec, quantity, unit in items:
        services.add_inventory_item(
            actor=actor, measure=measure, name=name, specification=spec, quantity=Decimal(quantity), unit=unit
        )
    store_evidence(  # R-REC-003: the measure is filmed from start to end
        fileobj=io.BytesIO(WAV_HEAD + rng_bytes),
        original_name=f"{label}现场录音.wav",
        actor=actor,
        agency=case.agency,
        subject=measure,
        step="coercive_measure",
        device_id="ZFJLY-SCJG-0031",
    )
    services.start_measure(actor=actor, measure=measure, officers=officers[:2])


def _charge(case: PenaltyCase) -> str:
    if case.agency.short_name == "示应急":
        return "涉嫌重大责任事故罪"
    return "涉嫌生产、销售不符合安全标准的食品罪" if "食品" in case.cause else "涉嫌污染环境罪"


def _transfer(case: PenaltyCase, *, send: bool) -> None:
    actor, officers = _handler_user(case)
    transfer = services.propose_transfer(
        actor=actor,
        case=case,
        charge="涉嫌生产、销售不符合安全标准的食品罪" if "食品" in case.cause else "涉嫌污染环境罪",
        facts=case.facts or case.cause,
        team=officers[:2],
    )
    if not send:
        return
    services.approve_transfer(actor=_head(case), transfer=transfer)
    services.transfer_to_police(
        actor=actor,
        transfer=transfer,
        public_security=f"{case.agency.region.name}公安局",
        materials=[m.value for m in TransferMaterial if m != TransferMaterial.OTHER],
        copied_to_procuratorate_on=today(),
        police_received_on=today(),
    )


def load(ctx: DemoContext) -> None:
    rng = ctx.rng("case_measures")
    scjg = ctx.agencies["scjg"]
    investigating = PenaltyCase.objects.filter(agency=scjg, state=PenaltyCaseState.INVESTIGATING).order_by(
        "case_number"
    )
    for index, case in enumerate(investigating[:3]):
        _seize(case, index, bytes(rng.randrange(256) for _ in range(3000)))
    # An investigation at the 应急管理局 turns up a suspected 重大责任事故罪: reported as crime-suspected now.
    accident = (
        PenaltyCase.objects.filter(agency=ctx.agencies["yjgl"], state=PenaltyCaseState.INVESTIGATING)
        .order_by("case_number")
        .first()
    )
    if accident is not None:
        actor, _ = _handler_user(accident)
        services.submit_investigation_report(
            actor=actor,
            case=accident,
            report="经调查，事故造成一人重伤，当事单位未落实安全生产责任，涉嫌重大责任事故罪，建议移送公安机关。",
            proposed_kinds=[],
            crime_suspected=True,
        )
    crimes = PenaltyCase.objects.filter(crime_suspected=True).order_by("case_number")
    for index, case in enumerate(crimes):
        _transfer(case, send=index < 2)
