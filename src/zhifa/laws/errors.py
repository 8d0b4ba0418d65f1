"""Domain errors of the laws app; messages are Chinese and name the part that is wrong."""

from zhifa.core.errors import DomainError


class LawsError(DomainError):
    code = "laws_invalid"


class CitationInvalid(LawsError):
    """The citation text cannot be parsed (法条引用格式错误)."""

    code = "citation_invalid"


class LawNotFound(LawsError):
    code = "law_not_found"


class ArticleNotFound(LawsError):
    code = "article_not_found"


class VersionNotInForce(LawsError):
    """No text of the law is in force on the requested day (尚未施行 / 已废止)."""

    code = "law_version_not_in_force"
