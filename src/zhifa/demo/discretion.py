"""Demo 裁量基准 (twelve items of four agencies, effective 2026-01-01; one revised from 2026-07-01), three 免罚清单
(the market regulator's after 宁乡's in seed 000, the 城管's, and the 司法局's county-wide one; R-DIS-014), and cases
decided with them so that the case pages show the applied benchmark and the 同事不同罚 page has data — including one
fine far from its group's median (R-DIS-015) and one 首违不罚 case closed with recorded 柔性执法 measures (R-DIS-013).

Runs after the other case loaders: their cases were decided before these benchmarks were loaded and carry none.
Every step goes through the services; every date is fixed (no later than ``cases.LAST_DAY``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from zhifa.cases import services as cases
from zhifa.cases.choices import DecisionKind, InvestigativeStepKind
from zhifa.catalog import services as catalog_services
from zhifa.catalog.choices import ItemKind, ItemLevel, PenaltyKind
from zhifa.core.calendar import add_working_days
from zhifa.demo.context import DemoContext
from zhifa.demo.org import agency_uscc
from zhifa.discretion import services
from zhifa.discretion.choices import DiscretionTier, ExemptionKind, FlexibleMeasureKind, MatchMode
from zhifa.discretion.services import ConditionInput, TierInput
from zhifa.org.models import Agency
from zhifa.parties.choices import PartyKind

EFFECTIVE_ON = date(2026, 1, 1)
REVISED_ON = date(2026, 7, 1)
LIST_EFFECTIVE_ON = date(2026, 3, 1)
D = Decimal
T = DiscretionTier
W = PenaltyKind.WARNING
F = PenaltyKind.FINE
GAINS = PenaltyKind.CONFISCATE_GAINS
PROPERTY = PenaltyKind.CONFISCATE_PROPERTY
FOOD = "《食品安全法》"
SAFETY = "《安全生产法》"
AIR = "《大气污染防治法》"


def _c(*codes: str) -> tuple[ConditionInput, ...]:
    return tuple(ConditionInput(code) for code in codes)


NO_PENALTY = TierInput(
    T.NO_PENALTY,
    "初次违法、危害后果轻微并及时改正的，可以不予行政处罚，予以教育（处罚法第33条第1款）",
    MatchMode.ALL,
    conditions=_c("first_violation", "slight_harm", "corrected_in_time"),
)
LIGHTER_WHEN = _c("harm_removed", "coerced_or_deceived", "confessed", "meritorious", "cooperative")
HEAVIER_WHEN = _c("repeat_violation", "refused_correction", "obstructed", "serious_harm", "vulnerable_targets")


def _fine_tiers(
    bounds: tuple[int, int, int, int], kinds: tuple[str, ...], *, no_penalty: bool = True
) -> tuple[TierInput, ...]:
    """从轻 / 一般 / 从重 over ``bounds`` (legal minimum, two cuts, legal maximum), shared endpoints (R-DIS-002)."""
    low, cut1, cut2, high = (D(b) for b in bounds)
    tiers = [
        TierInput(
            T.LIGHTER,
            "主动消除或者减轻危害后果、积极配合调查等",
            MatchMode.ANY,
            low,
            cut1,
            allowed_kinds=kinds,
            conditions=LIGHTER_WHEN,
        ),
        TierInput(T.STANDARD, "无从轻、从重情节", MatchMode.ANY, cut1, cut2, allowed_kinds=kinds),
        TierInput(
            T.HEAVIER,
            "再次违法、拒不改正、造成严重后果等",
            MatchMode.ANY,
            cut2,
            high,
            allowed_kinds=kinds,
            conditions=HEAVIER_WHEN,
        ),
    ]
    return (NO_PENALTY, *tiers) if no_penalty else tuple(tiers)


@dataclass(frozen=True)
class Benchmark:
    agency: str
    item: str
    article: str
    legal: tuple[int, int] | None
    tiers: tuple[TierInput, ...]
    violation: str
    multiples: tuple[int, int] | None = None
    multiple_base: str = "illegal_gains"


FOOD_126 = (5000, 15000, 35000, 50000)
SAFETY_97 = (0, 20000, 60000, 100000)
SAFETY_99 = (0, 10000, 30000, 50000)

BENCHMARKS = [
    Benchmark(
        "scjg",
        "对餐具、饮具使用前未经洗净、消毒的行政处罚",
        FOOD + "第一百二十六条第一款第（五）项",
        (5000, 50000),
        _fine_tiers(FOOD_126, (W, F)),
        "餐具、饮具和盛放直接入口食品的容器，使用前未经洗净、消毒",
    ),
    Benchmark(
        "scjg",
        "对安排未取得健康证明的人员从事接触直接入口食品工作的行政处罚",
        FOOD + "第一百二十六条第一款第（六）项",
        (5000, 50000),
        _fine_tiers(FOOD_126, (W, F)),
        "安排未取得健康证明的人员从事接触直接入口食品的工作",
    ),
    Benchmark(
        "scjg",
        "对进货时未查验许可证和相关证明文件或者未建立进货查验记录制度的行政处罚",
        FOOD + "第一百二十六条第一款第（三）项",
        (5000, 50000),
        _fine_tiers(FOOD_126, (W, F)),
        "食品经营者未按规定查验进货许可证和相关证明文件，或者未建立进货查验记录制度",
    ),
    Benchmark(
        "scjg",
        "对生产经营无标签的预包装食品的行政处罚",
        FOOD + "第一百二十五条第一款第（二）项",
        (5000, 50000),
        (
            TierInput(
                T.LIGHTER,
                "货值金额较小或者主动召回",
                MatchMode.ANY,
                D(5000),
                D(15000),
                allowed_kinds=(W, F, GAINS, PROPERTY),
                required_kinds=(F,),
                conditions=(*LIGHTER_WHEN, ConditionInput("goods_value", None, D(1000))),
            ),
            TierInput(
                T.STANDARD,
                "货值金额不足一万元，无从轻、从重情节",
                MatchMode.ANY,
                D(15000),
                D(35000),
                allowed_kinds=(W, F, GAINS, PROPERTY),
                required_kinds=(F,),
            ),
            TierInput(
                T.HEAVIER,
                "货值金额五千元以上或者再次违法等",
                MatchMode.ANY,
                D(35000),
                D(50000),
                allowed_kinds=(W, F, GAINS, PROPERTY),
                required_kinds=(F,),
                conditions=(*HEAVIER_WHEN, ConditionInput("goods_value", D(5000), D("9999.99"))),
            ),
        ),
        "生产经营无标签的预包装食品（货值金额不足一万元；一万元以上的按货值金额五倍以上十倍以下处罚，另行裁量）",
    ),
    Benchmark(
        "scjg",
        "对未取得食品经营许可从事食品经营活动的行政处罚",
        FOOD + "第一百二十二条第一款",
        None,
        (
            TierInput(
                T.LIGHTER,
                "主动停止经营、积极配合调查",
                MatchMode.ANY,
                multiple_min=D(10),
                multiple_max=D(13),
                allowed_kinds=(F, GAINS, PROPERTY),
                required_kinds=(F,),
                conditions=LIGHTER_WHEN,
            ),
            TierInput(
                T.STANDARD,
                "无从轻、从重情节",
                MatchMode.ANY,
                multiple_min=D(13),
                multiple_max=D(17),
                allowed_kinds=(F, GAINS, PROPERTY),
                required_kinds=(F,),
            ),
            TierInput(
                T.HEAVIER,
                "再次违法、造成严重后果等",
                MatchMode.ANY,
                multiple_min=D(17),
                multiple_max=D(20),
                allowed_kinds=(F, GAINS, PROPERTY),
                required_kinds=(F,),
                conditions=HEAVIER_WHEN,
            ),
        ),
        "未取得食品经营许可从事食品经营活动，货值金额一万元以上（按货值金额十倍以上二十倍以下罚款）",
        multiples=(10, 20),
        multiple_base="goods_value",
    ),
    Benchmark(
        "yjgl",
        "对未按照规定设置安全生产管理机构或者配备安全生产管理人员的行政处罚",
        SAFETY + "第九十七条第（一）项",
        (0, 100000),
        _fine_tiers(SAFETY_97, (W, F)),
        "未按照规定设置安全生产管理机构或者配备安全生产管理人员",
    ),
    Benchmark(
        "yjgl",
        "对未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        SAFETY + "第九十七条第（三）项",
        (0, 100000),
        _fine_tiers(SAFETY_97, (W, F)),
        "未按照规定对从业人员进行安全生产教育和培训，或者未如实告知有关事项",
    ),
    Benchmark(
        "yjgl",
        "对未对安全设备进行经常性维护、保养和定期检测的行政处罚",
        SAFETY + "第九十九条第（二）项",
        (0, 50000),
        _fine_tiers(SAFETY_99, (W, F)),
        "未对安全设备进行经常性维护、保养和定期检测",
    ),
    Benchmark(
        "jtys",
        "对道路运输单位主要负责人和安全生产管理人员未按照规定经考核合格的行政处罚",
        SAFETY + "第九十七条第（二）项",
        (0, 100000),
        _fine_tiers(SAFETY_97, (W, F)),
        "道路运输单位主要负责人和安全生产管理人员未按照规定经考核合格",
    ),
    Benchmark(
        "jtys",
        "对道路运输单位未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        SAFETY + "第九十七条第（三）项",
        (0, 100000),
        _fine_tiers(SAFETY_97, (W, F)),
        "道路运输单位未按照规定对驾驶员等从业人员进行安全生产教育和培训",
    ),
    Benchmark(
        "cgzf",
        "对餐饮服务业经营者超过排放标准排放油烟的行政处罚",
        AIR + "第一百一十八条第一款",
        (5000, 50000),
        _fine_tiers(FOOD_126, (F,)),
        "排放油烟的餐饮服务业经营者未安装油烟净化设施、不正常使用或者超过排放标准排放油烟",
    ),
    Benchmark(
        "cgzf",
        "对在禁止的时段和区域内露天烧烤食品或者为其提供场地的行政处罚",
        AIR + "第一百一十八条第三款",
        (500, 20000),
        _fine_tiers((500, 2000, 10000, 20000), (F, GAINS, PROPERTY), no_penalty=False),
        "在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地",
    ),
]

# (agency, item, kind, violation, conditions, required circumstances, 责令改正日数, measures)
ENTRIES = [
    (
        "scjg",
        "对餐具、饮具使用前未经洗净、消毒的行政处罚",
        ExemptionKind.FIRST_VIOLATION,
        "餐饮服务经营者首次被发现个别餐具使用前未经消毒",
        "初次违法，危害后果轻微，并在责令期限内改正",
        ("first_violation", "slight_harm", "corrected_in_time"),
        3,
        (FlexibleMeasureKind.REMINDER, FlexibleMeasureKind.GUIDANCE),
    ),
    (
        "scjg",
        "对进货时未查验许可证和相关证明文件或者未建立进货查验记录制度的行政处罚",
        ExemptionKind.FIRST_VIOLATION,
        "首次被发现进货查验记录不完整",
        "初次违法，危害后果轻微，并及时补全进货查验记录",
        ("first_violation", "slight_harm", "corrected_in_time"),
        7,
        (FlexibleMeasureKind.REMINDER, FlexibleMeasureKind.GUIDANCE),
    ),
    (
        "scjg",
        "对安排未取得健康证明的人员从事接触直接入口食品工作的行政处罚",
        ExemptionKind.MINOR_VIOLATION,
        "从业人员健康证明过期不超过三十日",
        "违法行为轻微，及时改正，没有造成危害后果",
        ("minor_violation", "corrected_in_time", "no_harm"),
        10,
        (FlexibleMeasureKind.ADMONITION,),
    ),
    (
        "cgzf",
        "对餐饮服务业经营者超过排放标准排放油烟的行政处罚",
        ExemptionKind.FIRST_VIOLATION,
        "首次被查实油烟净化设施未正常使用",
        "初次违法，危害后果轻微，并在责令期限内恢复正常使用",
        ("first_violation", "slight_harm", "corrected_in_time"),
        5,
        (FlexibleMeasureKind.REMINDER, FlexibleMeasureKind.INTERVIEW),
    ),
    (
        "cgzf",
        "对运输散装、流体物料的车辆未采取密闭措施防止物料遗撒的行政处罚",
        ExemptionKind.MINOR_VIOLATION,
        "物料遗撒量少并立即清扫",
        "违法行为轻微，立即清除遗撒物料，没有造成危害后果",
        ("minor_violation", "corrected_in_time", "no_harm"),
        1,
        (FlexibleMeasureKind.ADMONITION,),
    ),
    (
        "yjgl",
        "对未按照规定制定生产安全事故应急救援预案或者未定期组织演练的行政处罚",
        ExemptionKind.FIRST_VIOLATION,
        "已制定应急救援预案但首次被发现未按期组织演练",
        "初次违法，危害后果轻微，并在责令期限内组织演练",
        ("first_violation", "slight_harm", "corrected_in_time"),
        30,
        (FlexibleMeasureKind.GUIDANCE,),
    ),
    (
        "yjgl",
        "对未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        ExemptionKind.LIGHTER_PENALTY,
        "培训学时不足但已组织补训",
        "主动消除或者减轻违法行为危害后果的，依法从轻处罚",
        ("harm_removed",),
        15,
        (FlexibleMeasureKind.GUIDANCE,),
    ),
    (
        "jtys",
        "对道路运输单位未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        ExemptionKind.FIRST_VIOLATION,
        "首次被发现个别驾驶员岗前培训记录缺失",
        "初次违法，危害后果轻微，并及时补训补记",
        ("first_violation", "slight_harm", "corrected_in_time"),
        10,
        (FlexibleMeasureKind.REMINDER, FlexibleMeasureKind.ADVICE),
    ),
]

# Decided cases: (agency, item, lead-first, fine, circumstances, filed on). The 97(3) group of 应急 and 交通 has
# one fine (48,000元) far above its median (30,000元): the 同事不同罚 page flags it.
TEAMS = {
    "scjg": ("scjg_handler", "scjg_handler2", "scjg_head"),
    "cgzf": ("cgzf_handler", "cgzf_handler2", "cgzf_head"),
    "yjgl": ("yjgl_handler", "yjgl_handler2", "yjgl_head"),
    "jtys": ("jtys_handler", "jtys_handler2", "jtys_head"),
}
TRAINING = "对未按照规定对从业人员进行安全生产教育和培训的行政处罚"
ROAD_TRAINING = "对道路运输单位未按照规定对从业人员进行安全生产教育和培训的行政处罚"
DISHES = "对餐具、饮具使用前未经洗净、消毒的行政处罚"
FUMES = "对餐饮服务业经营者超过排放标准排放油烟的行政处罚"
INDUSTRIES = {
    "scjg": ("餐饮",),
    "cgzf": ("餐饮", "住宿"),
    "yjgl": ("工业企业", "危险化学品", "建筑施工"),
    "jtys": ("道路运输",),
}
CASES: list[tuple[str, str, bool, int, dict[str, Any], date]] = [
    ("yjgl", TRAINING, True, 30000, {}, date(2026, 5, 11)),
    ("yjgl", TRAINING, False, 32000, {}, date(2026, 6, 8)),
    ("yjgl", TRAINING, True, 30000, {}, date(2026, 8, 17)),
    ("jtys", ROAD_TRAINING, True, 28000, {}, date(2026, 5, 18)),
    ("jtys", ROAD_TRAINING, False, 30000, {}, date(2026, 7, 13)),
    ("jtys", ROAD_TRAINING, True, 48000, {}, date(2026, 9, 7)),
    ("scjg", DISHES, True, 5000, {"cooperative": True}, date(2026, 4, 13)),
    ("scjg", DISHES, False, 6000, {"harm_removed": True}, date(2026, 5, 25)),
    ("scjg", DISHES, True, 5000, {"cooperative": True}, date(2026, 6, 22)),
    ("scjg", DISHES, False, 5500, {"cooperative": True}, date(2026, 8, 3)),
    ("scjg", DISHES, True, 6000, {"cooperative": True}, date(2026, 9, 14)),
    ("cgzf", FUMES, True, 20000, {}, date(2026, 4, 20)),
    ("cgzf", FUMES, False, 25000, {}, date(2026, 8, 24)),
    ("cgzf", FUMES, True, 40000, {"repeat_violation": True}, date(2026, 9, 21)),
]


def _wd(day: date, days: int) -> date:
    return add_working_days(day, days, provisional=True)


def _item(ctx: DemoContext, agency: str, name: str) -> Any:
    agency_id = ctx.agencies[agency].pk
    return next(
        i for i in ctx.items.values() if i.agency_id == agency_id and i.name == name and i.kind == ItemKind.PENALTY
    )


def _benchmarks(ctx: DemoContext) -> dict[tuple[str, str], Any]:
    articles = ctx.extra["articles"]
    made = {}
    for spec in BENCHMARKS:
        legal_fine = (D(spec.legal[0]), D(spec.legal[1])) if spec.legal else (None, None)
        legal_multiple = (D(spec.multiples[0]), D(spec.multiples[1])) if spec.multiples else (None, None)
        item = _item(ctx, spec.agency, spec.item)
        benchmark = services.create_benchmark(
            user=None,
            enforcement_item=item,
            penalty_article=articles[spec.article],
            title=f"{spec.item.removeprefix('对').removesuffix('的行政处罚')}裁量基准",
            violation=spec.violation,
            legal_fine_min_amount=legal_fine[0],
            legal_fine_max_amount=legal_fine[1],
            legal_multiple_min=legal_multiple[0],
            legal_multiple_max=legal_multiple[1],
            multiple_base=spec.multiple_base,
            tiers=spec.tiers,
        )
        made[(spec.agency, spec.item)] = services.publish_benchmark(
            user=None, benchmark=benchmark, effective_on=EFFECTIVE_ON
        )
    # 城管 revised its 油烟 benchmark from 1 July: 突发事件期间 (重污染天气应急) is also a 从重 circumstance
    fumes = made[("cgzf", FUMES)]
    revision = services.revise_benchmark(user=None, benchmark=fumes, copy_tiers=False)
    for tier in _fine_tiers(FOOD_126, (F,)):
        extra = _c("emergency_period") if tier.tier == T.HEAVIER else ()
        services.add_tier(
            user=None, benchmark=revision, tier=TierInput(**{**tier.__dict__, "conditions": (*tier.conditions, *extra)})
        )
    services.publish_benchmark(user=None, benchmark=revision, effective_on=REVISED_ON)
    return made


# The lists: (issuer, name, 文号). An agency lists its own items; the 司法局's county-wide list covers the rest
# (R-DIS-014). The market regulator's list follows 宁乡's 市场轻微违法违规行为免罚清单 (seed 000).
LISTS = {
    "scjg": ("示范县市场轻微违法违规经营行为免罚清单（第一批）", "示市监发〔2026〕5号"),
    "cgzf": ("示范县城市管理领域首违不罚清单", "示城管发〔2026〕2号"),
    "sfj": ("示范县轻微违法行为免罚清单（第一批）", "示司发〔2026〕3号"),
}


def _exemption_lists(ctx: DemoContext) -> dict[tuple[str, str], Any]:
    lists = {
        key: services.create_exemption_list(user=None, agency=ctx.agencies[key], name=name, document_number=number)
        for key, (name, number) in LISTS.items()
    }
    entries = {}
    for agency, item, kind, violation, conditions, required, days, measures in ENTRIES:
        statutory = kind != ExemptionKind.LIGHTER_PENALTY
        entries[(agency, item)] = services.add_exemption_entry(
            user=None,
            exemption_list=lists[agency if agency in lists else "sfj"],
            enforcement_item=_item(ctx, agency, item),
            kind=kind,
            violation=violation,
            conditions_text=conditions,
            required_circumstances=required,
            legal_basis="《行政处罚法》第三十三条第一款" if statutory else "《行政处罚法》第三十二条",
            correction_calendar_days=days,
            measures=measures,
        )
    for exemption_list in lists.values():
        services.publish_exemption_list(user=None, exemption_list=exemption_list, effective_on=LIST_EFFECTIVE_ON)
    return entries


class _Walker:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        parties = sorted(ctx.extra.get("parties", {}).values(), key=lambda p: p.pk)
        self.parties = [
            p
            for p in parties
            if p.is_active and p.kind == PartyKind.LEGAL_PERSON and p.region.code.startswith("430199")
        ]
        self.used: dict[int, int] = {}

    def party(self, agency: str, *, unused: bool = False) -> Any:
        pool = [p for p in self.parties if p.industry in INDUSTRIES[agency]] or self.parties
        if unused:  # 首违: nobody this loader has already punished (R-DIS-012)
            pool = [p for p in pool if not self.used.get(p.pk)]
        choice = min(pool, key=lambda p: (self.used.get(p.pk, 0), p.pk))
        self.used[choice.pk] = self.used.get(choice.pk, 0) + 1
        return choice

    def file(
        self, agency: str, item: Any, filed_on: date, lead_first: bool, cause: str, *, first_time: bool = False
    ) -> tuple[Any, Any, Any]:
        first, second, head_name = TEAMS[agency]
        if not lead_first:
            first, second = second, first
        users, officers = self.ctx.users, self.ctx.officers
        party = self.party(agency, unused=first_time)
        case = cases.file_case(
            actor=users[head_name],
            agency=self.ctx.agencies[agency],
            party=party,
            enforcement_item=item,
            cause=f"{party.name}{cause}案",
            act_on=filed_on - timedelta(days=12),
            discovered_on=filed_on - timedelta(days=3),
            lead_handler=officers[first],
            co_handlers=[officers[second]],
            facts=f"执法人员现场检查发现，当事人{party.name}{cause}。",
            filed_on=filed_on,
        )
        for username in (first, second):
            cases.declare_no_conflict(actor=users[username], case=case)
        cases.record_investigative_step(
            actor=users[first],
            case=case,
            kind=InvestigativeStepKind.SITE_INSPECTION,
            performed_on=_wd(filed_on, 1),
            place=party.address or self.ctx.agencies[agency].address,
            summary="对当事人经营场所进行现场检查，制作现场检查笔录，拍照取证",
            officers=[officers[first], officers[second]],
        )
        return case, users[first], users[head_name]

    def decide(
        self,
        spec: tuple[str, str, bool, int, dict[str, Any], date],
        cause: str,
        *,
        reason: str = "",
        first_time: bool = False,
    ) -> Any:
        agency, item_name, lead_first, fine, circumstances, filed_on = spec
        item = _item(self.ctx, agency, item_name)
        case, lead, head = self.file(agency, item, filed_on, lead_first, cause, first_time=first_time)
        kinds: list[str] = [F] if agency == "cgzf" else [W, F]  # the 城管 benchmarks allow a fine only
        case = cases.submit_investigation_report(
            actor=lead,
            case=case,
            report="违法事实清楚，证据确凿。按裁量基准勾选裁量情节，拟给予警告并处罚款。",
            proposed_kinds=kinds,
            proposed_fine_amount=D(fine),
            circumstances=circumstances,
            deviation_reason=reason,
        )
        case = cases.complete_case_review(
            actor=head,
            case=case,
            route=DecisionKind.PENALTY,
            facts_clear=True,
            opinion="同意",
            reviewed_on=_wd(filed_on, 3),
        )
        case = cases.serve_prior_notice(actor=lead, case=case, served_on=_wd(filed_on, 4))
        cases.waive_defense(actor=lead, case=case, waived_on=_wd(filed_on, 5))
        case = cases.submit_for_decision(actor=lead, case=case, on=_wd(filed_on, 5))
        case = cases.decide_case(
            actor=head,
            case=case,
            decision_kind=DecisionKind.PENALTY,
            decided_on=_wd(filed_on, 6),
            penalty_kinds=kinds,
            fine_amount=D(fine),
            reasoning="依据裁量基准，结合本案情节作出处罚决定。",
        )
        case = cases.serve_decision(actor=lead, case=case, served_on=_wd(filed_on, 7))
        cases.record_payment(
            actor=lead,
            case=case,
            paid_on=_wd(filed_on, 12),
            amount=cases.amount_due(case, on=_wd(filed_on, 12)),
            receipt_number=f"4301{filed_on:%Y%m%d}{case.pk:06d}",
        )
        return case

    def spare(self, entry: Any, filed_on: date) -> Any:
        """首违不罚: the list entry applied, education recorded, 不予行政处罚 with 责令改正, served → closed."""
        case, lead, head = self.file(
            "scjg", entry.enforcement_item, filed_on, True, "餐具使用前未经消毒", first_time=True
        )
        case = cases.submit_investigation_report(
            actor=lead,
            case=case,
            report="当事人系初次违法，危害后果轻微，检查当日即完成整改，符合免罚清单第一项。",
            proposed_kinds=[],
            circumstances={"first_violation": True, "slight_harm": True, "corrected_in_time": True},
            exemption_entry=entry,
        )
        for kind, offset, content in (
            (FlexibleMeasureKind.REMINDER, 1, "当场提醒当事人餐具须洗净消毒后使用，当事人表示立即整改"),
            (FlexibleMeasureKind.GUIDANCE, 2, "指导当事人建立餐具清洗消毒记录，并讲解《食品安全法》相关规定"),
        ):
            cases.record_flexible_measure(
                actor=lead, case=case, kind=kind, performed_on=_wd(filed_on, offset), content=content
            )
        case = cases.complete_case_review(
            actor=head,
            case=case,
            route=DecisionKind.NO_PENALTY,
            facts_clear=True,
            opinion="符合首违不罚条件，同意不予行政处罚",
            reviewed_on=_wd(filed_on, 3),
        )
        case = cases.decide_case(
            actor=head,
            case=case,
            decision_kind=DecisionKind.NO_PENALTY,
            decided_on=_wd(filed_on, 4),
            reasoning="当事人初次违法，危害后果轻微并及时改正，依法不予行政处罚。",
            correction_order="餐具、饮具使用前应当洗净、消毒，建立清洗消毒记录",
        )
        return cases.serve_decision(actor=lead, case=case, served_on=_wd(filed_on, 5))


# R-DIS-003: the city's market regulator issues benchmarks for two catalog items (四级四同: the same codes). The
# county has none for 包装污染 — the city's applies directly — and refines the city's 餐具消毒 one (the same cuts).
CITY_AGENCY = ("长沙市市场监督管理局", "长市监", "湖南省长沙市岳麓区市场路1号", "0731-88880001")
PACKAGING = "对生产经营被包装材料、容器、运输工具等污染的食品的行政处罚"
CITY_BENCHMARKS = [
    (PACKAGING, FOOD + "第一百二十五条第一款第（一）项", (W, F)),
    (DISHES, FOOD + "第一百二十六条第一款第（五）项", (W, F)),
]
BBQ = "对在禁止的时段和区域内露天烧烤食品或者为其提供场地的行政处罚"
DRILL = "对未按照规定制定生产安全事故应急救援预案或者未定期组织演练的行政处罚"


def _city_benchmarks(ctx: DemoContext) -> dict[str, Any]:
    """The city agency, its items of the county items' codes, and its benchmarks (R-DIS-003)."""
    name, short, address, phone = CITY_AGENCY
    scjg = ctx.agencies["scjg"]
    city = Agency(
        name=name,
        short_name=short,
        uscc=agency_uscc(90, ctx.regions["city"].code),
        region=ctx.regions["city"],
        legal_representative="李振国",
        address=address,
        phone=phone,
        complaint_phone="12345",
        email="city_scjg@demo.zhifa.gov.cn",
    )
    city.full_clean()
    city.save()  # like ``demo.org``: the agency registry is the demo's, not a user's action
    city.sectors.set(scjg.sectors.all())
    ctx.agencies["city_scjg"] = city
    articles = ctx.extra["articles"]
    made = {}
    for item_name, article, kinds in CITY_BENCHMARKS:
        county_item = _item(ctx, "scjg", item_name)
        city_item = catalog_services.create_item(
            user=None,
            agency=city,
            sector=county_item.sector,
            code=county_item.code,
            name=item_name,
            kind=ItemKind.PENALTY,
            item_level=ItemLevel.MUNICIPAL,
            establishing_basis=list(county_item.establishing_basis.all()),
            penalty_basis=[articles[article]],
            effective_on=EFFECTIVE_ON,
        )
        catalog_services.publish_item(user=None, item=city_item, effective_on=EFFECTIVE_ON)
        benchmark = services.create_benchmark(
            user=None,
            enforcement_item=city_item,
            penalty_article=articles[article],
            title=f"长沙市{item_name.removeprefix('对').removesuffix('的行政处罚')}裁量基准",
            violation=item_name.removeprefix("对").removesuffix("的行政处罚"),
            legal_fine_min_amount=D(5000),
            legal_fine_max_amount=D(50000),
            tiers=_fine_tiers(FOOD_126, kinds, no_penalty=item_name == DISHES),
        )
        made[item_name] = services.publish_benchmark(user=None, benchmark=benchmark, effective_on=EFFECTIVE_ON)
    return made


