"""The steps of a publication: 提交 (the handler, with the parts to withhold), 退回, 审核公开 (the agency's approver),
不予公开 (with a reason and the approver's approval), 撤下, and the automatic 到期 (R-PUB-006..010, R-PRV-002/007).

Each step is one transaction: permission → rules → transition → save → ``publication.<verb>`` ledger event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from zhifa.core.calendar import add_months, add_working_days, format_day, today
from zhifa.publicity.choices import ExemptionReason, PublicationState, WithdrawalGround
from zhifa.publicity.config import publicity_config
from zhifa.publicity.errors import PublicationError
from zhifa.publicity.models import Publication
from zhifa.publicity.periods import WITHDRAWAL_WORKING_DAYS, publicity_period_months
from zhifa.publicity.redaction import Exclusion, build_snapshot
from zhifa.publicity.services._common import allow, check_can, lock, move, note, typed_day
from zhifa.publicity.services.sources import Source, policy, snapshot_digest, source_of


@dataclass(frozen=True)
class ExclusionInput:
    """R-PRV-002: what the handler withholds — a whole part (``key``) or a phrase (``text``) — on a ground."""

    ground: str
    reason: str
    key: str = ""
    text: str = ""


def _exclusions(items: list[ExclusionInput], source: Source) -> list[Exclusion]:
    keys = {section.key: section for section in source.decision.sections}
    checked: list[Exclusion] = []
    for item in items:
        if item.ground not in ExemptionReason.values:
            raise PublicationError(f"不予公开的理由“{item.ground}”无效", field="exclusions")
        if not item.reason.strip():
            raise PublicationError("标注不予公开的内容须写明理由（R-PRV-002）", field="exclusions")
        if item.key and item.key not in keys:
            raise PublicationError(f"决定书中没有“{item.key}”这一部分", field="exclusions")
        if not item.key and not item.text.strip():
            raise PublicationError("请填写不予公开的部分或文字", field="exclusions")
        text = item.text.strip()
        if text:
            where = [keys[item.key]] if item.key else list(keys.values())
            if not any(text in section.text for section in where):
                raise PublicationError(f"标注不予公开的文字“{text}”未在决定书中出现", field="exclusions")
        checked.append(Exclusion(key=item.key, text=text, ground=item.ground, reason=item.reason.strip()))
    return checked


def _stored(exclusions: list[Exclusion]) -> list[dict[str, str]]:
    return [{"key": e.key, "text": e.text, "ground": e.ground, "reason": e.reason} for e in exclusions]


def _restored(publication: Publication) -> list[Exclusion]:
    return [Exclusion(**row) for row in publication.exclusions]


@transaction.atomic
def submit_publication(
    *,
    actor: Any,
    publication: Publication,
    exclusions: list[ExclusionInput] | None = None,
    submitted_on: date | None = None,
) -> Publication:
    """承办人提交: the snapshot is built from the served decision by redaction only (R-PUB-007, R-PRV-001..004),
    the parts the handler withholds flagged with their ground and reason (R-PRV-002); then it waits for approval."""
    publication = lock(publication)
    allow(actor, "publicity.submit_publication", publication, "只有本案承办人可以提交公示内容")
    check_can(publication, publication.submit, "提交")
    source = source_of(publication)
    if source.document is not None and source.document.served_on is None:
        raise PublicationError(
            f"《{source.document.title}》尚未送达；公示的决定书应为送达的决定书（R-PUB-007）", field="source_document"
        )
    checked = _exclusions(list(exclusions or []), source)
    snapshot = build_snapshot(source.decision, exclusions=checked, policy=policy())
    move(publication, publication.submit, "提交")
    publication.snapshot = snapshot
    publication.snapshot_digest = snapshot_digest(snapshot)
    publication.source_digest = source.digest
    publication.source_document = source.document
    publication.title = snapshot["title"] or publication.title
    publication.document_number = snapshot["document_number"]
    publication.exclusions = _stored(checked)
    publication.submitted_by = actor
    publication.submitted_on = typed_day(
        submitted_on, field="submitted_on", label="提交日期", not_before=publication.decided_on, after_what="决定日期"
    )
    publication.return_reason = ""
    publication.save()
    note(
        publication,
        "submitted",
        actor,
        snapshot_digest=publication.snapshot_digest,
        source_digest=publication.source_digest,
        source_document=publication.source_document_id,
        exclusions=[{"key": e.key, "ground": e.ground} for e in checked],
    )
    return publication


@transaction.atomic
def return_publication(*, actor: Any, publication: Publication, reason: str) -> Publication:
    """审核人退回: back to the handler to correct what is withheld or to resubmit after the decision changed."""
    publication = lock(publication)
    allow(actor, "publicity.approve_publication", publication, "只有本单位负责人可以审核公示")
    check_can(publication, publication.send_back, "退回")
    if not reason.strip():
        raise PublicationError("请填写退回理由", field="reason")
    move(publication, publication.send_back, "退回")
    publication.return_reason = reason.strip()
    publication.save(update_fields=["state", "return_reason", "updated_at"])
    note(publication, "returned", actor, reason=publication.return_reason)
    return publication


def _check_source_unchanged(publication: Publication) -> None:
    """R-PUB-007 (BLOCK; digests compared): the decision read again gives the submitted source and snapshot."""
    source = source_of(publication)
    if source.digest != publication.source_digest or source.document != publication.source_document:
        raise PublicationError(
            "决定书在提交公示后已变更、作废或重新制作，公示内容须与送达的决定书一致：请退回承办人重新提交（R-PUB-007）",
            field="source_digest",
        )
    rebuilt = build_snapshot(source.decision, exclusions=_restored(publication), policy=policy())
    if snapshot_digest(rebuilt) != publication.snapshot_digest or rebuilt != publication.snapshot:
        raise PublicationError(
            "公示内容与依决定书脱敏生成的内容不一致（当事人信息或脱敏设置已变更）：请退回承办人重新提交（R-PUB-007）",
            field="snapshot",
        )


@transaction.atomic
def approve_publication(*, actor: Any, publication: Publication, published_on: date | None = None) -> Publication:
    """公示审核 (R-PUB-006: published only after approval): the agency's approver checks the snapshot against the
    served decision (R-PUB-007) and publishes it today; the publicity period starts (R-PUB-010)."""
    publication = lock(publication)
    allow(actor, "publicity.approve_publication", publication, "只有本单位负责人可以审核公示（R-PUB-006）")
    check_can(publication, publication.publish, "审核公开")
    _check_source_unchanged(publication)
    move(publication, publication.publish, "审核公开")
    case = publication.penalty_case
    months = publicity_period_months(
        publication.kind,
        penalty_kinds=case.penalty_kinds if case is not None else (),
        fine_amount=case.fine_amount if case is not None else Decimal("0"),
        confiscated_amount=case.confiscated_gains_amount if case is not None else Decimal("0"),
        config=publicity_config(),
    )
    day = typed_day(
        published_on,
        field="published_on",
        label="公开日期",
        not_before=publication.submitted_on or publication.decided_on,
        after_what="提交日期",
    )
    publication.approved_by = actor
    publication.published_on = day
    publication.publicity_period_months = months
    publication.expires_on = add_months(day, months)
    publication.save()
    late = day > publication.publication_deadline
    note(publication, "published", actor, published_on=day, expires_on=publication.expires_on, late=late)
    return publication


@transaction.atomic
def exempt_publication(*, actor: Any, publication: Publication, reason: str, note_text: str) -> Publication:
    """不予公开 (R-PUB-006): only for a state secret, a trade secret or personal privacy, with a written reason,
    approved by the agency's approver."""
    publication = lock(publication)
    allow(actor, "publicity.approve_publication", publication, "不予公开须经本单位负责人批准（R-PUB-006）")
    check_can(publication, publication.exempt, "批准不予公开")
    if reason not in ExemptionReason.values:
        raise PublicationError(
            "不予公开的理由只能是国家秘密、商业秘密或个人隐私（R-PUB-006）", field="exemption_reason"
        )
    if not note_text.strip():
        raise PublicationError("请写明不予公开的具体理由（R-PUB-006）", field="exemption_note")
    move(publication, publication.exempt, "批准不予公开")
    publication.exemption_reason = reason
    publication.exemption_note = note_text.strip()
    publication.exempted_by = actor
    publication.exempted_on = today()
    publication.save()
    note(publication, "exempted", actor, exemption_reason=reason)
    return publication


