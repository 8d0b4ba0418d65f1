"""Hooks through which apps above cases react, in the same transaction, when a case step of the cases app affects
what they keep open on the case (layering: cases never imports them; they register in their ``AppConfig.ready``).

- **exit hooks**: the case leaves the review path by a route that is not a review step — 移送后恢复办理 (R-TRN-010),
  终止 / 终结执行, 补充调查 (``investigation.reopen_investigation``). The review app closes the legal review still open
  (or returned for 补充) and cancels the collective discussion still convened, naming why (ledger events).
- **resume hooks**: a suspended case resumes (R-TIME-008). The review app moves the running review's time limit by
  the working days the case was suspended (R-REV-010).

Lock order (PostgreSQL deadlocks): the calling service holds the case's row lock; a hook locks the records that
hang off the case (a review, a discussion) only after it — the same order the review services use.
Hooks are keyed by their qualified name, so registering twice is harmless.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zhifa.cases.models import CaseSuspension, PenaltyCase

CaseExitHook = Callable[..., None]  # hook(case, *, actor, reason) -> None
CaseResumeHook = Callable[..., None]  # hook(case, *, actor, suspension) -> None

_exit_hooks: dict[str, CaseExitHook] = {}
_resume_hooks: dict[str, CaseResumeHook] = {}


def _key(hook: Callable[..., None]) -> str:
    return f"{hook.__module__}.{hook.__qualname__}"


def register_case_exit_hook(hook: CaseExitHook) -> None:
    """Install ``hook(case, *, actor, reason)``, called by ``case_left_review``."""
    _exit_hooks[_key(hook)] = hook


def register_case_resume_hook(hook: CaseResumeHook) -> None:
    """Install ``hook(case, *, actor, suspension)``, called by ``case_resumed``."""
    _resume_hooks[_key(hook)] = hook


def case_left_review(case: PenaltyCase, *, actor: Any, reason: str) -> None:
    """The case (locked by the caller) left 法制审核中 / 集体讨论中, or the step a review or discussion was about, by a
    route that is not a review step; ``reason`` says which (案件终止, 案件移送后恢复办理 …)."""
    for hook in _exit_hooks.values():
        hook(case, actor=actor, reason=reason)


def case_resumed(case: PenaltyCase, *, actor: Any, suspension: CaseSuspension) -> None:
    """The case (locked by the caller) resumed after ``suspension`` (ended: ``started_on`` .. ``ended_on``)."""
    for hook in _resume_hooks.values():
        hook(case, actor=actor, suspension=suspension)
