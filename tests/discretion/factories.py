"""Benchmarks and lists built through the services (deterministic): 5,000–50,000元 like 《食品安全法》第一百二十六条."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.laws.factories import ArticleFactory, LawFactory, LawVersionFactory
from zhifa.discretion import services
from zhifa.discretion.services import ConditionInput, TierInput
from zhifa.laws.models import LawVersion

D = Decimal
KINDS = ("warning", "fine")


def food_tiers(*, lighter_max: str = "15000") -> list[TierInput]:
    """不予处罚 (首违+轻微+改正), 从轻 5,000–15,000 (配合/消除后果/货值≤1,000), 一般 15,000–35,000,
    从重 35,000–50,000 (再次违法/货值≥10,000)."""
    cut = D(lighter_max)
    return [
        TierInput(
            "no_penalty",
            "初次违法、危害后果轻微并及时改正",
            "all",
            conditions=[
                ConditionInput("first_violation"),
                ConditionInput("slight_harm"),
                ConditionInput("corrected_in_time"),
            ],
        ),
        TierInput(
            "lighter",
            "积极配合、主动消除后果或货值较小",
            "any",
            D("5000"),
            cut,
            allowed_kinds=KINDS,
            conditions=[
                ConditionInput("cooperative"),
                ConditionInput("harm_removed"),
                ConditionInput("goods_value", None, D("1000")),
            ],
        ),
        TierInput("standard", "无从轻、从重情节", "any", cut, D("35000"), allowed_kinds=KINDS),
        TierInput(
            "heavier",
            "再次违法或货值较大",
            "any",
            D("35000"),
            D("50000"),
            allowed_kinds=KINDS,
            conditions=[ConditionInput("repeat_violation"), ConditionInput("goods_value", D("10000"), None)],
        ),
    ]


def penalty_article(item, *, number: int = 126):
    """An article of the factories' 《行政处罚法》 (2021) added to ``item``'s 处罚依据."""
    version = LawVersion.objects.filter(law__title=LawFactory.title, label=LawVersionFactory.label).first()
    kwargs = {"version": version} if version is not None else {}
    article = ArticleFactory(number=number, text="违反本法规定……处五千元以上五万元以下罚款。", **kwargs)
    item.penalty_basis.add(article)
    return article


def published_benchmark(item, *, article=None, effective_on: date = date(2026, 1, 1), tiers=None, user=None):
    benchmark = services.create_benchmark(
        user=user,
        enforcement_item=item,
        penalty_article=article or penalty_article(item),
        title="餐具饮具未洗净消毒裁量基准",
        legal_fine_min_amount=D("5000"),
        legal_fine_max_amount=D("50000"),
        tiers=food_tiers() if tiers is None else tiers,
    )
    return services.publish_benchmark(user=user, benchmark=benchmark, effective_on=effective_on)


def revised_benchmark(benchmark, *, effective_on: date, lighter_max: str):
    """Version + 1 with the 从轻/一般 cut moved, effective ``effective_on``."""
    revision = services.revise_benchmark(user=None, benchmark=benchmark, copy_tiers=False)
    for tier in food_tiers(lighter_max=lighter_max):
        services.add_tier(user=None, benchmark=revision, tier=tier)
    return services.publish_benchmark(user=None, benchmark=revision, effective_on=effective_on)


def published_list(agency, item, *, kind: str = "first_violation", effective_on: date = date(2026, 1, 1)):
    exemption_list = services.create_exemption_list(
        user=None, agency=agency, name="示范县轻微违法行为免罚清单（第一批）"
    )
    entry = services.add_exemption_entry(
        user=None,
        exemption_list=exemption_list,
        enforcement_item=item,
        kind=kind,
        violation="首次被发现个别餐具使用前未经消毒",
        conditions_text="初次违法，危害后果轻微，并及时改正",
        required_circumstances=["first_violation", "slight_harm", "corrected_in_time"],
        correction_calendar_days=3,
        measures=["reminder", "guidance"],
    )
    services.publish_exemption_list(user=None, exemption_list=exemption_list, effective_on=effective_on)
    return entry


def multiple_tiers() -> list[TierInput]:
    """货值金额的十倍以上二十倍以下: 从轻 10–13 (积极配合), 一般 13–17, 从重 17–20 (再次违法)."""
    kinds = ("fine", "confiscate_gains")
    return [
        TierInput(
            "lighter",
            "积极配合",
            "any",
            multiple_min=D(10),
            multiple_max=D(13),
            allowed_kinds=kinds,
            conditions=[ConditionInput("cooperative")],
        ),
        TierInput("standard", "无从轻、从重情节", "any", multiple_min=D(13), multiple_max=D(17), allowed_kinds=kinds),
        TierInput(
            "heavier",
            "再次违法",
            "any",
            multiple_min=D(17),
            multiple_max=D(20),
            allowed_kinds=kinds,
            conditions=[ConditionInput("repeat_violation")],
        ),
    ]


def published_multiple_benchmark(item, *, article=None, effective_on: date = date(2026, 1, 1)):
    """《食品安全法》第一百二十二条 style: 货值金额十倍以上二十倍以下罚款."""
    benchmark = services.create_benchmark(
        user=None,
        enforcement_item=item,
        penalty_article=article or penalty_article(item, number=122),
        title="无证经营裁量基准",
        legal_multiple_min=D(10),
        legal_multiple_max=D(20),
        multiple_base="goods_value",
        tiers=multiple_tiers(),
    )
    return services.publish_benchmark(user=None, benchmark=benchmark, effective_on=effective_on)