def _more_cases(ctx: DemoContext, walker: _Walker, made: dict[tuple[str, str], Any]) -> dict[str, Any]:
    """The city's benchmark applied directly (R-DIS-003); a case decided while the 露天烧烤 benchmark is suspended
    (R-DIS-001: without a benchmark in force); a matching 首违不罚 entry punished with a written reason (R-DIS-011,
    R-DIS-014)."""
    city = walker.decide(
        ("scjg", PACKAGING, True, 8000, {"cooperative": True}, date(2026, 9, 28)), "经营被包装材料污染的食品"
    )
    services.suspend_benchmark(user=None, benchmark=made[("cgzf", BBQ)])
    suspended = walker.decide(("cgzf", BBQ, False, 2000, {}, date(2026, 10, 19)), "在禁止区域内露天烧烤食品")
    punished = walker.decide(
        ("yjgl", DRILL, True, 10000, {"slight_harm": True, "corrected_in_time": True}, date(2026, 10, 26)),
        "未按期组织应急救援预案演练",
        reason="当事人虽系初次违法，但其储存危险化学品，未组织演练的风险较大，经提醒后仍拖延，依法给予处罚",
        first_time=True,
    )
    return {"city_benchmark_case": city, "suspended_benchmark_case": suspended, "punished_first_violation": punished}


def load(ctx: DemoContext) -> None:
    made = _benchmarks(ctx)
    city = _city_benchmarks(ctx)
    entries = _exemption_lists(ctx)
    walker = _Walker(ctx)
    for spec in sorted(CASES, key=lambda s: s[5]):
        walker.decide(spec, made[(spec[0], spec[1])].violation.split("，")[0])
    spared = walker.spare(entries[("scjg", DISHES)], date(2026, 10, 12))
    more = _more_cases(ctx, walker, made)
    ctx.extra["discretion"] = {
        "benchmarks": made,
        "city_benchmarks": city,
        "entries": entries,
        "first_violation_case": spared,
        **more,
    }
