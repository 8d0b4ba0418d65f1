from django.contrib import admin

from zhifa.core.models import CalendarDay, CalendarYear


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "created_at"]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "name", "is_working_day", "region_code"]
    list_filter = ["is_working_day"]
    date_hierarchy = "date"
    search_fields = ["name", "region_code"]
