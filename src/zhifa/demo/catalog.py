"""Demo item list (执法事项清单) of the six enforcing agencies, their A/V lists (音像记录事项清单), and a
locality setting of the major-decision catalog. Every basis is an article typed in by ``demo.laws``."""

from __future__ import annotations

from datetime import date

from zhifa.catalog import services
from zhifa.catalog.choices import AvStep, ItemKind, ItemLevel
from zhifa.catalog.models import AvRequirement
from zhifa.demo.context import DemoContext
from zhifa.laws.models import Article

# Items were adopted when the county published its list; computed from a fixed date, not today.
PUBLISHED_ON = date(2024, 3, 1)

F = "《食品安全法》"
A = "《大气污染防治法》"
W = "《安全生产法》"
T = "《招标投标法》"
C = "《行政强制法》"
P = "《行政处罚法》"

# agency key, sector code, kind, name, 设定依据, 处罚依据
ITEMS: list[tuple[str, str, str, str, list[str], list[str]]] = [
    # 示范县市场监督管理局
    ("scjg", "market_regulation", ItemKind.LICENSING, "食品经营许可", [F + "第三十五条第一款"], []),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对未取得食品经营许可从事食品经营活动的行政处罚",
        [F + "第三十五条第一款", F + "第一百二十二条第一款"],
        [F + "第一百二十二条第一款"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对明知无证经营仍为其提供生产经营场所或者其他条件的行政处罚",
        [F + "第一百二十二条第二款"],
        [F + "第一百二十二条第二款"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对生产经营污染物质含量超过食品安全标准限量的食品的行政处罚",
        [F + "第三十四条第（二）项", F + "第一百二十四条第一款第（一）项"],
        [F + "第一百二十四条第一款第（一）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对用超过保质期的食品原料生产食品或者经营上述食品的行政处罚",
        [F + "第三十四条第（三）项", F + "第一百二十四条第一款第（二）项"],
        [F + "第一百二十四条第一款第（二）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对生产经营超范围、超限量使用食品添加剂的食品的行政处罚",
        [F + "第三十四条第（四）项", F + "第一百二十四条第一款第（三）项"],
        [F + "第一百二十四条第一款第（三）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对生产经营腐败变质、霉变生虫等感官性状异常的食品的行政处罚",
        [F + "第三十四条第（六）项", F + "第一百二十四条第一款第（四）项"],
        [F + "第一百二十四条第一款第（四）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对生产经营标注虚假生产日期、保质期或者超过保质期的食品的行政处罚",
        [F + "第三十四条第（十）项", F + "第一百二十四条第一款第（五）项"],
        [F + "第一百二十四条第一款第（五）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对生产经营被包装材料、容器、运输工具等污染的食品的行政处罚",
        [F + "第三十四条第（九）项", F + "第一百二十五条第一款第（一）项"],
        [F + "第一百二十五条第一款第（一）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对生产经营无标签的预包装食品的行政处罚",
        [F + "第三十四条第（十一）项", F + "第一百二十五条第一款第（二）项"],
        [F + "第一百二十五条第一款第（二）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对食品标签、说明书存在瑕疵拒不改正的行政处罚",
        [F + "第一百二十五条第二款"],
        [F + "第一百二十五条第二款"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对进货时未查验许可证和相关证明文件或者未建立进货查验记录制度的行政处罚",
        [F + "第一百二十六条第一款第（三）项"],
        [F + "第一百二十六条第一款第（三）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对餐具、饮具使用前未经洗净、消毒的行政处罚",
        [F + "第一百二十六条第一款第（五）项"],
        [F + "第一百二十六条第一款第（五）项"],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.PENALTY,
        "对安排未取得健康证明的人员从事接触直接入口食品工作的行政处罚",
        [F + "第一百二十六条第一款第（六）项"],
        [F + "第一百二十六条第一款第（六）项"],
    ),
    ("scjg", "market_regulation", ItemKind.INSPECTION, "食品生产经营监督检查", [F + "第一百一十条第（一）项"], []),
    (
        "scjg",
        "market_regulation",
        ItemKind.COERCION,
        "查封、扣押不符合食品安全标准的食品、食品添加剂、食品相关产品",
        [F + "第一百一十条第（四）项", C + "第九条第（二）项", C + "第九条第（三）项"],
        [],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.COERCION,
        "查封违法从事食品生产经营活动的场所",
        [F + "第一百一十条第（五）项", C + "第九条第（二）项"],
        [],
    ),
    (
        "scjg",
        "market_regulation",
        ItemKind.COERCION,
        "对到期不缴纳罚款的加处罚款",
        [P + "第七十二条第一款第（一）项", C + "第四十五条第一款"],
        [],
    ),
    # 示范县应急管理局
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对未按照规定设置安全生产管理机构或者配备安全生产管理人员的行政处罚",
        [W + "第九十七条第（一）项"],
        [W + "第九十七条第（一）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对主要负责人和安全生产管理人员未按照规定经考核合格的行政处罚",
        [W + "第九十七条第（二）项"],
        [W + "第九十七条第（二）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        [W + "第九十七条第（三）项"],
        [W + "第九十七条第（三）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对未按照规定制定生产安全事故应急救援预案或者未定期组织演练的行政处罚",
        [W + "第九十七条第（六）项"],
        [W + "第九十七条第（六）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对特种作业人员未经专门的安全作业培训并取得相应资格上岗作业的行政处罚",
        [W + "第九十七条第（七）项"],
        [W + "第九十七条第（七）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对安全设备不符合国家标准或者行业标准的行政处罚",
        [W + "第九十九条第（一）项"],
        [W + "第九十九条第（一）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对未对安全设备进行经常性维护、保养和定期检测的行政处罚",
        [W + "第九十九条第（二）项"],
        [W + "第九十九条第（二）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置的行政处罚",
        [W + "第九十九条第（七）项"],
        [W + "第九十九条第（七）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对进行危险作业未安排专门人员进行现场安全管理的行政处罚",
        [W + "第一百零一条第（三）项"],
        [W + "第一百零一条第（三）项"],
    ),
    (
        "yjgl",
        "emergency_management",
        ItemKind.PENALTY,
        "对未采取措施消除事故隐患的行政处罚",
        [W + "第一百零二条"],
        [W + "第一百零二条"],
    ),
    ("yjgl", "emergency_management", ItemKind.INSPECTION, "安全生产监督检查", [W + "第六十五条第一款第（一）项"], []),
    (
        "yjgl",
        "emergency_management",
        ItemKind.COERCION,
        "查封、扣押不符合保障安全生产的国家标准或者行业标准的设施、设备、器材",
        [W + "第六十五条第一款第（四）项", C + "第九条第（二）项"],
        [],
    ),
    # 长沙市生态环境局示范分局
    (
        "sthj",
        "ecology_environment",
        ItemKind.PENALTY,
        "对未依法取得排污许可证排放大气污染物的行政处罚",
        [A + "第九十九条第（一）项"],
        [A + "第九十九条第（一）项"],
    ),
    (
        "sthj",
        "ecology_environment",
        ItemKind.PENALTY,
        "对超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物的行政处罚",
        [A + "第十八条", A + "第九十九条第（二）项"],
        [A + "第九十九条第（二）项"],
    ),
    (
        "sthj",
        "ecology_environment",
        ItemKind.PENALTY,
        "对通过逃避监管的方式排放大气污染物的行政处罚",
        [A + "第二十条第二款", A + "第九十九条第（三）项"],
        [A + "第九十九条第（三）项"],
    ),
    (
        "sthj",
        "ecology_environment",
        ItemKind.PENALTY,
        "对产生含挥发性有机物废气的生产活动未在密闭空间或者设备中进行的行政处罚",
        [A + "第四十五条", A + "第一百零八条第（一）项"],
        [A + "第一百零八条第（一）项"],
    ),
    (
        "sthj",
        "ecology_environment",
        ItemKind.PENALTY,
        "对加油站未按照规定安装并正常使用油气回收装置的行政处罚",
        [A + "第一百零八条第（四）项"],
        [A + "第一百零八条第（四）项"],
    ),
    ("sthj", "ecology_environment", ItemKind.INSPECTION, "大气污染物排放监督检查", [A + "第二十九条"], []),
    (
        "sthj",
        "ecology_environment",
        ItemKind.COERCION,
        "查封、扣押违法排放大气污染物的设施、设备、物品",
        [A + "第三十条", C + "第九条第（二）项", C + "第九条第（三）项"],
        [],
    ),
    (
        "sthj",
        "ecology_environment",
        ItemKind.COERCION,
        "对到期不缴纳罚款的加处罚款",
        [P + "第七十二条第一款第（一）项", C + "第四十五条第一款"],
        [],
    ),
    # 示范县发展和改革局
    (
        "fgj",
        "development_reform",
        ItemKind.PENALTY,
        "对必须进行招标的项目不招标或者规避招标的行政处罚",
        [T + "第三条第一款", T + "第四条", T + "第四十九条"],
        [T + "第四十九条"],
    ),
    (
        "fgj",
        "development_reform",
        ItemKind.PENALTY,
        "对招标人以不合理的条件限制或者排斥潜在投标人的行政处罚",
        [T + "第五十一条"],
        [T + "第五十一条"],
    ),
    (
        "fgj",
        "development_reform",
        ItemKind.PENALTY,
        "对投标人相互串通投标或者与招标人串通投标的行政处罚",
        [T + "第三十二条第一款", T + "第三十二条第二款", T + "第五十三条"],
        [T + "第五十三条"],
    ),
    (
        "fgj",
        "development_reform",
        ItemKind.PENALTY,
        "对投标人以他人名义投标或者以其他方式弄虚作假骗取中标的行政处罚",
        [T + "第三十三条", T + "第五十四条第二款"],
        [T + "第五十四条第二款"],
    ),
    ("fgj", "development_reform", ItemKind.INSPECTION, "招标投标活动监督检查", [T + "第七条第二款"], []),
    # 示范县城市管理和综合执法局
    (
        "cgzf",
        "urban_management",
        ItemKind.PENALTY,
        "对餐饮服务业经营者超过排放标准排放油烟的行政处罚",
        [A + "第八十一条第一款", A + "第一百一十八条第一款"],
        [A + "第一百一十八条第一款"],
    ),
    (
        "cgzf",
        "urban_management",
        ItemKind.PENALTY,
        "对在居民住宅楼等建筑内新建、改建、扩建产生油烟的餐饮服务项目的行政处罚",
        [A + "第八十一条第二款", A + "第一百一十八条第二款"],
        [A + "第一百一十八条第二款"],
    ),
    (
        "cgzf",
        "urban_management",
        ItemKind.PENALTY,
        "对在禁止的时段和区域内露天烧烤食品或者为其提供场地的行政处罚",
        [A + "第八十一条第三款", A + "第一百一十八条第三款"],
        [A + "第一百一十八条第三款"],
    ),
    (
        "cgzf",
        "urban_management",
        ItemKind.PENALTY,
        "对在人口集中地区露天焚烧秸秆、落叶等产生烟尘污染的物质的行政处罚",
        [A + "第七十七条", A + "第一百一十九条第一款"],
        [A + "第一百一十九条第一款"],
    ),
    (
        "cgzf",
        "urban_management",
        ItemKind.PENALTY,
        "对在人口集中地区焚烧沥青、垃圾等产生有毒有害烟尘和恶臭气体的物质的行政处罚",
        [A + "第八十二条第一款", A + "第一百一十九条第二款"],
        [A + "第一百一十九条第二款"],
    ),
    (
        "cgzf",
        "urban_management",
        ItemKind.PENALTY,
        "对运输散装、流体物料的车辆未采取密闭措施防止物料遗撒的行政处罚",
        [A + "第一百一十六条"],
        [A + "第一百一十六条"],
    ),
    ("cgzf", "urban_management", ItemKind.COERCION, "强制拆除违法建筑物、构筑物、设施", [C + "第四十四条"], []),
    # 示范县交通运输局
    (
        "jtys",
        "transport",
        ItemKind.PENALTY,
        "对道路运输单位主要负责人和安全生产管理人员未按照规定经考核合格的行政处罚",
        [W + "第九十七条第（二）项"],
        [W + "第九十七条第（二）项"],
    ),
    (
        "jtys",
        "transport",
        ItemKind.PENALTY,
        "对道路运输单位未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        [W + "第九十七条第（三）项"],
        [W + "第九十七条第（三）项"],
    ),
    (
        "jtys",
        "transport",
        ItemKind.PENALTY,
        "对道路运输单位未采取措施消除事故隐患的行政处罚",
        [W + "第一百零二条"],
        [W + "第一百零二条"],
    ),
    ("jtys", "transport", ItemKind.INSPECTION, "道路运输安全生产监督检查", [W + "第六十五条第一款第（一）项"], []),
]

_KIND_CODES = {
    ItemKind.LICENSING: "XK",
    ItemKind.PENALTY: "CF",
    ItemKind.COERCION: "QZ",
    ItemKind.INSPECTION: "JC",
}
_AGENCY_NUMBERS = {"scjg": 11, "cgzf": 12, "sthj": 13, "jtys": 14, "yjgl": 15, "fgj": 16}

# agency key, steps made mandatory by the agency's own list (R-REC-004)
AV_LISTS = {
    "scjg": [AvStep.ON_SITE_INSPECTION, AvStep.EVIDENCE_PRESERVATION, AvStep.LEFT_AT_PREMISES_DELIVERY, AvStep.HEARING],
    "cgzf": [AvStep.ON_SITE_INSPECTION, AvStep.INVESTIGATION, AvStep.LEFT_AT_PREMISES_DELIVERY],
    "sthj": [AvStep.ON_SITE_INSPECTION, AvStep.INVESTIGATION, AvStep.EVIDENCE_PRESERVATION],
    "jtys": [AvStep.ON_SITE_INSPECTION],
    "yjgl": [AvStep.ON_SITE_INSPECTION, AvStep.RANDOM_INSPECTION],
    "fgj": [AvStep.HEARING],
}


def item_code(agency_key: str, kind: str, serial: int) -> str:
    """An opaque 事项编码 in the style of a provincial catalog: region + agency + kind + serial."""
    return f"430199{_AGENCY_NUMBERS[agency_key]}{_KIND_CODES[kind]}{serial:04d}"


def load(ctx: DemoContext) -> None:
    articles: dict[str, Article] = ctx.extra["articles"]
    serials: dict[tuple[str, str], int] = {}
    for agency_key, sector_code, kind, name, establishing, penalty in ITEMS:
        serials[(agency_key, kind)] = serials.get((agency_key, kind), 0) + 1
        serial = serials[(agency_key, kind)]
        code = item_code(agency_key, kind, serial)
        item = services.create_item(
            user=None,
            agency=ctx.agencies[agency_key],
            sector=ctx.sectors[sector_code],
            code=code,
            name=name,
            kind=kind,
            item_level=ItemLevel.COUNTY,
            source_item_code=f"43{_KIND_CODES[kind]}{_AGENCY_NUMBERS[agency_key]:03d}{serial:03d}",
            power_list_code=f"QZQD-430199-{_AGENCY_NUMBERS[agency_key]}-{len(ctx.items) + 1:03d}",
            establishing_basis=[articles[c] for c in establishing],
            penalty_basis=[articles[c] for c in penalty],
        )
        ctx.items[code] = services.publish_item(user=None, item=item, effective_on=PUBLISHED_ON)
    rows = [
        AvRequirement(agency=ctx.agencies[agency_key], step=step, is_mandatory=True, rule_id="R-REC-004")
        for agency_key, steps in AV_LISTS.items()
        for step in steps
    ]
    for row in rows:
        row.full_clean()
    AvRequirement.objects.bulk_create(rows)
