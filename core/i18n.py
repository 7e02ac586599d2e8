"""The one translation table for UI text (English and Finnish) and the lookup function."""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "fi"]
LANGUAGES: dict[Lang, str] = {"en": "English", "fi": "Suomi"}
DEFAULT_LANG: Lang = "en"

# key → (English, Finnish). Keys are grouped by where they appear; codes use "<code list>.<code>".
TEXTS: dict[str, tuple[str, str]] = {
    # App frame
    "app.title": ("Silta", "Silta"),
    "app.language": ("Language", "Kieli"),
    "app.demo_banner": (
        "Demo data: every person, company and event here is generated. No real personal data.",
        "Esittelydata: kaikki henkilöt, yritykset ja tapahtumat on luotu keinotekoisesti. "
        "Ei oikeita henkilötietoja.",
    ),
    "app.no_project": (
        "No project is loaded yet. Run `python -m core setup` (or `make run`).",
        "Hanketta ei ole vielä ladattu. Aja `python -m core setup` (tai `make run`).",
    ),
    "app.section.follow": ("Follow progress", "Seuranta"),
    "app.section.manage": ("Manage data", "Tietojen hallinta"),
    "app.section.search": ("Find talent", "Osaajahaku"),
    "app.section.account": ("Account", "Tili"),
    # Pages
    "page.overview": ("Overview", "Yleiskuva"),
    # Overview
    "overview.title": ("Progress against targets", "Eteneminen suhteessa tavoitteisiin"),
    "overview.as_of": ("Situation on {day}", "Tilanne {day}"),
    "overview.period": ("Project period {start} – {end}", "Hankeaika {start} – {end}"),
    "overview.of_target": ("of {target}", "/ {target}"),
    "overview.planned_by_now": (
        "planned by now: {planned}",
        "suunnitelma tähän mennessä: {planned}",
    ),
    "overview.chart_for": ("Show trajectory for", "Näytä kehitys"),
    "overview.method": ("How the forecast is made", "Miten ennuste lasketaan"),
    "overview.no_forecast": (
        "No forecast yet: it needs at least three full months of data.",
        "Ennustetta ei vielä ole: siihen tarvitaan vähintään kolmen täyden kuukauden tiedot.",
    ),
    "overview.forecast_end": (
        "Forecast at the end ({end}): about {value} (80 % range {low}–{high}).",
        "Ennuste lopussa ({end}): noin {value} (80 %:n vaihteluväli {low}–{high}).",
    ),
    "overview.recent": ("Last 30 days", "Viimeiset 30 päivää"),
    "overview.recent.participants": ("New participants", "Uudet osallistujat"),
    "overview.recent.companies": ("New companies", "Uudet yritykset"),
    "overview.recent.events": ("Events held", "Pidetyt tapahtumat"),
    "overview.recent.exits": ("Participants who left", "Päättäneet osallistujat"),
    "overview.eu": (
        "EU common indicators (by gender)",
        "EU:n yhteiset indikaattorit (sukupuolittain)",
    ),
    # Charts
    "chart.actual": ("Actual", "Toteuma"),
    "chart.target": ("Target", "Tavoite"),
    "chart.planned": ("Planned", "Suunnitelma"),
    "chart.forecast": ("Forecast", "Ennuste"),
    "chart.forecast_band": ("Forecast 80 % range", "Ennusteen 80 %:n vaihteluväli"),
    "chart.today": ("Today", "Tänään"),
    "chart.cumulative": ("Cumulative count", "Kertymä"),
    "chart.month": ("Month", "Kuukausi"),
    # Indicators
    "indicator.participants": ("Participants", "Osallistujat"),
    "indicator.participants_in_education": ("In education", "Koulutuksessa olevat"),
    "indicator.participants_employed": ("Employed", "Työssä olevat"),
    "indicator.companies": ("Companies", "Yritykset"),
    "indicator.events": ("Events", "Tapahtumat"),
    # Pace status
    "status.on_track": ("On track", "Aikataulussa"),
    "status.at_risk": ("At risk", "Vaarassa"),
    "status.behind": ("Behind", "Jäljessä"),
    "status.not_started": ("Not started", "Ei alkanut"),
    "status.no_target": ("No target", "Ei tavoitetta"),
    # EU common indicators
    "eu.section.outputs": ("Participants at entry", "Osallistujat aloitushetkellä"),
    "eu.section.immediate": ("Results 28 days after leaving", "Tulokset 28 päivää päättymisestä"),
    "eu.section.six_months": ("Results 6 months after leaving", "Tulokset 6 kk päättymisestä"),
    "eu.participants": ("Participants", "Osallistujat"),
    "eu.unemployed": ("Unemployed", "Työttömät"),
    "eu.inactive": ("Inactive (incl. in education)", "Työvoiman ulkopuolella (ml. opiskelijat)"),
    "eu.in_education": ("In education or training", "Koulutuksessa"),
    "eu.employed": ("Employed", "Työlliset"),
    "eu.age_under_18": ("Under 18", "Alle 18-vuotiaat"),
    "eu.age_18_29": ("18–29 years", "18–29-vuotiaat"),
    "eu.age_55_plus": ("55 and over", "55 vuotta täyttäneet"),
    "eu.isced_0_2": ("Education ISCED 0–2", "Koulutus ISCED 0–2"),
    "eu.isced_3_4": ("Education ISCED 3–4", "Koulutus ISCED 3–4"),
    "eu.isced_5_8": ("Education ISCED 5–8", "Koulutus ISCED 5–8"),
    "eu.third_country_national": ("Third-country nationals", "Kolmansien maiden kansalaiset"),
    "eu.foreign_background": ("Foreign background", "Ulkomaalaistaustaiset"),
    "eu.disability": ("With disabilities", "Vammaiset henkilöt"),
    "eu.minority": ("Minorities", "Vähemmistöt"),
    "eu.homeless": ("Homeless", "Asunnottomat"),
    "eu.rural": ("Rural areas", "Maaseutualueet"),
    "eu.job_searching": ("Job searching", "Työnhakijoina"),
    "eu.in_education_training": ("In education or training", "Koulutuksessa"),
    "eu.gained_qualification": ("Gained a qualification", "Saivat tutkinnon tai pätevyyden"),
    "eu.in_employment": ("In employment (incl. self-employed)", "Työssä (ml. yrittäjät)"),
    "eu.improved_situation": ("Improved labour-market situation", "Parantunut työmarkkina-asema"),
    "eu.job_matches_education": ("Job matches education level", "Työ vastaa koulutustasoa"),
    "eu.job_in_ict": ("Job in ICT", "Työ ICT-alalla"),
    "eu.job_in_region": ("Job in the region", "Työ alueella"),
    "eu.indicator": ("Indicator", "Indikaattori"),
    "gender.woman": ("Women", "Naiset"),
    "gender.man": ("Men", "Miehet"),
    "gender.non_binary": ("Non-binary", "Muunsukupuoliset"),
    "gender.total": ("Total", "Yhteensä"),
}


def translate(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for `key` in `lang` (English if `lang` is unknown), with `{names}` filled in."""
    try:
        english, finnish = TEXTS[key]
    except KeyError:
        raise KeyError(f"no UI text for {key!r}; add it to core/i18n.py") from None
    text = finnish if lang == "fi" else english
    return text.format(**values) if values else text
