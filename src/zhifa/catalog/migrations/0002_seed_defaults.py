"""Seed the national defaults (agency and region empty) of the 重大执法决定法制审核目录清单 (R-REV-002,
R-HEA-002 placeholders) and the always-mandatory steps of the 音像记录事项清单 (R-REC-003)."""

from decimal import Decimal

from django.db import migrations

CRITERIA = [
    # kind, party_category, threshold, is_active, rule_id, description
    ("hearing_eligible_penalty", "any", None, True, "R-REV-002",
     "当事人依法享有听证权利的行政处罚（处罚法第58、63条；R-HEA-001）"),
    ("large_fine", "natural_person", Decimal("5000.00"), True, "R-HEA-002",
     "对公民处以较大数额罚款或没收：5000元以上（含本数）。默认占位值，请按本省规定调整"),
    ("large_fine", "organization", Decimal("50000.00"), True, "R-HEA-002",
     "对法人或者其他组织处以较大数额罚款或没收：50000元以上（含本数）。默认占位值，请按本省规定调整"),
    ("coercive_enforcement", "any", None, True, "R-REV-002", "行政强制执行决定"),
    ("forced_demolition", "any", None, True, "R-REV-002", "强制拆除"),
    ("land_expropriation", "any", None, True, "R-REV-002", "土地征收"),
    ("suspend_operations", "any", None, True, "R-REV-002", "责令停产停业"),
    ("revoke_license", "any", None, True, "R-REV-002", "吊销许可证件"),
    ("review_all_general_procedure", "any", None, False, "R-REV-002",
     "一般程序作出的行政处罚决定全部进行法制审核（部分地方规定，默认不启用）"),
]

ALWAYS_AV_STEPS = [
    ("coercive_measure", "查封扣押财产全程音像记录"),
    ("forced_demolition", "强制拆除全程音像记录"),
    ("land_expropriation", "土地房屋征收、强制拆迁全程音像记录"),
    ("case_handling_room", "执法办案场所全程音像记录"),
]


def seed(apps, schema_editor):
    Criterion = apps.get_model("catalog", "MajorDecisionCriterion")
    AvRequirement = apps.get_model("catalog", "AvRequirement")
    for kind, party_category, threshold, is_active, rule_id, description in CRITERIA:
        Criterion.objects.get_or_create(
            kind=kind,
            party_category=party_category,
            region_code="",
            agency=None,
            sector=None,
            defaults={"threshold_amount": threshold, "is_active": is_active, "rule_id": rule_id, "description": description},
        )
    for step, description in ALWAYS_AV_STEPS:
        AvRequirement.objects.get_or_create(
            agency=None, item=None, step=step,
            defaults={"is_mandatory": True, "rule_id": "R-REC-003", "description": description},
        )


def unseed(apps, schema_editor):
    Criterion = apps.get_model("catalog", "MajorDecisionCriterion")
    AvRequirement = apps.get_model("catalog", "AvRequirement")
    Criterion.objects.filter(agency=None, region_code="").delete()
    AvRequirement.objects.filter(agency=None, item=None, rule_id="R-REC-003").delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
