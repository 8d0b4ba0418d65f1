"""Demo regions, agencies, departments and login accounts of the fictional 示范县 (a demo county)."""

from __future__ import annotations

from zhifa.core.validators import uscc_check_char
from zhifa.demo.context import DemoContext
from zhifa.org.choices import RegionLevel, Role
from zhifa.org.models import Agency, Department, Region, RoleGrant, Sector, User

SECTORS = [
    ("market_regulation", "市场监管"),
    ("urban_management", "城市管理"),
    ("ecology_environment", "生态环境"),
    ("transport", "交通运输"),
    ("emergency_management", "应急管理"),
    ("development_reform", "发展改革"),
    ("judicial_administration", "司法行政"),
]

REGIONS = [
    # key, code, name, level, parent key
    ("national", "100000", "中华人民共和国", RegionLevel.NATIONAL, None),
    ("province", "430000", "湖南省", RegionLevel.PROVINCIAL, "national"),
    ("city", "430100", "长沙市", RegionLevel.MUNICIPAL, "province"),
    ("county", "430199", "示范县", RegionLevel.COUNTY, "city"),
    ("neighbour", "430198", "邻县", RegionLevel.COUNTY, "city"),
    ("township_a", "430199101", "示范县青山镇", RegionLevel.TOWNSHIP, "county"),
    ("township_b", "430199102", "示范县白沙镇", RegionLevel.TOWNSHIP, "county"),
]

# key, region key, name, short name, sectors, judicial bureau, comprehensive, departments (name, is legal unit)
AGENCIES = [
    (
        "city_sfj",
        "city",
        "长沙市司法局",
        "长司",
        ["judicial_administration"],
        True,
        False,
        [("行政执法协调监督处", False)],
    ),
    (
        "sfj",
        "county",
        "示范县司法局",
        "示司",
        ["judicial_administration"],
        True,
        False,
        [("行政执法协调监督股", False), ("法治督察股", False)],
    ),
    (
        "scjg",
        "county",
        "示范县市场监督管理局",
        "示市监",
        ["market_regulation"],
        False,
        False,
        [("法制股", True), ("执法大队", False), ("食品安全监管股", False), ("城关市场监管所", False)],
    ),
    (
        "cgzf",
        "county",
        "示范县城市管理和综合执法局",
        "示城管",
        ["urban_management"],
        False,
        True,
        [("法制股", True), ("综合执法大队一中队", False), ("综合执法大队二中队", False)],
    ),
    (
        "sthj",
        "county",
        "长沙市生态环境局示范分局",
        "示环",
        ["ecology_environment"],
        False,
        False,
        [("法制股", True), ("生态环境保护综合行政执法大队", False)],
    ),
    (
        "jtys",
        "county",
        "示范县交通运输局",
        "示交",
        ["transport"],
        False,
        False,
        [("政策法规股", True), ("交通运输综合行政执法大队", False)],
    ),
    (
        "yjgl",
        "county",
        "示范县应急管理局",
        "示应急",
        ["emergency_management"],
        False,
        False,
        [("政策法规股", True), ("应急管理综合行政执法大队", False)],
    ),
    (
        "fgj",
        "county",
        "示范县发展和改革局",
        "示发改",
        ["development_reform"],
        False,
        False,
        [("法规股", True), ("招投标监管股", False)],
    ),
    ("lx_sfj", "neighbour", "邻县司法局", "邻司", ["judicial_administration"], True, False, []),
    ("lx_scjg", "neighbour", "邻县市场监督管理局", "邻市监", ["market_regulation"], False, False, [("法制股", True)]),
]

