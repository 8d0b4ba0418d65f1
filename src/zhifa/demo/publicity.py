"""Demo 行政执法公示 (issue #7, first slice), through the publicity services, dated like the decisions they follow
and never after ``LAST_DAY``.

Every general-procedure penalty decision of the case demo opened its pending publication when it was made
(R-PUB-005). Here most of them are submitted by a handler and published by the head within the 7 working days
(R-PUB-004/006); one withholds a trade secret (R-PRV-002); one is published and later withdrawn because the
decision was redone (R-PUB-008); one is not published at all, approved on a trade-secret ground (R-PUB-006); the
latest decisions stay in the due list (待公示 / 待审核). Each enforcement certificate gets its public 核验码
(亮证执法, 事中公示), and every active agency its 事前公示 (R-PUB-001/003).
"""

from __future__ import annotations

from datetime import date

from zhifa.core.calendar import add_working_days
from zhifa.demo.case_measures import _handler_user, _head
from zhifa.demo.cases import LAST_DAY
from zhifa.demo.context import DemoContext
from zhifa.publicity import services
from zhifa.publicity.choices import PublicationKind, PublicationState
from zhifa.publicity.models import Publication
from zhifa.publicity.services.sources import source_of

LEFT_PENDING = 2  # the latest decisions wait in the due list
LEFT_AWAITING = 1  # … and one waits for the head's approval


def _wd(day: date, n: int) -> date:
    return min(add_working_days(day, n), LAST_DAY)


def _ready(publication: Publication) -> date | None:
    """The day the served decision can be submitted, or None while it is not served (R-PUB-007)."""
    source = source_of(publication)
    if source.document is None:
        return publication.decided_on
    served = source.document.served_on
    return None if served is None else max(served, publication.decided_on)


def load(ctx: DemoContext) -> None:
    services.issue_missing_certificate_codes()
    for agency in services.agencies_to_refresh():  # 事前公示 of the registries (R-PUB-001/003)
        services.refresh_before_publications(actor=None, agency=agency, on=LAST_DAY)
    services.open_missing_publications(LAST_DAY)
    pending = list(
        Publication.objects.filter(kind=PublicationKind.PENALTY_DECISION, state=PublicationState.PENDING)
        .select_related("penalty_case__agency")
        .order_by("decided_on", "pk")
    )
    ready = [(p, day) for p in pending if (day := _ready(p)) is not None]
    to_publish = ready[: max(len(ready) - LEFT_PENDING, 0)]
    published: list[Publication] = []
    for index, (publication, day) in enumerate(to_publish):
        case = publication.penalty_case
        assert case is not None
        handler, _ = _handler_user(case)
        submitted_on = _wd(day, 1)
        exclusions = []
        if index == 1:  # the party asked to keep its supplier's name out (R-PRV-002)
            exclusions = [
                services.ExclusionInput(ground="trade_secret", reason="当事人申请，涉及供货渠道的商业秘密", key="facts")
            ]
        publication = services.submit_publication(
            actor=handler, publication=publication, exclusions=exclusions, submitted_on=submitted_on
        )
        if index >= len(to_publish) - LEFT_AWAITING:
            continue
        if index == 2:  # R-PUB-006: not published, on a trade-secret ground approved by the head
            services.exempt_publication(
                actor=_head(case),
                publication=publication,
                reason="trade_secret",
                note_text="决定书载明的生产工艺参数属当事人商业秘密，经负责人批准不予公开。",
            )
            continue
        published.append(
            services.approve_publication(actor=_head(case), publication=publication, published_on=_wd(submitted_on, 1))
        )
    if len(published) > 3:
        redone = published[3]
        assert redone.penalty_case is not None and redone.published_on is not None
        ground_on = _wd(redone.published_on, 5)
        services.withdraw_publication(
            actor=_head(redone.penalty_case),
            publication=redone,
            ground="redone",
            reason="行政复议机关决定责令重新作出处罚决定，原决定公示撤下。",
            ground_on=ground_on,
            withdrawn_on=_wd(ground_on, 1),
        )
