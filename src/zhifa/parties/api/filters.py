from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from zhifa.parties.choices import CreditRating, PartyKind, RiskLevel
from zhifa.parties.models import Party


class PartyFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=PartyKind.choices)
    credit_rating = django_filters.ChoiceFilter(choices=CreditRating.choices)
    risk_level = django_filters.ChoiceFilter(choices=RiskLevel.choices)
    region = django_filters.CharFilter(method="filter_region", label="行政区划代码（含下级）")
    search = django_filters.CharFilter(method="filter_search", label="名称或统一社会信用代码")

    class Meta:
        model = Party
        fields = ["kind", "credit_rating", "risk_level", "region", "search"]

    def filter_region(self, queryset: QuerySet[Party], name: str, value: str) -> QuerySet[Party]:
        code = value.strip()
        if not code:
            return queryset
        return queryset.filter(
            Q(region__code=code) | Q(region__path__contains=f"/{code}/") | Q(region__path__startswith=f"{code}/")
        )

    def filter_search(self, queryset: QuerySet[Party], name: str, value: str) -> QuerySet[Party]:
        term = value.strip()
        if not term:
            return queryset
        return queryset.filter(Q(name__icontains=term) | Q(uscc__icontains=term.upper()))