# username, name, agency key, roles
USERS = [
    ("admin", "系统管理员", None, [Role.SYSTEM_ADMIN]),
    ("city_supervisor", "韩市监", "city_sfj", [Role.SUPERVISOR]),
    ("sfj_admin", "蒋司管", "sfj", [Role.BUREAU_ADMIN]),
    ("sfj_supervisor", "卫监督", "sfj", [Role.SUPERVISOR]),
    ("sfj_evaluator", "沈评查", "sfj", [Role.EVALUATOR]),
    ("sfj_auditor", "秦审计", "sfj", [Role.AUDITOR]),
    ("scjg_admin", "吴管理", "scjg", [Role.AGENCY_ADMIN]),
    ("scjg_handler", "李承办", "scjg", [Role.HANDLER]),
    ("scjg_handler2", "周协办", "scjg", [Role.HANDLER]),
    ("scjg_head", "郑局长", "scjg", [Role.HEAD, Role.CASE_REVIEWER]),
    ("scjg_reviewer", "冯法制", "scjg", [Role.LEGAL_REVIEWER]),
    ("cgzf_handler", "陈城管", "cgzf", [Role.HANDLER]),
    ("yjgl_handler", "褚应急", "yjgl", [Role.HANDLER]),
    # Case handling (demo.cases) needs two linked handlers and a head in every enforcing agency.
    ("cgzf_handler2", "孔执法", "cgzf", [Role.HANDLER]),
    ("cgzf_head", "钱局长", "cgzf", [Role.HEAD, Role.CASE_REVIEWER]),
    ("yjgl_handler2", "金安监", "yjgl", [Role.HANDLER]),
    ("yjgl_head", "严局长", "yjgl", [Role.HEAD, Role.CASE_REVIEWER]),
    ("sthj_handler", "孙环保", "sthj", [Role.HANDLER]),
    ("sthj_handler2", "何环监", "sthj", [Role.HANDLER]),
    ("sthj_head", "施局长", "sthj", [Role.HEAD, Role.CASE_REVIEWER]),
    ("jtys_handler", "马交通", "jtys", [Role.HANDLER]),
    ("jtys_handler2", "曹路政", "jtys", [Role.HANDLER]),
    ("jtys_head", "魏局长", "jtys", [Role.HEAD, Role.CASE_REVIEWER]),
    ("fgj_handler", "汪发改", "fgj", [Role.HANDLER]),
    ("fgj_handler2", "邓招标", "fgj", [Role.HANDLER]),
    ("fgj_head", "彭局长", "fgj", [Role.HEAD, Role.CASE_REVIEWER]),
    ("lx_supervisor", "杨邻监", "lx_sfj", [Role.SUPERVISOR]),
    ("lx_handler", "许邻县", "lx_scjg", [Role.HANDLER]),
]


def agency_uscc(index: int, region_code: str) -> str:
    """A valid USCC for a government organ: 11 + region + 9-char code + check character."""
    body = f"11{region_code[:6]}MB{index:07d}"
    return body + uscc_check_char(body)


def load(ctx: DemoContext) -> None:
    for code, name in SECTORS:
        ctx.sectors[code], _ = Sector.objects.get_or_create(code=code, defaults={"name": name})
    for key, code, name, level, parent in REGIONS:
        region = Region(code=code, name=name, level=level, parent=ctx.regions.get(parent) if parent else None)
        region.save()
        ctx.regions[key] = region
    for index, (key, region_key, name, short, sectors, bureau, comprehensive, departments) in enumerate(AGENCIES, 1):
        region = ctx.regions[region_key]
        agency = Agency(
            name=name,
            short_name=short,
            uscc=agency_uscc(index, region.code),
            region=region,
            is_judicial_bureau=bureau,
            is_comprehensive_enforcement=comprehensive,
            legal_representative=[
                "刘建国",
                "张卫东",
                "王志强",
                "李文华",
                "陈立新",
                "杨国庆",
                "赵明辉",
                "黄振华",
                "周海涛",
                "吴建平",
            ][index - 1],
            address=f"湖南省长沙市{region.name}人民路{index * 12}号",
            phone=f"0731-8{index:03d}{index * 7 % 10}{index:03d}",
            complaint_phone="12345",
            email=f"{key}@demo.zhifa.gov.cn",
        )
        agency.full_clean()
        agency.save()
        agency.sectors.set([ctx.sectors[s] for s in sectors])
        Department.objects.bulk_create(
            [Department(agency=agency, name=d, is_legal_unit=legal) for d, legal in departments]
        )
        ctx.agencies[key] = agency
    for username, name, agency_key, roles in USERS:
        user = User(username=username, name=name, agency=ctx.agencies.get(agency_key) if agency_key else None)
        user.is_staff = user.is_superuser = Role.SYSTEM_ADMIN in roles
        user.set_unusable_password()
        user.save()
        RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role) for role in roles])
        ctx.users[username] = user
