"""柔性执法 (R-DIS-013): each 提醒、告诫、约谈、指导、建议、劝告 is a record on the case, by its handlers."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from zhifa.cases.errors import CaseError, CaseStateConflict
from zhifa.cases.models import FlexibleMeasure, PenaltyCase
from zhifa.cases.services._common import allow, check_day, lock, note
from zhifa.discretion.choices import FlexibleMeasureKind


@transaction.atomic
def record_flexible_measure(
    *, actor: Any, case: PenaltyCase, kind: str, performed_on: date, content: str
) -> FlexibleMeasure:
    """One measure taken towards the party (R-DIS-013), recorded by a handler of the case."""
    case = lock(case)
    allow(actor, "cases.handle_case", case, "只有本案承办人可以记录柔性执法措施")
    if case.archived_on is not None:
        raise CaseStateConflict("案件已归档，不能再记录", field="state")
    if kind not in FlexibleMeasureKind.values:
        raise CaseError(f"柔性执法措施“{kind}”无效", field="kind")
    check_day(performed_on, field="performed_on", label="措施日期", not_before=case.filed_on, after_what="立案日期")
    if not content.strip():
        raise CaseError("请填写措施内容（提醒、告诫或约谈的要点，当事人的表态）", field="content")
    measure = FlexibleMeasure.objects.create(
        penalty_case=case, kind=kind, performed_on=performed_on, content=content.strip(), recorded_by=actor
    )
    note(case, "flexible_measure_recorded", actor, measure_id=measure.pk, kind=kind, performed_on=performed_on)
    return measure
