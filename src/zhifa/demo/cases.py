"""Demo penalty cases (行政处罚案件) and case sources (案源) of 示范县: about 200, in every reachable state.

Every case is walked only through ``zhifa.cases.services`` — each step is a ledger event and every legal gate
(item list, two certified officers, recusal, limitation, notice, defence window, legal review …) is checked as
it would be for an officer. Deterministic: choices come from ``ctx.rng("cases")`` and every date is computed
from fixed dates, the latest on ``LAST_DAY`` (2026-11-20).

Three states cannot be reached yet and have no demo case: 法制审核中 and 集体讨论中 (no service enters them
until the review issue adds the legal-review module) and 听证中 (a hearing-eligible penalty is a major
decision, so its prior notice waits for an approved legal review, R-REV-004). Such cases wait in 案件审核中
(the hearing scenario) or 待决定 (the criminal transfer) — which is correct, and their opinions say so.

Named scenarios (``ctx.extra["cases"]``): ``simple_warning``, ``bid_rigging`` (发改局, 串通投标, 10,873.00元,
after seed 002), ``hearing``, ``no_penalty`` (首违不罚), ``overdue``, ``transfer``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from zhifa.cases import services
from zhifa.cases.choices import DecisionKind, InvestigativeStepKind, SourceChannel
from zhifa.cases.models import PenaltyCase
from zhifa.catalog.choices import ItemKind, PenaltyKind
from zhifa.core.calendar import add_working_days, format_day, next_working_day
from zhifa.demo.context import DemoContext
from zhifa.parties.choices import PartyKind

FIRST_DAY = date(2026, 1, 5)
LAST_DAY = date(2026, 11, 20)  # no step of the demo is later than this
COUNTY_CODE = "430199"

WARNING = PenaltyKind.WARNING
FINE = PenaltyKind.FINE
GAINS = PenaltyKind.CONFISCATE_GAINS
PROPERTY = PenaltyKind.CONFISCATE_PROPERTY

PERSONS: tuple[str, ...] = (PartyKind.NATURAL_PERSON, PartyKind.INDIVIDUAL_BUSINESS)

# agency key → (lead handler, co-handler, head); the handlers are linked to certified officers (demo.personnel)
TEAMS = {
    "scjg": ("scjg_handler", "scjg_handler2", "scjg_head"),
    "cgzf": ("cgzf_handler", "cgzf_handler2", "cgzf_head"),
    "yjgl": ("yjgl_handler", "yjgl_handler2", "yjgl_head"),
    "sthj": ("sthj_handler", "sthj_handler2", "sthj_head"),
    "jtys": ("jtys_handler", "jtys_handler2", "jtys_head"),
    "fgj": ("fgj_handler", "fgj_handler2", "fgj_head"),
}


@dataclass(frozen=True)
class Offence:
    """A typical violation of one listed penalty item, with the penalty usually proposed for it."""

    key: str
    agency: str
    item: str  # the item's exact name on the agency's list (demo.catalog)
    cause: str  # 案由
    facts: str  # {party} {day} {qty} {value}
    industries: tuple[str, ...]  # party industries; "person" = natural persons
    kinds: tuple[str, ...]
    fine: tuple[int, int]  # general procedure, legal persons (below the 较大数额 of 50,000元 unless ``large``)
    person_fine: tuple[int, int] | None = None  # general procedure, citizens (below 5,000元)
    simple: tuple[int, int] | None = None  # on the spot: (0, 0) = warning only
    large: tuple[int, int] | None = None  # a 较大数额 fine: hearing right, major decision
    inspection: str = "对当事人经营场所进行现场检查，制作现场检查笔录，拍照取证"
    evidence: str = "调取当事人营业执照、进货台账及销售记录复印件"
    channels: tuple[str, ...] = (SourceChannel.INSPECTION, SourceChannel.COMPLAINT, SourceChannel.HOTLINE_12345)
    crime: str = ""  # why a crime is suspected (transfer scenario)
    simple_facts: str = ""  # facts of an on-the-spot case, when they differ
    qty: tuple[int, int] = (2, 10)  # the {qty} of the facts


OFFENCES = [
    # 示范县市场监督管理局 — 食品安全
    Offence(
        "food_unlicensed",
        "scjg",
        "对未取得食品经营许可从事食品经营活动的行政处罚",
        "未取得食品经营许可从事食品经营活动",
        "经查，当事人{party}自{day}起在未取得食品经营许可证的情况下从事预包装食品及散装熟食销售，"
        "货值金额{value}元，违法所得{gains}元。",
        ("餐饮", "食品销售"),
        (GAINS, FINE),
        (50000, 50000),
        large=(50000, 80000),
        qty=(1, 1),
    ),
    Offence(
        "food_expired",
        "scjg",
        "对生产经营标注虚假生产日期、保质期或者超过保质期的食品的行政处罚",
        "经营超过保质期的食品",
        "{day}，执法人员在当事人{party}经营场所检查时发现，货架上陈列销售的{qty}件预包装食品已超过保质期，"
        "货值金额{value}元，违法所得{gains}元。当事人未履行食品安全自查义务。",
        ("食品销售", "餐饮"),
        (GAINS, PROPERTY, FINE),
        (8000, 30000),
        person_fine=(2000, 4500),
        large=(50000, 100000),
        qty=(2, 36),
    ),
    Offence(
        "food_additive",
        "scjg",
        "对生产经营超范围、超限量使用食品添加剂的食品的行政处罚",
        "生产经营超限量使用食品添加剂的食品",
        "{day}，执法人员对当事人{party}生产的馒头、油条等面制品抽样检验，检出铝的残留量超过"
        "GB 2760规定限量，涉案食品{qty}公斤，货值金额{value}元，违法所得{gains}元。",
        ("食品生产", "餐饮"),
        (GAINS, PROPERTY, FINE),
        (10000, 40000),
        large=(50000, 100000),
        inspection="对生产车间及原料库进行现场检查，抽取样品送县食品检验检测中心检验",
        qty=(5, 50),
    ),
    Offence(
        "food_contaminant",
        "scjg",
        "对生产经营污染物质含量超过食品安全标准限量的食品的行政处罚",
        "经营农药残留超过食品安全标准限量的食用农产品",
        "{day}，县食品检验检测中心对当事人{party}销售的豇豆抽检，检出克百威残留量超过"
        "GB 2763规定限量，涉案食用农产品{qty}公斤，货值金额{value}元。",
        ("食品销售",),
        (GAINS, PROPERTY, FINE),
        (10000, 40000),
        large=(50000, 100000),
        crime="检出的农药残留严重超标，足以造成严重食物中毒事故，涉嫌生产、销售不符合安全标准的食品罪",
        qty=(10, 100),
    ),
    Offence(
        "food_unlabelled",
        "scjg",
        "对生产经营无标签的预包装食品的行政处罚",
        "经营无标签的预包装食品",
        "{day}，执法人员在当事人{party}仓库内发现无中文标签的预包装饼干、糖果共{qty}件，"
        "当事人不能提供来源证明，货值金额{value}元。",
        ("食品销售", "餐饮"),
        (GAINS, PROPERTY, FINE),
        (5000, 20000),
        person_fine=(2000, 4500),
        qty=(5, 60),
    ),
    Offence(
        "food_label_flaw",
        "scjg",
        "对食品标签、说明书存在瑕疵拒不改正的行政处罚",
        "食品标签存在瑕疵经责令改正拒不改正",
        "{day}复查时发现，当事人{party}销售的自制辣椒酱标签配料表未按含量递减顺序标示，"
        "经责令改正后仍未改正，涉案食品{qty}瓶。",
        ("食品销售", "食品生产", "餐饮"),
        (FINE,),
        (1000, 2000),
        person_fine=(500, 2000),
        simple=(100, 2000),
        qty=(5, 60),
    ),
    Offence(
        "food_purchase_records",
        "scjg",
        "对进货时未查验许可证和相关证明文件或者未建立进货查验记录制度的行政处罚",
        "未按规定建立并遵守进货查验记录制度",
        "{day}，执法人员检查发现当事人{party}未建立食品进货查验记录，"
        "无法提供所售{qty}个品种食品的供货者许可证和合格证明文件。",
        ("食品销售", "餐饮"),
        (WARNING,),
        (0, 0),
        simple=(0, 0),
        qty=(3, 20),
    ),
    Offence(
        "food_tableware",
        "scjg",
        "对餐具、饮具使用前未经洗净、消毒的行政处罚",
        "餐具、饮具使用前未经洗净、消毒",
        "{day}，执法人员检查当事人{party}后厨时发现，消毒柜未通电使用，待用餐具{qty}套未经消毒即投入使用，"
        "经责令改正后复查仍未改正。",
        ("餐饮",),
        (FINE,),
        (5000, 15000),
        simple=(0, 0),
        simple_facts="{day}，执法人员检查发现当事人{party}后厨{qty}套待用餐具未经洗净消毒，当场责令改正。",
        qty=(10, 60),
    ),
    Offence(
        "food_health_cert",
        "scjg",
        "对安排未取得健康证明的人员从事接触直接入口食品工作的行政处罚",
        "安排未取得健康证明的人员从事接触直接入口食品的工作",
        "{day}，执法人员检查发现当事人{party}安排{qty}名未取得健康证明的人员从事凉菜制作及分餐工作，"
        "经责令改正后复查仍未改正。",
        ("餐饮", "食品生产"),
        (FINE,),
        (5000, 12000),
        simple=(0, 0),
        simple_facts="{day}，执法人员检查发现当事人{party}{qty}名从事分餐工作的人员未能出示有效健康证明，当场责令改正。",
        qty=(1, 4),
    ),
    # 示范县城市管理和综合执法局 — 油烟、露天烧烤、焚烧、遗撒（大气污染防治法）
    Offence(
        "urban_fumes",
        "cgzf",
        "对餐饮服务业经营者超过排放标准排放油烟的行政处罚",
        "餐饮服务业经营者超过排放标准排放油烟",
        "接周边居民投诉，{day}执法人员现场检查发现当事人{party}油烟净化设施未正常运行，"
        "经委托监测，油烟排放浓度超过《饮食业油烟排放标准》限值{qty}倍。",
        ("餐饮", "住宿"),
        (FINE,),
        (5000, 20000),
        inspection="对当事人厨房油烟净化设施进行现场检查，委托第三方监测机构采样监测",
        evidence="调取油烟净化设施清洗维护记录、监测报告",
        channels=(SourceChannel.COMPLAINT, SourceChannel.HOTLINE_12345),
        qty=(1, 3),
    ),
    Offence(
        "urban_bbq",
        "cgzf",
        "对在禁止的时段和区域内露天烧烤食品或者为其提供场地的行政处罚",
        "在禁止区域内露天烧烤食品",
        "{day}晚，执法人员巡查发现当事人{party}在示范县人民路与新华路交叉口人行道上（露天烧烤禁止区域）"
        "占道露天烧烤食品，现场有烧烤炉{qty}个。",
        ("person",),
        (PROPERTY, FINE),
        (5000, 10000),
        person_fine=(500, 2000),
        inspection="现场检查并拍照录像，对烧烤炉等工具先行登记保存",
        evidence="调取视频监控录像及周边居民投诉记录",
        channels=(SourceChannel.INSPECTION, SourceChannel.HOTLINE_12345, SourceChannel.OFF_SITE),
        qty=(1, 3),
    ),
    Offence(
        "urban_burning",
        "cgzf",
        "对在人口集中地区露天焚烧秸秆、落叶等产生烟尘污染的物质的行政处罚",
        "在人口集中地区露天焚烧落叶、杂物",
        "{day}，执法人员接12345热线转办后到场，发现当事人{party}在示范县青山镇集镇居民区旁露天焚烧落叶、"
        "秸秆约{qty}立方米，产生大量烟尘。",
        ("person",),
        (FINE,),
        (5000, 10000),
        person_fine=(500, 2000),
        inspection="现场勘验焚烧痕迹，拍照录像",
        evidence="调取12345热线工单及现场视频",
        channels=(SourceChannel.HOTLINE_12345, SourceChannel.INSPECTION),
        qty=(1, 5),
    ),
    Offence(
        "urban_spill",
        "cgzf",
        "对运输散装、流体物料的车辆未采取密闭措施防止物料遗撒的行政处罚",
        "运输渣土车辆未采取密闭措施造成物料遗撒",
        "{day}凌晨，当事人{party}所属渣土运输车辆（车牌号湘A·{plate}）未采取密闭措施，沿迎宾大道遗撒渣土约{qty}米。",
        ("建筑施工", "道路运输"),
        (FINE,),
        (5000, 15000),
        simple=(2000, 3000),
        inspection="现场勘验遗撒路段，测量遗撒长度并拍照",
        evidence="调取道路视频监控及车辆行驶轨迹",
        channels=(SourceChannel.OFF_SITE, SourceChannel.INSPECTION, SourceChannel.HOTLINE_12345),
        qty=(50, 800),
    ),
    # 示范县应急管理局 — 安全生产
    Offence(
        "safety_training",
        "yjgl",
        "对未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        "未按照规定对从业人员进行安全生产教育和培训",
        "{day}，执法人员检查发现当事人{party}新入职的{qty}名从业人员未经安全生产教育和培训即上岗作业，"
        "且不能提供培训记录。",
        ("工业企业", "危险化学品", "建筑施工"),
        (FINE,),
        (10000, 30000),
        simple=(2000, 3000),
        inspection="对生产现场及安全管理台账进行现场检查",
        evidence="调取从业人员花名册、劳动合同及安全培训档案",
        qty=(2, 12),
    ),
    Offence(
        "safety_managers",
        "yjgl",
        "对主要负责人和安全生产管理人员未按照规定经考核合格的行政处罚",
        "危险化学品经营单位主要负责人和安全生产管理人员未经考核合格",
        "{day}，执法人员检查发现当事人{party}主要负责人及{qty}名安全生产管理人员未取得安全生产知识和"
        "管理能力考核合格证明。",
        ("危险化学品",),
        (FINE,),
        (20000, 45000),
        large=(60000, 100000),
        evidence="调取企业安全管理机构设置文件及人员任命文件",
        qty=(1, 4),
    ),
    Offence(
        "safety_plan",
        "yjgl",
        "对未按照规定制定生产安全事故应急救援预案或者未定期组织演练的行政处罚",
        "未按照规定制定生产安全事故应急救援预案并定期组织演练",
        "{day}，执法人员检查发现当事人{party}未制定生产安全事故应急救援预案，近{qty}年未组织应急演练。",
        ("工业企业", "危险化学品", "住宿"),
        (FINE,),
        (10000, 30000),
        qty=(1, 3),
    ),
    Offence(
        "safety_equipment",
        "yjgl",
        "对未对安全设备进行经常性维护、保养和定期检测的行政处罚",
        "未对安全设备进行经常性维护、保养和定期检测",
        "{day}，执法人员检查发现当事人{party}储罐区{qty}台可燃气体检测报警仪超期未检定，部分报警仪失效。",
        ("危险化学品", "工业企业"),
        (FINE,),
        (10000, 40000),
        large=(50000, 80000),
        qty=(2, 8),
    ),
    Offence(
        "safety_gas_alarm",
        "yjgl",
        "对餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置的行政处罚",
        "餐饮经营场所使用燃气未安装可燃气体报警装置",
        "{day}，执法人员检查发现当事人{party}后厨使用液化石油气钢瓶{qty}只，未安装可燃气体报警装置。",
        ("餐饮",),
        (FINE,),
        (5000, 15000),
        simple=(1000, 3000),
        qty=(1, 6),
    ),
    Offence(
        "safety_hazard",
        "yjgl",
        "对未采取措施消除事故隐患的行政处罚",
        "未采取措施消除事故隐患",
        "{day}，执法人员复查发现当事人{party}对前次检查责令限期整改的{qty}项事故隐患未采取措施消除。",
        ("工业企业", "建筑施工", "危险化学品"),
        (FINE,),
        (10000, 45000),
        large=(50000, 50000),
        qty=(2, 8),
    ),
    # 长沙市生态环境局示范分局 — 大气污染
    Offence(
        "air_unpermitted",
        "sthj",
        "对未依法取得排污许可证排放大气污染物的行政处罚",
        "未依法取得排污许可证排放大气污染物",
        "{day}，执法人员检查发现当事人{party}喷涂生产线未取得排污许可证即投入生产并排放大气污染物。",
        ("工业企业", "生态环境"),
        (FINE,),
        (100000, 100000),
        large=(100000, 200000),
        inspection="对生产车间和废气处理设施进行现场检查，制作现场检查（勘验）笔录",
        evidence="调取环评批复、排污许可信息及生产记录",
        channels=(SourceChannel.INSPECTION, SourceChannel.ASSIGNED, SourceChannel.COMPLAINT),
        qty=(1, 1),
    ),
    Offence(
        "air_exceeding",
        "sthj",
        "对超过大气污染物排放标准或者重点大气污染物排放总量控制指标排放大气污染物的行政处罚",
        "超过大气污染物排放标准排放大气污染物",
        "{day}，县环境监测站对当事人{party}锅炉废气排放口采样监测，颗粒物排放浓度超过排放标准{qty}倍。",
        ("工业企业",),
        (FINE,),
        (100000, 100000),
        large=(100000, 300000),
        inspection="现场检查并委托县环境监测站采样监测",
        evidence="调取在线监测数据及监测报告",
        channels=(SourceChannel.OFF_SITE, SourceChannel.INSPECTION),
        qty=(1, 3),
    ),
    Offence(
        "air_evasion",
        "sthj",
        "对通过逃避监管的方式排放大气污染物的行政处罚",
        "篡改自动监测数据逃避监管排放大气污染物",
        "{day}，执法人员检查发现当事人{party}擅自修改烟气在线监测设备参数，致使监测数据严重失真，涉及监测时段{qty}日。",
        ("工业企业", "生态环境"),
        (FINE,),
        (100000, 100000),
        large=(100000, 500000),
        inspection="对在线监测设备进行现场勘验，提取设备参数修改日志",
        evidence="调取自动监测数据平台历史数据及运维记录",
        channels=(SourceChannel.OFF_SITE, SourceChannel.INSPECTION),
        crime="篡改、伪造自动监测数据排放大气污染物，涉嫌污染环境罪",
        qty=(10, 90),
    ),
    Offence(
        "air_voc",
        "sthj",
        "对产生含挥发性有机物废气的生产活动未在密闭空间或者设备中进行的行政处罚",
        "产生含挥发性有机物废气的生产活动未在密闭空间中进行",
        "{day}，执法人员检查发现当事人{party}调漆、喷漆作业在敞开车间进行，未按规定安装废气收集处理设施，"
        "涉及作业工位{qty}个。",
        ("工业企业", "生态环境"),
        (FINE,),
        (5000, 20000),
        inspection="对喷涂车间进行现场检查，拍照录像",
        evidence="调取原辅材料使用台账及生产记录",
        qty=(2, 8),
    ),
    Offence(
        "air_vapour",
        "sthj",
        "对加油站未按照规定安装并正常使用油气回收装置的行政处罚",
        "加油站未正常使用油气回收装置",
        "{day}，执法人员检查发现当事人{party}{qty}把加油枪油气回收装置未正常使用，气液比检测不合格。",
        ("危险化学品",),
        (FINE,),
        (5000, 20000),
        inspection="对加油站油气回收系统进行现场检查并委托检测气液比",
        evidence="调取油气回收装置检测报告及维护记录",
        qty=(1, 6),
    ),
    # 示范县交通运输局 — 道路运输安全生产
    Offence(
        "transport_managers",
        "jtys",
        "对道路运输单位主要负责人和安全生产管理人员未按照规定经考核合格的行政处罚",
        "道路运输企业主要负责人和安全生产管理人员未按规定经考核合格",
        "{day}，执法人员检查发现当事人{party}主要负责人及{qty}名安全生产管理人员未取得道路运输企业"
        "安全生产考核合格证明。",
        ("道路运输",),
        (FINE,),
        (10000, 30000),
        evidence="调取企业安全管理人员任命文件及考核记录",
        qty=(1, 3),
    ),
    Offence(
        "transport_training",
        "jtys",
        "对道路运输单位未按照规定对从业人员进行安全生产教育和培训的行政处罚",
        "道路运输企业未按规定对驾驶员进行安全生产教育和培训",
        "{day}，执法人员检查发现当事人{party}{qty}名营运车辆驾驶员本年度未参加安全生产教育和培训。",
        ("道路运输",),
        (FINE,),
        (10000, 30000),
        simple=(2000, 3000),
        evidence="调取驾驶员花名册、安全教育培训台账及动态监控记录",
        qty=(3, 15),
    ),
    Offence(
        "transport_hazard",
        "jtys",
        "对道路运输单位未采取措施消除事故隐患的行政处罚",
        "道路运输企业未采取措施消除事故隐患",
        "{day}，执法人员复查发现当事人{party}{qty}辆营运客车动态监控装置长期离线，责令整改后仍未消除隐患。",
        ("道路运输",),
        (FINE,),
        (10000, 40000),
        large=(50000, 50000),
        evidence="调取卫星定位动态监控平台数据及整改通知书送达回证",
        channels=(SourceChannel.OFF_SITE, SourceChannel.INSPECTION),
        qty=(2, 9),
    ),
    # 示范县发展和改革局 — 招标投标
    Offence(
        "bid_rigging",
        "fgj",
        "对投标人相互串通投标或者与招标人串通投标的行政处罚",
        "投标人相互串通投标",
        "{day}，在示范县{project}招标评标过程中，评标委员会发现当事人{party}与另一投标人的电子投标文件"
        "制作机器码一致，经调查认定属于投标人相互串通投标。",
        ("建筑施工",),
        (FINE,),
        (8000, 30000),
        inspection="调取电子招标投标交易平台投标文件及制作机器码信息",
        evidence="调取评标报告、开标记录及投标保证金缴纳凭证",
        channels=(SourceChannel.TRANSFERRED_IN, SourceChannel.COMPLAINT, SourceChannel.INSPECTION),
        qty=(1, 1),
    ),
    Offence(
        "bid_exclusion",
        "fgj",
        "对招标人以不合理的条件限制或者排斥潜在投标人的行政处罚",
        "招标人以不合理条件限制、排斥潜在投标人",
        "{day}，当事人{party}在示范县{project}招标文件中设置与项目实际需要不相适应的特定业绩要求，"
        "限制、排斥{qty}家潜在投标人。",
        ("建筑施工", "工业企业"),
        (FINE,),
        (10000, 50000),
        inspection="调取招标文件、资格审查资料",
        evidence="调取潜在投标人投诉材料及询问记录",
        channels=(SourceChannel.COMPLAINT, SourceChannel.INSPECTION),
        qty=(2, 5),
    ),
    Offence(
        "bid_evasion",
        "fgj",
        "对必须进行招标的项目不招标或者规避招标的行政处罚",
        "必须进行招标的项目化整为零规避招标",
        "经查，当事人{party}将依法必须招标的示范县{project}拆分为{qty}个标段直接发包，规避招标，"
        "项目合同金额合计{value}元。",
        ("建筑施工",),
        (FINE,),
        (30000, 45000),
        large=(60000, 120000),
        inspection="调取项目立项批复、施工合同及付款凭证",
        evidence="调取项目审批及资金支付资料",
        channels=(SourceChannel.ASSIGNED, SourceChannel.COMPLAINT),
        qty=(2, 4),
    ),
]

PROJECTS = [
    "青山镇中心小学教学楼建设项目",
    "白沙镇卫生院综合楼建设项目",
    "县城区雨污分流改造工程",
    "人民路提质改造工程",
]
DECLINE_REASONS = [
    "经核查，举报反映的违法事实不存在，不予立案。",
    "经核查，当事人违法行为轻微并已及时改正，没有造成危害后果，依法不予行政处罚，决定不予立案。",
    "经核查，反映事项不属于本单位管辖，已告知举报人向有管辖权的部门反映，不予立案。",
    "经核查，违法行为已超过二年未被发现，依法不再给予行政处罚，不予立案。",
]
SOURCE_SUMMARIES: dict[str, str] = {
    SourceChannel.COMPLAINT: "群众投诉：{cause}。",
    SourceChannel.INSPECTION: "日常监督检查中发现：{cause}。",
    SourceChannel.HOTLINE_12345: "12345热线转办工单：市民反映{cause}。",
    SourceChannel.ASSIGNED: "上级交办：{cause}线索。",
    SourceChannel.TRANSFERRED_IN: "县公共资源交易中心移送：{cause}线索。",
    SourceChannel.OFF_SITE: "非现场执法监测预警：{cause}。",
    SourceChannel.OTHER: "{cause}。",
}

# stage → where the case stops. Counts per agency (about 200 cases in all).
PLAN: dict[str, dict[str, int]] = {
    "scjg": {
        "filed": 4,
        "investigating": 6,
        "overdue": 1,
        "case_review": 3,
        "legal_review": 3,
        "notified": 4,
        "awaiting": 3,
        "decided": 3,
        "executing": 4,
        "executing_overdue": 2,
        "paid": 8,
        "paid_late": 1,
        "no_penalty": 3,
        "withdrawn": 2,
        "archived": 8,
        "transfer": 1,
        "simple_warning": 6,
        "simple_fine": 2,
        "simple_paid": 4,
        "simple_late": 2,
    },
    "cgzf": {
        "filed": 2,
        "investigating": 4,
        "overdue": 1,
        "case_review": 2,
        "notified": 2,
        "awaiting": 2,
        "decided": 2,
        "executing": 2,
        "executing_overdue": 1,
        "paid": 6,
        "paid_late": 1,
        "no_penalty": 2,
        "withdrawn": 1,
        "archived": 4,
        "simple_fine": 2,
        "simple_paid": 4,
        "simple_late": 2,
    },
    "yjgl": {
        "filed": 2,
        "investigating": 3,
        "overdue": 1,
        "case_review": 2,
        "legal_review": 2,
        "notified": 2,
        "awaiting": 2,
        "decided": 1,
        "executing": 2,
        "executing_overdue": 1,
        "paid": 5,
        "no_penalty": 2,
        "withdrawn": 1,
        "archived": 3,
        "simple_fine": 1,
        "simple_paid": 2,
    },
    "sthj": {
        "filed": 2,
        "investigating": 3,
        "overdue": 1,
        "case_review": 2,
        "legal_review": 3,
        "notified": 1,
        "awaiting": 2,
        "decided": 1,
        "executing": 2,
        "executing_overdue": 1,
        "paid": 3,
        "no_penalty": 1,
        "withdrawn": 1,
        "archived": 2,
    },
    "jtys": {
        "filed": 2,
        "investigating": 2,
        "case_review": 2,
        "legal_review": 1,
        "notified": 2,
        "awaiting": 1,
        "decided": 1,
        "executing": 2,
        "executing_overdue": 1,
        "paid": 4,
        "no_penalty": 1,
        "archived": 2,
        "simple_fine": 1,
    },
    "fgj": {
        "filed": 1,
        "investigating": 2,
        "case_review": 1,
        "legal_review": 1,
        "notified": 1,
        "awaiting": 1,
        "executing": 1,
        "paid": 1,
        "archived": 1,
        "withdrawn": 1,
    },
}
# stage → (earliest, latest) day of the case's last step
END_WINDOWS: dict[str, tuple[date, date]] = {
    "filed": (date(2026, 11, 2), LAST_DAY),
    "investigating": (date(2026, 10, 20), LAST_DAY),
    "overdue": (date(2026, 7, 1), date(2026, 8, 14)),
    "case_review": (date(2026, 10, 20), LAST_DAY),
    "legal_review": (date(2026, 10, 1), LAST_DAY),
    "notified": (date(2026, 11, 12), LAST_DAY),
    "awaiting": (date(2026, 10, 26), LAST_DAY),
    "decided": (date(2026, 11, 16), LAST_DAY),
    "executing": (date(2026, 11, 6), LAST_DAY),
    "executing_overdue": (date(2026, 7, 1), date(2026, 10, 20)),
    "paid": (date(2026, 4, 1), LAST_DAY),
    "paid_late": (date(2026, 5, 1), date(2026, 11, 10)),
    "no_penalty": (date(2026, 3, 15), LAST_DAY),
    "withdrawn": (date(2026, 3, 15), LAST_DAY),
    "archived": (date(2026, 4, 15), date(2026, 11, 13)),
    "transfer": (date(2026, 9, 1), date(2026, 11, 16)),
    "simple_warning": (date(2026, 1, 12), LAST_DAY),
    "simple_fine": (date(2026, 9, 15), date(2026, 11, 18)),
    "simple_paid": (date(2026, 1, 12), date(2026, 11, 6)),
    "simple_late": (date(2026, 1, 12), date(2026, 11, 6)),
}
GENERAL_REACHING = {  # how far along the general procedure a stage goes
    "filed": 0,
    "investigating": 1,
    "overdue": 1,
    "case_review": 2,
    "legal_review": 3,
    "transfer": 3,
    "notified": 4,
    "awaiting": 5,
    "decided": 6,
    "executing": 7,
    "executing_overdue": 7,
    "paid": 8,
    "paid_late": 8,
    "no_penalty": 7,
    "withdrawn": 6,
    "archived": 9,
}


@dataclass
class Plan:
    """One demo case: who, what, and the dates of each step (computed forward from ``filed_on``)."""

    stage: str
    agency: str
    offence: Offence
    party: Any
    seq: int
    lead_first: bool
    with_source: bool
    channel: str
    offsets: dict[str, int]
    fine: Decimal = Decimal("0.00")
    gains: Decimal = Decimal("0.00")
    kinds: list[str] = field(default_factory=list)
    route: str = DecisionKind.PENALTY
    defence: str = "waived"  # waived / window / defence / adopted
    name: str = ""  # a named scenario
    facts: str = ""
    dates: dict[str, date] = field(default_factory=dict)


def _wd(day: date, days: int) -> date:
    # provisional: while scheduling, a first guess may run into a year without holiday data; the final dates
    # are all in 2026, whose holidays are known.
    return add_working_days(day, days, provisional=True)


def _money(rng: random.Random, low: int, high: int, step: int = 100) -> Decimal:
    if high <= low:
        return Decimal(low).quantize(Decimal("0.01"))
    return Decimal(rng.randrange(low, high + 1, step) if high - low >= step else low).quantize(Decimal("0.01"))


class _Builder:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.rng = ctx.rng("cases")
        self.items = {(item.agency_id, item.name): item for item in ctx.items.values() if item.kind == ItemKind.PENALTY}
        parties = sorted(ctx.extra.get("parties", {}).values(), key=lambda p: p.pk)
        self.parties = [p for p in parties if p.is_active and p.region.code.startswith(COUNTY_CODE)]
        self.used: dict[int, int] = {}
        self.named: dict[str, PenaltyCase] = {}

    # --- choosing -------------------------------------------------------------------------------------------
    def item(self, offence: Offence) -> Any:
        return self.items[(self.ctx.agencies[offence.agency].pk, offence.item)]

    def party(self, offence: Offence, kinds: tuple[str, ...]) -> Any:
        def fits(p: Any) -> bool:
            if p.kind not in kinds:
                return False
            if p.kind == PartyKind.NATURAL_PERSON:
                return "person" in offence.industries
            return p.industry in offence.industries

        pool = [p for p in self.parties if fits(p)]
        if not pool:
            pool = [p for p in self.parties if p.kind in kinds]
        least = min(self.used.get(p.pk, 0) for p in pool)
        choice = self.rng.choice([p for p in pool if self.used.get(p.pk, 0) == least])
        self.used[choice.pk] = self.used.get(choice.pk, 0) + 1
        return choice

    def offence_for(self, agency: str, stage: str) -> Offence:
        own = [o for o in OFFENCES if o.agency == agency]
        if stage.startswith("simple"):
            own = [o for o in own if o.simple is not None and (stage != "simple_warning" or o.simple == (0, 0))]
            if stage != "simple_warning":
                own = [o for o in own if o.simple != (0, 0)] or own
        elif stage == "legal_review":
            own = [o for o in own if o.large is not None]
        elif stage == "transfer":
            own = [o for o in own if o.crime]
        else:
            own = [o for o in own if o.fine != (0, 0) or stage in ("no_penalty", "withdrawn")] or own
            own = [o for o in own if o.fine[0] < 50000 or stage in ("filed", "investigating", "overdue")] or own
        return self.rng.choice(own)

    def plan(self, agency: str, stage: str, seq: int) -> Plan:
        rng = self.rng
        offence = self.offence_for(agency, stage)
        simple = stage.startswith("simple")
        if simple:  # a citizen's on-the-spot fine is at most 200元 (R-SIM-001/002)
            person_ok = offence.simple is not None and offence.simple[0] <= 200
        else:
            person_ok = offence.person_fine is not None and stage != "legal_review"
        kinds: tuple[str, ...]
        if offence.industries == ("person",):
            kinds = PERSONS
        elif simple and offence.simple == (0, 0):
            kinds = (PartyKind.INDIVIDUAL_BUSINESS, PartyKind.LEGAL_PERSON)
        elif person_ok and rng.random() < 0.35:
            kinds = (PartyKind.INDIVIDUAL_BUSINESS,)
        else:
            kinds = (PartyKind.LEGAL_PERSON,)
        party = self.party(offence, kinds)
        is_person = party.kind in PERSONS
        plan = Plan(
            stage=stage,
            agency=agency,
            offence=offence,
            party=party,
            seq=seq,
            lead_first=rng.random() < 0.6,
            with_source=not simple and rng.random() < 0.65,
            channel=rng.choice(offence.channels),
            offsets=self.offsets(),
        )
        plan.kinds = list(offence.kinds)
        if simple:
            low, high = offence.simple or (0, 0)
            limit = 200 if is_person else 3000
            plan.kinds = [WARNING] if (low, high) == (0, 0) else [FINE]
            plan.fine = _money(rng, min(low, limit), min(high, limit), 50) if high else Decimal("0.00")
        elif stage in ("no_penalty", "withdrawn"):
            plan.kinds = []
            plan.route = DecisionKind.NO_PENALTY if stage == "no_penalty" else DecisionKind.FILING_WITHDRAWN
        elif stage == "transfer":
            plan.kinds = []
            plan.route = DecisionKind.TRANSFER
        else:
            if stage == "legal_review" and offence.large:
                low, high = offence.large
            elif is_person:
                low, high = offence.person_fine or (0, 0)
            else:
                low, high = offence.fine
            if FINE in plan.kinds:
                plan.fine = _money(rng, low, high, 500 if high >= 10000 else 100)
            if GAINS in plan.kinds:
                plan.gains = Decimal(rng.randrange(8000, 150000)) / 100
        plan.defence = rng.choice(["waived", "waived", "window", "window", "defence"])
        if stage in ("paid", "archived") and seq % 7 == 0:
            plan.defence = "adopted"  # the defence is adopted: reviewed again, notified again, decided lighter
        return plan

    def offsets(self) -> dict[str, int]:
        rng = self.rng
        return {
            "received": rng.randint(3, 12),
            "act": rng.randint(1, 40),
            "discovered": rng.randint(0, 4),
            "steps": rng.choice((1, 2, 2, 3)),
            "step1": rng.randint(1, 4),
            "step_gap": rng.randint(1, 6),
            "review": rng.randint(4, 12),
            "notice": rng.randint(1, 3),
            "waive": rng.randint(0, 2),
            "after_window": rng.randint(1, 3),
            "decide": rng.randint(1, 4),
            "serve": rng.randint(1, 5),
            "pay": rng.randint(2, 9),
            "late": rng.randint(3, 25),
            "archive": rng.randint(5, 20),
            "lodge": rng.randint(1, 3),
            "lodge_late": rng.randint(5, 9),
            "end": rng.randint(0, 10_000),
        }

    # --- dates ----------------------------------------------------------------------------------------------
    def timeline(self, plan: Plan, candidate: date) -> dict[str, date]:
        """Every step's day, forward from the filing day (working days between steps)."""
        o = plan.offsets
        if plan.stage.startswith("simple"):
            d = {"filed": candidate}
            d["lodged"] = _wd(candidate, o["lodge_late"] if plan.stage == "simple_late" else o["lodge"])
            if plan.stage in ("simple_paid", "simple_late"):
                d["paid"] = _wd(candidate, o["pay"])
            d["last"] = max(d.values())
            return d
        filed_on = next_working_day(candidate, provisional=True)
        d = {"filed": filed_on, "received": filed_on - timedelta(days=o["received"])}
        d["discovered"] = d["received"] if plan.with_source else filed_on - timedelta(days=o["discovered"])
        d["act"] = d["discovered"] - timedelta(days=o["act"])
        reach = GENERAL_REACHING[plan.stage]
        last = filed_on
        if reach >= 1:
            d["step1"] = last = _wd(filed_on, o["step1"])
            for n in range(2, o["steps"] + 1):
                d[f"step{n}"] = last = _wd(last, o["step_gap"])
        if reach >= 3:
            d["review"] = last = _wd(last, o["review"])
        if plan.stage in ("no_penalty", "withdrawn"):
            d["decided"] = last = _wd(last, o["decide"])
            if plan.stage == "no_penalty":
                d["served"] = last = _wd(last, o["serve"])
            d["last"] = last
            return d
        if reach >= 4:
            d["notice"] = last = _wd(last, o["notice"])
            window_end = _wd(last, 5)  # R-PEN-016: the defence window
            d["defence_sent"] = _wd(last, 2)
            d["defence_received"] = _wd(last, 3)
            if plan.defence == "waived":
                d["waived"] = d["submitted"] = _wd(last, o["waive"])
            elif plan.defence == "adopted":
                d["review2"] = _wd(d["defence_received"], 1)
                d["notice2"] = _wd(d["review2"], 1)
                d["waived"] = d["submitted"] = _wd(d["notice2"], 1)
            else:
                d["submitted"] = _wd(window_end, o["after_window"])
            if plan.defence == "defence":
                last = d["defence_received"]
            if reach >= 5 or plan.defence == "adopted":
                last = d["submitted"]
        if reach >= 6:
            d["decided"] = last = _wd(last, o["decide"])
        if reach >= 7:
            d["served"] = last = _wd(last, o["serve"])
        if reach >= 8:
            if plan.stage == "paid_late":  # after the 15 days (R-PEN-024): 加处罚款 accrues (R-PEN-027)
                d["paid"] = last = d["served"] + timedelta(days=16 + o["late"])
            else:
                d["paid"] = last = _wd(last, o["pay"])
        if reach >= 9:
            d["archived"] = last = _wd(last, o["archive"])
        d["last"] = last
        return d

    def schedule(self, plan: Plan) -> None:
        """Pick the last step's day in the stage's window, then walk the filing day back until it fits."""
        low, high = END_WINDOWS[plan.stage]
        target = low + timedelta(days=plan.offsets["end"] % ((high - low).days + 1))
        filed_on = target
        for _ in range(12):
            dates = self.timeline(plan, filed_on)
            if dates["last"] <= target:
                break
            filed_on -= timedelta(days=(dates["last"] - target).days)
        filed_on = max(filed_on, FIRST_DAY)
        plan.dates = self.timeline(plan, filed_on)
        if plan.dates["last"] > LAST_DAY:
            raise RuntimeError(f"演示案件日期超出{format_day(LAST_DAY)}：{plan.stage}")

    # --- walking through the services -----------------------------------------------------------------------
    def team(self, agency: str, *, lead_first: bool = True) -> tuple[Any, Any, Any, Any, Any]:
        """(lead's user, co-handler's user, lead officer, co-handler officer, head) of an agency."""
        first, second, head = TEAMS[agency]
        if not lead_first:
            first, second = second, first
        users = self.ctx.users
        return users[first], users[second], self.ctx.officers[first], self.ctx.officers[second], users[head]

    def facts(self, plan: Plan) -> str:
        rng = random.Random(plan.seq)
        template = plan.facts or (
            plan.offence.simple_facts if plan.stage.startswith("simple") and plan.offence.simple_facts else ""
        )
        return (template or plan.offence.facts).format(
            party=plan.party.name,
            day=format_day(plan.dates.get("act", plan.dates["filed"])),
            qty=rng.randint(*plan.offence.qty),
            value=f"{Decimal(rng.randrange(30000, 900000)) / 100:,.2f}",
            gains=f"{plan.gains:,.2f}",
            plate=f"{rng.choice('BCDFGHJKLMN')}{rng.randrange(10000, 99999)}",
            project=PROJECTS[plan.seq % len(PROJECTS)],
        )

    def walk(self, plan: Plan) -> PenaltyCase:
        if plan.stage.startswith("simple"):
            return self.walk_simple(plan)
        lead_user, co_user, lead, co, head = self.team(plan.agency, lead_first=plan.lead_first)
        agency = self.ctx.agencies[plan.agency]
        item = self.item(plan.offence)
        d = plan.dates
        offence = plan.offence
        source = None
        if plan.with_source:
            source = services.register_source(
                actor=lead_user,
                agency=agency,
                channel=plan.channel,
                received_on=d["received"],
                summary=SOURCE_SUMMARIES[plan.channel].format(cause=f"{plan.party.name}涉嫌{offence.cause}"),
                party=plan.party,
                enforcement_item=item,
            )
            services.start_verification(actor=lead_user, source=source)
            services.propose_filing(actor=lead_user, source=source)
        case = services.file_case(
            actor=head,
            agency=agency,
            party=plan.party,
            enforcement_item=item,
            cause=f"{plan.party.name}{offence.cause}案",
            act_on=d["act"],
            discovered_on=d["discovered"],
            lead_handler=lead,
            co_handlers=[co],
            source=source,
            facts=self.facts(plan),
            filed_on=d["filed"],
        )
        services.declare_no_conflict(actor=lead_user, case=case)
        services.declare_no_conflict(actor=co_user, case=case)
        reach = GENERAL_REACHING[plan.stage]
        if reach == 0:
            return case
        address = plan.party.address or agency.address
        steps = [
            (InvestigativeStepKind.SITE_INSPECTION, address, offence.inspection),
            (
                InvestigativeStepKind.INQUIRY,
                f"{agency.name}询问室",
                f"询问当事人{plan.party.name}有关人员，制作询问笔录",
            ),
            (InvestigativeStepKind.EVIDENCE_COLLECTION, address, offence.evidence),
        ]
        for n in range(1, plan.offsets["steps"] + 1):
            kind, place, summary = steps[n - 1]
            services.record_investigative_step(
                actor=lead_user,
                case=case,
                kind=kind,
                performed_on=d[f"step{n}"],
                place=place,
                summary=summary,
                officers=[lead, co],
            )
        if reach == 1:
            return case
        report = self.report(plan)
        services.submit_investigation_report(
            actor=lead_user,
            case=case,
            report=report,
            proposed_kinds=plan.kinds,
            proposed_fine_amount=plan.fine,
            proposed_confiscation_amount=plan.gains,
            crime_suspected=plan.route == DecisionKind.TRANSFER,
        )
        if reach == 2:  # 案件审核中: the report waits for the reviewer
            return case
        case = services.complete_case_review(
            actor=head,
            case=case,
            route=plan.route,
            facts_clear=plan.route != DecisionKind.FILING_WITHDRAWN,
            opinion=self.review_opinion(plan),
            reviewed_on=d["review"],
        )
        if plan.stage in ("legal_review", "transfer"):
            return case  # R-REV-004: waits for the legal review (not built yet)
        if plan.stage in ("no_penalty", "withdrawn"):
            case = services.decide_case(
                actor=head,
                case=case,
                decision_kind=plan.route,
                decided_on=d["decided"],
                reasoning=self.reasoning(plan),
            )
            if plan.stage == "no_penalty":
                case = services.serve_decision(actor=lead_user, case=case, served_on=d["served"])
            return case
        case = services.serve_prior_notice(actor=lead_user, case=case, served_on=d["notice"])
        if plan.defence in ("defence", "adopted"):
            services.record_defense(
                actor=lead_user,
                case=case,
                sent_on=d["defence_sent"],
                received_on=d["defence_received"],
                content="当事人提出：系初次违法，已立即整改，涉案金额较小，请求从轻处罚。",
                review=(
                    "经复核，当事人确已整改，符合从轻处罚情形，予以采纳，重新提请案件审核。"
                    if plan.defence == "adopted"
                    else "经复核，当事人提出的理由不能成立，不予采纳。"
                ),
                changes_facts_or_penalty=plan.defence == "adopted",
            )
        if plan.defence == "adopted":
            case = services.complete_case_review(
                actor=head,
                case=case,
                route=DecisionKind.PENALTY,
                facts_clear=True,
                opinion="采纳当事人陈述申辩意见，同意从轻处罚，重新告知。",
                reviewed_on=d["review2"],
            )
            case = services.serve_prior_notice(actor=lead_user, case=case, served_on=d["notice2"])
        if plan.stage == "notified":
            return case
        if "waived" in d:
            services.waive_defense(actor=lead_user, case=case, waived_on=d["waived"])
        case = services.submit_for_decision(actor=lead_user, case=case, on=d["submitted"])
        if reach == 5:
            return case
        fine = plan.fine
        gains = plan.gains
        if plan.defence == "adopted":  # R-PEN-017: a defence never makes it heavier; adopted → lighter
            fine = (fine * Decimal("0.8")).quantize(Decimal("100"))
        case = services.decide_case(
            actor=head,
            case=case,
            decision_kind=DecisionKind.PENALTY,
            decided_on=d["decided"],
            penalty_kinds=plan.kinds,
            fine_amount=fine,
            confiscated_gains_amount=gains,
            reasoning=self.reasoning(plan),
        )
        if reach == 6:
            return case
        case = services.serve_decision(actor=lead_user, case=case, served_on=d["served"])
        if plan.stage == "executing_overdue" and plan.seq % 2 == 0 and case.total_penalty_amount > 0:
            services.record_payment(  # 分期: the first part paid in time, the rest overdue
                actor=lead_user,
                case=case,
                paid_on=_wd(d["served"], 3),
                amount=(case.total_penalty_amount / 2).quantize(Decimal("0.01")),
                receipt_number=self.receipt(plan),
            )
        if reach <= 7:
            return case
        services.record_payment(
            actor=lead_user,
            case=case,
            paid_on=d["paid"],
            amount=services.amount_due(case, on=d["paid"]),
            receipt_number=self.receipt(plan),
        )
        if reach == 9:
            case = services.archive_case(actor=lead_user, case=case, archived_on=d["archived"])
        return case

    def walk_simple(self, plan: Plan) -> PenaltyCase:
        lead_user, _, lead, co, _ = self.team(plan.agency, lead_first=plan.lead_first)
        d = plan.dates
        offence = plan.offence
        case = services.decide_on_the_spot(
            actor=lead_user,
            agency=self.ctx.agencies[plan.agency],
            party=plan.party,
            enforcement_item=self.item(offence),
            cause=f"{plan.party.name}{offence.cause}",
            facts=self.facts(plan),
            place=plan.party.address,
            officers=[lead, co],
            penalty_kinds=plan.kinds,
            fine_amount=plan.fine,
            decided_on=d["filed"],
            statement_heard=True,
        )
        services.lodge_on_the_spot_case(actor=lead_user, case=case, lodged_on=d["lodged"])
        if "paid" in d:
            services.record_payment(
                actor=lead_user,
                case=case,
                paid_on=d["paid"],
                amount=case.fine_amount,
                receipt_number=self.receipt(plan),
            )
        return case

    # --- texts ----------------------------------------------------------------------------------------------
    @staticmethod
    def receipt(plan: Plan) -> str:
        return f"湘非税{plan.dates['filed']:%Y}{plan.seq:06d}"

    @staticmethod
    def report(plan: Plan) -> str:
        if plan.route == DecisionKind.FILING_WITHDRAWN:
            return "经调查，现有证据不能证明当事人实施了被举报的违法行为，违法事实不能成立，建议撤销立案。"
        if plan.route == DecisionKind.NO_PENALTY:
            return (
                "经调查，当事人系初次违法，危害后果轻微，在执法人员指出后立即改正，"
                "建议依据《中华人民共和国行政处罚法》第三十三条第一款不予行政处罚。"
            )
        if plan.route == DecisionKind.TRANSFER:
            return f"经调查，{plan.offence.crime}，建议移送公安机关依法处理。"
        penalty = "、".join(PenaltyKind(k).label for k in plan.kinds)
        amount = f"，拟罚款{plan.fine:,.2f}元" if plan.fine else ""
        return f"违法事实清楚，证据确凿，建议给予{penalty}{amount}。"

    @staticmethod
    def review_opinion(plan: Plan) -> str:
        if plan.stage == "legal_review":
            return (
                f"同意调查终结报告意见。拟罚款{plan.fine:,.2f}元达到较大数额，应告知当事人听证权利；"
                "本案属于重大执法决定，须经法制审核通过后方可送达事先告知书（R-REV-004）。"
                "法制审核模块尚未上线，本案在此等待法制审核。"
            )
        if plan.stage == "transfer":
            return (
                f"同意移送。{plan.offence.crime}，应移送公安机关，不得以罚代刑（R-TRN-001）；"
                "移送决定属于重大执法决定，待法制审核通过后由负责人作出（R-REV-004）。"
            )
        if plan.route == DecisionKind.FILING_WITHDRAWN:
            return "违法事实不能成立，同意撤销立案。"
        if plan.route == DecisionKind.NO_PENALTY:
            return "当事人初次违法且危害后果轻微并及时改正，同意不予行政处罚。"
        return "事实清楚，证据确凿，定性准确，适用依据正确，处罚适当，同意。"

    @staticmethod
    def reasoning(plan: Plan) -> str:
        if plan.route == DecisionKind.NO_PENALTY:
            return (
                "当事人系初次违法，危害后果轻微并及时改正，依据《中华人民共和国行政处罚法》第三十三条第一款"
                "（首违不罚），决定不予行政处罚，并对当事人进行教育。"
            )
        if plan.route == DecisionKind.FILING_WITHDRAWN:
            return "违法事实不能成立，撤销立案。"
        return "依据处罚裁量基准，综合考虑违法情节、危害后果及整改情况，在法定幅度内作出处罚。"


