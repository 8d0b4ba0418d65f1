"""Serializers of the laws API (read-only: laws are maintained in the admin and by import)."""

from __future__ import annotations

from rest_framework import serializers

from zhifa.laws.models import Article, Law, LawVersion


class LawVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = LawVersion
        fields = ["id", "label", "promulgated_on", "effective_on", "repealed_on"]


class LawSerializer(serializers.ModelSerializer):
    level_display = serializers.CharField(source="get_level_display", read_only=True)
    citation_title = serializers.CharField(read_only=True)

    class Meta:
        model = Law
        fields = [
            "id",
            "title",
            "short_title",
            "citation_title",
            "level",
            "level_display",
            "issuing_body",
            "issuing_region_code",
        ]


class LawDetailSerializer(LawSerializer):
    versions = LawVersionSerializer(many=True, read_only=True)

    class Meta(LawSerializer.Meta):
        fields = [*LawSerializer.Meta.fields, "versions"]


class ArticleSerializer(serializers.ModelSerializer):
    citation = serializers.CharField(read_only=True)
    law = serializers.IntegerField(source="version.law_id", read_only=True)
    version_label = serializers.CharField(source="version.label", read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "law",
            "version",
            "version_label",
            "number",
            "paragraph",
            "subparagraph",
            "point",
            "citation",
            "text",
        ]


class ArticleLookupQuerySerializer(serializers.Serializer):
    citation = serializers.CharField(help_text="法条引用，如《行政处罚法》第五十一条")
    on = serializers.DateField(required=False, help_text="施行日期基准，默认今天（YYYY-MM-DD）")
