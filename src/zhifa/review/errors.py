"""Refusals of the review app: the message names the rule and the field (mapped to 400/409 by the API)."""

from zhifa.core.errors import Conflict, DomainError


class ReviewError(DomainError):
    """A rule of legal review or collective discussion refused the step."""

    code = "review_refused"


class ReviewStateConflict(Conflict):
    """The review (or discussion) is not, or no longer, in a state that allows this step."""

    code = "review_state_conflict"
