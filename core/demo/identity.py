"""Who a demo person is: name, origin, gender, age, education level, languages, flags."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date

from core.codes import AgeBand, Gender, Isced
from core.demo.names import (
    COUNTRIES,
    FINNISH_EXTRA_LANGUAGES,
    FINNISH_MEN,
    FINNISH_SURNAMES,
    FINNISH_WOMEN,
    NEUTRAL_NAMES,
    Country,
)
from core.demo.plan import pick
from core.demo.students import StudyPath

FINLAND = "Finland"
# Shares (women, non-binary) per target group; ICT is still mostly men.
GENDER_SHARES = {
    "international_students": (0.31, 0.015),
    "finnish_students": (0.22, 0.02),
    "alumni": (0.30, 0.01),
    "company_partners": (0.25, 0.005),
    "recruiting_experts": (0.55, 0.01),
    "supervisors": (0.42, 0.01),
}
# Share of people born in Finland, per group.
FINNISH_SHARE = {
    "alumni": 0.25,
    "company_partners": 0.85,
    "recruiting_experts": 0.9,
    "supervisors": 0.65,
}
# Ages (low, high, mode) of people who are not students.
WORKING_AGES = {
    "company_partners": (24, 62, 40),
    "recruiting_experts": (23, 60, 36),
    "supervisors": (26, 64, 42),
}
RURAL_MUNICIPALITIES = ("Tyrnävä", "Hailuoto", "Pudasjärvi", "Haapavesi", "Muhos", "Ii", "Nivala")


@dataclass(frozen=True)
class Identity:
    first_name: str
    last_name: str
    country: str
    gender: str
    age: int  # at entry
    birth_year: int
    isced: str
    languages: tuple[str, ...]

    @property
    def age_band(self) -> str:
        if self.age <= 29:
            return AgeBand.AGE_18_29.value
        if self.age <= 54:
            return AgeBand.AGE_30_54.value
        return AgeBand.AGE_55_PLUS.value

    @property
    def finnish(self) -> bool:
        return self.country == FINLAND

    def email(self, suffix: int = 0) -> str:
        local = f"{self.first_name}.{self.last_name}".lower().replace("ı", "i")
        local = local.replace(" ", "").replace("'", "")
        ascii_local = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()
        return f"{ascii_local}{suffix or ''}@example.org"

    def flags(
        self, rng: random.Random, group: str, municipality: str | None
    ) -> dict[str, bool | None]:
        """Sensitive indicators: optional, so most are left unanswered."""
        country = _country(self.country)
        third_country = None if country is None else not country.eu
        answered_tcn = 0.92 if group == "international_students" else 0.35
        rural: bool | None = None
        if rng.random() < 0.35:
            if municipality is not None:
                rural = municipality in RURAL_MUNICIPALITIES
            else:
                rural = self.finnish and rng.random() < 0.22
        return {
            "third_country_national": (
                bool(third_country) if rng.random() < answered_tcn else None
            ),
            "foreign_background": (
                (not self.finnish or rng.random() < 0.05) if rng.random() < 0.55 else None
            ),
            "disability": (rng.random() < 0.03) if rng.random() < 0.25 else None,
            "minority": (rng.random() < 0.05) if rng.random() < 0.15 else None,
            "homeless": False if rng.random() < 0.2 else None,
            "rural": rural,
        }


def _country(name: str) -> Country | None:
    return next((c for c in COUNTRIES if c.name == name), None)


def make_identity(
    rng: random.Random, group: str, status: str, start: date, path: StudyPath | None
) -> Identity:
    """A plausible, fake identity consistent with the person's group and study path."""
    women, non_binary = GENDER_SHARES.get(group, (0.3, 0.01))
    draw = rng.random()
    gender = (
        Gender.WOMAN
        if draw < women
        else Gender.NON_BINARY
        if draw < women + non_binary
        else Gender.MAN
    )
    if group == "finnish_students" or rng.random() < FINNISH_SHARE.get(group, 0.0):
        country = FINLAND
    else:
        country = pick(rng, [(c.name, c.weight) for c in COUNTRIES])
    first, last = _name(rng, country, gender)
    age = _age(rng, group, start, path)
    if age in (30, 55):
        age += 1  # the birthday may still be ahead: keep both possible ages in one band
    return Identity(
        first_name=first,
        last_name=last,
        country=country,
        gender=gender.value,
        age=age,
        birth_year=start.year - age,
        isced=_isced(rng, group, path, age),
        languages=_languages(rng, country, path),
    )


def _name(rng: random.Random, country: str, gender: Gender) -> tuple[str, str]:
    source = _country(country)
    women = source.women if source else FINNISH_WOMEN
    men = source.men if source else FINNISH_MEN
    surnames = source.surnames if source else FINNISH_SURNAMES
    if gender == Gender.NON_BINARY:
        first = rng.choice(NEUTRAL_NAMES) if rng.random() < 0.5 else rng.choice(women + men)
    else:
        first = rng.choice(women if gender == Gender.WOMAN else men)
    return first, rng.choice(surnames)


def _age(rng: random.Random, group: str, start: date, path: StudyPath | None) -> int:
    if group in WORKING_AGES:
        low, high, mode = WORKING_AGES[group]
        return round(rng.triangular(low, high, mode))
    assert path is not None
    years_in = max(0, start.year - path.study_start.year)
    if group == "alumni":
        return round(rng.triangular(24, 31, 26)) + max(0, start.year - path.graduates.year)
    if path.level == "bachelor":
        base = rng.randint(28, 40) if rng.random() < 0.03 else round(rng.triangular(19, 23, 20))
    elif rng.random() < 0.1:
        base = rng.randint(29, 38)  # a career changer or someone with a long work history
    else:
        base = round(rng.triangular(22, 26, 23)) + path.work_years
    return max(19, base + years_in)


def _isced(rng: random.Random, group: str, path: StudyPath | None, age: int) -> str:
    high = Isced.ISCED_5_8.value
    if group in ("company_partners", "recruiting_experts"):
        return high if rng.random() < 0.85 else Isced.ISCED_3_4.value
    if path is not None and path.level == "bachelor":
        has_degree = age >= 26 and rng.random() < 0.4
        return high if has_degree else Isced.ISCED_3_4.value
    return high


def _languages(rng: random.Random, country: str, path: StudyPath | None) -> tuple[str, ...]:
    if country == FINLAND:
        extra = [code for code, share in FINNISH_EXTRA_LANGUAGES if rng.random() < share]
        return ("fi", "en", *extra[:2])
    source = _country(country)
    native = source.languages if source else ()
    result = ["en", *native]
    if rng.random() < 0.08:
        result.append(rng.choice(("de", "fr", "es")))
    if path is not None and path.learning_finnish and rng.random() < 0.6:
        result.append("fi")
    return tuple(dict.fromkeys(result))
