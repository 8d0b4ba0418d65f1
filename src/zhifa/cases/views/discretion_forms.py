"""Staff UI forms of 裁量 (R-DIS-004..014): the investigation report and the decision with their discretion inputs,
and one 柔性执法 measure. They only parse; ``cases.services.discretion`` checks every rule.

The circumstances offered are those the item's benchmarks and list entries name, plus the statutory ones (处罚法
第30–33条); the party's age (R-DIS-008) and 初次违法 (R-DIS-012) are computed from the record, not ticked. An
item without a benchmark (in force or suspended) or list entry shows the plain report form.
"""

from __future__ import annotations

from typing import Any

from django import forms

from zhifa.cases.services.discretion_facts import COMPUTED  # age (R-DIS-008), 初次违法 (R-DIS-012)
from zhifa.cases.views import forms as f
from zhifa.core.calendar import today
from zhifa.discretion import services as discretion
from zhifa.discretion.choices import CircumstanceKind, DiscretionTier, FlexibleMeasureKind
from zhifa.discretion.models import Circumstance, DiscretionBenchmark, ExemptionListEntry

PREFIX = "c_"


def _offered(benchmarks: list[DiscretionBenchmark], entries: list[ExemptionListEntry]) -> list[Circumstance]:
    codes = {c.circumstance.code for b in benchmarks for t in b.tiers.all() for c in t.conditions.all()}
    codes |= {c.code for e in entries for c in e.required_circumstances.all()}
    return [
        c
        for c in discretion.circumstances()
        if c.code not in COMPUTED and (c.code in codes or c.mandatory_tier or c.statutory_ground or c.rule_id)
    ]


def _field(circumstance: Circumstance) -> forms.Field:
    help_text = circumstance.description
    if circumstance.kind == CircumstanceKind.FLAG:
        return forms.BooleanField(label=circumstance.name, required=False, help_text=help_text)
    if circumstance.kind == CircumstanceKind.COUNT:
        return forms.IntegerField(label=circumstance.name, required=False, min_value=0, help_text=help_text)
    return forms.DecimalField(
        label=f"{circumstance.name}（元）",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
    )


class ProposalForm(f.InvestigationReportForm):
    """调查终结报告 with 裁量: the benchmark, the circumstances, the tier, the reason and any 免罚清单 entry."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_discretion = False
        if self.case is None:
            return
        on = today()
        candidates = discretion.candidates_for(item=self.case.enforcement_item, on=on)
        benchmarks = candidates.all
        entries = discretion.exemption_entries_for(item=self.case.enforcement_item, on=on)
        if not benchmarks and not entries:
            return
        self.has_discretion = True
        if len(benchmarks) > 1:
            suspended = {b.pk for b in candidates.suspended}
            field: Any = forms.ModelChoiceField(
                label="适用的裁量基准", queryset=DiscretionBenchmark.objects.filter(pk__in=[b.pk for b in benchmarks])
            )
            field.label_from_instance = lambda b: f"{b}{'（已暂停适用，仅核对法定幅度）' if b.pk in suspended else ''}"
            self.fields["benchmark"] = field
        for circumstance in _offered(benchmarks, entries):
            self.fields[PREFIX + circumstance.code] = _field(circumstance)
        self.fields["proposed_tier"] = forms.ChoiceField(
            label="拟适用阶次", choices=[("", "按勾选的情节确定"), *DiscretionTier.choices], required=False
        )
        if entries:
            self.fields["exemption_entry"] = forms.ModelChoiceField(
                label="适用免罚清单（首违不罚、轻微不罚）",
                queryset=ExemptionListEntry.objects.filter(pk__in=[e.pk for e in entries]).select_related(
                    "exemption_list"
                ),
                required=False,
            )
        self.fields["deviation_reason"] = forms.CharField(
            label="裁量理由（偏离基准，或符合首违不罚、免罚清单仍予处罚的须填写）", widget=f.TEXT, required=False
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.has_discretion:
            return data
        values = {}
        for name in [n for n in data if n.startswith(PREFIX)]:
            value = data.pop(name)
            if value not in (None, False, ""):
                values[name[len(PREFIX) :]] = True if value is True else str(value)
        data["circumstances"] = values
        return data


class DecisionForm(f.DecideForm):
    """负责人决定 with how the benchmark is applied: a reason for a deviation, 责令改正 for a no-penalty decision."""

    deviation_reason = forms.CharField(label="裁量理由（偏离裁量基准的须填写）", widget=f.TEXT, required=False)
    correction_order = forms.CharField(label="责令改正内容（依免罚清单不予处罚的必填）", widget=f.TEXT, required=False)
    correction_deadline = f._date("责令改正期限", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.case is not None:
            self.initial.setdefault("deviation_reason", self.case.deviation_reason)


class FlexibleMeasureForm(f.StepForm):
    kind = forms.ChoiceField(label="措施", choices=FlexibleMeasureKind.choices)
    performed_on = f._date("日期")
    content = forms.CharField(label="内容（要点及当事人表态）", widget=f.TEXT, required=False)
