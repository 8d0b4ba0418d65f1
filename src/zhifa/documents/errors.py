from zhifa.core.errors import DomainError


class DocumentError(DomainError):
    """A document cannot be numbered, rendered, issued, voided or delivered as asked."""

    code = "document_invalid"


class DeliveryError(DocumentError):
    """R-DOC-005..008: a service (送达) attempt the law does not allow as recorded."""

    code = "delivery_invalid"
