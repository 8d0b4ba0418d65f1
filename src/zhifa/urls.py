"""Root URLs: staff UI (/), admin (/admin/), REST API (/api/v1/), schema and docs, health check."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import ScopedRateThrottle

from zhifa import views
from zhifa.core.views import healthz

admin.site.site_header = "zhifa 行政执法综合管理监督信息系统"
admin.site.site_title = "zhifa 管理后台"
admin.site.index_title = "基础数据管理"

APPS = [
    "org",
    "personnel",
    "laws",
    "catalog",
    "parties",
    "ledger",
    "cases",
    "documents",
    "discretion",
    "review",
    "publicity",
]


class TokenView(ObtainAuthToken):
    """POST username and password → token. Throttled (20 attempts a minute per address)."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth_token"


api_patterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    *[path("", include(f"zhifa.{app}.api.urls")) for app in APPS],
]

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_patterns)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("", include("zhifa.core.urls")),
    *[path("", include(f"zhifa.{app}.urls")) for app in APPS],
]
