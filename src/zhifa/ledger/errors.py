from zhifa.core.errors import DomainError


class LedgerError(DomainError):
    code = "ledger_invalid"
