"""Place names in free text: which are the author's own origin (removed) and which are only
worth a second look (flagged).

A home town or a country of origin identifies a student in a small cohort ("the one from
Ghana"). The participant record holds neither, so a place counts as the author's own when the
caller names it (`Identity.places`) or when the text says so ("originally from Pune", "I'm from
Ghana", "kotoisin Kajaanista"); every mention of such a place is removed, inflected forms too.
Other known place names (countries in English and Finnish, Finnish towns, large cities abroad)
are kept but flagged, so the author sees them in the preview before saving.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from core.privacy.findings import (
    Finding,
    Kind,
    finding,
    fold,
    inflection_stems,
    is_inflected,
    word_set,
)

COUNTRIES_EN = (
    "Afghanistan,Albania,Algeria,Angola,Argentina,Armenia,Australia,Austria,Azerbaijan,"
    "Bahrain,Bangladesh,Belarus,Belgium,Benin,Bhutan,Bolivia,Bosnia,Botswana,Brazil,Bulgaria,"
    "Burkina Faso,Burundi,Cambodia,Cameroon,Canada,Chad,Chile,China,Colombia,Congo,Costa Rica,"
    "Croatia,Cuba,Cyprus,Czechia,Czech Republic,Denmark,Ecuador,Egypt,El Salvador,Eritrea,"
    "Estonia,Eswatini,Ethiopia,Fiji,Finland,France,Gabon,Gambia,Georgia,Germany,Ghana,Greece,"
    "Guatemala,Guinea,Haiti,Honduras,Hong Kong,Hungary,Iceland,India,Indonesia,Iran,Iraq,"
    "Ireland,Israel,Italy,Ivory Coast,Jamaica,Japan,Jordan,Kazakhstan,Kenya,Korea,Kosovo,"
    "Kuwait,Kyrgyzstan,Laos,Latvia,Lebanon,Liberia,Libya,Lithuania,Luxembourg,Madagascar,"
    "Malawi,Malaysia,Mali,Malta,Mauritius,Mexico,Moldova,Mongolia,Montenegro,Morocco,"
    "Mozambique,Myanmar,Namibia,Nepal,Netherlands,New Zealand,Nicaragua,Niger,Nigeria,"
    "North Macedonia,Norway,Oman,Pakistan,Palestine,Panama,Paraguay,Peru,Philippines,Poland,"
    "Portugal,Qatar,Romania,Russia,Rwanda,Saudi Arabia,Senegal,Serbia,Sierra Leone,Singapore,"
    "Slovakia,Slovenia,Somalia,South Africa,South Korea,South Sudan,Spain,Sri Lanka,Sudan,"
    "Sweden,Switzerland,Syria,Taiwan,Tajikistan,Tanzania,Thailand,Togo,Tunisia,Turkey,Türkiye,"
    "Turkmenistan,Uganda,Ukraine,United Arab Emirates,United Kingdom,United States,Uruguay,"
    "Uzbekistan,Venezuela,Vietnam,Yemen,Zambia,Zimbabwe,England,Scotland,Wales,USA,UAE"
)
COUNTRIES_FI = (
    "Afganistan,Albania,Algeria,Argentiina,Armenia,Australia,Itävalta,Azerbaidžan,Bangladesh,"
    "Valko-Venäjä,Belgia,Bolivia,Brasilia,Bulgaria,Kambodža,Kamerun,Kanada,Chile,Kiina,"
    "Kolumbia,Kongo,Kroatia,Kuuba,Kypros,Tšekki,Tanska,Ecuador,Egypti,Viro,Etiopia,Suomi,"
    "Ranska,Georgia,Saksa,Ghana,Kreikka,Unkari,Islanti,Intia,Indonesia,Iran,Irak,Irlanti,"
    "Israel,Italia,Japani,Jordania,Kazakstan,Kenia,Korea,Kosovo,Latvia,Libanon,Liettua,"
    "Luxemburg,Malesia,Meksiko,Moldova,Mongolia,Marokko,Nepal,Alankomaat,Hollanti,"
    "Uusi-Seelanti,Nigeria,Norja,Pakistan,Peru,Filippiinit,Puola,Portugali,Romania,Venäjä,"
    "Ruanda,Saudi-Arabia,Serbia,Singapore,Slovakia,Slovenia,Somalia,Etelä-Afrikka,"
    "Etelä-Korea,Espanja,Sri Lanka,Sudan,Ruotsi,Sveitsi,Syyria,Taiwan,Tansania,Thaimaa,"
    "Tunisia,Turkki,Uganda,Ukraina,Arabiemiirikunnat,Iso-Britannia,Yhdysvallat,"
    "Uzbekistan,Venezuela,Vietnam,Jemen,Sambia,Zimbabwe"
)
FINNISH_TOWNS = (
    "Helsinki,Espoo,Tampere,Vantaa,Oulu,Turku,Jyväskylä,Kuopio,Lahti,Pori,Kouvola,Joensuu,"
    "Lappeenranta,Hämeenlinna,Vaasa,Seinäjoki,Rovaniemi,Mikkeli,Kotka,Salo,Porvoo,Kokkola,"
    "Hyvinkää,Lohja,Järvenpää,Rauma,Kajaani,Kerava,Savonlinna,Nokia,Kangasala,Riihimäki,"
    "Imatra,Kemi,Tornio,Raahe,Ylivieska,Kuusamo,Kempele,Liminka,Kiiminki,Haukipudas,Muhos,"
    "Tyrnävä,Hailuoto,Pudasjärvi,Haapavesi,Nivala,Ii,Kalajoki,Oulainen,Pyhäjärvi,Sotkamo,"
    "Suomussalmi,Kemijärvi,Sodankylä,Inari,Utsjoki,Mariehamn,Maarianhamina,Linnanmaa"
)
WORLD_CITIES = (
    "Bengaluru,Bangalore,Pune,Hyderabad,Chennai,Kochi,Delhi,New Delhi,Mumbai,Kolkata,Lahore,"
    "Karachi,Islamabad,Dhaka,Kathmandu,Colombo,Beijing,Shanghai,Shenzhen,Guangzhou,Wuhan,"
    "Chengdu,Hangzhou,Tokyo,Osaka,Seoul,Busan,Hanoi,Ho Chi Minh City,Manila,Jakarta,Bangkok,"
    "Kuala Lumpur,Tehran,Isfahan,Shiraz,Baghdad,Istanbul,Ankara,Izmir,Cairo,Alexandria,Lagos,"
    "Abuja,Accra,Kumasi,Nairobi,Addis Ababa,Kampala,Dar es Salaam,Johannesburg,Cape Town,"
    "Moscow,Saint Petersburg,Kyiv,Kharkiv,Lviv,Minsk,Tallinn,Tartu,Riga,Vilnius,Warsaw,Krakow,"
    "Berlin,Munich,Hamburg,Paris,Lyon,Madrid,Barcelona,Lisbon,Porto,Rome,Milan,Athens,Vienna,"
    "Prague,Budapest,Bucharest,Sofia,Belgrade,Zagreb,Amsterdam,Brussels,Stockholm,Gothenburg,"
    "Copenhagen,Oslo,London,Manchester,Dublin,New York,San Francisco,Toronto,Vancouver,"
    "Mexico City,Bogota,Lima,Santiago,Buenos Aires,Sao Paulo,Rio de Janeiro,Dubai"
)
# Places every student of the project shares (the university's town, campus and country):
# naming them identifies nobody, so they are not flagged (a stated origin is still removed).
SHARED_PLACES = ("Oulu", "Linnanmaa", "Finland", "Suomi")
GAZETTEER = tuple(
    dict.fromkeys(
        name
        for group in (COUNTRIES_EN, COUNTRIES_FI, FINNISH_TOWNS, WORLD_CITIES)
        for name in group.split(",")
        if name not in SHARED_PLACES
    )
)
_PLACE = r"[A-ZÅÄÖÜ][\w'’-]+(?:\s+(?:(?:de|da|do|del|la|el|es)\s+)?[A-ZÅÄÖÜ][\w'’-]+){0,2}"
# The text names a place as its author's own origin.
_ORIGIN = re.compile(
    r"\b(?i:originally\s+from|(?:i\s+am|i'm|i\s+come|coming|came|come|hailing|hail|moved"
    r"(?:\s+here|\s+to\s+\w+)?|relocated|student|graduate|engineer|developer)\s+from|born"
    r"(?:\s+and\s+raised)?\s+in|grew\s+up\s+in|raised\s+in|home\s*town(?:\s+is|\s+of|:)?|"
    r"home\s+country(?:\s+is|:)?|native\s+of|citizen\s+of|nationality:?|country\s+of\s+origin:?|"
    r"kotoisin|kotikaupunki(?:ni)?|kotipaikka(?:ni)?|kotimaa(?:ni)?|synnyin|syntynyt|kasvoin|"
    r"muutin(?:\s+\w+)?)\s+(?:the\s+)?"
    rf"(?P<place>{_PLACE})(?:\s*,\s*(?P<country>{_PLACE}))?"
)
# "Kajaanista kotoisin": the place before the word, in a "from" case.
# A word each origin phrase contains: without one, the phrases are not looked for.
ORIGIN_CUES = (
    "from", "born", "grew", "raised", "home", "native", "citizen", "nationality", "origin",
    "kotoisin", "koti", "synny", "syntyn", "kasvoin", "muutin",
)  # fmt: skip
_ORIGIN_BEFORE = re.compile(
    r"(?P<place>[A-ZÅÄÖÜ][\w'’-]*(?:sta|stä|lta|ltä))\s+(?i:kotoisin|syntyisin)\b"
)
# Capitalised words after an origin phrase that are not places ("from March", "from Monday").
NOT_PLACES = word_set(
    "january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday i the university"
)
FINNISH_CASE_ENDINGS = ("sta", "stä", "lta", "ltä", "ssa", "ssä", "lla", "llä", "n")
# Parts of many place names that are ordinary words on their own ("New Delhi" → not "New").
COMMON_PARTS = word_set("new san saint city north south east west upper lower great")


_LETTERS = re.compile(r"[^\W\d_]+")
_PHRASE_END = re.compile(r"\w{0,5}(?!\w)")  # "Sri Lankasta", not "New Yorker"s


class _Matcher:
    """Finds given place names in a text: exact (any case, accents optional) or inflected."""

    def __init__(self, places: Iterable[str]) -> None:
        words = {fold(p.strip()) for p in places if len(p.strip()) >= 2}
        self._phrases = sorted((w for w in words if " " in w or "-" in w), key=len, reverse=True)
        single = {w for w in words if " " not in w and "-" not in w}
        self._exact = single
        # Stems by their first three letters: one look-up per word, not one per stem.
        self._stems: dict[str, set[str]] = {}
        for stem in (s for w in single if len(w) >= 4 for s in inflection_stems(w)):
            self._stems.setdefault(stem[:3], set()).add(stem)

    def spans(self, text: str, folded: str) -> Iterator[tuple[int, int]]:
        for phrase in self._phrases:  # plain string search: fast, and phrases are rare
            at = folded.find(phrase)
            while at >= 0:
                end = _PHRASE_END.match(folded, at + len(phrase))
                if end and not (at and folded[at - 1].isalnum()) and text[at].isupper():
                    yield at, end.end()
                at = folded.find(phrase, at + 1)
        for match in _LETTERS.finditer(text):
            word, capital = folded[match.start() : match.end()], match.group(0)[0].isupper()
            exact = word in self._exact and (len(word) > 2 or capital)
            stems = self._stems.get(word[:3], ()) if capital and not exact else ()
            if exact or is_inflected(match.group(0), word, stems, max_ending=5):
                yield match.span()


def _uninflected(place: str) -> str:
    """ "Kajaanista" → "Kajaani" (near enough to find its other forms)."""
    for ending in FINNISH_CASE_ENDINGS:
        if place.endswith(ending) and len(place) - len(ending) >= 3:
            return place[: -len(ending)]
    return place


def stated_origins(text: str) -> list[str]:
    """Places the text gives as its author's origin: "originally from Kochi, India"."""
    found: list[str] = []
    lowered = text.lower()
    if not any(cue in lowered for cue in ORIGIN_CUES):
        return found
    for match in [*_ORIGIN.finditer(text), *_ORIGIN_BEFORE.finditer(text)]:
        for group in ("place", "country"):
            place = match.groupdict().get(group)
            if not place or place.split()[0].casefold() in NOT_PLACES:
                continue
            parts = [w for w in place.split() if len(w) >= 4 and w.casefold() not in COMMON_PARTS]
            found.extend({place, _uninflected(place), *parts, *map(_uninflected, parts)})
    return found


_KNOWN = _Matcher(GAZETTEER)


def place_findings(
    text: str, folded: str, own_places: Iterable[str] = ()
) -> tuple[list[Finding], list[Finding]]:
    """(the author's own places, to remove; other known places, to flag) in `text`
    (`folded` is `fold(text)`)."""
    own = [*own_places, *stated_origins(text)]
    spans = _Matcher(own).spans(text, folded) if own else ()
    removed = [finding(Kind.PLACE, text, *span) for span in spans]
    taken = {(f.start, f.end) for f in removed}
    flagged = [
        finding(Kind.PLACE, text, *span)
        for span in dict.fromkeys(_KNOWN.spans(text, folded))
        if not any(s <= span[0] < e for s, e in taken)
    ]
    return removed, flagged
