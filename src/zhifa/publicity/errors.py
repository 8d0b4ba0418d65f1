"""Refusals of the publicity app: the message names the rule and the field (mapped to 400/409 by the API)."""

from zhifa.core.errors import Conflict, DomainError


class PublicationError(DomainError):
    """A rule of publicity refused the step."""

    code = "publication_refused"


class PublicationStateConflict(Conflict):
    """The publication is not, or no longer, in a state that allows this step."""

    code = "publication_state_conflict"
