"""R-REC-006: laws and articles entered are recorded; the article text's SM3 digest is in the record."""

from datetime import date

import pytest

from zhifa.laws import services
from zhifa.laws.choices import LawLevel
from zhifa.ledger.canonical import sm3_hex
from zhifa.ledger.services import trail

pytestmark = pytest.mark.django_db


def test_r_rec_006_law_version_and_article_are_recorded(system_admin):
    law = services.register_law(
        user=system_admin,
        title="中华人民共和国行政处罚法",
        short_title="行政处罚法",
        level=LawLevel.LAW,
        issuing_body="全国人民代表大会常务委员会",
    )
    version = services.add_version(user=system_admin, law=law, label="2021年修订", effective_on=date(2021, 7, 15))
    text = "违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。"
    article = services.add_article(user=system_admin, version=version, number=51, text=text)
    assert [e.event_type for e in trail(law)] == ["law.registered"]
    assert [e.data for e in trail(version)] == [
        {"law": "中华人民共和国行政处罚法", "label": "2021年修订", "effective_on": "2021-07-15", "repealed_on": None}
    ]
    assert [e.data for e in trail(article)] == [
        {"citation": "《行政处罚法》第五十一条", "text_sm3": sm3_hex(text.encode("utf-8"))}
    ]
