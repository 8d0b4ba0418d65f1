"""The 双公示 行政处罚 record (R-PUB-012): the standard's 30 columns in order, amounts in 万元 to six places (exact,
never a float), the party's identification from the register and the decision's text from the redacted snapshot."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.parties.factories import PartyFactory, make_id_number
from tests.publicity.credit_support import published_penalty
from zhifa.publicity.credit.fields import HEADERS, NOT_PUBLIC, credit_row, wan

pytestmark = pytest.mark.django_db

R_PUB_012_HEADERS = (
    "行政相对人名称",
    "行政相对人类别",
    "行政相对人代码_1(统一社会信用代码)",
    "行政相对人代码_2(工商注册号)",
    "行政相对人代码_3(组织机构代码)",
    "行政相对人代码_4(税务登记号)",
    "行政相对人代码_5(事业单位证书号)",
    "行政相对人代码_6(社会组织登记证号)",
    "法定代表人",
    "法定代表人证件类型",
    "法定代表人证件号码",
    "证件类型",
    "证件号码",
    "行政处罚决定书文号",
    "违法行为类型",
    "违法事实",
    "处罚依据",
    "处罚类别",
    "处罚内容",
    "罚款金额(万元)",
    "没收违法所得、没收非法财物的金额(万元)",
    "暂扣或吊销证照名称及编号",
    "处罚决定日期",
    "处罚有效期",
    "公示截止期",
    "处罚机关",
    "处罚机关统一社会信用代码",
    "数据来源单位",
    "数据来源单位统一社会信用代码",
    "备注",
)


def test_r_pub_012_the_columns_are_the_standards_in_order():
    assert HEADERS == R_PUB_012_HEADERS
    assert NOT_PUBLIC == ("法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码")


@pytest.mark.parametrize(
    ("yuan", "expected"),
    [
        ("12345.67", "1.234567"),  # the example of the brief: exact to the 分
        ("0.01", "0.000001"),  # one 分 is the sixth place
        ("10000.00", "1.000000"),  # exactly 1万元
        ("9999.99", "0.999999"),  # just under
        ("999999999999.99", "99999999.999999"),  # the largest amount the record holds
        (Decimal("200"), "0.020000"),
    ],
)
def test_r_pub_012_amounts_in_wan_yuan_to_six_places(yuan, expected):
    assert wan(yuan) == expected


def test_r_pub_012_a_float_amount_is_refused():
    with pytest.raises(ValueError, match="浮点数"):
        wan(12345.67)  # type: ignore[arg-type]


def test_r_pub_012_a_company_row(agency, county):
    company = PartyFactory(region=county, name="示范县好味道餐饮有限公司", legal_representative="王大明")
    company.legal_representative_id_number = "430199198001011234"
    pub = published_penalty(agency, company, fine="12345.67", confiscated="800.00", kinds=("fine", "confiscate_gains"))
    row = dict(zip(HEADERS, credit_row(pub, personal=True), strict=True))
    assert row["行政相对人名称"] == "示范县好味道餐饮有限公司"
    assert row["行政相对人类别"] == "法人及非法人组织"
    assert row["行政相对人代码_1(统一社会信用代码)"] == company.uscc
    assert (row["法定代表人"], row["证件类型"], row["证件号码"]) == ("王大明", "", "")
    assert (row["罚款金额(万元)"], row["没收违法所得、没收非法财物的金额(万元)"]) == ("1.234567", "0.080000")
    assert (row["处罚类别"], row["违法事实"], row["违法行为类型"]) == (
        "罚款；没收违法所得",
        "销售超过保质期的食品",
        "销售过期食品",
    )
    assert row["处罚依据"] == "《中华人民共和国食品安全法》第一百二十四条"
    assert (row["处罚决定日期"], row["处罚有效期"], row["公示截止期"]) == ("2026/03/02", "2099/12/31", "2029/03/02")
    assert (row["处罚机关"], row["处罚机关统一社会信用代码"]) == (agency.name, agency.uscc)
    assert (row["数据来源单位"], row["数据来源单位统一社会信用代码"]) == (agency.name, agency.uscc)
    assert row["行政处罚决定书文号"] == pub.document_number


def test_r_pub_012_no_fine_leaves_the_amount_blank(agency, county):
    pub = published_penalty(agency, PartyFactory(region=county), fine="0.00", kinds=("warning", "public_criticism"))
    row = dict(zip(HEADERS, credit_row(pub, personal=True), strict=True))
    assert (row["罚款金额(万元)"], row["没收违法所得、没收非法财物的金额(万元)"], row["处罚类别"]) == (
        "",
        "",
        "警告；通报批评",
    )


def test_r_prv_003_a_natural_person_full_in_the_exchange_masked_otherwise(agency, county):
    person = PartyFactory(region=county, natural_person=True, name="刘小明")
    pub = published_penalty(agency, person)
    pub.snapshot["party"]["name"] = "刘某"
    full = dict(zip(HEADERS, credit_row(pub, personal=True), strict=True))
    masked = dict(zip(HEADERS, credit_row(pub, personal=False), strict=True))
    assert (full["行政相对人名称"], full["行政相对人类别"], full["证件类型"], full["证件号码"]) == (
        "刘小明",
        "自然人",
        "身份证",
        person.id_number,
    )
    assert full["行政相对人代码_1(统一社会信用代码)"] == ""
    assert (masked["行政相对人名称"], masked["证件号码"]) == ("刘某", person.masked_id_number)
    assert person.id_number not in masked["证件号码"]


def test_r_prv_004_a_minor_is_never_named(agency, county):
    born = date(2012, 1, 1)  # 14 on the decision day
    minor = PartyFactory(
        region=county, natural_person=True, name="刘小小", id_number=make_id_number(7, birth="20120101"), birth_on=born
    )
    pub = published_penalty(agency, minor)
    pub.snapshot["party"]["name"] = "当事人"
    row = dict(zip(HEADERS, credit_row(pub, personal=True), strict=True))
    assert row["行政相对人名称"] == "当事人"


def test_r_prv_002_withheld_parts_stay_withheld(agency, county):
    pub = published_penalty(agency, PartyFactory(region=county), facts="（涉及商业秘密，依法不予公开）")
    pub.snapshot["withheld"] = [{"label": "违法事实", "ground": "商业秘密"}]
    row = dict(zip(HEADERS, credit_row(pub, personal=True), strict=True))
    assert (row["违法事实"], row["备注"]) == ("（涉及商业秘密，依法不予公开）", "部分内容依法不予公开")


@pytest.mark.parametrize(("born", "shown"), [(date(2008, 3, 2), "刘大成"), (date(2008, 3, 3), "刘某")])
def test_r_prv_004_eighteen_on_the_decision_day_is_named_a_day_younger_is_not(agency, county, born, shown):
    person = PartyFactory(region=county, natural_person=True, name="刘大成", birth_on=born)
    pub = published_penalty(agency, person)
    pub.snapshot["party"]["name"] = "刘某"
    assert credit_row(pub, personal=True)[0] == shown
