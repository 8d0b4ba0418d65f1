"""Hypothesis strategies of personal data (R-PRV-001..004): names from characters that no template or fixed text of
the project uses, valid resident ID numbers (some ending in X), mobile and fixed phones, bank card numbers, home
addresses — and the ways people write them inside a text (spaces, hyphens, +86)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from zhifa.core.validators import id_number_check_digit

SURNAMES = ["郦", "瞿", "濮", "訾", "欧阳", "司马", "诸葛", "皇甫"]
GIVEN = "琰骁彧翊昶熠瑾璇苡珩琮璟"
ADDRESS_WORDS = "槿檀桦榆棠蘅芷"


@dataclass(frozen=True)
class PersonalData:
    name: str
    id_number: str
    mobile: str
    landline: str
    bank_account: str
    address: str

    @property
    def masked_name(self) -> str:
        surname = self.name[:2] if self.name[:2] in SURNAMES else self.name[0]
        return surname + "某"

    def secrets(self) -> list[str]:
        """What must never reach the portal (the landline's local part included)."""
        return [
            self.name,
            self.id_number,
            self.mobile,
            self.landline,
            self.landline.split("-")[1],
            self.bank_account,
            self.address,
        ]


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    area = draw(st.sampled_from(["430181", "430199", "110105", "810000"]))
    year = draw(st.integers(1950, 2012))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    sequence = draw(st.integers(0, 999))
    first17 = f"{area}{year}{month:02d}{day:02d}{sequence:03d}"
    return first17 + id_number_check_digit(first17)


names = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(SURNAMES),
    st.text(alphabet=GIVEN, min_size=1, max_size=2),
)
mobiles = st.builds(lambda second, rest: f"1{second}{rest:09d}", st.sampled_from("3456789"), st.integers(0, 10**9 - 1))
landlines = st.builds(
    lambda area, local: f"{area}-{local}",
    st.sampled_from(["0731", "010", "0755", "0791"]),
    st.integers(2000000, 89999999).map(str),
)
bank_accounts = st.builds(
    lambda prefix, body, length: (prefix + f"{body:013d}")[:length],
    st.sampled_from(["622202", "621700", "436742"]),
    st.integers(0, 10**13 - 1),
    st.integers(16, 19),
)
addresses = st.builds(
    lambda words, number: f"湖南省示范县{words}路{number}号",
    st.text(alphabet=ADDRESS_WORDS, min_size=2, max_size=4),
    st.integers(1, 999),
)
personal_data = st.builds(
    PersonalData,
    name=names,
    id_number=id_numbers(),
    mobile=mobiles,
    landline=landlines,
    bank_account=bank_accounts,
    address=addresses,
)


def spaced_mobile(mobile: str) -> str:
    return f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"


def inline_text(data: PersonalData) -> str:
    """A sentence holding every piece of personal data, some written the way people write them."""
    return (
        f"经查，当事人{data.name}（公民身份号码{data.id_number}，联系电话{data.mobile}，"
        f"手机+86 {spaced_mobile(data.mobile)}，座机{data.landline}，住{data.address}），"
        f"通过银行账户{data.bank_account}收取货款，{data.name}对上述事实无异议。"
    )
