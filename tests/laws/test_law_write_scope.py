"""Review finding 5: who may write a law depends on its level and issuing region.

National instruments (法律、行政法规、部门规章, or any law without an issuing region) are shared by every region:
only the system administrator maintains them. A local instrument is maintained by the system administrator or
a bureau administrator of exactly its issuing region.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from tests.laws.factories import ArticleFactory, LawFactory, LawVersionFactory
from tests.org.factories import UserFactory
from zhifa.core.errors import PermissionDenied
from zhifa.core.excel import ImportFailed, get_spec, import_workbook
from zhifa.laws import services
from zhifa.laws.choices import LawLevel
from zhifa.laws.errors import LawsError
from zhifa.laws.models import Article, Law, LawVersion, ViolationType
from zhifa.ledger.services import trail
from zhifa.org.choices import Role

pytestmark = pytest.mark.django_db

NATIONAL = "《行政处罚法》是全国性法律法规，只有系统管理员可以维护"


@pytest.fixture
def national_version():
    return LawVersionFactory()


@pytest.fixture
def local_law():
    return LawFactory(
        title="示范县城市市容和环境卫生管理办法",
        short_title="示范县市容办法",
        level=LawLevel.NORMATIVE_DOCUMENT,
        issuing_body="示范县人民政府",
        issuing_region_code="430199",
    )


@pytest.fixture
def neighbour_bureau_admin(neighbour_bureau):
    return UserFactory(username="neighbour_bureau_admin", agency=neighbour_bureau, roles=[Role.BUREAU_ADMIN])


def test_bureau_admin_may_not_register_a_national_law_and_nothing_is_saved(bureau_admin):
    with pytest.raises(PermissionDenied) as raised:
        services.register_law(
            user=bureau_admin, title="中华人民共和国行政处罚法", level=LawLevel.LAW, issuing_body="全国人大常委会"
        )
    assert raised.value.message == "《行政处罚法》是全国性法律法规，只有系统管理员可以维护"
    assert Law.objects.count() == 0


def test_bureau_admin_may_not_add_an_empty_version_to_a_national_law(bureau_admin, national_version):
    """The finding's example: an empty 2026 version of 《行政处罚法》 would break lookup_article for everyone."""
    with pytest.raises(PermissionDenied) as raised:
        services.add_version(user=bureau_admin, law=national_version.law, label="2026年", effective_on=date(2026, 1, 1))
    assert raised.value.message == NATIONAL
    assert list(LawVersion.objects.values_list("label", flat=True)) == ["2021年修订"]


def test_bureau_admin_may_not_add_an_article_to_a_national_law(bureau_admin, national_version):
    with pytest.raises(PermissionDenied) as raised:
        services.add_article(user=bureau_admin, version=national_version, number=99, text="伪造条文")
    assert raised.value.message == NATIONAL
    assert Article.objects.count() == 0


def test_a_local_law_without_issuing_region_is_national(bureau_admin):
    with pytest.raises(PermissionDenied) as raised:
        services.register_law(
            user=bureau_admin, title="关于规范执法的通知", level=LawLevel.NORMATIVE_DOCUMENT, issuing_body="某部"
        )
    assert raised.value.message == "《关于规范执法的通知》是全国性法律法规，只有系统管理员可以维护"
    assert Law.objects.count() == 0


def test_bureau_admin_maintains_the_local_laws_of_its_own_region(bureau_admin):
    law = services.register_law(
        user=bureau_admin,
        title="示范县城市市容和环境卫生管理办法",
        level=LawLevel.NORMATIVE_DOCUMENT,
        issuing_body="示范县人民政府",
        issuing_region_code="430199",
    )
    version = services.add_version(user=bureau_admin, law=law, label="2024年", effective_on=date(2024, 1, 1))
    article = services.add_article(user=bureau_admin, version=version, number=3, text="本办法适用于县城规划区。")
    assert (law.issuing_region_code, article.citation) == ("430199", "《示范县城市市容和环境卫生管理办法》第三条")
    assert [e.data["issuing_region_code"] for e in trail(law)] == ["430199"]


def test_bureau_admin_of_another_region_may_not_change_a_local_law(neighbour_bureau_admin, local_law):
    with pytest.raises(PermissionDenied) as raised:
        services.add_version(user=neighbour_bureau_admin, law=local_law, label="2024年", effective_on=date(2024, 1, 1))
    assert (
        raised.value.message == "只有系统管理员或制定机关所在行政区划（430199）的司法局管理员可以维护《示范县市容办法》"
    )
    assert LawVersion.objects.count() == 0


