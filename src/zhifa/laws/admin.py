"""Admin of the laws registry. A saved text is evidence (articles are cited in decisions and their SM3 digest
is in the ledger): its text and dates are read-only here and nothing is deleted (finding 11). New versions and
articles are added; a repeal is recorded with ``services.repeal_version``."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from zhifa.core.audit import RecordedAdmin
from zhifa.laws.models import Article, Law, LawVersion, ViolationType

VERSION_FIELDS = ["law", "label", "promulgated_on", "effective_on", "repealed_on"]
ARTICLE_FIELDS = ["version", "number", "paragraph", "subparagraph", "point", "text"]


class LawVersionInline(admin.TabularInline):
    """Versions of a law, read-only: a version is added or repealed on its own page / through the services."""

    model = LawVersion
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["label", "promulgated_on", "effective_on", "repealed_on"]
    readonly_fields = ["label", "promulgated_on", "effective_on", "repealed_on"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Law)
class LawAdmin(RecordedAdmin):
    list_display = ["title", "short_title", "level", "issuing_body", "issuing_region_code"]
    list_filter = ["level"]
    search_fields = ["title", "short_title"]
    inlines = [LawVersionInline]


@admin.register(LawVersion)
class LawVersionAdmin(RecordedAdmin):
    list_display = ["law", "label", "promulgated_on", "effective_on", "repealed_on"]
    list_select_related = ["law"]
    search_fields = ["law__title", "law__short_title", "label"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return list(VERSION_FIELDS) if obj is not None else []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(RecordedAdmin):
    list_display = ["__str__", "version"]
    list_select_related = ["version__law"]
    list_filter = ["version__law"]
    search_fields = ["text", "version__law__title", "version__law__short_title"]
    autocomplete_fields = ["version"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return list(ARTICLE_FIELDS) if obj is not None else []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ViolationType)
class ViolationTypeAdmin(RecordedAdmin):
    list_display = ["code", "name", "sector_code"]
    search_fields = ["code", "name"]
    raw_id_fields = ["violation_basis", "penalty_basis"]
