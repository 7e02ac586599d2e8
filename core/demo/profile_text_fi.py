"""Finnish competence-profile texts, written the way Finnish degree students write them."""

from __future__ import annotations

import random

from core.demo.profile_text import Author, fit, target_length, upper_first

# Programme in the genitive ("…n opiskelija") and partitive ("opiskelen …a").
FIELDS_FI = {
    "CSE-MSC": ("tietotekniikan", "tietotekniikkaa"),
    "SE-MSC": ("ohjelmistotekniikan", "ohjelmistotekniikkaa"),
    "IPS-MSC": ("tietojenkäsittelytieteen", "tietojenkäsittelytiedettä"),
    "ECE-MSC": (
        "elektroniikan ja tietoliikennetekniikan",
        "elektroniikkaa ja tietoliikennetekniikkaa",
    ),
    "WCE-MSC": ("langattoman tietoliikenteen", "langatonta tietoliikennettä"),
    "CE-MSC": ("tietokonetekniikan", "tietokonetekniikkaa"),
    "TITE-BSC": ("tietotekniikan", "tietotekniikkaa"),
    "TOL-BSC": ("tietojenkäsittelytieteen", "tietojenkäsittelytiedettä"),
    "SATE-BSC": ("sähkö- ja tietoliikennetekniikan", "sähkö- ja tietoliikennetekniikkaa"),
}
# Hometowns with the elative ("kotoisin Kajaanista").
HOMETOWNS_FI = (
    ("Oulu", "Oulusta"),
    ("Kajaani", "Kajaanista"),
    ("Rovaniemi", "Rovaniemeltä"),
    ("Kemi", "Kemistä"),
    ("Raahe", "Raahesta"),
    ("Kokkola", "Kokkolasta"),
    ("Kempele", "Kempeleestä"),
    ("Ylivieska", "Ylivieskasta"),
    ("Kuusamo", "Kuusamosta"),
    ("Tampere", "Tampereelta"),
    ("Seinäjoki", "Seinäjoelta"),
    ("Kuopio", "Kuopiosta"),
)
ORDINALS_FI = ("ensimmäistä", "toista", "kolmatta", "neljättä", "viidettä")
MONTHS_FROM = ("tammikuusta", "helmikuusta", "maaliskuusta", "huhtikuusta", "toukokuusta",
               "kesäkuusta", "heinäkuusta", "elokuusta", "syyskuusta", "lokakuusta",
               "marraskuusta", "joulukuusta")  # fmt: skip
CONTEXTS_FI = (
    "Kandidaatintyössäni",
    "Kurssiprojektissa",
    "Viime kesänä harjoittelussa",
    "Kesätöissä",
    "Vapaa-ajallani",
    "Hackathonissa",
    "Opiskelijaprojektissa",
    "Kahden kurssikaverin kanssa",
    "",
)
# A clause that names its own setting gets no second one in front.
CONTEXT_WORDS_FI = (
    "kurssi",
    "jami",
    "kesä",
    "projekti",
    "tiimi",
    "harjoittelu",
    "asiakas",
    "talvi",
)
SOFT_FI = (
    "Tykkään työskennellä pienessä tiimissä, jossa näkee koko tuotteen.",
    "Scrum, koodikatselmoinnit ja Git ovat minulle arkea.",
    "Englanti sujuu hyvin, ja olen tehnyt kurssiprojekteja kansainvälisissä ryhmissä.",
    "Olen toiminut kurssiassistenttina ohjelmointikurssilla, "
    "joten muiden koodin debuggaus on tuttua.",
    "Opin uusia työkaluja nopeasti, "
    "yleensä lukemalla dokumentaation ja tekemällä ensin jotain pientä.",
    "Minulla on ajokortti ja auto, joten työmatkat Oulun ulkopuolelle onnistuvat.",
    "Olen mukana ainejärjestön toiminnassa "
    "ja järjestän tapahtumia myös kansainvälisille opiskelijoille.",
    "Arvostan selkeää ja testattavaa koodia enemmän kuin nokkelia kikkoja.",
    "Kysyn mieluummin ajoissa kuin jumitan päiväkausia yksin.",
)


def _opener(rng: random.Random, a: Author, *, first: bool = True) -> str:
    """Who is writing; "Moi!" only when the text starts with it."""
    options = [o for o in _openers(a) if first or not o.startswith("Moi!")]
    return rng.choice(options)


def _openers(a: Author) -> tuple[str, ...]:
    genitive, partitive = FIELDS_FI.get(a.programme, ("ICT-alan", "ICT-alaa"))
    year = a.study_year
    town = next((elative for city, elative in HOMETOWNS_FI if city == a.city), "Oulusta")
    return (
        f"Olen {year}. vuoden {genitive} opiskelija Oulun yliopistosta.",
        f"Opiskelen {partitive} Oulun yliopistossa, nyt {ORDINALS_FI[min(year, 5) - 1]} vuotta.",
        f"{year}. vuoden {genitive} opiskelija, kotoisin {town}.",
        f"Olen kotoisin {town} ja opiskelen {partitive} Oulussa.",
        f"Moi! Opiskelen {partitive} Oulun yliopistossa.",
        f"{upper_first(genitive)} opiskelija, {year}. vuosi menossa.",
    )  # fmt: skip