@transaction.atomic
def withdraw_publication(
    *,
    actor: Any,
    publication: Publication,
    ground: str,
    reason: str,
    ground_on: date,
    withdrawn_on: date | None = None,
) -> Publication:
    """撤下 (R-PUB-008): the decision was changed, annulled, confirmed unlawful or invalid, or is to be redone —
    within 3 working days of that day, with the reason recorded. The portal keeps no copy; the record stays
    (R-PRV-007)."""
    publication = lock(publication)
    allow(actor, "publicity.approve_publication", publication, "只有本单位负责人可以撤下公示（R-PUB-008）")
    check_can(publication, publication.withdraw, "撤下")
    if ground not in WithdrawalGround.values:
        raise PublicationError(f"撤下情形“{ground}”无效", field="withdrawal_ground")
    if not reason.strip():
        raise PublicationError("请填写撤下理由（R-PUB-008）", field="withdrawal_reason")
    day = today()
    if ground_on > day or ground_on < publication.decided_on:
        raise PublicationError(
            f"情形发生日期应在决定日期（{format_day(publication.decided_on)}）之后且不晚于今天", field="ground_on"
        )
    day = typed_day(
        withdrawn_on,
        field="withdrawn_on",
        label="撤下日期",
        not_before=max(ground_on, publication.published_on or ground_on),
        after_what="情形发生日期和公开日期",
    )
    move(publication, publication.withdraw, "撤下")
    publication.withdrawal_ground = ground
    publication.withdrawal_reason = reason.strip()
    publication.ground_on = ground_on
    publication.withdrawal_deadline = add_working_days(ground_on, WITHDRAWAL_WORKING_DAYS, provisional=True)
    publication.withdrawn_by = actor
    publication.withdrawn_on = day
    publication.save()
    late = day > publication.withdrawal_deadline
    note(publication, "withdrawn", actor, ground=ground, ground_on=ground_on, withdrawn_on=day, late=late)
    return publication


def expire_publications(on: date) -> list[Publication]:
    """``zhifa tick`` (R-PUB-010 AUTO expire): publications whose period ended before ``on`` leave the portal."""
    expired = []
    due = Publication.objects.filter(state=PublicationState.PUBLISHED, expires_on__lt=on).order_by("expires_on", "pk")
    for candidate in due:
        with transaction.atomic():
            publication = lock(candidate)
            if publication.state != PublicationState.PUBLISHED:
                continue  # a concurrent withdrawal was faster
            move(publication, publication.expire, "到期撤出")
            publication.expired_on = on
            publication.save(update_fields=["state", "expired_on", "updated_at"])
            note(publication, "expired", None, expires_on=publication.expires_on, expired_on=on)
            expired.append(publication)
    return expired
