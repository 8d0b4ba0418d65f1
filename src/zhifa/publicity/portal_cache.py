"""The portal's cache generation: every publication step bumps it when its transaction commits, so that no cached
portal page outlives a withdrawal or an expiry (R-PRV-007). The page cache also keys on the publications' latest
change in the database (``views.caching``), which holds when each process has its own local cache."""

from __future__ import annotations

import secrets

from django.core.cache import cache

GENERATION_KEY = "gongshi:generation"


def portal_generation() -> str:
    """The current generation; a missing one (evicted, cache cleared) starts a new one, never an old value."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), None)
        value = cache.get(GENERATION_KEY) or ""
    return str(value)


def bump_portal_generation() -> None:
    cache.set(GENERATION_KEY, secrets.token_hex(8), None)