def _skills(rng: random.Random, a: Author, *, terse: bool = False) -> str:
    chosen = rng.sample(a.main.phrases_fi, k=rng.randint(3, 5))
    listed = f"{', '.join(chosen[:-1])} ja {chosen[-1]}"
    if terse:
        return f"Keskeisiä taitojani: {', '.join(chosen)}."
    return rng.choice((
        f"Vahvimmat osa-alueeni ovat {listed}.",
        f"Pääosaamisalueeni: {a.main.label_fi}, erityisesti {listed}.",
        f"Eniten kokemusta minulla on näistä: {listed}.",
        f"Tuttuja työkaluja ja tekniikoita ovat {listed}.",
        f"Osaamiseni painottuu seuraaviin: {listed}.",
    ))  # fmt: skip


def _project(rng: random.Random, a: Author, used: set[str], *, side: bool = False) -> str:
    area = rng.choice(a.sides) if side and a.sides else a.main
    options = [p for p in area.projects_fi if p not in used] or list(area.projects_fi)
    body = rng.choice(options)
    used.add(body)
    context = rng.choice(CONTEXTS_FI)
    if not context or any(word in body for word in CONTEXT_WORDS_FI):
        return f"{body[0].upper()}{body[1:]}."
    return f"{context} {body}."


def _sides(rng: random.Random, a: Author) -> str:
    if not a.sides:
        return ""
    phrases = list(dict.fromkeys(rng.choice(side.phrases_fi) for side in a.sides))
    if len(phrases) == 1:
        return rng.choice((
            f"Lisäksi osaan perusteet: {phrases[0]}.",
            f"Muuta osaamista: {phrases[0]}.",
            f"Sivuosaamisena {phrases[0]}.",
        ))  # fmt: skip
    listed = f"{', '.join(phrases[:-1])} ja {phrases[-1]}"
    return rng.choice((
        f"Lisäksi osaan perusteet näistä: {listed}.",
        f"Muuta osaamista: {', '.join(phrases)}.",
        f"Sivussa olen opetellut myös näitä: {listed}.",
    ))  # fmt: skip


def _closing(rng: random.Random, a: Author) -> str:
    year = a.available_from.year
    since = f"{MONTHS_FROM[a.available_from.month - 1]} {year}"
    thesis = "kandidaatintyölle" if a.level == "bachelor" else "diplomityölle"
    options = []
    if a.internship:
        options += [
            f"Etsin kesätyö- tai harjoittelupaikkaa kesälle {year}.",
            "Haen ensimmäistä alan harjoittelupaikkaa, ja testaustehtävätkin kelpaavat alkuun.",
        ]
    if a.thesis:
        options.append(f"Etsin aihetta {thesis}, mieluiten oululaisesta yrityksestä.")
    if a.job:
        options += [
            "Olen kiinnostunut osa-aikatyöstä opintojen ohessa.",
            f"Olen käytettävissä kokoaikaiseen työhön {since} alkaen.",
        ]
    return rng.choice(options) if options else ""


def write_finnish(rng: random.Random, a: Author) -> tuple[str, str]:
    """(skills, interests) in Finnish."""
    used: set[str] = set()
    if rng.random() < 0.2:
        parts = [(_skills(rng, a, terse=True), 0), (_project(rng, a, used), 1),
                 (_sides(rng, a), 2), (_closing(rng, a), 3)]  # fmt: skip
    elif rng.random() < 0.4:
        later = _opener(rng, a, first=False)
        parts = [(_project(rng, a, used), 0), (_skills(rng, a), 0), (later, 3),
                 (_sides(rng, a), 2), (rng.choice(SOFT_FI), 5), (_closing(rng, a), 4)]  # fmt: skip
    else:
        parts = [(_opener(rng, a), 1), (_skills(rng, a), 0), (_project(rng, a, used), 2),
                 (_sides(rng, a), 3), (rng.choice(SOFT_FI), 5), (_closing(rng, a), 4)]  # fmt: skip
    extra = lambda: _project(rng, a, used, side=rng.random() < 0.5)  # noqa: E731
    skills = fit(rng, parts, extra, target_length(rng))
    return skills, _interests(rng, a)


def _interests(rng: random.Random, a: Author) -> str:
    first = rng.choice(a.main.interests_fi)
    pool = [i for side in a.sides for i in side.interests_fi] or list(a.main.interests_fi)
    second = rng.choice([i for i in pool if i != first] or pool)
    return rng.choice((
        f"Minua kiinnostaa erityisesti {first}.",
        f"Kiinnostuksen kohteita: {first} ja {second}.",
        f"{upper_first(first)} ja {second}. Haluaisin jäädä töihin Pohjois-Pohjanmaalle.",
        f"Erityisesti {first}, mutta myös {second}.",
        f"Kiinnostaa {first}. Pienet yritykset ja nopea tekeminen sopivat minulle.",
    ))  # fmt: skip
