"""Test settings: the same apps; SQLite in memory unless DATABASE_URL names PostgreSQL."""

from __future__ import annotations

from zhifa.settings.base import *  # noqa: F403
from zhifa.settings.base import DATABASES

SECRET_KEY = "test-only-not-secret"  # noqa: S105 - test settings never serve anything
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Nothing under test touches a file database (commands like makemigrations --check included).
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}

# Serve static files straight from the apps (no collectstatic needed outside production).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
