"""Demo 行政相对人 of 示范县 (and a few dozen in 邻县 for scope demos).

Every identifier is valid and generated deterministically: USCCs get their organization-code check character
and USCC check character computed (GB 11714 / GB 32100), ID numbers a real birth date and MOD 11-2 check digit.
Names and phone numbers are fictional.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from zhifa.core.validators import (
    birth_date_from_id_number,
    id_number_check_digit,
    organization_code_check_char,
    uscc_check_char,
)
from zhifa.demo.context import DemoContext
from zhifa.org.models import Region
from zhifa.parties.choices import IdKind, PartyKind, RiskLevel
from zhifa.parties.models import Party

COUNTY_CODE = "430199"
NEIGHBOUR_CODE = "430198"

_TRADE_NAMES_TEXT = (
    "鑫源 恒达 华兴 金穗 宏图 润丰 盛世 远航 天成 瑞祥 嘉禾 永顺 隆昌 锦程 康宁 佳和 新纪元 泰和 安达 广利 "
    "晨光 德润 福满 汇通 凯旋 联创 明珠 南岭 鹏程 青松 荣华 顺发 腾飞 万家 湘江 兴旺 雅居 益民 振邦 中和 "
    "百川 宝丰 博远 创美 大成 东方 丰泽 富民 国泰 和美 红星 华美 吉祥 金桥 聚丰 开元 朗月 乐家 利民 龙腾 "
    "茂源 美佳 铭扬 启航 千禧 瑞丰 山河 尚品 胜利 四季 拓新 旺达 祥和 新华 信达 沿江 银河 友谊 裕丰 "
)
TRADE_NAMES = _TRADE_NAMES_TEXT.split()

SURNAMES = (
    "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾"
    "丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文"
)
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰春梅海燕德文辉立新玲晓东雪琴小红凤云飞鹏"
)

ROADS = [
    "人民路",
    "建设路",
    "解放路",
    "新华路",
    "迎宾大道",
    "青山路",
    "白沙路",
    "工业园大道",
    "滨江路",
    "沿河路",
    "朝阳路",
    "体育路",
]
VILLAGES = ["青山村", "白沙村", "桃花村", "金塘村", "石门村", "龙井村", "枫林村", "长坡村", "新屋村", "高岭村"]

# industry, name patterns for legal persons ({place}: 示范县 / 邻县, {trade}: 字号), risk weights (low, medium, high)
COMPANY_KINDS: list[tuple[str, list[str], tuple[int, int, int]]] = [
    (
        "餐饮",
        ["{place}{trade}餐饮有限公司", "{place}{trade}餐饮管理有限公司", "{place}{trade}酒楼有限公司"],
        (55, 35, 10),
    ),
    (
        "食品销售",
        ["{place}{trade}超市有限公司", "{place}{trade}商贸有限公司", "{place}{trade}食品有限公司"],
        (60, 30, 10),
    ),
    ("食品生产", ["{place}{trade}食品厂有限公司", "{place}{trade}米业有限公司"], (45, 40, 15)),
    ("药品零售", ["{place}{trade}大药房连锁有限公司", "{place}{trade}医药有限公司"], (50, 40, 10)),
    (
        "建筑施工",
        ["{place}{trade}建筑工程有限公司", "{place}{trade}建设有限公司", "{place}{trade}路桥工程有限公司"],
        (35, 45, 20),
    ),
    (
        "危险化学品",
        ["{place}{trade}加油站有限公司", "{place}{trade}化工有限公司", "{place}{trade}燃气有限公司"],
        (15, 45, 40),
    ),
    (
        "道路运输",
        ["{place}{trade}物流有限公司", "{place}{trade}运输有限公司", "{place}{trade}客运有限公司"],
        (40, 45, 15),
    ),
    (
        "工业企业",
        ["{place}{trade}机械制造有限公司", "{place}{trade}建材有限公司", "{place}{trade}新材料有限公司"],
        (40, 40, 20),
    ),
    ("生态环境", ["{place}{trade}环保科技有限公司", "{place}{trade}再生资源回收有限公司"], (35, 45, 20)),
    ("住宿", ["{place}{trade}酒店有限公司", "{place}{trade}宾馆有限公司"], (60, 30, 10)),
]

# industry, name pattern for individual businesses ({trade} or {surname})
SHOP_KINDS: list[tuple[str, str]] = [
    ("餐饮", "{place}{trade}小吃店"),
    ("餐饮", "{place}{surname}记粉面馆"),
    ("食品销售", "{place}{trade}便利店"),
    ("食品销售", "{place}{trade}副食店"),
    ("商贸零售", "{place}{trade}五金店"),
    ("道路运输", "{place}{trade}汽车修理店"),
    ("城市管理", "{place}{trade}废品回收站"),
    ("住宿", "{place}{trade}旅社"),
]

OTHER_ORGANIZATIONS: list[tuple[str, str, str]] = [
    # category prefix, name, industry
    ("52", "{place}{trade}幼儿园", "教育培训"),
    ("52", "{place}{trade}职业技能培训学校", "教育培训"),
    ("52", "{place}{trade}养老院", "其他"),
    ("N2", "{place}青山镇{village}股份经济合作社", "其他"),
]

CREDIT_WEIGHTS = [("A", 40), ("B", 35), ("C", 12), ("D", 3), ("", 10)]
ID_ADDRESS_CODES = ["430199", "430198", "430181", "430121", "430124", "430111"]


@dataclass
class _Counters:
    company: int = 0
    shop: int = 0
    organization: int = 0


def _uscc(prefix: str, region_code: str, org_body: str) -> str:
    """prefix (登记管理部门 + 机构类别) + region + 8-char body + organization-code check + USCC check."""
    organization_code = org_body + organization_code_check_char(org_body)
    first17 = f"{prefix}{region_code}{organization_code}"
    return first17 + uscc_check_char(first17)


def _id_number(rng: random.Random) -> str:
    address = rng.choice(ID_ADDRESS_CODES)
    first17 = (
        f"{address}{rng.randint(1955, 2003)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(1, 999):03d}"
    )
    return first17 + id_number_check_digit(first17)


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice((1, 2))))


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice(['35', '36', '37', '38', '39', '58', '59', '80', '86', '88'])}{rng.randrange(10**8):08d}"


def _landline(rng: random.Random) -> str:
    return f"0731-8{rng.randrange(10**6, 10**7)}"


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]


def _risk(rng: random.Random, weights: tuple[int, int, int]) -> str:
    return rng.choices([RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH], weights=weights)[0]


def _tags(risk: str, industry: str) -> str:
    tags = []
    if risk == RiskLevel.HIGH:
        tags.append("重点监管")
    if industry in ("餐饮", "食品销售", "食品生产"):
        tags.append("食品安全")
    if industry == "危险化学品":
        tags.append("安全生产")
    return "、".join(tags)


class _Builder:
    def __init__(self, ctx: DemoContext, rng: random.Random) -> None:
        self.ctx = ctx
        self.rng = rng
        self.counters = _Counters()
        self.names: set[str] = set()
        self.parties: list[Party] = []

    def unique_name(self, pattern: str, place: str) -> str:
        for _ in range(200):
            name = pattern.format(
                place=place,
                trade=self.rng.choice(TRADE_NAMES),
                surname=self.rng.choice(SURNAMES),
                village=self.rng.choice(VILLAGES),
            )
            if name not in self.names:
                self.names.add(name)
                return name
        raise RuntimeError(f"演示数据名称用尽：{pattern}")

    def address(self, region: Region) -> str:
        return f"湖南省长沙市{region.name}{self.rng.choice(ROADS)}{self.rng.randint(1, 399)}号"

    def home_address(self, region: Region) -> str:
        village = self.rng.choice(VILLAGES)
        return f"湖南省长沙市{region.name}{village}{self.rng.randint(1, 12)}组{self.rng.randint(1, 80)}号"

    def company(self, region: Region, place: str, letters: str) -> None:
        rng = self.rng
        industry, patterns, risk_weights = rng.choice(COMPANY_KINDS)
        self.counters.company += 1
        risk = _risk(rng, risk_weights)
        representative_id = _id_number(rng) if rng.random() < 0.5 else ""
        self.parties.append(
            Party(
                kind=PartyKind.LEGAL_PERSON,
                name=self.unique_name(rng.choice(patterns), place),
                uscc=_uscc("91", region.code[:6], f"{letters}{self.counters.company:04d}"),
                legal_representative=_person_name(rng),
                legal_representative_id_number=representative_id,
                address=self.address(region),
                phone=_landline(rng) if rng.random() < 0.6 else _mobile(rng),
                region=region,
                industry=industry,
                tags=_tags(risk, industry),
                credit_rating=_weighted(rng, CREDIT_WEIGHTS),
                risk_level=risk,
                is_active=rng.random() > 0.03,
            )
        )

    def shop(self, region: Region, place: str, letters: str) -> None:
        rng = self.rng
        industry, pattern = rng.choice(SHOP_KINDS)
        self.counters.shop += 1
        risk = _risk(rng, (65, 30, 5))
        id_number = _id_number(rng)
        self.parties.append(
            Party(
                kind=PartyKind.INDIVIDUAL_BUSINESS,
                name=self.unique_name(pattern, place),
                uscc=_uscc("92", region.code[:6], f"{letters}{self.counters.shop:04d}"),
                legal_representative=_person_name(rng),
                id_kind=IdKind.RESIDENT_ID,
                id_number=id_number,
                birth_on=birth_date_from_id_number(id_number),
                address=self.address(region),
                phone=_mobile(rng),
                region=region,
                industry=industry,
                tags=_tags(risk, industry),
                credit_rating=_weighted(rng, CREDIT_WEIGHTS),
                risk_level=risk,
            )
        )

    def organization(self, region: Region, place: str) -> None:
        rng = self.rng
        prefix, pattern, industry = rng.choice(OTHER_ORGANIZATIONS)
        self.counters.organization += 1
        self.parties.append(
            Party(
                kind=PartyKind.OTHER_ORGANIZATION,
                name=self.unique_name(pattern, place),
                uscc=_uscc(prefix, region.code[:6], f"MJD{self.counters.organization:05d}"),
                legal_representative=_person_name(rng),
                address=self.address(region),
                phone=_landline(rng),
                region=region,
                industry=industry,
                credit_rating=_weighted(rng, CREDIT_WEIGHTS),
                risk_level=_risk(rng, (70, 25, 5)),
            )
        )

    def person(self, region: Region) -> None:
        rng = self.rng
        id_number = _id_number(rng)
        self.parties.append(
            Party(
                kind=PartyKind.NATURAL_PERSON,
                name=_person_name(rng),
                id_kind=IdKind.RESIDENT_ID,
                id_number=id_number,
                birth_on=birth_date_from_id_number(id_number),
                address=self.home_address(region),
                phone=_mobile(rng),
                region=region,
                risk_level=_risk(rng, (80, 15, 5)),
            )
        )


def _region(ctx: DemoContext, key: str, code: str) -> Region | None:
    region = ctx.regions.get(key)
    if region is not None:
        return region
    return Region.objects.filter(code=code).first()


def load(ctx: DemoContext) -> None:
    county = _region(ctx, "county", COUNTY_CODE)
    if county is None:
        return
    neighbour = _region(ctx, "neighbour", NEIGHBOUR_CODE)
    townships = [r for r in (ctx.regions.get("township_a"), ctx.regions.get("township_b")) if r is not None]
    builder = _Builder(ctx, ctx.rng("parties"))

    # 示范县: about 460 parties, most registered at county level, some in its townships.
    for index in range(460):
        region = townships[index % len(townships)] if townships and index % 5 == 4 else county
        slot = index % 20
        if slot < 12:
            builder.company(region, "示范县", "MA4D")
        elif slot < 17:
            builder.shop(region, "示范县", "MA4G")
        elif slot == 17 and index % 40 == 17:
            builder.organization(region, "示范县")
        else:
            builder.person(region)
    # 邻县: a few dozen, for data-scope demos (示范县 users never see them).
    if neighbour is not None:
        for index in range(40):
            slot = index % 10
            if slot < 6:
                builder.company(neighbour, "邻县", "MA4E")
            elif slot < 9:
                builder.shop(neighbour, "邻县", "MA4H")
            else:
                builder.person(neighbour)

    created = Party.objects.bulk_create(builder.parties, batch_size=200)
    # Later loaders (cases, inspections) find parties by USCC, or natural persons by ID number.
    ctx.extra["parties"] = {party.uscc or party.id_number: party for party in created}
