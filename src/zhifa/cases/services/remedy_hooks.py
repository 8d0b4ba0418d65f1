"""Reactions of higher apps to a concluded 复议/诉讼, registered at start-up so that cases imports none of them.

The publicity app registers the withdrawal of the decision's publication when the outcome changed, annulled,
confirmed unlawful or invalid, or ordered the decision redone (R-PUB-008, AUTO on annul event). Hooks run inside the
transaction of ``execution.conclude_remedy``, after the case's row lock: if one fails, the outcome is not recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zhifa.cases.models import RemedyProceeding

RemedyHook = Callable[..., object]  # hook(remedy, *, actor) -> object
# Keyed by qualified name: registering the same hook twice (apps reloaded in tests) is harmless.
_hooks: dict[str, RemedyHook] = {}


def register_remedy_hook(hook: RemedyHook) -> None:
    _hooks[f"{hook.__module__}.{hook.__qualname__}"] = hook


def remedy_concluded(remedy: RemedyProceeding, *, actor: Any) -> None:
    """Call every registered hook with the 复议/诉讼 whose outcome was just recorded."""
    for hook in list(_hooks.values()):
        hook(remedy, actor=actor)
