from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from zhifa.core.audit import RecordedAdmin, RecordedAdminMixin
from zhifa.org.models import Agency, Department, Region, RoleGrant, Sector, User


@admin.register(Region)
class RegionAdmin(RecordedAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]


@admin.register(Sector)
class SectorAdmin(RecordedAdmin):
    list_display = ["code", "name"]


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


@admin.register(Agency)
class AgencyAdmin(RecordedAdmin):
    list_display = ["name", "kind", "region", "uscc", "is_judicial_bureau", "is_active"]
    list_filter = ["kind", "is_judicial_bureau", "region"]
    search_fields = ["name", "uscc"]
    filter_horizontal = ["sectors"]
    inlines = [DepartmentInline]


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0


@admin.register(User)
class UserAdmin(RecordedAdminMixin, DjangoUserAdmin):
    list_display = ["username", "name", "agency", "is_active"]
    list_filter = ["is_active", "agency"]
    search_fields = ["username", "name"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("基本信息", {"fields": ("name", "agency", "department", "email")}),
        ("状态", {"fields": ("is_active", "is_staff", "is_superuser", "last_login", "date_joined")}),
    )
    inlines = [RoleGrantInline]
