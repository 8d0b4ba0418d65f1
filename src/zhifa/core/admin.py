from django.contrib import admin

from zhifa.core.audit import RecordedAdmin
from zhifa.core.models import CalendarDay, CalendarYear


@admin.register(CalendarYear)
class CalendarYearAdmin(RecordedAdmin):
    list_display = ["year", "source", "created_at"]


@admin.register(CalendarDay)
class CalendarDayAdmin(RecordedAdmin):
    list_display = ["date", "name", "is_working_day", "region_code"]
    list_filter = ["is_working_day"]
    date_hierarchy = "date"
    search_fields = ["name", "region_code"]
