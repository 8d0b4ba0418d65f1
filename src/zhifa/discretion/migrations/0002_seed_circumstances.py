"""Seed the 裁量情节 every benchmark may use: the statutory ones of 处罚法 第30–33条 (R-DIS-007..012) and the
usual 从重 and amount circumstances of local benchmarks. Agencies add their own in the admin."""

from django.db import migrations

# code, name, kind, mandatory tier, statutory ground, lookback months, rule id, description
CIRCUMSTANCES = [
    ("first_violation", "初次违法", "flag", "", False, 24, "R-DIS-012",
     "追溯期内没有因同一种违法行为受到行政处罚或者不予处罚决定（默认追溯二年，请按本地清单调整）"),
    ("minor_violation", "违法行为轻微", "flag", "", False, None, "R-DIS-011", ""),
    ("corrected_in_time", "及时改正", "flag", "", False, None, "R-DIS-011", "在责令改正期限内或者检查发现后及时改正"),
    ("no_harm", "没有造成危害后果", "flag", "", False, None, "R-DIS-011", ""),
    ("slight_harm", "危害后果轻微", "flag", "", False, None, "R-DIS-011", ""),
    ("no_fault", "有证据足以证明没有主观过错", "flag", "no_penalty", False, None, "R-DIS-011",
     "法律、行政法规另有规定的除外（处罚法第33条第2款）"),
    ("under_14", "违法时不满十四周岁", "flag", "no_penalty", False, None, "R-DIS-008", "由出生日期计算；责令监护人加以管教"),
    ("minor_14_to_18", "违法时已满十四周岁不满十八周岁", "flag", "lighter", True, None, "R-DIS-008", "由出生日期计算"),
    ("incapacitated", "不能辨认或者不能控制自己行为时违法的精神病人、智力残疾人", "flag", "no_penalty", False, None,
     "R-DIS-009", "须有证据"),
    ("partial_capacity", "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人", "flag", "", True, None,
     "R-DIS-009", "可以从轻或者减轻"),
    ("harm_removed", "主动消除或者减轻违法行为危害后果", "flag", "lighter", True, None, "R-DIS-010", ""),
    ("coerced_or_deceived", "受他人胁迫或者诱骗实施违法行为", "flag", "lighter", True, None, "R-DIS-010", ""),
    ("confessed", "主动供述行政机关尚未掌握的违法行为", "flag", "lighter", True, None, "R-DIS-010", ""),
    ("meritorious", "配合行政机关查处违法行为有立功表现", "flag", "lighter", True, None, "R-DIS-010", ""),
    ("cooperative", "积极配合调查，如实陈述违法事实", "flag", "", False, None, "", "酌定从轻情节"),
    ("harm_caused", "造成危害后果", "flag", "", False, None, "", ""),
    ("serious_harm", "造成严重危害后果或者恶劣社会影响", "flag", "", False, None, "", ""),
    ("repeat_violation", "一定期限内再次实施同一违法行为", "flag", "", False, 12, "", "追溯期默认十二个月"),
    ("refused_correction", "责令改正后拒不改正", "flag", "", False, None, "", ""),
    ("obstructed", "拒绝、阻碍或者以暴力威胁执法人员依法执行职务", "flag", "", False, None, "", ""),
    ("destroyed_evidence", "伪造、隐匿、毁灭证据", "flag", "", False, None, "", ""),
    ("vulnerable_targets", "侵害对象为未成年人、老年人、残疾人等", "flag", "", False, None, "", ""),
    ("emergency_period", "在发生突发事件期间实施违法行为", "flag", "", False, None, "处罚法第49条", "从重处罚"),
    ("goods_value", "货值金额", "amount", "", False, None, "", "违法生产经营的产品（商品）的货值金额，元"),
    ("illegal_gains", "违法所得", "amount", "", False, None, "", "违法所得金额，元；未填写时按拟没收违法所得计"),
    ("amount_involved", "涉案金额", "amount", "", False, None, "", "元"),
    ("quantity", "涉案数量", "count", "", False, None, "", "件、批次、台等"),
]


def seed(apps, schema_editor):
    Circumstance = apps.get_model("discretion", "Circumstance")
    for order, (code, name, kind, tier, ground, months, rule_id, description) in enumerate(CIRCUMSTANCES, start=1):
        Circumstance.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "mandatory_tier": tier,
                "statutory_ground": ground,
                "lookback_months": months,
                "rule_id": rule_id,
                "description": description,
                "sort_order": order * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("discretion", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
