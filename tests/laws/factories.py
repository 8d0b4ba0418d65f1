"""Factories for laws models: deterministic defaults."""

from __future__ import annotations

from datetime import date

import factory

from zhifa.laws.choices import LawLevel
from zhifa.laws.models import Article, Law, LawVersion


class LawFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Law
        django_get_or_create = ("title",)

    title = "中华人民共和国行政处罚法"
    short_title = "行政处罚法"
    level = LawLevel.LAW
    issuing_body = "全国人民代表大会常务委员会"


class LawVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LawVersion

    law = factory.SubFactory(LawFactory)
    label = "2021年修订"
    promulgated_on = date(2021, 1, 22)
    effective_on = date(2021, 7, 15)
    repealed_on = None


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    version = factory.SubFactory(LawVersionFactory)
    number = 51
    paragraph = None
    subparagraph = None
    point = None
    text = "违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。"
