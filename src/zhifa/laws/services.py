"""Services of the laws app: register laws, versions and articles; parse and resolve citations."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

from zhifa.core.calendar import format_day, today
from zhifa.core.permissions import require
from zhifa.laws.choices import LawLevel, LawVersionState
from zhifa.laws.citations import Citation, parse, title_variants
from zhifa.laws.errors import ArticleNotFound, LawNotFound, LawsError, VersionNotInForce
from zhifa.laws.models import Article, Law, LawVersion, ViolationType
from zhifa.ledger.canonical import sm3_hex
from zhifa.ledger.services import record

__all__ = [
    "add_article",
    "add_version",
    "find_law",
    "lookup_article",
    "parse_citation",
    "register_law",
    "register_violation_type",
    "repeal_version",
    "version_on",
]


def _require_law_admin(user: Any | None, law: Law) -> None:
    """Finding 5: national laws by the system administrator only; a local law also by a bureau administrator
    of its issuing region (``laws.rules``). ``user=None`` is a trusted system caller (demo loader, migration)."""
    if law.is_national:
        message = f"《{law.citation_title}》是全国性法律法规，只有系统管理员可以维护"
    else:
        message = f"只有系统管理员或制定机关所在行政区划（{law.issuing_region_code}）的司法局管理员可以维护《{law.citation_title}》"
    require(user, "laws.change_law", law, message=message)


def parse_citation(text: str) -> Citation:
    """Parse ``《行政处罚法》第五十一条第二款第（三）项`` and its accepted variants (see ``laws.citations``)."""
    return parse(text)


def find_law(*, title: str) -> Law:
    """The law cited as ``title`` (full title with or without 中华人民共和国, or short title)."""
    variants = title_variants(title)
    law = Law.objects.filter(Q(title__in=variants) | Q(short_title__in=variants)).order_by("id").first()
    if law is None:
        raise LawNotFound(f"未找到法律法规《{title.strip()}》", field="citation")
    return law


def version_on(*, law: Law, on: date) -> LawVersion:
    """The version of ``law`` in force on ``on``; a Chinese error if none is (尚未施行 / 已废止)."""
    versions = list(law.versions.order_by("effective_on", "id"))
    if not versions:
        raise VersionNotInForce(f"《{law.citation_title}》尚未录入任何版本", field="on")
    candidates = [v for v in versions if v.effective_on <= on]
    if not candidates:
        first = versions[0]
        raise VersionNotInForce(
            f"《{law.citation_title}》在{format_day(on)}尚未施行（{format_day(first.effective_on)}起施行）",
            field="on",
        )
    version = candidates[-1]
    following = versions[versions.index(version) + 1] if version is not versions[-1] else None
    state = version.state_on(on, next_version=following)
    if state == LawVersionState.REPEALED:
        assert version.repealed_on is not None
        raise VersionNotInForce(
            f"《{law.citation_title}》已于{format_day(version.repealed_on)}废止，{format_day(on)}不再施行", field="on"
        )
    return version


def lookup_article(citation: str, *, on: date | None = None) -> Article:
    """The article cited, in the version of its law in force on ``on`` (default today, Asia/Shanghai).

    Raises ``CitationInvalid``, ``LawNotFound`` (未找到法律法规《…》), ``VersionNotInForce`` or
    ``ArticleNotFound`` (《行政处罚法》没有第二百条), all with Chinese messages.
    """
    parsed = parse_citation(citation)
    day = on or today()
    law = find_law(title=parsed.title)
    version = version_on(law=law, on=day)
    article = (
        Article.objects.select_related("version__law")
        .filter(
            version=version,
            number=parsed.number,
            paragraph=parsed.paragraph,
            subparagraph=parsed.subparagraph,
            point=parsed.point,
        )
        .first()
    )
    if article is None:
        raise ArticleNotFound(f"《{law.citation_title}》没有{parsed.position}", field="citation")
    return article


@transaction.atomic
def register_law(
    *,
    user: Any | None,
    title: str,
    level: str,
    issuing_body: str,
    short_title: str = "",
    issuing_region_code: str = "",
) -> Law:
    """Create a law (法律法规规章). The citation title must not clash with another law's.

    ``issuing_region_code`` (GB/T 2260) for a local instrument; blank for a national one (finding 5: national
    laws are registered by the system administrator only)."""
    law = Law(
        title=title.strip(),
        short_title=short_title.strip(),
        level=level,
        issuing_body=issuing_body.strip(),
        issuing_region_code=issuing_region_code.strip(),
    )
    _require_law_admin(user, law)
    if level not in LawLevel.values:
        raise LawsError(f"效力层级“{level}”无效", field="level")
    law.full_clean()
    law.save()
    record(
        event_type="law.registered",
        actor=user,
        subject=law,
        payload={"title": law.title, "level": law.level, "issuing_region_code": law.issuing_region_code},
    )
    return law


@transaction.atomic
def add_version(
    *,
    user: Any | None,
    law: Law,
    label: str,
    effective_on: date,
    promulgated_on: date | None = None,
    repealed_on: date | None = None,
) -> LawVersion:
    """Add one text (修正/修订) of ``law`` in force from ``effective_on``."""
    _require_law_admin(user, law)
    version = LawVersion(
        law=law, label=label.strip(), effective_on=effective_on, promulgated_on=promulgated_on, repealed_on=repealed_on
    )
    version.full_clean()
    version.save()
    record(
        event_type="law_version.added",
        actor=user,
        subject=version,
        payload={"law": law.title, "label": version.label, "effective_on": effective_on, "repealed_on": repealed_on},
    )
    return version


@transaction.atomic
def add_article(
    *,
    user: Any | None,
    version: LawVersion,
    number: int,
    text: str,
    paragraph: int | None = None,
    subparagraph: int | None = None,
    point: int | None = None,
) -> Article:
    """Add the text of one position (条/款/项/目) to ``version``; the position must be new in that version."""
    _require_law_admin(user, version.law)
    article = Article(
        version=version,
        number=number,
        paragraph=paragraph,
        subparagraph=subparagraph,
        point=point,
        text=text.strip(),
    )
    article.full_clean()
    article.save()
    # The text is hashed into the record, so any later silent edit of an article is detectable.
    record(
        event_type="article.added",
        actor=user,
        subject=article,
        payload={"citation": article.citation, "text_sm3": sm3_hex(article.text.encode("utf-8"))},
    )
    return article


@transaction.atomic
def register_violation_type(
    *,
    user: Any | None,
    code: str,
    name: str,
    violation_basis: Article,
    penalty_basis: Article,
    sector_code: str = "",
) -> ViolationType:
    """Catalogue a 违法行为 with its 定性依据 and 处罚依据 (the user must be able to maintain both laws)."""
    violation_type = ViolationType(
        code=code.strip(),
        name=name.strip(),
        sector_code=sector_code.strip(),
        violation_basis=violation_basis,
        penalty_basis=penalty_basis,
    )
    require(
        user,
        "laws.add_violationtype",
        violation_type,
        message="登记违法行为须有权维护其定性依据和处罚依据所属的法律法规（全国性法律法规由系统管理员维护）",
    )
    violation_type.full_clean()
    violation_type.save()
    record(event_type="violation_type.registered", actor=user, subject=violation_type, payload={"code": code.strip()})
    return violation_type


@transaction.atomic
def repeal_version(*, user: Any | None, version: LawVersion, repealed_on: date) -> LawVersion:
    """Record that ``version`` ceases to apply from ``repealed_on`` (废止). Dates of a saved version change only
    here (the admin shows them read-only, finding 11); a repeal date once recorded is not moved."""
    version = LawVersion.objects.select_for_update().select_related("law").get(pk=version.pk)
    _require_law_admin(user, version.law)
    if version.repealed_on is not None:
        raise LawsError(f"该版本已记录于{format_day(version.repealed_on)}废止，不能更改", field="repealed_on")
    version.repealed_on = repealed_on
    version.full_clean()
    version.save(update_fields=["repealed_on", "updated_at"])
    record(
        event_type="law_version.repealed",
        actor=user,
        subject=version,
        payload={"law": version.law.title, "label": version.label, "repealed_on": repealed_on},
    )
    return version