def _named(builder: _Builder) -> list[Plan]:
    """The scenarios the issue names, planned by hand."""
    find = {o.key: o for o in OFFENCES}
    plans: list[Plan] = []

    def add(name: str, stage: str, offence: Offence, kinds: tuple[str, ...], adjust: Callable[[Plan], None]) -> None:
        party = builder.party(offence, kinds)
        plan = Plan(
            stage=stage,
            agency=offence.agency,
            offence=offence,
            party=party,
            seq=1000 + len(plans),
            lead_first=True,
            with_source=True,
            channel=offence.channels[0],
            offsets=builder.offsets(),
            kinds=list(offence.kinds),
            name=name,
        )
        adjust(plan)
        plans.append(plan)

    def simple_warning(plan: Plan) -> None:
        plan.with_source = False
        plan.kinds = [WARNING]

    def bid_rigging(plan: Plan) -> None:
        plan.fine = Decimal("10873.00")
        plan.kinds = [FINE]
        plan.defence = "waived"
        plan.facts = (
            "在示范县青山镇中心小学教学楼建设项目招标评标过程中，评标委员会发现当事人{party}"
            "与另一投标人的电子投标文件制作机器码一致。经调查，两家投标人的投标文件由同一台电脑制作，"
            "属于《中华人民共和国招标投标法》第三十二条第一款规定的投标人相互串通投标行为。"
            "中标项目金额2,174,600.00元，依据该法第五十三条按千分之五处以罚款10,873.00元。"
        )

    def hearing(plan: Plan) -> None:
        plan.kinds = [GAINS, FINE]
        plan.fine = Decimal("60000.00")
        plan.gains = Decimal("3260.00")
        plan.facts = (
            "经查，当事人{party}未取得食品经营许可证，在示范县人民路经营熟食卤菜，"
            "货值金额8,650.00元，违法所得3,260.00元。拟没收违法所得并罚款60,000.00元，达到较大数额，"
            "应告知当事人有要求听证的权利。【说明】本案属于重大执法决定，事先告知（含听证告知）须经法制审核"
            "通过后方可送达；法制审核模块尚未上线，本案停在案件审核环节等待法制审核。"
        )

    def no_penalty(plan: Plan) -> None:
        plan.kinds = []
        plan.route = DecisionKind.NO_PENALTY
        plan.facts = (
            "{day}，执法人员检查发现当事人{party}货架上1件预包装饼干超过保质期2日，"
            "货值金额6.50元，尚未售出。当事人系初次违法，当场下架销毁并建立了临期食品检查制度。"
        )

    def overdue(plan: Plan) -> None:
        """Filed more than 90 days before the demo day and still investigating, no extension (R-PEN-021)."""

    def transfer(plan: Plan) -> None:
        plan.kinds = []
        plan.route = DecisionKind.TRANSFER
        plan.facts = (
            "{day}，执法人员检查发现当事人{party}擅自修改烟气在线监测设备参数，致使监测数据严重失真。"
            "经比对DCS系统原始数据，{qty}日内二氧化硫实际排放浓度超过排放标准三倍以上，涉嫌污染环境罪。"
        )

    add(
        "simple_warning",
        "simple_warning",
        find["food_purchase_records"],
        (PartyKind.INDIVIDUAL_BUSINESS,),
        simple_warning,
    )
    add("bid_rigging", "paid", find["bid_rigging"], (PartyKind.LEGAL_PERSON,), bid_rigging)
    add("hearing", "legal_review", find["food_unlicensed"], (PartyKind.LEGAL_PERSON,), hearing)
    add("no_penalty", "no_penalty", find["food_expired"], (PartyKind.INDIVIDUAL_BUSINESS,), no_penalty)
    add("overdue", "overdue", find["urban_fumes"], (PartyKind.LEGAL_PERSON,), overdue)
    add("transfer", "transfer", find["air_evasion"], (PartyKind.LEGAL_PERSON,), transfer)
    return plans


