"""Production: PostgreSQL via DATABASE_URL, HTTPS only, secrets required. ``zhifa check --deploy`` is clean."""

from __future__ import annotations

from zhifa.settings.base import *  # noqa: F403
from zhifa.settings.env import env_bool, env_required

SECRET_KEY = env_required("SECRET_KEY")
if DEBUG:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("生产环境不得开启 DEBUG")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
if env_bool("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_AGE = 8 * 3600
