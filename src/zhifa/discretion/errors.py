"""Domain errors of the discretion app."""

from zhifa.core.errors import Conflict, DomainError


class DiscretionError(DomainError):
    """A benchmark or list is invalid (R-DIS-001/002) or an input names something that does not fit."""

    code = "discretion_invalid"


class BenchmarkStateConflict(Conflict):
    code = "benchmark_state_conflict"
