"""撤下 on the annul event (R-PUB-008 "AUTO on annul event"): a 复议决定 or judgment that changed, annulled,
confirmed unlawful or invalid, or ordered the decision redone takes its publication off the portal in the
transaction that records the outcome (the remedy hook registered in ``apps.ready``; cases never imports publicity).

Why at once and not a flag for the head to confirm: R-PUB-008 gives no discretion — the decision must come off within
3 working days — and a flag would leave a decision set aside by a 复议机关 or a court on the portal until somebody
acts (R-PRV-007: the portal keeps no copy). The withdrawal is recorded with the ground, the reason, the day of the
outcome and the 3-working-day limit; it is late only when the outcome itself was recorded late. A publication not
yet approved is never published (``withdraw_unpublished``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhifa.cases.choices import SETS_ASIDE_RESULTS, RemedyResult
from zhifa.cases.models import RemedyProceeding
from zhifa.core.calendar import add_working_days, format_day, today
from zhifa.publicity.choices import OPEN_STATES, PublicationKind, PublicationState, WithdrawalGround
from zhifa.publicity.models import Publication
from zhifa.publicity.periods import WITHDRAWAL_WORKING_DAYS
from zhifa.publicity.services._common import lock, move, note

# R-PUB-008: the outcome of the 复议/诉讼 → the ground of the withdrawal.
RESULT_GROUNDS = {
    RemedyResult.CHANGED: WithdrawalGround.CHANGED,
    RemedyResult.ANNULLED: WithdrawalGround.ANNULLED,
    RemedyResult.REDONE: WithdrawalGround.REDONE,
    RemedyResult.CONFIRMED_UNLAWFUL: WithdrawalGround.CONFIRMED_UNLAWFUL,
    RemedyResult.CONFIRMED_INVALID: WithdrawalGround.CONFIRMED_INVALID,
}
assert set(RESULT_GROUNDS) == SETS_ASIDE_RESULTS


def withdrawal_deadline(ground_on: date, *, region_code: str = "") -> date:
    """R-PUB-008: the 3rd working day after the day the decision was set aside (R-TIME-003)."""
    return add_working_days(ground_on, WITHDRAWAL_WORKING_DAYS, region_code=region_code, provisional=True)


def withdrawal_reason(remedy: RemedyProceeding) -> str:
    assert remedy.concluded_on is not None
    return (
        f"{remedy.get_kind_display()}（{remedy.body}）于{format_day(remedy.concluded_on)}审结，结果为"
        f"“{remedy.get_result_display()}”，依法撤下（R-PUB-008）"
    )


def set_aside_publications(remedy: RemedyProceeding) -> list[Publication]:
    """The case's penalty-decision publications still live or on their way (decided before the 复议/诉讼 began)."""
    return list(
        Publication.objects.filter(
            penalty_case_id=remedy.penalty_case_id,
            kind=PublicationKind.PENALTY_DECISION,
            decided_on__lte=remedy.filed_on,
            state__in=(PublicationState.PUBLISHED, *OPEN_STATES),
        ).order_by("pk")
    )


def withdraw_on_annulment(remedy: RemedyProceeding, *, actor: Any) -> list[Publication]:
    """The remedy hook (``cases.services.remedy_hooks``): runs in ``conclude_remedy``'s transaction, after the case's
    row lock. Nothing happens unless the outcome set the decision aside."""
    if remedy.result not in SETS_ASIDE_RESULTS or remedy.concluded_on is None:
        return []
    ground = RESULT_GROUNDS[RemedyResult(remedy.result)]
    withdrawn = []
    for candidate in set_aside_publications(remedy):
        publication = lock(candidate)
        was_published = publication.state == PublicationState.PUBLISHED
        if was_published:
            move(publication, publication.withdraw, "撤下")
        elif publication.state in OPEN_STATES:
            move(publication, publication.withdraw_unpublished, "撤下")
        else:  # withdrawn or expired meanwhile
            continue
        day = today()
        publication.withdrawal_ground = ground
        publication.withdrawal_reason = withdrawal_reason(remedy)
        publication.ground_on = remedy.concluded_on
        publication.withdrawal_deadline = withdrawal_deadline(
            remedy.concluded_on, region_code=publication.agency.region.code
        )
        publication.withdrawn_on = day
        publication.save()
        note(
            publication,
            "withdrawn",
            actor,
            ground=ground,
            ground_on=remedy.concluded_on,
            withdrawn_on=day,
            late=day > publication.withdrawal_deadline,
            automatic=True,
            was_published=was_published,
            remedy_id=remedy.pk,
            remedy_kind=remedy.kind,
            remedy_result=remedy.result,
        )
        withdrawn.append(publication)
    return withdrawn
