"""What a publication's decision says, read from the records as plain text for ``redaction.build_snapshot``.

R-PUB-007: the published decision is the served document changed only by redaction. When the decision document
was issued in the system, its stored context is the source and its PDF's SM3 digest the source digest; a decision
made on paper outside the system (cases taken over from before the platform) is read from the case record, and
the digest is that of the canonical JSON of what was read. ``approve_publication`` reads the source again and
refuses when either digest moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from zhifa.cases.choices import DecisionKind
from zhifa.cases.models import CoerciveMeasure, PenaltyCase
from zhifa.cases.services.case_documents import base_context
from zhifa.cases.services.coercion import TERM_CALENDAR_DAYS
from zhifa.catalog.choices import PenaltyKind
from zhifa.core.calendar import add_months
from zhifa.core.money import format_amount
from zhifa.documents.choices import DocumentKind, DocumentState
from zhifa.documents.models import Document
from zhifa.ledger.canonical import canonical_bytes, normalise_payload, sm3_hex
from zhifa.parties.choices import PartyKind
from zhifa.parties.models import Party
from zhifa.publicity.choices import PublicationKind
from zhifa.publicity.config import publicity_config
from zhifa.publicity.errors import PublicationError
from zhifa.publicity.models import Publication
from zhifa.publicity.redaction import DecisionText, PartyText, Person, Policy, Section

ADULT_MONTHS = 18 * 12  # R-PRV-004: under 18 on the decision day
MONEY_KINDS = {PenaltyKind.FINE, PenaltyKind.CONFISCATE_GAINS}
AMOUNT_KEYS = ("fine_amount", "confiscated_gains_amount")
# The parts of a decision the portal shows, in the document's order. Anything else the document holds (addresses,
# the internal case number, handlers, the payment account) is left out: leaving a part out is redaction too.
PENALTY_SECTIONS = (
    ("case_cause", "案由"),
    ("case_summary", "案情概述"),
    ("facts", "违法事实"),
    ("evidence", "证据"),
    ("defense_summary", "陈述申辩及采纳情况"),
    ("violated_provision", "违反的法律规定"),
    ("penalty_basis", "处罚依据"),
    ("discretion_reason", "裁量理由"),
    ("decision_reasoning", "决定理由"),
    ("penalties", "行政处罚的种类"),
    ("fine_amount", "罚款金额"),
    ("confiscated_gains_amount", "没收违法所得金额"),
    ("performance", "履行方式和期限"),
)
MEASURE_SECTIONS = (
    ("measure_label", "措施种类"),
    ("reason", "理由"),
    ("legal_basis", "法律依据"),
    ("place", "实施地点"),
    ("items", "物品（财物）清单"),
    ("period_days", "期限（日）"),
)


@dataclass(frozen=True)
class Source:
    decision: DecisionText
    digest: str  # R-PUB-007
    document: Document | None


def snapshot_digest(snapshot: dict[str, Any]) -> str:
    return sm3_hex(canonical_bytes(snapshot))


def policy() -> Policy:
    config = publicity_config()
    return Policy(
        mask_names=config.mask_natural_person_names, show_legal_representative=config.show_legal_representative
    )


def source_of(publication: Publication) -> Source:
    case, measure = publication.penalty_case, publication.coercive_measure
    if publication.kind == PublicationKind.COERCIVE_MEASURE and measure is not None:
        return measure_source(measure)
    if publication.kind == PublicationKind.PENALTY_DECISION and case is not None:
        return penalty_source(case)
    raise PublicationError(f"“{publication.get_kind_display()}”暂不能由系统生成公示内容", field="kind")


# --- text of context values ------------------------------------------------------------------------------------


def _text(value: Any, key: str = "") -> str:
    if value is None:
        return ""
    if key in AMOUNT_KEYS and value not in ("", None):
        try:
            return format_amount(Decimal(str(value)))
        except (InvalidOperation, ValueError):
            return str(value)
    if isinstance(value, dict):
        return " ".join(_text(v) for v in value.values() if v not in ("", None))
    if isinstance(value, list | tuple):
        return "；".join(text for text in (_text(v) for v in value) if text)
    return str(value).strip()


def _sections(context: dict[str, Any], wanted: tuple[tuple[str, str], ...]) -> tuple[Section, ...]:
    rows = ((key, label, _text(context.get(key), key)) for key, label in wanted)
    return tuple(Section(key, label, text) for key, label, text in rows if text)


def _digest_of(context: dict[str, Any]) -> str:
    return sm3_hex(canonical_bytes(normalise_payload(context)))


# --- who is a natural person -----------------------------------------------------------------------------------


def _is_minor(party: Party, on: date) -> bool:
    return party.birth_on is not None and add_months(party.birth_on, ADULT_MONTHS) > on


def _persons(party: Party, on: date) -> tuple[Person, ...]:
    """R-PRV-001/003/004: the party's natural persons and what identifies them."""
    minor = _is_minor(party, on)
    if party.kind == PartyKind.NATURAL_PERSON:
        return (Person(party.name, (party.id_number, party.phone), (party.address,), is_minor=minor),)
    if party.kind == PartyKind.INDIVIDUAL_BUSINESS:  # the operator is a natural person: their shop is their home too
        return (Person(party.legal_representative, (party.id_number, party.phone), (party.address,), is_minor=minor),)
    shown = publicity_config().show_legal_representative
    representative = "" if shown else party.legal_representative
    return (Person(representative, (party.legal_representative_id_number, party.id_number)),)


