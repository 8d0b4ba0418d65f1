"""Benchmark specs for the pure assessment tests: 《食品安全法》第一百二十六条 style, fines 5,000–50,000元."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from zhifa.discretion.specs import BenchmarkSpec, CircumstanceSpec, ConditionSpec, TierSpec

D = Decimal
FLAG, AMOUNT = "flag", "amount"

FIRST = CircumstanceSpec("first_violation", "初次违法", rule_id="R-DIS-012")
CORRECTED = CircumstanceSpec("corrected_in_time", "及时改正")
SLIGHT = CircumstanceSpec("slight_harm", "危害后果轻微")
MINOR = CircumstanceSpec("minor_violation", "违法行为轻微")
NO_HARM = CircumstanceSpec("no_harm", "没有造成危害后果")
REMOVED = CircumstanceSpec(
    "harm_removed",
    "主动消除或者减轻违法行为危害后果",
    mandatory_tier="lighter",
    statutory_ground=True,
    rule_id="R-DIS-010",
)
CONFESSED = CircumstanceSpec(
    "confessed",
    "主动供述行政机关尚未掌握的违法行为",
    mandatory_tier="lighter",
    statutory_ground=True,
    rule_id="R-DIS-010",
)
COOPERATIVE = CircumstanceSpec("cooperative", "积极配合调查")
REPEAT = CircumstanceSpec("repeat_violation", "一定期限内再次实施同一违法行为")
GOODS = CircumstanceSpec("goods_value", "货值金额", kind=AMOUNT)
UNDER_14 = CircumstanceSpec("under_14", "违法时不满十四周岁", mandatory_tier="no_penalty", rule_id="R-DIS-008")

FINE_KINDS = frozenset({"warning", "fine"})

FOOD = BenchmarkSpec(
    label="餐具饮具未洗净消毒裁量基准（第1版）",
    legal_fine_min=D("5000"),
    legal_fine_max=D("50000"),
    circumstances=(MINOR, NO_HARM, UNDER_14),
    tiers=(
        TierSpec(
            "no_penalty", (ConditionSpec(FIRST), ConditionSpec(SLIGHT), ConditionSpec(CORRECTED)), match_mode="all"
        ),
        TierSpec(
            "mitigated",
            (ConditionSpec(CONFESSED),),
            fine_min=D("1000"),
            fine_max=D("4999.99"),
            allowed_kinds=FINE_KINDS,
        ),
        TierSpec(
            "lighter",
            (ConditionSpec(REMOVED), ConditionSpec(COOPERATIVE), ConditionSpec(GOODS, max_value=D("1000"))),
            fine_min=D("5000"),
            fine_max=D("15000"),
            allowed_kinds=FINE_KINDS,
        ),
        TierSpec("standard", fine_min=D("15000"), fine_max=D("35000"), allowed_kinds=FINE_KINDS),
        TierSpec(
            "heavier",
            (ConditionSpec(REPEAT), ConditionSpec(GOODS, min_value=D("10000"))),
            fine_min=D("35000"),
            fine_max=D("50000"),
            allowed_kinds=FINE_KINDS | {"confiscate_gains"},
            required_kinds=frozenset({"fine"}),
        ),
    ),
)

# 货值金额十倍以上二十倍以下 (《食品安全法》第一百二十二条 style)
MULTIPLE = BenchmarkSpec(
    label="无证经营裁量基准（第1版）",
    multiple_base="goods_value",
    legal_multiple_min=D("10"),
    legal_multiple_max=D("20"),
    tiers=(
        TierSpec(
            "lighter",
            (ConditionSpec(COOPERATIVE),),
            multiple_min=D("10"),
            multiple_max=D("13"),
            allowed_kinds=frozenset({"fine", "confiscate_gains"}),
        ),
        TierSpec(
            "standard",
            multiple_min=D("13"),
            multiple_max=D("17"),
            allowed_kinds=frozenset({"fine", "confiscate_gains"}),
        ),
        TierSpec(
            "heavier",
            (ConditionSpec(REPEAT),),
            multiple_min=D("17"),
            multiple_max=D("20"),
            allowed_kinds=frozenset({"fine", "confiscate_gains"}),
        ),
    ),
)

# The law alone (no benchmark can be applied): the statutory range of FOOD and the statutory circumstances
LAW = replace(FOOD, tiers=(), circumstances=(MINOR, NO_HARM, UNDER_14, REMOVED, CONFESSED))
