"""Which of a case's documents are live, and the service date their 送达回证 gives (R-DOC-006).

Kept apart from ``case_documents`` so the notice and decision steps can ask it without importing the module
that calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.documents.choices import DocumentKind as K
from zhifa.documents.choices import DocumentState
from zhifa.documents.models import Document
from zhifa.documents.querysets import DocumentQuerySet

NOTICE_KINDS = (K.PRIOR_NOTICE, K.HEARING_RIGHT_NOTICE)
DECISION_DOCUMENT_KINDS = (K.PENALTY_DECISION, K.NO_PENALTY_DECISION)


def live_documents(case: PenaltyCase, kinds: Sequence[str] | None) -> DocumentQuerySet:
    """The case's issued, not voided documents (of ``kinds`` if given)."""
    documents = Document.objects.of_subject(case).filter(state=DocumentState.ISSUED).select_related("number")
    return documents.filter(kind__in=list(kinds)) if kinds is not None else documents


def check_documented_service(case: PenaltyCase, kinds: tuple[str, ...], served_on: date) -> None:
    """R-DOC-006: when the case's document of ``kinds`` was issued in the system, the step's service date is the
    one its 送达回证 gives — a typed date may not contradict it. A paper document made outside the system (a case
    taken over from before the platform) has no record here and keeps the date entered from its receipt."""
    documents = list(live_documents(case, list(kinds)))
    if not documents:
        return
    unserved = [d for d in documents if d.served_on is None]
    if unserved:
        raise CaseError(f"《{unserved[0].title}》尚未登记送达：请先登记送达及送达回证（R-DOC-006）", field="served_on")
    latest = max(d.served_on for d in documents if d.served_on)
    if served_on != latest:
        raise CaseError(f"送达日期应为送达回证记载的日期{latest.isoformat()}（R-DOC-006）", field="served_on")
