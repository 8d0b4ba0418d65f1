"""The demo laws and item list load, and every demo citation resolves to the typed-in article."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.catalog.choices import EnforcementItemState, ItemKind
from zhifa.catalog.models import EnforcementItem
from zhifa.catalog.services import av_required, is_item_listed
from zhifa.demo import catalog as demo_catalog
from zhifa.demo import laws as demo_laws
from zhifa.demo import org as demo_org
from zhifa.demo.context import DemoContext
from zhifa.laws.models import Article, Law, ViolationType
from zhifa.laws.services import lookup_article


@pytest.fixture
def demo(db):
    ctx = DemoContext()
    demo_org.load(ctx)
    demo_laws.load(ctx)
    demo_catalog.load(ctx)
    return ctx


def test_demo_loads_six_laws_and_about_fifty_published_items(demo):
    assert Law.objects.count() == 6
    assert ViolationType.objects.count() == len(demo_laws.VIOLATION_TYPES)
    assert EnforcementItem.objects.count() == len(demo_catalog.ITEMS)
    assert EnforcementItem.objects.exclude(state=EnforcementItemState.IN_FORCE).count() == 0
    assert 45 <= len(demo_catalog.ITEMS) <= 60


def test_r_pen_002_every_demo_penalty_item_cites_a_penalty_article(demo):
    for item in EnforcementItem.objects.filter(kind=ItemKind.PENALTY):
        assert item.penalty_basis.count() >= 1, item.name


def test_demo_citations_resolve_to_the_typed_in_text(demo):
    article = lookup_article("《中华人民共和国行政处罚法》第五十一条", on=date(2024, 6, 1))
    assert article.text.startswith("违法事实确凿并有法定依据，对公民处以二百元以下")
    item = lookup_article("《食品安全法》第一百二十四条第一款第（四）项", on=date(2024, 6, 1))
    assert (
        item.text
        == "（四）生产经营腐败变质、油脂酸败、霉变生虫、污秽不洁、混有异物、掺假掺杂或者感官性状异常的食品、食品添加剂；"
    )
    assert Article.objects.filter(version__law__short_title="行政强制法", number=25, paragraph=None).count() == 1


def test_r_pen_003_demo_items_are_listed_for_their_agency_only(demo):
    item = demo.items["43019911CF0001"]
    assert is_item_listed(agency=demo.agencies["scjg"], item=item, on=date(2024, 3, 1)) is True
    assert is_item_listed(agency=demo.agencies["scjg"], item=item, on=date(2024, 2, 29)) is False
    assert is_item_listed(agency=demo.agencies["cgzf"], item=item, on=date(2024, 3, 1)) is False


def test_r_rec_004_demo_av_lists_differ_per_agency(demo):
    assert av_required("hearing", agency=demo.agencies["scjg"]) is True
    assert av_required("hearing", agency=demo.agencies["cgzf"]) is False
    assert av_required("forced_demolition", agency=demo.agencies["fgj"]) is True
