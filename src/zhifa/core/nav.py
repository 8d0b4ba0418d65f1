"""The navigation entry an app declares in its ``nav.py`` (collected by ``zhifa.navigation``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    count: Callable[[Any], int]
    order: int = 100
