"""Excel import/export of 裁量基准: one row per tier. Rows of the same item and penalty article make one draft
version (a new benchmark, or a revision of a published one); publishing checks the whole (R-DIS-002/003)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q

from zhifa.catalog.choices import PenaltyKind
from zhifa.catalog.models import EnforcementItem
from zhifa.core.excel import Column, ImportSpec, choice_value, parse_decimal, register
from zhifa.discretion import services
from zhifa.discretion.choices import DiscretionBenchmarkState, DiscretionTier, MatchMode, MultipleBase
from zhifa.discretion.importers._common import circumstances_by_label, live_item, optional_decimal, parts, text
from zhifa.discretion.models import DiscretionBenchmark
from zhifa.laws import services as law_services
from zhifa.laws.errors import LawsError
from zhifa.laws.models import Article
from zhifa.org.lookups import agency_by_name

# 情节条件: “初次违法”, “货值金额≥1000”, “货值金额≤10000”, “货值金额1000~10000” (all inclusive, R-TIME-006)
_CONDITION = re.compile(
    r"^(?P<name>.+?)\s*(?:(?P<op>>=|≥|<=|≤)\s*(?P<value>[\d.,]+)|(?P<low>[\d.,]+)\s*[~～]\s*(?P<high>[\d.,]+))?$"
)


def _kinds(cell: str, key: str) -> list[str]:
    return [choice_value(part, PenaltyKind, field_name=key, label="处罚种类") for part in parts(cell)]


def _conditions(cell: str) -> list[services.ConditionInput]:
    by_label = circumstances_by_label()
    conditions = []
    for part in parts(cell):
        match = _CONDITION.match(part)
        found = by_label.get(match["name"].strip()) if match else None
        code = found.code if found is not None else None
        if match is None or code is None:
            raise ValidationError({"conditions": f"情节“{part}”无法识别：请填写情节名称，金额情节写作“货值金额≥1000”"})
        low = high = None
        if match["op"] in (">=", "≥"):
            low = parse_decimal(match["value"], field_name="conditions")
        elif match["op"] in ("<=", "≤"):
            high = parse_decimal(match["value"], field_name="conditions")
        elif match["low"]:
            low = parse_decimal(match["low"], field_name="conditions")
            high = parse_decimal(match["high"], field_name="conditions")
        conditions.append(services.ConditionInput(code, low, high))
    return conditions


def _article(citation: str) -> Article:
    try:
        return law_services.lookup_article(citation)
    except LawsError as exc:
        raise ValidationError({"penalty_article": f"“{citation}”：{exc.message}"}) from None


def _draft_for(user: Any, item: EnforcementItem, article: Article, row: dict[str, str]) -> DiscretionBenchmark:
    """The draft this row adds to: the existing draft, a revision of the published version, or a new benchmark."""
    versions = DiscretionBenchmark.objects.filter(enforcement_item=item, penalty_article=article)
    draft = versions.filter(state=DiscretionBenchmarkState.DRAFT).first()
    if draft is not None:
        return draft
    live = versions.filter(state__in=[DiscretionBenchmarkState.IN_FORCE, DiscretionBenchmarkState.SUSPENDED]).first()
    if live is not None:
        return services.revise_benchmark(user=user, benchmark=live, copy_tiers=False)
    base = row.get("multiple_base", "") or MultipleBase.ILLEGAL_GAINS
    return services.create_benchmark(
        user=user,
        enforcement_item=item,
        penalty_article=article,
        title=row.get("title", "") or f"{item.name}裁量基准",
        legal_fine_min_amount=optional_decimal(row, "legal_fine_min_amount"),
        legal_fine_max_amount=optional_decimal(row, "legal_fine_max_amount"),
        legal_multiple_min=optional_decimal(row, "legal_multiple_min"),
        legal_multiple_max=optional_decimal(row, "legal_multiple_max"),
        multiple_base=choice_value(base, MultipleBase, field_name="multiple_base", label="倍数基数"),
    )


@register
class BenchmarkImport(ImportSpec):
    kind = "discretion-benchmarks"
    label = "裁量基准"
    permission = "discretion.import_benchmarks"
    columns = [
        Column("实施主体", "agency", required=True, example="示范县市场监督管理局"),
        Column("事项编码", "item_code", required=True, example="43019911CF0001"),
        Column("处罚依据", "penalty_article", required=True, example="《食品安全法》第一百二十六条第一款第（五）项"),
        Column("基准名称", "title", example="餐具饮具未洗净消毒裁量基准", help="同一事项同一依据的第一行填写"),
        Column("法定罚款下限", "legal_fine_min_amount", example="5000", help="元"),
        Column("法定罚款上限", "legal_fine_max_amount", example="50000", help="元"),
        Column("法定倍数下限", "legal_multiple_min", example=""),
        Column("法定倍数上限", "legal_multiple_max", example=""),
        Column("倍数基数", "multiple_base", example="", help="违法所得或货值金额；按倍数计罚时填写"),
        Column("阶次", "tier", required=True, example="从轻", help="不予处罚、减轻、从轻、一般、从重"),
        Column("适用情形", "conditions_text", example="初次违法且及时改正"),
        Column(
            "情节条件",
            "conditions",
            example="初次违法；及时改正",
            help="情节名称以“；”分隔；金额或数量情节写作“货值金额≥1000”“货值金额≤10000”“货值金额1000~10000”（均含本数）",
        ),
        Column("情节关系", "match_mode", example="全部满足", help="全部满足或任一满足，默认任一满足"),
        Column("罚款下限", "fine_min_amount", example="5000", help="元"),
        Column("罚款上限", "fine_max_amount", example="15000", help="元"),
        Column("倍数下限", "multiple_min", example=""),
        Column("倍数上限", "multiple_max", example=""),
        Column("可选处罚种类", "allowed_kinds", example="警告；罚款", help="以“；”分隔"),
        Column("应当并处种类", "required_kinds", example="", help="以“；”分隔"),
    ]

    def import_row(self, row: dict[str, str], *, user: Any) -> None:
        agency = agency_by_name(user, row["agency"], field_name="agency", label="实施主体")
        item = live_item(agency, row["item_code"], field_name="item_code")
        article = _article(row["penalty_article"])
        tier = services.TierInput(
            tier=choice_value(row["tier"], DiscretionTier, field_name="tier", label="阶次"),
            conditions_text=row.get("conditions_text", ""),
            match_mode=choice_value(
                row.get("match_mode", "") or MatchMode.ANY, MatchMode, field_name="match_mode", label="情节关系"
            ),
            fine_min_amount=optional_decimal(row, "fine_min_amount"),
            fine_max_amount=optional_decimal(row, "fine_max_amount"),
            multiple_min=optional_decimal(row, "multiple_min"),
            multiple_max=optional_decimal(row, "multiple_max"),
            allowed_kinds=_kinds(row.get("allowed_kinds", ""), "allowed_kinds"),
            required_kinds=_kinds(row.get("required_kinds", ""), "required_kinds"),
            conditions=_conditions(row.get("conditions", "")),
        )
        services.add_tier(user=user, benchmark=_draft_for(user, item, article, row), tier=tier)

    def export_rows(self, user: Any) -> Iterable[dict[str, str]]:
        benchmarks = (
            DiscretionBenchmark.objects.visible_to(user)
            .filter(Q(state=DiscretionBenchmarkState.IN_FORCE) | Q(state=DiscretionBenchmarkState.SUSPENDED))
            .with_tiers()
            .order_by("enforcement_item__agency__name", "enforcement_item__code", "id")
        )
        for benchmark in benchmarks:
            for tier in benchmark.ordered_tiers():
                yield {
                    "agency": benchmark.enforcement_item.agency.name,
                    "item_code": benchmark.enforcement_item.code,
                    "penalty_article": benchmark.penalty_article.citation,
                    "title": benchmark.title,
                    "legal_fine_min_amount": text(benchmark.legal_fine_min_amount),
                    "legal_fine_max_amount": text(benchmark.legal_fine_max_amount),
                    "legal_multiple_min": text(benchmark.legal_multiple_min),
                    "legal_multiple_max": text(benchmark.legal_multiple_max),
                    "multiple_base": benchmark.get_multiple_base_display(),
                    "tier": tier.get_tier_display(),
                    "conditions_text": tier.conditions_text,
                    "conditions": "；".join(c.spec().describe_for_import() for c in tier.conditions.all()),
                    "match_mode": tier.get_match_mode_display(),
                    "fine_min_amount": text(tier.fine_min_amount),
                    "fine_max_amount": text(tier.fine_max_amount),
                    "multiple_min": text(tier.multiple_min),
                    "multiple_max": text(tier.multiple_max),
                    "allowed_kinds": "；".join(PenaltyKind(k).label for k in tier.allowed_kinds),
                    "required_kinds": "；".join(PenaltyKind(k).label for k in tier.required_kinds),
                }
