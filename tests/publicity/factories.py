"""Factories for publications: deterministic defaults; trait ``published`` (on the portal since 2 March 2026)."""

from __future__ import annotations

from datetime import date

import factory

from zhifa.publicity.choices import PublicationKind, PublicationState
from zhifa.publicity.models import Publication


def snapshot(*, party: str, agency_name: str, decided_on: date, kind: str, number: str) -> dict:
    return {
        "schema": 1,
        "kind": kind,
        "kind_label": str(PublicationKind(kind).label),
        "title": "行政处罚决定书" if kind == PublicationKind.PENALTY_DECISION else "查封决定书",
        "document_number": number,
        "agency_name": agency_name,
        "decided_on": decided_on.isoformat(),
        "party": {
            "name": party,
            "kind_label": "法人",
            "identifier": "",
            "identifier_label": "",
            "legal_representative": "",
        },
        "summary": "罚款1,000.00元",
        "sections": [{"key": "facts", "label": "违法事实", "text": f"{party}销售过期食品"}],
        "withheld": [],
    }


class PublicationFactory(factory.django.DjangoModelFactory):
    """A pending penalty publication of ``agency`` (must be given), decided on 2 March 2026."""

    class Meta:
        model = Publication

    kind = PublicationKind.PENALTY_DECISION
    title = "行政处罚决定书"
    decided_on = date(2026, 3, 2)
    publication_deadline = date(2026, 3, 11)
    document_number = factory.Sequence(lambda n: f"示市监罚〔2026〕{n + 1}号")
    snapshot = factory.LazyAttribute(
        lambda o: snapshot(
            party=f"公示测试{o.document_number}有限公司",
            agency_name=o.agency.name,
            decided_on=o.decided_on,
            kind=o.kind,
            number=o.document_number,
        )
    )

    class Params:
        published = factory.Trait(
            state=PublicationState.PUBLISHED, published_on=date(2026, 3, 2), expires_on=date(2029, 3, 2)
        )
