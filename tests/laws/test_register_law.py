"""Laws are shared master data: the system administrator maintains them (bureau administrators their own
region's local laws: tests/laws/test_law_write_scope.py)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.laws.factories import ArticleFactory, LawVersionFactory
from zhifa.core.errors import PermissionDenied
from zhifa.laws import services
from zhifa.laws.choices import LawLevel
from zhifa.laws.models import Article, Law

pytestmark = pytest.mark.django_db


def test_system_admin_registers_a_law_with_a_version_and_an_article(system_admin):
    law = services.register_law(
        user=system_admin,
        title="中华人民共和国行政强制法",
        short_title="行政强制法",
        level=LawLevel.LAW,
        issuing_body="全国人大常委会",
    )
    version = services.add_version(user=system_admin, law=law, label="2011年公布", effective_on=date(2012, 1, 1))
    article = services.add_article(
        user=system_admin, version=version, number=25, paragraph=1, text="查封、扣押的期限不得超过三十日"
    )
    assert article.citation == "《行政强制法》第二十五条第一款"


def test_a_handler_may_not_register_a_law_and_nothing_is_saved(handler):
    with pytest.raises(PermissionDenied) as raised:
        services.register_law(user=handler, title="某法", level=LawLevel.LAW, issuing_body="某机关")
    assert raised.value.message == "《某法》是全国性法律法规，只有系统管理员可以维护"
    assert Law.objects.count() == 0


def test_the_same_position_twice_in_a_version_is_refused(system_admin):
    version = LawVersionFactory()
    ArticleFactory(version=version, number=51)
    with pytest.raises(ValidationError) as raised:
        services.add_article(user=system_admin, version=version, number=51, text="重复")
    assert raised.value.messages == ["该版本中已有相同位置的条款"]
    assert Article.objects.count() == 1


def test_a_point_needs_a_subparagraph(system_admin):
    with pytest.raises(ValidationError) as raised:
        services.add_article(user=system_admin, version=LawVersionFactory(), number=3, point=1, text="第一目")
    assert raised.value.message_dict == {"point": ["填写“目”时必须同时填写“项”"]}


def test_repeal_must_follow_effect(system_admin):
    law = services.register_law(
        user=system_admin, title="某条例", level=LawLevel.ADMINISTRATIVE_REGULATION, issuing_body="国务院"
    )
    with pytest.raises(ValidationError) as raised:
        services.add_version(
            user=system_admin, law=law, label="2020年", effective_on=date(2020, 1, 1), repealed_on=date(2020, 1, 1)
        )
    assert raised.value.message_dict == {"repealed_on": ["废止日期应晚于施行日期"]}
