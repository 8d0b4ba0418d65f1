"""Domain errors of the catalog app."""

from zhifa.core.errors import Conflict, DomainError


class CatalogError(DomainError):
    code = "catalog_invalid"


class BasisMissing(CatalogError):
    """An item cannot be published without its 设定依据 / 处罚依据 (R-PEN-002)."""

    code = "item_basis_missing"


class BasisInvalid(CatalogError):
    """A penalty basis is not a 法律/法规/规章 article in force (R-PEN-002)."""

    code = "item_basis_invalid"


class ItemStateConflict(Conflict):
    code = "item_state_conflict"


class AvRecordMissing(CatalogError):
    """R-REC-003/004: a step that must be recorded on audio/video has no A/V file attached."""

    status = 409
    code = "av_record_missing"