def _party(party: Party, name: str) -> PartyText:
    organization = party.kind in (PartyKind.LEGAL_PERSON, PartyKind.OTHER_ORGANIZATION)
    return PartyText(
        name=name or party.name,
        kind_label=str(PartyKind(party.kind).label),
        identifier=party.uscc if party.kind != PartyKind.NATURAL_PERSON else "",
        identifier_label="统一社会信用代码",
        legal_representative=party.legal_representative if organization else "",
    )


def _live(subject: Any, kind: str) -> Document | None:
    return (
        Document.objects.of_subject(subject)
        .filter(kind=kind, state=DocumentState.ISSUED)
        .select_related("number")
        .order_by("-pk")
        .first()
    )


def _source(
    *,
    subject: Any,
    case: PenaltyCase,
    decided_on: date,
    kind: str,
    document_kind: str,
    record: Callable[[], dict[str, Any]],
    title: str,
    wanted: tuple[tuple[str, str], ...],
    summary: str,
) -> Source:
    """The live decision document of ``subject`` when the system issued one, else what the record says."""
    document = _live(subject, document_kind)
    if document is not None:
        context, digest = dict(document.context), document.pdf_digest
        title, number = document.title, document.number_text
    else:
        context = normalise_payload(record())
        digest, number = _digest_of(context), ""
    decision = DecisionText(
        kind=kind,
        kind_label=str(PublicationKind(kind).label),
        title=title,
        document_number=number,
        agency_name=case.agency.name,
        decided_on=decided_on,
        party=_party(case.party, str(context.get("party_name") or "")),
        sections=_sections(context, wanted),
        persons=_persons(case.party, decided_on),
        summary=summary,
    )
    return Source(decision, digest, document)


# --- penalty decisions -----------------------------------------------------------------------------------------


def _penalty_summary(kinds: list[str], fine: Any, confiscation: Any) -> str:
    parts = [str(PenaltyKind(k).label) for k in kinds if k in PenaltyKind.values and k not in MONEY_KINDS]
    if fine not in ("", None) and Decimal(str(fine)) > 0:
        parts.append(f"罚款{format_amount(Decimal(str(fine)))}")
    if confiscation not in ("", None) and Decimal(str(confiscation)) > 0:
        parts.append(f"没收违法所得{format_amount(Decimal(str(confiscation)))}")
    return "、".join(parts)


def _record_context(case: PenaltyCase) -> dict[str, Any]:
    """What a decision made on paper says, from the case record (the same keys as the system's decision)."""
    context = {
        **base_context(case),
        "penalties": [str(PenaltyKind(k).label) for k in case.penalty_kinds if k not in MONEY_KINDS],
        "fine_amount": case.fine_amount if case.fine_amount > 0 else "",
        "confiscated_gains_amount": case.confiscated_gains_amount if case.confiscated_gains_amount > 0 else "",
        "decision_reasoning": case.decision_reasoning,
    }
    # Only what the portal reads is part of the source (a later change of a handler's certificate is not).
    return {key: context.get(key, "") for key in ("party_name", *(key for key, _ in PENALTY_SECTIONS))}


def penalty_source(case: PenaltyCase) -> Source:
    if case.decided_on is None or case.decision_kind != DecisionKind.PENALTY:
        raise PublicationError("案件尚未作出行政处罚决定", field="penalty_case")
    return _source(
        subject=case,
        case=case,
        decided_on=case.decided_on,
        kind=PublicationKind.PENALTY_DECISION,
        document_kind=DocumentKind.PENALTY_DECISION,
        record=lambda: _record_context(case),
        title=str(DocumentKind.PENALTY_DECISION.label),
        wanted=PENALTY_SECTIONS,
        summary=_penalty_summary(case.penalty_kinds, case.fine_amount, case.confiscated_gains_amount),
    )


# --- coercive measures -----------------------------------------------------------------------------------------


def _measure_context(measure: CoerciveMeasure) -> dict[str, Any]:
    items = measure.inventory_items.order_by("pk")
    return {
        "party_name": measure.penalty_case.party.name,
        "measure_label": measure.get_kind_display(),
        "reason": measure.reason,
        "legal_basis": measure.legal_basis,
        "place": measure.place,
        "items": [
            {"name": i.name, "spec": i.specification, "quantity": f"{i.quantity.normalize():f}", "unit": i.unit}
            for i in items
        ],
        "period_days": TERM_CALENDAR_DAYS,
    }


def measure_source(measure: CoerciveMeasure) -> Source:
    if measure.decided_on is None:
        raise PublicationError("行政强制措施尚未作出决定", field="coercive_measure")
    return _source(
        subject=measure,
        case=measure.penalty_case,
        decided_on=measure.decided_on,
        kind=PublicationKind.COERCIVE_MEASURE,
        document_kind=DocumentKind.COERCIVE_MEASURE_DECISION,
        record=lambda: _measure_context(measure),
        title=f"{measure.get_kind_display()}决定书",
        wanted=MEASURE_SECTIONS,
        summary=measure.get_kind_display(),
    )