def _sources(builder: _Builder) -> None:
    """Case sources that did not (yet) become cases: registered, verifying, awaiting approval, declined."""
    rng = builder.rng
    rows = [
        ("registered", date(2026, 11, 12), LAST_DAY, 6),
        ("verifying", date(2026, 11, 2), date(2026, 11, 18), 5),
        ("awaiting", date(2026, 10, 26), date(2026, 11, 18), 4),
        ("declined", date(2026, 3, 2), date(2026, 11, 13), 6),
    ]
    agencies = ["scjg", "scjg", "cgzf", "yjgl", "sthj", "jtys", "fgj"]
    n = 0
    for state, low, high, count in rows:
        for _ in range(count):
            agency_key = agencies[n % len(agencies)]
            n += 1
            offence = rng.choice([o for o in OFFENCES if o.agency == agency_key])
            kinds = PERSONS if offence.industries == ("person",) else (PartyKind.LEGAL_PERSON,)
            party = builder.party(offence, kinds)
            lead_user, _, _, _, head = builder.team(agency_key)
            channel = rng.choice(offence.channels)
            received = low + timedelta(days=rng.randint(0, (high - low).days))
            source = services.register_source(
                actor=lead_user,
                agency=builder.ctx.agencies[agency_key],
                channel=channel,
                received_on=received,
                summary=SOURCE_SUMMARIES[channel].format(cause=f"{party.name}涉嫌{offence.cause}"),
                party=party,
                enforcement_item=builder.item(offence),
            )
            if state == "registered":
                continue
            services.start_verification(actor=lead_user, source=source)
            if state == "awaiting":
                services.propose_filing(actor=lead_user, source=source)
            elif state == "declined":
                services.decline_filing(actor=head, source=source, reason=DECLINE_REASONS[n % len(DECLINE_REASONS)])


def load(ctx: DemoContext) -> None:
    builder = _Builder(ctx)
    plans = _named(builder)
    seq = 0
    for agency, stages in PLAN.items():
        for stage, count in stages.items():
            for _ in range(count):
                seq += 1
                plans.append(builder.plan(agency, stage, seq))
    for plan in plans:
        builder.schedule(plan)
    # file in date order, so that each agency's case numbers follow the filing days
    for plan in sorted(plans, key=lambda p: (p.dates["filed"], p.seq)):
        case = builder.walk(plan)
        if plan.name:
            builder.named[plan.name] = case
    _sources(builder)
    ctx.extra["cases"] = builder.named
