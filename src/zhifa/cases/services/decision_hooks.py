"""Reactions of higher apps to a recorded decision, registered at start-up so that cases imports none of them.

The publicity app registers the opening of the decision's pending publication (R-PUB-005) in its
``apps.ready()``. Hooks run inside the transaction of ``decide_case``: if one fails, the decision is not recorded.
"""

from __future__ import annotations

from collections.abc import Callable

from zhifa.cases.models import PenaltyCase

DecisionHook = Callable[[PenaltyCase], object]
# Keyed by qualified name: registering the same hook twice (apps reloaded in tests) is harmless.
_hooks: dict[str, DecisionHook] = {}


def register_decision_hook(hook: DecisionHook) -> None:
    _hooks[f"{hook.__module__}.{hook.__qualname__}"] = hook


def decision_recorded(case: PenaltyCase) -> None:
    """Call every registered hook with the case whose decision was just recorded (``decide_case``)."""
    for hook in list(_hooks.values()):
        hook(case)
