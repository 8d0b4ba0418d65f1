from __future__ import annotations

from datetime import date

import pytest

from tests.laws.factories import ArticleFactory, LawFactory, LawVersionFactory
from zhifa.laws.choices import LawLevel


@pytest.fixture
def penalty_article(db):
    """《行政处罚法》第五十一条, 2021 text in force from 2021-07-15."""
    return ArticleFactory()


@pytest.fixture
def duty_article(penalty_article):
    return ArticleFactory(version=penalty_article.version, number=9, text="行政处罚的种类：")


@pytest.fixture
def normative_article(db):
    law = LawFactory(
        title="示范县关于规范摊点经营的通知",
        short_title="摊点通知",
        level=LawLevel.NORMATIVE_DOCUMENT,
        issuing_body="示范县人民政府",
    )
    return ArticleFactory(
        version=LawVersionFactory(
            law=law, label="2023年", promulgated_on=date(2023, 1, 1), effective_on=date(2023, 1, 1)
        ),
        number=5,
        text="违反本通知的，处二百元罚款。",
    )
