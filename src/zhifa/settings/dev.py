"""The one-command demo: SQLite under var/, DEBUG on, a key generated once and kept in var/."""

from __future__ import annotations

import secrets

from zhifa.settings.base import *  # noqa: F403
from zhifa.settings.base import DATA_DIR
from zhifa.settings.env import env_str

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]


def _dev_secret_key() -> str:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "dev_secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = env_str("SECRET_KEY") or _dev_secret_key()

# Serve static files straight from the apps (no collectstatic needed outside production).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
