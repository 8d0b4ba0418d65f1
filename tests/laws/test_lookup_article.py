"""lookup_article: the version in force on the day, and clear Chinese errors."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.laws.factories import ArticleFactory, LawFactory, LawVersionFactory
from zhifa.laws.choices import LawVersionState
from zhifa.laws.errors import ArticleNotFound, LawNotFound, VersionNotInForce
from zhifa.laws.services import lookup_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions():
    law = LawFactory()
    old = LawVersionFactory(law=law, label="2017年修正", promulgated_on=date(2017, 9, 1), effective_on=date(2018, 1, 1))
    new = LawVersionFactory(law=law)
    ArticleFactory(version=old, number=33, text="旧法第三十三条")
    ArticleFactory(version=new, number=51, text="新法第五十一条")
    ArticleFactory(version=new, number=51, paragraph=2, subparagraph=3, text="（三）新法项")
    return old, new


@pytest.mark.parametrize("title", ["行政处罚法", "中华人民共和国行政处罚法"])
def test_full_and_short_title_find_the_same_article(versions, title):
    article = lookup_article(f"《{title}》第51条", on=date(2021, 7, 15))
    assert article.text == "新法第五十一条"
    assert article.citation == "《行政处罚法》第五十一条"


def test_lookup_finds_a_subparagraph(versions):
    article = lookup_article("《行政处罚法》第五十一条第二款第（三）项", on=date(2022, 1, 1))
    assert article.text == "（三）新法项"


def test_r_pen_009_the_version_in_force_on_the_day_before_a_revision_is_the_old_one(versions):
    assert lookup_article("《行政处罚法》第三十三条", on=date(2021, 7, 14)).text == "旧法第三十三条"
    with pytest.raises(ArticleNotFound) as raised:
        lookup_article("《行政处罚法》第三十三条", on=date(2021, 7, 15))
    assert raised.value.message == "《行政处罚法》没有第三十三条"


def test_default_day_is_today_in_shanghai(versions):
    with time_machine.travel("2021-07-14T17:00:00+00:00", tick=False):  # 2021-07-15 01:00 in Shanghai
        assert lookup_article("《行政处罚法》第五十一条").text == "新法第五十一条"


def test_unknown_law_is_named(versions):
    with pytest.raises(LawNotFound) as raised:
        lookup_article("《行政许可法》第一条", on=date(2022, 1, 1))
    assert raised.value.message == "未找到法律法规《行政许可法》"


def test_missing_article_is_named(versions):
    with pytest.raises(ArticleNotFound) as raised:
        lookup_article("《行政处罚法》第二百条", on=date(2022, 1, 1))
    assert raised.value.message == "《行政处罚法》没有第二百条"


def test_a_law_not_yet_in_force_on_the_day_is_refused(versions):
    with pytest.raises(VersionNotInForce) as raised:
        lookup_article("《行政处罚法》第三十三条", on=date(2017, 12, 31))
    assert raised.value.message == "《行政处罚法》在2017年12月31日尚未施行（2018年1月1日起施行）"
    assert lookup_article("《行政处罚法》第三十三条", on=date(2018, 1, 1)).text == "旧法第三十三条"


def test_a_repealed_law_is_refused_from_the_repeal_date():
    version = LawVersionFactory(law=LawFactory(title="某某暂行办法", short_title=""), repealed_on=date(2023, 1, 1))
    ArticleFactory(version=version, number=1, text="第一条")
    assert lookup_article("《某某暂行办法》第一条", on=date(2022, 12, 31)).text == "第一条"
    with pytest.raises(VersionNotInForce) as raised:
        lookup_article("《某某暂行办法》第一条", on=date(2023, 1, 1))
    assert raised.value.message == "《某某暂行办法》已于2023年1月1日废止，2023年1月1日不再施行"


def test_state_on_is_derived_from_dates_and_the_next_version(versions):
    old, new = versions
    assert old.state_on(date(2017, 12, 31)) == LawVersionState.NOT_YET_EFFECTIVE
    assert old.state_on(date(2018, 1, 1)) == LawVersionState.IN_FORCE
    assert old.state_on(date(2021, 7, 14)) == LawVersionState.IN_FORCE
    assert old.state_on(date(2021, 7, 15)) == LawVersionState.SUPERSEDED
    assert new.state_on(date(2021, 7, 15)) == LawVersionState.IN_FORCE
