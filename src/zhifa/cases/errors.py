from zhifa.core.errors import Conflict, DomainError


class CaseError(DomainError):
    """A legal gate refused the step; the message names the rule and what to do."""

    code = "case_refused"


class CaseStateConflict(Conflict):
    """The case is not (or no longer) in a state that allows this step — e.g. a concurrent user was faster."""

    code = "case_state_conflict"
