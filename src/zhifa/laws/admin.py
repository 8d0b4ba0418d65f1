from django.contrib import admin

from zhifa.core.audit import RecordedAdmin
from zhifa.laws.models import Article, Law, LawVersion, ViolationType


class LawVersionInline(admin.TabularInline):
    model = LawVersion
    extra = 0


@admin.register(Law)
class LawAdmin(RecordedAdmin):
    list_display = ["title", "short_title", "level", "issuing_body"]
    list_filter = ["level"]
    search_fields = ["title", "short_title"]
    inlines = [LawVersionInline]


@admin.register(LawVersion)
class LawVersionAdmin(RecordedAdmin):
    list_display = ["law", "label", "promulgated_on", "effective_on", "repealed_on"]
    list_select_related = ["law"]
    search_fields = ["law__title", "law__short_title", "label"]


@admin.register(Article)
class ArticleAdmin(RecordedAdmin):
    list_display = ["__str__", "version"]
    list_select_related = ["version__law"]
    list_filter = ["version__law"]
    search_fields = ["text", "version__law__title", "version__law__short_title"]
    autocomplete_fields = ["version"]


@admin.register(ViolationType)
class ViolationTypeAdmin(RecordedAdmin):
    list_display = ["code", "name", "sector_code"]
    search_fields = ["code", "name"]
    raw_id_fields = ["violation_basis", "penalty_basis"]
