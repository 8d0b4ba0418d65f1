from zhifa.core.errors import DomainError


class PartyError(DomainError):
    code = "party_invalid"
