"""决定 with 裁量 (R-DIS-004..006, R-DIS-013): the benchmark version in force on the decision day applied to the
decision (or the law alone when none is in force — the decision then records so), the collective-discussion gate
for a deviation (R-DIS-005), and the education and 责令改正 a no-penalty decision under a 免罚清单 entry needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from zhifa.cases.choices import DecisionKind
from zhifa.cases.errors import CaseError
from zhifa.cases.models import PenaltyCase
from zhifa.cases.services.discretion import BENCHMARK_DEVIATION, discussion_approved
from zhifa.cases.services.discretion_check import Evaluation, evaluate, has_material
from zhifa.cases.services.discretion_facts import Facts, case_circumstances
from zhifa.cases.services.discretion_upper import require_upper_approval
from zhifa.core.calendar import add_calendar_days
from zhifa.discretion import services as discretion
from zhifa.discretion.assessment import Proposal
from zhifa.discretion.choices import DiscretionTier
from zhifa.discretion.models import DiscretionBenchmark


@dataclass(frozen=True)
class DecisionDiscretion:
    """What ``decide_case`` stores: the version applied (None: none in force), the tier and how it was applied
    (R-DIS-006)."""

    benchmark: DiscretionBenchmark | None = None
    tier: str = ""
    lines: list[str] = field(default_factory=list)
    deviation: bool = False
    reason: str = ""
    correction_order: str = ""
    correction_deadline: date | None = None


def _decision_evaluation(case: PenaltyCase, day: date, proposal: Proposal) -> Evaluation | None:
    """The evaluation on the decision day: of the article chosen with the proposal, or the item's only one."""
    item = case.enforcement_item
    if not (case.circumstances or case.proposed_tier or case.benchmark_id or has_material(item, day)):
        return None
    known = discretion.circumstances()
    values = case_circumstances(Facts.of(case), case.circumstances, {c.code: c for c in known})
    article = case.benchmark.penalty_article_id if case.benchmark is not None else None
    return evaluate(
        item,
        day,
        values=values,
        proposal=proposal,
        tier=case.proposed_tier,
        known=known,
        article_id=article,
        named_entry=case.exemption_entry,
    )


def decision_discretion(
    case: PenaltyCase,
    *,
    day: date,
    decision_kind: str,
    proposal: Proposal,
    reason: str = "",
    correction_order: str = "",
    correction_deadline: date | None = None,
) -> DecisionDiscretion:
    """The discretion gates of ``decide_case`` (read-only; the caller stores the result):

    - penalty: the decision is assessed against the benchmark version in force on ``day`` with the circumstances
      and tier of the proposal (R-DIS-004/006), or against the law alone when none is in force (a suspended one is
      named: R-DIS-001); a deviation needs a reason and an approved collective discussion (R-DIS-005); whatever the
      law forbids is refused (R-DIS-007..011, R-PEN-001);
    - no penalty under a 免罚清单 entry or the 不予处罚 tier: education recorded (R-DIS-013) and 责令改正 stated.
    """
    reason = reason.strip() or case.deviation_reason
    if decision_kind == DecisionKind.PENALTY:
        return _penalty_discretion(case, day=day, proposal=proposal, reason=reason)
    if decision_kind == DecisionKind.NO_PENALTY and (
        case.exemption_entry_id is not None or case.proposed_tier == DiscretionTier.NO_PENALTY
    ):
        return _no_penalty_discretion(
            case, day=day, reason=reason, correction_order=correction_order, correction_deadline=correction_deadline
        )
    return DecisionDiscretion()


def _penalty_discretion(case: PenaltyCase, *, day: date, proposal: Proposal, reason: str) -> DecisionDiscretion:
    evaluation = _decision_evaluation(case, day, proposal)
    if evaluation is None:
        return DecisionDiscretion()
    result = evaluation.result
    if result.refusals:
        raise CaseError("；".join(result.refusals), field="fine_amount" if result.fine_refused else "penalty_kinds")
    if result.needs_reason and not reason:
        problems = "；".join([*result.deviations, *result.warnings])
        raise CaseError(f"{problems}。须书面说明裁量理由（R-DIS-005）", field="deviation_reason")
    if result.needs_discussion and not discussion_approved(case, BENCHMARK_DEVIATION):
        raise CaseError(
            f"处理决定偏离裁量基准（{'；'.join(result.deviations)}），须经集体讨论通过后方可作出决定（R-DIS-005）",
            field="benchmark_deviation",
        )
    if result.needs_discussion:  # R-DIS-005: an upper level's benchmark also needs its issuer's approval
        require_upper_approval(case, evaluation.benchmark, "；".join(result.deviations))
    lines = list(evaluation.lines)
    if reason and lines:
        lines.append(f"裁量理由：{reason}")
    return DecisionDiscretion(evaluation.benchmark, result.chosen_tier, lines, result.needs_discussion, reason)


def _in_force_version(case: PenaltyCase, day: date) -> DiscretionBenchmark | None:
    """The benchmark in force on ``day`` for the proposal's article, or the item's only one (never refuses)."""
    candidates = discretion.candidates_for(item=case.enforcement_item, on=day)
    if case.benchmark is not None:
        article = case.benchmark.penalty_article_id
        return next((b for b in candidates.in_force if b.penalty_article_id == article), None)
    return candidates.in_force[0] if len(candidates.all) == 1 and candidates.in_force else None


def _no_penalty_discretion(
    case: PenaltyCase, *, day: date, reason: str, correction_order: str, correction_deadline: date | None
) -> DecisionDiscretion:
    if not case.flexible_measures.exists():
        raise CaseError(
            "依据免罚清单或不予处罚阶次不予行政处罚的，须先记录对当事人的教育等柔性执法措施（R-DIS-013）",
            field="flexible_measures",
        )
    if not correction_order.strip():
        raise CaseError(
            "不予行政处罚的，仍应责令当事人改正违法行为：请填写责令改正内容（处罚法第28条）", field="correction_order"
        )
    entry = case.exemption_entry
    if correction_deadline is None and entry is not None and entry.correction_calendar_days:
        correction_deadline = add_calendar_days(day, entry.correction_calendar_days)
    if correction_deadline is not None and correction_deadline < day:
        raise CaseError("责令改正期限不能早于决定日期", field="correction_deadline")
    lines = []
    if entry is not None:
        lines.append(
            f"适用{entry.exemption_list.name}第{entry.sequence}项（{entry.get_kind_display()}）：{entry.conditions_text}"
        )
    version = _in_force_version(case, day)
    if version is not None:
        lines.append(f"依{version}，适用不予处罚阶次")
    measures = "、".join(m.get_kind_display() for m in case.flexible_measures.all())
    lines.append(f"已采取柔性执法措施：{measures}；责令改正：{correction_order.strip()}")
    return DecisionDiscretion(
        version, DiscretionTier.NO_PENALTY, lines, False, reason, correction_order.strip(), correction_deadline
    )


def store_decision_discretion(case: PenaltyCase, result: DecisionDiscretion) -> None:
    case.applied_benchmark = result.benchmark
    case.applied_tier = result.tier
    case.applied_discretion = result.lines
    case.correction_order = result.correction_order
    case.correction_deadline = result.correction_deadline
    if result.lines:
        case.benchmark_deviation = result.deviation
        case.deviation_reason = result.reason
