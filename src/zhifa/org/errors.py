from zhifa.core.errors import DomainError


class OrgError(DomainError):
    code = "org_invalid"
