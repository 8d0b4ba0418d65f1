"""Who may issue a document in an agency's name (R-DOC-002): an issuer of that agency (``documents.issue_document``),
or someone an app above documents vouches for, for one kind of document.

The review app registers such a grant (``review.apps.ReviewConfig.ready``): an external reviewer appointed by the
agency — a 法律顾问 or 公职律师 who may belong to no agency — issues the 法制审核意见书 of their review in the name of
the agency they review for (R-REV-005, R-REV-011). A grant names the kinds it covers; no grant, no issuing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import rules

IssuerGrant = Callable[[Any, Any, str], bool]  # (user, agency, document kind) → may issue
# Keyed by the grant's qualified name so that registering twice is harmless.
_grants: dict[str, IssuerGrant] = {}


def register_issuer_grant(grant: IssuerGrant) -> None:
    _grants[f"{grant.__module__}.{grant.__qualname__}"] = grant


def may_issue(user: Any, agency: Any, kind: str) -> bool:
    return rules.has_perm("documents.issue_document", user, agency) or any(
        grant(user, agency, kind) for grant in _grants.values()
    )