def test_bureau_admin_of_a_lower_region_may_not_register_a_law_of_the_province(bureau_admin):
    with pytest.raises(PermissionDenied):
        services.register_law(
            user=bureau_admin,
            title="湖南省行政程序规定",
            level=LawLevel.LOCAL_GOVERNMENT_RULE,
            issuing_body="湖南省人民政府",
            issuing_region_code="430000",
        )
    assert Law.objects.count() == 0


def test_system_admin_maintains_every_law(system_admin, national_version, local_law):
    services.add_version(user=system_admin, law=national_version.law, label="2030年修正", effective_on=date(2030, 1, 1))
    services.add_version(user=system_admin, law=local_law, label="2024年", effective_on=date(2024, 1, 1))
    assert LawVersion.objects.count() == 3


def test_national_levels_refuse_an_issuing_region_and_local_levels_need_one(system_admin):
    with pytest.raises(ValidationError) as raised:
        services.register_law(
            user=system_admin, title="某法", level=LawLevel.LAW, issuing_body="全国人大", issuing_region_code="430199"
        )
    assert raised.value.message_dict == {"issuing_region_code": ["法律由中央机关制定，不填写制定机关所在行政区划"]}
    with pytest.raises(ValidationError) as raised:
        services.register_law(
            user=system_admin, title="某省条例", level=LawLevel.LOCAL_REGULATION, issuing_body="某省人大常委会"
        )
    assert raised.value.message_dict == {"issuing_region_code": ["地方性法规须填写制定机关所在行政区划代码"]}
    with pytest.raises(ValidationError) as raised:
        services.register_law(
            user=system_admin,
            title="某省条例",
            level=LawLevel.LOCAL_REGULATION,
            issuing_body="某省人大常委会",
            issuing_region_code="4301",
        )
    assert raised.value.message_dict == {"issuing_region_code": ["区划代码应为6、9或12位数字"]}
    assert Law.objects.count() == 0


def test_violation_type_on_national_articles_is_for_the_system_admin(bureau_admin, system_admin):
    basis = ArticleFactory()
    with pytest.raises(PermissionDenied):
        services.register_violation_type(
            user=bureau_admin, code="WF001", name="某违法行为", violation_basis=basis, penalty_basis=basis
        )
    assert ViolationType.objects.count() == 0
    services.register_violation_type(
        user=system_admin, code="WF001", name="某违法行为", violation_basis=basis, penalty_basis=basis
    )
    assert ViolationType.objects.count() == 1


def test_repeal_is_recorded_once_by_whoever_may_maintain_the_law(bureau_admin, local_law):
    version = LawVersionFactory(law=local_law, label="2024年", promulgated_on=None, effective_on=date(2024, 1, 1))
    repealed = services.repeal_version(user=bureau_admin, version=version, repealed_on=date(2026, 1, 1))
    assert repealed.repealed_on == date(2026, 1, 1)
    assert [e.event_type for e in trail(version)] == ["law_version.repealed"]
    with pytest.raises(LawsError) as raised:
        services.repeal_version(user=bureau_admin, version=version, repealed_on=date(2027, 1, 1))
    assert (raised.value.field, raised.value.message) == ("repealed_on", "该版本已记录于2026年1月1日废止，不能更改")


def test_bureau_admin_may_not_repeal_a_national_law(bureau_admin, national_version):
    with pytest.raises(PermissionDenied):
        services.repeal_version(user=bureau_admin, version=national_version, repealed_on=date(2026, 1, 1))
    national_version.refresh_from_db()
    assert national_version.repealed_on is None


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["法律法规名称", "效力层级", "制定机关", "制定机关所在区划代码", "版本", "施行日期", "条", "条文"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def test_bureau_admin_imports_local_laws_of_its_region_but_not_national_ones(bureau_admin):
    local = ["示范县摊点管理办法", "规范性文件", "示范县人民政府", "430199", "2024年", "2024-01-01", "3", "本办法……"]
    national = ["中华人民共和国行政强制法", "法律", "全国人大常委会", "", "2011年公布", "2012-01-01", "9", "种类……"]
    with pytest.raises(ImportFailed) as raised:
        import_workbook(get_spec("laws"), _xlsx([local, national]), user=bureau_admin)
    assert [(e.row, e.message) for e in raised.value.errors] == [
        (3, "《行政强制法》是全国性法律法规，只有系统管理员可以维护")
    ]
    assert Law.objects.count() == 0
    result = import_workbook(get_spec("laws"), _xlsx([local]), user=bureau_admin)
    assert (result.rows, Law.objects.get().issuing_region_code) == (1, "430199")
