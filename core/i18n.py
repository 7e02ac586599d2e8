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
    # --- Dashboards (issue 6): partnerships, events, follow-up results, timeline, meeting ---
    "page.partnerships": ("Partnerships", "Kumppanuudet"),
    "page.events": ("Events", "Tapahtumat"),
    "page.results": ("Follow-up results", "Seurannan tulokset"),
    "page.timeline": ("Work-package timeline", "Työpakettien aikajana"),
    "page.meeting": ("Steering meeting", "Ohjausryhmän kokous"),
    "filters.title": ("Filters", "Rajaukset"),
    "filters.period": ("Period", "Aikaväli"),
    "filters.work_package": ("Work package", "Työpaketti"),
    "filters.spearhead": ("Spearhead", "Kärkiala"),
    "filters.target_group": ("Target group", "Kohderyhmä"),
    "filters.reset": ("Reset filters", "Tyhjennä rajaukset"),
    "filters.none_chosen": (
        "None chosen means all.",
        "Jos mitään ei ole valittu, mukana ovat kaikki.",
    ),
    "filters.not_here": (
        "Kept for the other pages; this page's numbers do not depend on it.",
        "Säilyy muita sivuja varten; tämän sivun luvut eivät riipu siitä.",
    ),
    "filters.in_use": ("This page uses: {names}.", "Tällä sivulla käytössä: {names}."),
    "dash.hidden_note": (
        "{marker} = 1–{below} people, hidden. .. = hidden so that a small group cannot be worked "
        "out from the totals.\nA missing bar is hidden, not zero; zero is labelled 0.",
        "{marker} = 1–{below} henkilöä, piilotettu. .. = piilotettu, jotta pientä ryhmää ei voi "
        "päätellä summista.\nPuuttuva pylväs on piilotettu, ei nolla; nolla on merkitty 0.",
    ),
    "dash.not_for_role": (
        "This page is for the project manager and the steering group.",
        "Tämä sivu on projektipäällikölle ja ohjausryhmälle.",
    ),
    "dash.no_data": ("No data for this selection", "Ei tietoja tällä rajauksella"),
    "dash.suppressed_view": (
        "Steering view: groups smaller than {threshold} are hidden ({marker}).",
        "Ohjausryhmän näkymä: alle {threshold} hengen ryhmät on piilotettu ({marker}).",
    ),
    "dash.count": ("Count", "Lukumäärä"),
    "dash.people": ("Unique people", "Eri henkilöt"),
    "dash.attendances": ("Attendances", "Osallistumiskerrat"),
    "dash.events": ("Events", "Tapahtumat"),
    "dash.events_attended": ("Events attended in the period", "Tapahtumia aikavälillä"),
    "dash.companies": ("Companies", "Yritykset"),
    "dash.new_companies": ("New companies", "Uudet yritykset"),
    "dash.committed": ("Committed", "Sovittu"),
    "dash.delivered": ("Delivered", "Toteutunut"),
    "dash.euros": ("Scholarships committed (€)", "Sovitut apurahat (€)"),
    "dash.no_spearhead": ("No spearhead", "Ei kärkialaa"),
    "dash.cumulative_note": (
        "The cumulative line skips months that would reveal a hidden month.",
        "Kertymäviiva ohittaa kuukaudet, joista piilotetun kuukauden voisi päätellä.",
    ),
    "dash.funnel.attended": ("Came to an event", "Osallistui tapahtumaan"),
    "dash.funnel.participants": ("Of them, project participants", "Heistä hankkeen osallistujia"),
    "dash.funnel.places": (
        "Internship and thesis places delivered (places)",
        "Toteutuneet harjoittelu- ja lopputyöpaikat (paikkoja)",
    ),
    "dash.funnel.employed": ("Of the participants, in work", "Osallistujista työssä"),
    "dash.timeline.project": ("Whole project", "Koko hanke"),
    "dash.timeline.period": ("Work package period", "Työpaketin kesto"),
    "dash.timeline.milestone": ("Milestone", "Välitavoite"),
    "dash.ladder.not_employed": ("Not in work", "Ei työssä"),
    "dash.ladder.employed": ("In work", "Työssä"),
    "dash.ladder.matches_education": (
        "… matching the education level",
        "… koulutustasoa vastaavassa työssä",
    ),
    "dash.ladder.in_ict": ("… and in ICT", "… ja ICT-alalla"),
    "dash.ladder.in_region": ("… and in the region", "… ja alueella"),
    "dash.retention.in_region": ("Job in the region", "Työ alueella"),
    "dash.retention.elsewhere": ("Job elsewhere", "Työ muualla"),
    "dash.retention.not_stated": ("Place not stated", "Sijainti ei tiedossa"),
    "dash.intent.stays": ("Intends to stay", "Aikoo jäädä"),
    "dash.intent.leaves": ("Does not intend to stay", "Ei aio jäädä"),
    "dash.improved.yes": ("Improved", "Parantunut"),
    "dash.improved.no": ("Not improved", "Ei parantunut"),
    "dash.improved.unknown": ("Not answered", "Ei vastausta"),
    "code.commitment_kind.scholarship": ("Scholarships", "Apurahat"),
    "code.commitment_kind.internship_place": ("Internship places", "Harjoittelupaikat"),
    "code.commitment_kind.thesis_place": ("Thesis places", "Lopputyöpaikat"),
    "code.commitment_kind.expert_talk": ("Expert talks", "Asiantuntijapuheenvuorot"),
    "code.commitment_kind.mentoring": ("Mentoring", "Mentorointi"),
    "code.size_class.micro": ("Micro", "Mikroyritys"),
    "code.size_class.small": ("Small", "Pieni yritys"),
    "code.size_class.medium": ("Medium", "Keskisuuri yritys"),
    "code.size_class.large": ("Large", "Suuri yritys"),
    "code.event_type.launch_event": ("Launch event", "Aloitustilaisuus"),
    "code.event_type.megamatchmaking": ("MegaMatchmaking", "MegaMatchmaking"),
    "code.event_type.coffee_with_alumni": ("Coffee with Alumni", "Coffee with Alumni"),
    "code.event_type.ict_fablabing": ("ICT FabLabing", "ICT FabLabing"),
    "code.event_type.ict_impact_forum": ("ICT Impact Forum", "ICT Impact Forum"),
    "code.event_type.workshop": ("Workshop", "Työpaja"),
    "code.event_type.intensive_course": ("Intensive course", "Intensiivikurssi"),
    "code.event_type.student_circle": ("ICT Student Circle", "ICT Student Circle"),
    "code.event_type.meetup": ("Meetup", "Tapaaminen"),
    "code.event_type.themed_event": ("Themed event", "Teematapahtuma"),
    "code.event_type.peer_support": ("Peer support", "Vertaistuki"),
    "code.event_type.company_interview": ("Company interview", "Yrityshaastattelu"),
    "code.follow_up_status.job_searching": ("Job searching", "Työnhakijana"),
    "code.follow_up_status.in_education": ("In education or training", "Koulutuksessa"),
    "code.follow_up_status.gained_qualification": ("Gained a qualification", "Sai tutkinnon"),
    "code.follow_up_status.employed": ("Employed", "Työssä"),
    "code.follow_up_status.self_employed": ("Self-employed", "Yrittäjä"),
    "code.follow_up_status.inactive": ("Inactive", "Työvoiman ulkopuolella"),
    "code.follow_up_status.unknown": ("Unknown", "Ei tiedossa"),
    "partnerships.title": ("Partnerships", "Kumppanuudet"),
    "partnerships.new_companies": (
        "New companies per month against the target",
        "Uudet yritykset kuukausittain suhteessa tavoitteeseen",
    ),
    "partnerships.commitments": (
        "Company commitments: committed and delivered",
        "Yritysten sitoumukset: sovittu ja toteutunut",
    ),
    "partnerships.scholarships": (
        "Scholarship euros committed per year",
        "Sovitut apurahat (€) vuosittain",
    ),
    "partnerships.mix": (
        "Companies by municipality and size class",
        "Yritykset kunnittain ja kokoluokittain",
    ),
    "events.title": ("Events and reach", "Tapahtumat ja tavoittavuus"),
    "events.over_time": ("Events per month", "Tapahtumat kuukausittain"),
    "events.reach": (
        "Reach: unique people and attendances per month",
        "Tavoittavuus: eri henkilöt ja osallistumiskerrat kuukausittain",
    ),
    "events.repeat": ("Repeat attendance", "Toistuva osallistuminen"),
    "events.groups": ("Reach by target group", "Tavoittavuus kohderyhmittäin"),
    "events.funnel": ("From events to work", "Tapahtumista työhön"),
    "results.title": ("Follow-up results", "Seurannan tulokset"),
    "results.immediate": (
        "Situation 28 days after leaving, by gender",
        "Tilanne 28 päivää päättymisestä sukupuolittain",
    ),
    "results.six_months": (
        "Situation 6 months after leaving, by gender",
        "Tilanne 6 kuukautta päättymisestä sukupuolittain",
    ),
    "results.improved": (
        "Improved labour-market situation at 6 months, by gender",
        "Parantunut työmarkkina-asema 6 kuukauden kohdalla sukupuolittain",
    ),
    "results.ladder": (
        "Qualitative employment ladder at 6 months, by spearhead",
        "Laadullisen työllistymisen portaat 6 kuukauden kohdalla kärkialoittain",
    ),
    "results.retention": (
        "Employed at 6 months: in the region or elsewhere, by spearhead",
        "Työssä 6 kuukauden kohdalla: alueella vai muualla, kärkialoittain",
    ),
    "results.intent": (
        "Intent to stay in the region, by spearhead",
        "Aikomus jäädä alueelle kärkialoittain",
    ),
    "timeline.title": ("Work-package timeline", "Työpakettien aikajana"),
    "partnerships.ledger": (
        "Commitment ledger by year and kind",
        "Sitoumukset vuosittain ja lajeittain",
    ),
    "partnerships.ledger_help": (
        "Places committed and delivered per year. For the steering group a cell is hidden when "
        "fewer companies than the threshold stand behind it.",
        "Sovitut ja toteutuneet paikat vuosittain. Ohjausryhmälle solu piilotetaan, jos sen "
        "takana on vähemmän yrityksiä kuin kynnysarvo.",
    ),
    "partnerships.drilldown": ("Company drill-down", "Yrityskohtainen tarkastelu"),
    "partnerships.company": ("Company", "Yritys"),
    "partnerships.pick_company": ("Choose a company", "Valitse yritys"),
    "partnerships.company_facts": (
        "{size} · {municipality} · {sector} · in the project since {joined}",
        "{size} · {municipality} · {sector} · hankkeessa {joined} alkaen",
    ),
    "partnerships.company_events": (
        "Events its people came to",
        "Tapahtumat, joihin yrityksen väki osallistui",
    ),
    "dash.column.year": ("Year", "Vuosi"),
    "dash.column.kind": ("Kind", "Laji"),
    "dash.column.committed": ("Committed", "Sovittu"),
    "dash.column.delivered": ("Delivered", "Toteutunut"),
    "dash.column.amount_eur": ("Amount (€)", "Summa (€)"),
    "dash.column.topic": ("Topic", "Aihe"),
    "dash.column.event_date": ("Date", "Päivä"),
    "dash.column.code": ("Code", "Koodi"),
    "dash.column.name": ("Event", "Tapahtuma"),
    "dash.column.people": ("People", "Henkilöitä"),
    "events.colour_by": ("Colour by", "Värit"),
    "events.by.event_type": ("Event type", "Tapahtumatyyppi"),
    "events.by.work_package": ("Work package", "Työpaketti"),
    "events.not_people": (
        "Events are the project's own activities, not people: their counts are shown as they "
        "are, and only the period and work package filters change them.",
        "Tapahtumat ovat hankkeen omaa toimintaa, eivät henkilöitä: niiden määrät näytetään "
        "sellaisinaan, ja niihin vaikuttavat vain aikaväli- ja työpakettirajaukset.",
    ),
    "events.funnel_how": ("How the funnel counts", "Miten suppilo lasketaan"),
    "events.funnel_definitions": (
        "1. **Came to an event**: unique people with at least one attendance at an event in the "
        "period (as filtered).\n"
        "2. **Of them, project participants**: those linked to a participant entry record "
        "(attendees are not automatically participants).\n"
        "3. **Internship and thesis places delivered**: the places partner companies delivered "
        "in the period's years (commitments of kind internship place or thesis place). These "
        "are places, not people: the data do not link a place to a person, so this bar is not a "
        "subset of the one above.\n"
        "4. **Of the participants, in work**: participants from step 2 whose last follow-up "
        "answer (28 days or 6 months after leaving, whichever is later) says employed or "
        "self-employed.",
        "1. **Osallistui tapahtumaan**: eri henkilöt, joilla on vähintään yksi osallistuminen "
        "aikavälin tapahtumaan (rajausten mukaan).\n"
        "2. **Heistä hankkeen osallistujia**: ne, joilla on osallistujan aloitustiedot "
        "(tapahtumaan osallistuja ei ole automaattisesti hankkeen osallistuja).\n"
        "3. **Toteutuneet harjoittelu- ja lopputyöpaikat**: yhteistyöyritysten aikavälin "
        "vuosina toteuttamat paikat (sitoumuslajit harjoittelupaikka ja lopputyöpaikka). Nämä "
        "ovat paikkoja, eivät henkilöitä: tiedoissa paikkaa ei yhdistetä henkilöön, joten "
        "pylväs ei ole edellisen osajoukko.\n"
        "4. **Osallistujista työssä**: vaiheen 2 osallistujat, joiden viimeisin seurantavastaus "
        "(28 päivää tai 6 kuukautta päättymisestä, myöhäisempi) on työssä tai yrittäjä.",
    ),
    "results.window_note": (
        "Counts people who left in the period (spearhead and target group as filtered). In each "
        "follow-up window the last answer wins.",
        "Lasketaan aikavälillä päättäneet (kärkiala ja kohderyhmä rajausten mukaan). Kussakin "
        "seurantaikkunassa viimeisin vastaus ratkaisee.",
    ),
    "results.ladder_help": (
        "Each person stands on the highest step their last 6-month answer reaches: in work; "
        "then a job matching their education level; then also in ICT; then also in the region.",
        "Kukin on korkeimmalla portaalla, jonka viimeisin 6 kuukauden vastaus saavuttaa: "
        "työssä; koulutustasoa vastaava työ; lisäksi ICT-alalla; lisäksi alueella.",
    ),
    "results.scores": (
        "Student experience: mean score (1–5) by spearhead",
        "Opiskelijakokemus: keskiarvo (1–5) kärkialoittain",
    ),
    "results.mean_score": ("Mean score", "Keskiarvo"),
    "results.tables": ("The numbers as tables", "Luvut taulukkoina"),
    "timeline.help": (
        "Bars: each work package's period. Dots: events held. Diamonds: milestones. The dotted "
        "line is today.",
        "Palkit: työpakettien kestot. Pisteet: pidetyt tapahtumat. Vinoneliöt: välitavoitteet. "
        "Pisteviiva on tämä päivä.",
    ),
    "dash.column.package": ("Name", "Nimi"),
    "dash.column.start": ("Start", "Alku"),
    "dash.column.end": ("End", "Loppu"),
    "dash.column.events": ("Events", "Tapahtumat"),
    "meeting.title": ("Steering group meeting", "Ohjausryhmän kokous"),
    "meeting.previous": ("Previous", "Edellinen"),
    "meeting.next": ("Next", "Seuraava"),
    "meeting.position": ("Chart (of {total})", "Kaavio ({total} kpl)"),
    "meeting.suppressed": (
        "Meeting mode shows every number as the steering group sees it, whoever is signed in: "
        "groups of people or companies smaller than the threshold are hidden.",
        "Kokoustilassa luvut näkyvät kuten ohjausryhmälle kirjautujasta riippumatta: kynnysarvoa "
        "pienemmät henkilö- ja yritysryhmät on piilotettu.",
    ),
    "meeting.export": ("Export the pack", "Vie kokousaineisto"),
    "meeting.prepare": (
        "Prepare PPTX, PDF and PNG files",
        "Valmistele PPTX-, PDF- ja PNG-tiedostot",
    ),
    "meeting.drawing": ("Drawing {n} charts…", "Piirretään {n} kaaviota…"),
    "meeting.ready": ("{n} charts ready", "{n} kaaviota valmiina"),
    "meeting.export_failed": ("The export failed", "Vienti epäonnistui"),
    "meeting.deck_title": ("Steering group pack", "Ohjausryhmän aineisto"),
    "meeting.deck_subtitle": (
        "Situation on {day}. Small groups are hidden (<5).",
        "Tilanne {day}. Pienet ryhmät on piilotettu (<5).",
    ),
    "meeting.pptx": ("Slides (.pptx)", "Diat (.pptx)"),
    "meeting.pdf": ("PDF", "PDF"),
    "meeting.png": ("PNG images (.zip)", "PNG-kuvat (.zip)"),
}


def translate(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for `key` in `lang` (English if `lang` is unknown), with `{names}` filled in."""
    try:
        english, finnish = TEXTS[key]
    except KeyError:
        raise KeyError(f"no UI text for {key!r}; add it to core/i18n.py") from None
    text = finnish if lang == "fi" else english
    return text.format(**values) if values else text
