"""The one translation table for UI text (English and Finnish) and the lookup function."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

Lang = Literal["en", "fi"]
LANGUAGES: dict[Lang, str] = {"en": "English", "fi": "Suomi"}
DEFAULT_LANG: Lang = "en"

# key → (English, Finnish). Keys are grouped by where they appear; codes use "<code list>.<code>".
TEXTS: dict[str, tuple[str, str]] = {
    # App frame
    "app.title": ("Silta", "Silta"),
    "app.language": ("Language", "Kieli"),
    # Streamlit's own placeholders are English whatever the language: every empty choice says it.
    "app.choose": ("Choose…", "Valitse…"),
    "app.choose_many": ("Choose one or more", "Valitse yksi tai useampi"),
    "app.demo_banner": (
        "Demo data: every person, company and event here is generated. No real personal data.",
        "Esittelydata: kaikki henkilöt, yritykset ja tapahtumat on luotu keinotekoisesti. "
        "Ei oikeita henkilötietoja.",
    ),
    "app.no_project": (
        "No project is loaded yet. Run `python -m core setup` (or `make run`).",
        "Hanketta ei ole vielä ladattu. Aja `python -m core setup` (tai `make run`).",
    ),
    "error.unexpected": (
        "Something went wrong and this page could not be shown. Please try again; if it "
        "happens again, tell the project manager the reference {reference}.",
        "Jokin meni vikaan, eikä sivua voitu näyttää. Yritä uudelleen; jos virhe toistuu, "
        "kerro hankkeen vastuuhenkilölle viite {reference}.",
    ),
    "app.section.follow": ("Follow progress", "Seuranta"),
    "app.section.manage": ("Manage data", "Tietojen hallinta"),
    "app.section.search": ("Find talent", "Osaajahaku"),
    "app.section.account": ("Account", "Tili"),
    # Project definition files (python -m core load-project)
    "project.err.not_mapping": (
        "{source}: expected a mapping of project fields at the top",
        "{source}: tiedoston ylimmän tason pitää olla hankkeen kenttien kuvaus (mapping)",
    ),
    "project.err.invalid": ("{source}: {problems}", "{source}: {problems}"),
    "project.err.no_file": ("{path}: no such file", "{path}: tiedostoa ei ole"),
    "project.err.not_yaml": (
        "{path}: not a readable YAML file ({detail})",
        "{path}: ei luettava YAML-tiedosto ({detail})",
    ),
    "project.err.package_in_use": (
        "work_packages: {code!r} is missing from the file but {events} events use it",
        "work_packages: {code!r} puuttuu tiedostosta, mutta {events} tapahtumaa käyttää sitä",
    ),
    # Issue 17: budget in the definition
    "project.err.claim_submitted": (
        "payment_claims: the claim {code!r} has been submitted; its period cannot change or go",
        "payment_claims: maksatushakemus {code!r} on jätetty; sen kautta ei voi muuttaa eikä "
        "poistaa",
    ),
    # Issue 17: the Budget page
    "page.budget": ("Budget", "Budjetti"),
    "budget.title": ("Budget and spending", "Budjetti ja kustannukset"),
    "budget.as_of": (
        "Salaries booked up to {month}; situation on {day}.",
        "Palkat kirjattu {month} asti; tilanne {day}.",
    ),
    "budget.no_salaries": (
        "No salary costs are booked yet: import the ledger's export on the Import page (sheet "
        "'Salary costs') or enter them on the Records page.",
        "Palkkakustannuksia ei ole vielä kirjattu: tuo kirjanpidon raportti Tuonti-sivulla "
        "(välilehti 'Palkkakustannukset') tai syötä ne Tietueet-sivulla.",
    ),
    "budget.no_budget": (
        "The project definition has no budget.",
        "Hankkeen määrittelyssä ei ole budjettia.",
    ),
    "budget.planned_total": ("Budget", "Budjetti"),
    "budget.spent_total": ("Spent", "Käytetty"),
    "budget.used_of_budget": ("{percent} % of the budget", "{percent} % budjetista"),
    "budget.time_share": ("Time gone", "Aikaa kulunut"),
    "budget.time_of_project": ("of the project period", "hankeajasta"),
    "budget.forecast": ("Forecast at the end", "Ennuste lopussa"),
    "budget.forecast_of_plan": ("{percent} % of the budget", "{percent} % budjetista"),
    "budget.no_forecast": (
        "No forecast yet: it needs salaries booked for at least three months.",
        "Ennustetta ei vielä ole: siihen tarvitaan vähintään kolmen kuukauden palkat.",
    ),
    "budget.method": ("How the forecast is made", "Miten ennuste lasketaan"),
    "budget.method_text": (
        "The average salary cost of the last {months} booked months ({monthly}) is carried over "
        "the {left} months from the one after the last booked month to the project's end, and "
        "added to what is spent; the flat rate follows from the salaries as in the plan.",
        "Viimeisten {months} kirjatun kuukauden keskimääräinen palkkakustannus ({monthly}) "
        "kerrotaan viimeistä kirjattua kuukautta seuraavien {left} kuukauden määrällä hankkeen "
        "loppuun asti ja lisätään jo käytettyyn; flat rate lasketaan palkoista kuten "
        "suunnitelmassa.",
    ),
    "budget.chart_title": (
        "Budget used against time gone",
        "Budjetin käyttö suhteessa kuluneeseen aikaan",
    ),
    "budget.time_gone": ("time gone {percent} %", "aikaa kulunut {percent} %"),
    "budget.lines": ("Cost lines and funding", "Kustannuslajit ja rahoitus"),
    "budget.line": ("Line", "Rivi"),
    "budget.planned": ("Budget (€)", "Budjetti (€)"),
    "budget.spent": ("Spent (€)", "Käytetty (€)"),
    "budget.used_pct": ("Used %", "Käytetty %"),
    "budget.left": ("Left (€)", "Jäljellä (€)"),
    "budget.total": ("Costs in total", "Kustannukset yhteensä"),
    "budget.funding_note": (
        "Funding lines show each funder's share of the costs actually incurred.",
        "Rahoitusriveillä on kunkin rahoittajan osuus toteutuneista kustannuksista.",
    ),
    "budget.per_head": ("Cost per head", "Kustannus per osallistuja"),
    "budget.per_participant": ("Cost per participant", "Kustannus per osallistuja"),
    "budget.per_company": ("Cost per company reached", "Kustannus per tavoitettu yritys"),
    "budget.per_hidden": ("hidden (small group)", "piilotettu (pieni ryhmä)"),
    "budget.per_note": (
        "All costs so far divided by the {participants} participants and {companies} companies "
        "reached so far (as published).",
        "Tähänastiset kustannukset jaettuna tähän mennessä tavoitetuilla {participants} "
        "osallistujalla ja {companies} yrityksellä (julkaistuina lukuina).",
    ),
    "budget.by_period": ("Salaries by payment-claim period", "Palkat maksatuskausittain"),
    "budget.claim_period": ("Claim period", "Maksatuskausi"),
    "budget.salaries": ("Salaries (€)", "Palkat (€)"),
    "budget.with_flat_rate": ("With flat rate (€)", "Flat rate mukaan lukien (€)"),
    "budget.by_role": ("Salaries by role", "Palkat rooleittain"),
    "budget.role": ("Role", "Rooli"),
    "budget.other_roles": ("Other roles", "Muut roolit"),
    "budget.roles_rule": (
        "Every sum here adds up the salaries of at least {persons} people, so no one's pay can "
        "be read from it: smaller roles are merged into 'Other roles', and periods with fewer "
        "people are merged with the next.",
        "Jokainen summa sisältää vähintään {persons} henkilön palkat, joten kenenkään palkkaa "
        "ei voi päätellä niistä: pienemmät roolit on yhdistetty riviin 'Muut roolit' ja "
        "kaudet, joilla on vähemmän henkilöitä, seuraavaan kauteen.",
    ),
    "budget.roles_hidden": (
        "No breakdown by role: too few people in the smaller roles to show them without "
        "revealing someone's salary.",
        "Ei erittelyä rooleittain: pienemmissä rooleissa on liian vähän henkilöitä, jotta ne "
        "voisi näyttää paljastamatta jonkun palkkaa.",
    ),
    "budget.monthly": ("Salaries by month and role", "Palkat kuukausittain ja rooleittain"),
    "budget.monthly_note": (
        "Manager only: a role held by one person shows that person's salary.",
        "Vain projektipäällikölle: yhden henkilön roolissa näkyy hänen palkkansa.",
    ),
    "budget.month": ("Month", "Kuukausi"),
    # Issue 17: payment claims and the pre-claim check
    "page.payment_claim": ("Payment claim", "Maksatushakemus"),
    "claim.title": ("Payment claim", "Maksatushakemus"),
    "claim.choose": ("Claim period", "Maksatuskausi"),
    "claim.period_label": (
        "{code}: {start} – {end}",
        "{code}: {start} – {end}",
    ),
    "claim.submitted_on": (
        "Submitted on {day} by {who}; the period is locked.",
        "Jätetty {day}, jättäjä {who}; kausi on lukittu.",
    ),
    "claim.costs": ("Costs and funding of the period", "Kauden kustannukset ja rahoitus"),
    "claim.indicators": (
        "EU common indicators of the period (by gender)",
        "Kauden EU:n yhteiset indikaattorit (sukupuolittain)",
    ),
    "claim.check_title": ("Pre-claim check", "Tarkistus ennen maksatushakemusta"),
    "claim.all_clear": (
        "Nothing to fix: every form is marked, entry data is complete, no follow-up is "
        "overdue and every signed commitment is delivered.",
        "Ei korjattavaa: kaikki lomakkeet on merkitty, alkutiedot ovat täydelliset, yksikään "
        "seuranta ei ole myöhässä ja kaikki allekirjoitetut sitoumukset on toteutettu.",
    ),
    "claim.found": (
        "{count} things to check before the claim.",
        "{count} tarkistettavaa asiaa ennen hakemusta.",
    ),
    "claim.download": (
        "Download the claim workbook (.xlsx)",
        "Lataa maksatushakemuksen työkirja (.xlsx)",
    ),
    "claim.mark_form": ("Mark EURA form done", "Merkitse EURA-lomake tehdyksi"),
    "claim.form_participant": ("Participant", "Osallistuja"),
    "claim.form_kind": ("Form", "Lomake"),
    "claim.form_day": ("Filled in on", "Täytetty"),
    "claim.form_saved": ("Marked done.", "Merkitty tehdyksi."),
    "claim.submit": ("Mark the claim submitted", "Merkitse hakemus jätetyksi"),
    "claim.submit_what": (
        "Mark the claim {code} submitted? Its period {start} – {end} is then locked: data dated "
        "inside it can no longer change (the lock can be opened on the Period locks page, with "
        "a reason).",
        "Merkitäänkö hakemus {code} jätetyksi? Sen kausi {start} – {end} lukitaan: kauteen "
        "päivättyjä tietoja ei voi enää muuttaa (lukituksen voi avata Kausilukitukset-sivulla "
        "perustellen).",
    ),
    "claim.submit_sure": (
        "The claim has been sent to the funder in EURA 2021",
        "Hakemus on lähetetty rahoittajalle EURA 2021:ssä",
    ),
    "claim.submit_unsure": (
        "Tick the box first: only a claim sent in EURA is marked submitted.",
        "Rastita ensin ruutu: vain EURAssa lähetetty hakemus merkitään jätetyksi.",
    ),
    "claim.submit_with_findings": (
        "The pre-claim check still lists {count} things.",
        "Tarkistuksessa on vielä {count} asiaa.",
    ),
    "claim.no_periods": (
        "The project definition has no payment-claim periods (payment_claims).",
        "Hankkeen määrittelyssä ei ole maksatuskausia (payment_claims).",
    ),
    "claim.period": ("Claim period", "Maksatuskausi"),
    "claim.euros": ("Amount (€)", "Summa (€)"),
    "claim.sheet.costs": ("Costs", "Kustannukset"),
    "claim.sheet.indicators": ("Indicators", "Indikaattorit"),
    "claim.sheet.check": ("Pre-claim check", "Tarkistus"),
    "claim.kind": ("What", "Mitä"),
    "claim.subject": ("Code", "Tunnus"),
    "claim.name": ("Name", "Nimi"),
    "claim.day": ("Date", "Päivä"),
    "claim.detail": ("Detail", "Tarkemmin"),
    "claim.undelivered": (
        "{year} {kind}: {delivered} of {committed} delivered",
        "{year} {kind}: {delivered}/{committed} toteutunut",
    ),
    "claim.check.start_form": (
        "Entered without the EURA start form",
        "Aloittanut ilman EURA-aloituslomaketta",
    ),
    "claim.check.end_form": (
        "Left without the EURA end form",
        "Päättänyt ilman EURA-päättölomaketta",
    ),
    "claim.check.entry_data": (
        "Entry data missing for the indicators",
        "Indikaattoreihin tarvittavia alkutietoja puuttuu",
    ),
    "claim.check.follow_up": ("Follow-up overdue", "Seuranta myöhässä"),
    "claim.check.commitment": (
        "Commitment signed but not delivered",
        "Sitoumus allekirjoitettu mutta toteutumatta",
    ),
    "claim.form.start": ("Start form", "Aloituslomake"),
    "claim.form.end": ("End form", "Päättölomake"),
    "claim.err.unknown": ("No such claim period.", "Maksatuskautta ei ole."),
    "claim.err.no_participant": (
        "No participant with the code {code}.",
        "Osallistujaa tunnuksella {code} ei ole.",
    ),
    "claim.err.submitted": (
        "The claim {code} is already submitted.",
        "Hakemus {code} on jo jätetty.",
    ),
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
    "filters.none_chosen": ("All", "Kaikki"),
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
    "privacy.merged.genders": (
        "Genders merged: the groups are too small to show apart.",
        "Sukupuolet yhdistetty: ryhmät ovat liian pieniä näytettäviksi erikseen.",
    ),
    "privacy.merged.spearheads": (
        "Spearheads merged: the groups are too small to show apart.",
        "Kärkialat yhdistetty: ryhmät ovat liian pieniä näytettäviksi erikseen.",
    ),
    "privacy.merged.sizes": (
        "Size classes merged: the groups are too small to show apart.",
        "Kokoluokat yhdistetty: ryhmät ovat liian pieniä näytettäviksi erikseen.",
    ),
    "privacy.merged.everyone": (
        "Shown as one total: every group is too small to show apart.",
        "Näytetään yhtenä summana: jokainen ryhmä on liian pieni näytettäväksi erikseen.",
    ),
    "dash.no_data": ("No data for this selection", "Ei tietoja tällä rajauksella"),
    "dash.suppressed_view": (
        "Steering view: groups smaller than {threshold} are hidden ({marker}); other counts are "
        "rounded to the nearest {base}.",
        "Ohjausryhmän näkymä: alle {threshold} hengen ryhmät on piilotettu ({marker}); muut "
        "lukumäärät on pyöristetty lähimpään {base}:llä jaolliseen.",
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
    "code.follow_up_kind.28_days": ("28 days after leaving", "28 päivää päättymisestä"),
    "code.follow_up_kind.6_months": ("6 months after leaving", "6 kuukautta päättymisestä"),
    "code.follow_up_status.job_searching": ("Job searching", "Työnhakijana"),
    "code.follow_up_status.in_education": ("In education or training", "Koulutuksessa"),
    "code.follow_up_status.gained_qualification": ("Gained a qualification", "Sai tutkinnon"),
    "code.follow_up_status.employed": ("Employed", "Työssä"),
    "code.follow_up_status.self_employed": ("Self-employed", "Yrittäjä"),
    "code.follow_up_status.inactive": ("Inactive", "Työvoiman ulkopuolella"),
    "code.follow_up_status.unknown": ("Unknown", "Ei tiedossa"),
    "code.follow_up_status.other": (
        "Other situations together (each too small to show)",
        "Muut tilanteet yhteensä (kukin liian pieni näytettäväksi)",
    ),
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
    "progress.participants": (
        "New participants per month against the target",
        "Uudet osallistujat kuukausittain suhteessa tavoitteeseen",
    ),
    "dash.new_participants": ("New participants", "Uudet osallistujat"),
    "dash.other_municipalities": (
        "Other municipalities (fewer than {threshold} companies each)",
        "Muut kunnat (kussakin alle {threshold} yritystä)",
    ),
    "dash.column.municipality": ("Municipality", "Kunta"),
    # Sheet names of the Excel pack (at most 31 characters).
    "pack.sheet.mix": ("Companies by town and size", "Yritykset kunnittain"),
    "pack.sheet.commitments": ("Commitments", "Sitoumukset"),
    "pack.sheet.scholarships": ("Scholarships (€)", "Apurahat (€)"),
    "pack.sheet.events": ("Events per month", "Tapahtumat kuukausittain"),
    "pack.sheet.reach": ("Reach per month", "Tavoittavuus kuukausittain"),
    "pack.sheet.repeat": ("Repeat attendance", "Toistuva osallistuminen"),
    "pack.sheet.funnel": ("From events to work", "Tapahtumista työhön"),
    "pack.sheet.immediate": ("Results at 28 days", "Tulokset 28 päivän kohdalla"),
    "pack.sheet.six_months": ("Results at 6 months", "Tulokset 6 kuukauden kohdalla"),
    "pack.sheet.ladder": ("Employment ladder", "Työllistymisen portaat"),
    "pack.sheet.retention": ("Job in the region", "Työ alueella"),
    "pack.sheet.intent": ("Intent to stay", "Aikomus jäädä"),
    "pack.sheet.timeline": ("Work packages", "Työpaketit"),
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
    # Formats (core/dashboards/charts/locale.py): numbers, dates and months in charts
    # The decimal mark, then the thousands separator (Finnish: a narrow no-break space).
    "locale.separators": (".,", ",\u202f"),
    # A day's pattern: d = day, M = month number, MMM = month name, yyyy = year.
    "locale.date": ("d MMM yyyy", "d.M.yyyy"),
    "locale.month.1": ("Jan", "tammi"),
    "locale.month.2": ("Feb", "helmi"),
    "locale.month.3": ("Mar", "maalis"),
    "locale.month.4": ("Apr", "huhti"),
    "locale.month.5": ("May", "touko"),
    "locale.month.6": ("Jun", "kesä"),
    "locale.month.7": ("Jul", "heinä"),
    "locale.month.8": ("Aug", "elo"),
    "locale.month.9": ("Sep", "syys"),
    "locale.month.10": ("Oct", "loka"),
    "locale.month.11": ("Nov", "marras"),
    "locale.month.12": ("Dec", "joulu"),
    "meeting.title": ("Steering group meeting", "Ohjausryhmän kokous"),
    "meeting.previous": ("Previous", "Edellinen"),
    "meeting.next": ("Next", "Seuraava"),
    "meeting.position": ("Chart (of {total})", "Kaavio ({total} kpl)"),
    "meeting.hidden_line": (
        "Hidden for privacy: {marker} = 1–{below} people · .. = would reveal a small group",
        "Piilotettu yksityisyyden vuoksi: {marker} = 1–{below} henkilöä · .. = paljastaisi "
        "pienen ryhmän",
    ),
    "meeting.hidden_symbol": (
        " · ◇ = hidden (value in the hover)",
        " · ◇ = piilotettu (arvo osoittimella)",
    ),
    "meeting.cover_day": ("Situation on {day}", "Tilanne {day}"),
    "meeting.cover_period": ("Period: {start} – {end}", "Aikaväli: {start} – {end}"),
    "meeting.cover_rule": (
        "Disclosure rule: groups of fewer than {threshold} people or companies are hidden "
        "({marker}); .. hides a cell that would reveal one.",
        "Julkaisusääntö: alle {threshold} henkilön tai yrityksen ryhmät on piilotettu ({marker}); "
        ".. piilottaa solun, josta pienen ryhmän voisi päätellä.",
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
    "meeting.pptx": ("Slides (.pptx)", "Diat (.pptx)"),
    "meeting.pdf": ("PDF", "PDF"),
    "meeting.png": ("PNG images (.zip)", "PNG-kuvat (.zip)"),
    # --- Access control and privacy (issue 4): sign-in, account, users, consent, audit ---
    "meeting.err.no_chromium": (
        "Chromium was not found at {path} (apt-get install chromium).",
        "Chromiumia ei löytynyt polusta {path} (apt-get install chromium).",
    ),
    "meeting.err.drawing": (
        "Chromium could not draw the charts: {detail}",
        "Chromium ei pystynyt piirtämään kaavioita: {detail}",
    ),
    "meeting.err.no_charts": ("The pack has no charts.", "Aineistossa ei ole kaavioita."),
    "meeting.err.pdf": (
        "Chromium could not print the PDF: {detail}",
        "Chromium ei pystynyt tulostamaan PDF:ää: {detail}",
    ),
    "page.login": ("Sign in", "Kirjaudu"),
    "page.account": ("My account", "Oma tili"),
    "page.logout": ("Sign out", "Kirjaudu ulos"),
    "page.audit": ("Audit log", "Tapahtumaloki"),
    "page.consent": ("Consents", "Suostumukset"),
    "page.users": ("Users", "Käyttäjät"),
    "role.manager": ("project manager", "projektipäällikkö"),
    "role.steering": ("steering group", "ohjausryhmä"),
    "role.sme": ("company user", "yrityskäyttäjä"),
    "role.student": ("student", "opiskelija"),  # issue 14
    "auth.title": ("Sign in to Silta", "Kirjaudu Siltaan"),
    "auth.signing_in": ("Signing in…", "Kirjaudutaan…"),
    "auth.username": ("User name", "Käyttäjätunnus"),
    "auth.password": ("Password", "Salasana"),
    "auth.sign_in": ("Sign in", "Kirjaudu"),
    "auth.sign_out": ("Sign out", "Kirjaudu ulos"),
    "auth.signed_in_as": ("Signed in as {name} ({role})", "Kirjautuneena: {name} ({role})"),
    "auth.refused": (
        "Wrong user name or password, or the account is locked for a while. Try again later or "
        "ask the project manager.",
        "Väärä käyttäjätunnus tai salasana, tai tili on hetken lukittuna. Yritä myöhemmin "
        "uudelleen tai kysy projektipäälliköltä.",
    ),
    "auth.inactive": (
        "This account is switched off. Ask the project manager if you still need access.",
        "Tämä tili on poistettu käytöstä. Pyydä projektipäälliköltä pääsyä, jos tarvitset sitä.",
    ),
    "auth.expired": (
        "You were signed out after a while without activity. Sign in again to continue.",
        "Sinut kirjattiin ulos, koska et käyttänyt palvelua hetkeen. Kirjaudu uudelleen.",
    ),
    "auth.no_users": (
        "No accounts exist yet. On the server, create the first project manager with "
        "`python -m core create-user NAME --role manager`.",
        "Käyttäjätilejä ei vielä ole. Luo palvelimella ensimmäinen projektipäällikkö komennolla "
        "`python -m core create-user NIMI --role manager`.",
    ),
    "auth.demo_accounts": ("Demo accounts", "Esittelytunnukset"),
    "auth.demo_account": (
        "`{username}` / `{password}`: {role}",
        "`{username}` / `{password}`: {role}",
    ),
    "auth.sso": ("Sign in with {provider}", "Kirjaudu: {provider}"),
    "auth.sso_default": ("single sign-on", "kertakirjautuminen"),
    "auth.no_access.title": ("No access to Silta yet", "Ei vielä pääsyä Siltaan"),
    "auth.no_access.body": (
        "You signed in, but this identity is not linked to a Silta account. Ask the project "
        "manager for access and tell them the identity below.",
        "Kirjauduit sisään, mutta tätä tunnistetta ei ole liitetty Silta-tiliin. Pyydä pääsyä "
        "projektipäälliköltä ja kerro hänelle alla oleva tunniste.",
    ),
    "account.title": ("My account", "Oma tili"),
    "account.username": ("User name: {username}", "Käyttäjätunnus: {username}"),
    "account.role": ("Role: {role}", "Rooli: {role}"),
    "account.company": ("Company: {company}", "Yritys: {company}"),
    "account.change_password": ("Change password", "Vaihda salasana"),
    "account.current_password": ("Current password", "Nykyinen salasana"),
    "account.new_password": (
        "New password (at least {n} characters)",
        "Uusi salasana (vähintään {n} merkkiä)",
    ),
    "account.repeat_password": ("New password again", "Uusi salasana uudelleen"),
    "account.save_password": ("Change password", "Vaihda salasana"),
    "account.passwords_differ": (
        "The new passwords differ; nothing was changed.",
        "Uudet salasanat eroavat toisistaan; mitään ei muutettu.",
    ),
    "account.password_changed": ("Password changed.", "Salasana vaihdettu."),
    "account.sso_only": (
        "You sign in through single sign-on; your password is managed there.",
        "Kirjaudut kertakirjautumisella; salasanaasi hallitaan siellä.",
    ),
    "users.err.password_short": (
        "The password must have at least {n} characters.",
        "Salasanassa on oltava vähintään {n} merkkiä.",
    ),
    "users.err.password_long": (
        "The password can have at most {n} characters.",
        "Salasanassa voi olla enintään {n} merkkiä.",
    ),
    "users.err.password_is_username": (
        "The password cannot be the user name.",
        "Salasana ei voi olla sama kuin käyttäjätunnus.",
    ),
    "users.err.password_simple": (
        "The password is too simple: use at least four different characters.",
        "Salasana on liian yksinkertainen: käytä vähintään neljää eri merkkiä.",
    ),
    "users.err.username": (
        "A user name has 2–80 characters: lower-case letters a–z, digits and . _ @ -, "
        "starting with a letter or digit.",
        "Käyttäjätunnuksessa on 2–80 merkkiä: pieniä kirjaimia a–z, numeroita ja . _ @ -, "
        "ja se alkaa kirjaimella tai numerolla.",
    ),
    "users.err.username_taken": (
        "The user name {username} is already taken.",
        "Käyttäjätunnus {username} on jo käytössä.",
    ),
    "users.err.email": ("That is not an e-mail address.", "Tämä ei ole sähköpostiosoite."),
    "users.err.no_way_in": (
        "Give a password, or an e-mail address for single sign-on.",
        "Anna salasana tai kertakirjautumisen sähköpostiosoite.",
    ),
    "users.err.company": (
        "A company user needs a company, and only company users have one.",
        "Yrityskäyttäjälle tarvitaan yritys, eikä muilla rooleilla ole yritystä.",
    ),
    "users.err.not_found": ("No such user.", "Käyttäjää ei löydy."),
    "users.err.current_password": (
        "The current password is not right; nothing was changed.",
        "Nykyinen salasana ei ole oikein; mitään ei muutettu.",
    ),
    "users.err.not_yourself": (
        "You cannot switch off your own account.",
        "Et voi poistaa omaa tiliäsi käytöstä.",
    ),
    "privacy.legend": (
        "{marker} = fewer than {n} people · .. = hidden so that a small group cannot be "
        "worked out · – = no data",
        "{marker} = alle {n} henkilöä · .. = piilotettu, jottei pientä ryhmää voi päätellä "
        "· – = ei tietoa",
    ),
    "audit.title": ("Audit log", "Tapahtumaloki"),
    "audit.intro": (
        "Every change, sign-in, search and export, with who and when. Personal values are "
        "shown as [personal data]; the log itself cannot be edited.",
        "Jokainen muutos, kirjautuminen, haku ja vienti: kuka ja milloin. Henkilötiedot "
        "näkyvät merkinnällä [personal data]; lokia ei voi muokata.",
    ),
    "audit.period": ("Period", "Aikaväli"),
    "audit.user": ("User", "Käyttäjä"),
    "audit.action": ("Action", "Toiminto"),
    "audit.entity": ("Table", "Taulu"),
    "audit.text": ("Contains text", "Sisältää tekstin"),
    "audit.any": ("(any)", "(kaikki)"),
    "audit.count": (
        "Showing {shown} of {total} matching entries, newest first.",
        "Näytetään {shown}/{total} osumaa, uusimmat ensin.",
    ),
    "audit.export": ("Export to Excel", "Vie Exceliin"),
    "audit.col.at": ("Time (UTC)", "Aika (UTC)"),
    "audit.col.username": ("User", "Käyttäjä"),
    "audit.col.company": ("Company", "Yritys"),
    "audit.col.action": ("Action", "Toiminto"),
    "audit.col.entity": ("Table", "Taulu"),
    "audit.col.entity_key": ("Row", "Rivi"),
    "audit.col.before": ("Before", "Ennen"),
    "audit.col.after": ("After", "Jälkeen"),
    "audit.col.detail": ("Detail", "Lisätieto"),
    "consent.title": ("Consents", "Suostumukset"),
    "consent.intro": (
        "Consent is recorded per purpose, with its date and source. Withdrawing search "
        "consent takes the profile out of search at once.",
        "Suostumus kirjataan käyttötarkoituksittain päivämäärineen ja lähteineen. Kun "
        "hakusuostumus perutaan, profiili poistuu hausta heti.",
    ),
    "consent.code": ("Participant code", "Osallistujan tunnus"),
    "consent.not_found": (
        "No participant with that code in this project.",
        "Tällä tunnuksella ei ole osallistujaa tässä hankkeessa.",
    ),
    "consent.col.purpose": ("Purpose", "Käyttötarkoitus"),
    "consent.col.basis": ("Legal basis", "Käsittelyperuste"),
    "consent.col.state": ("State", "Tila"),
    "consent.col.date": ("Date", "Päivä"),
    "consent.col.source": ("Source", "Lähde"),
    "consent.col.recorded_by": ("Recorded by", "Kirjaaja"),
    "consent.purpose.search": ("Searchable profile", "Haettava profiili"),
    "consent.purpose.contact": ("Contact by companies", "Yritysten yhteydenotot"),
    "consent.purpose.esf_reporting": ("ESF+ reporting", "ESR+-raportointi"),
    "consent.basis.consent": ("Consent", "Suostumus"),
    "consent.basis.legal_obligation": ("Legal obligation", "Lakisääteinen velvoite"),
    "consent.state.granted": ("Given", "Annettu"),
    "consent.state.withdrawn": ("Withdrawn", "Peruttu"),
    "consent.state.none": ("Not recorded", "Ei kirjattu"),
    "consent.source.form": ("Form", "Lomake"),
    "consent.source.paper": ("Paper", "Paperi"),
    "consent.source.email": ("E-mail", "Sähköposti"),
    "consent.source.import": ("Import", "Tuonti"),
    "consent.source.event": ("Event", "Tapahtuma"),
    "consent.source.other": ("Other", "Muu"),
    "consent.profile_searchable": (
        "Profile {code} is searchable.",
        "Profiili {code} on haettavissa.",
    ),
    "consent.profile_hidden": (
        "Profile {code} is not searchable.",
        "Profiili {code} ei ole haettavissa.",
    ),
    "consent.decision": ("Decision", "Päätös"),
    "consent.grant": ("Given", "Annettu"),
    "consent.withdraw": ("Withdrawn", "Peruttu"),
    "consent.save": ("Record", "Kirjaa"),
    "consent.saved": ("Recorded.", "Kirjattu."),
    "consent.err.no_participant": ("No such participant.", "Osallistujaa ei löydy."),
    "consent.err.legal_obligation": (
        "ESF+ reporting rests on a legal obligation, not on consent; it cannot be withdrawn.",
        "ESR+-raportointi perustuu lakisääteiseen velvoitteeseen eikä suostumukseen; sitä ei "
        "voi perua.",
    ),
    "users.title": ("Users", "Käyttäjät"),
    "users.col.username": ("User name", "Käyttäjätunnus"),
    "users.col.role": ("Role", "Rooli"),
    "users.col.company": ("Company", "Yritys"),
    "users.col.name": ("Name", "Nimi"),
    "users.col.active": ("Active", "Käytössä"),
    "users.col.locked_until": ("Locked until", "Lukittu asti"),
    "users.col.last_login": ("Last sign-in", "Viimeksi kirjautunut"),
    "users.col.sso": ("Single sign-on", "Kertakirjautuminen"),
    "users.email": ("E-mail (for single sign-on)", "Sähköposti (kertakirjautumista varten)"),
    "users.password_help": (
        "Leave empty for an account that signs in only through single sign-on.",
        "Jätä tyhjäksi, jos tili kirjautuu vain kertakirjautumisella.",
    ),
    "users.create": ("Create a user", "Luo käyttäjä"),
    "users.manage": ("Manage a user", "Hallitse käyttäjää"),
    "users.switch_off": ("Switch off", "Poista käytöstä"),
    "users.switch_on": ("Switch on", "Ota käyttöön"),
    "users.unlock": ("Unlock", "Avaa lukitus"),
    "users.reset_password": ("Set new password", "Aseta uusi salasana"),
    "users.done.created": ("User created.", "Käyttäjä luotu."),
    "users.done.saved": ("Saved.", "Tallennettu."),
    # --- Data management (issue 5): sheets, columns, import messages, pages ---------------
    "io.sheet.participants": ("Participants", "Osallistujat"),
    "io.sheet.companies": ("Companies", "Yritykset"),
    "io.sheet.commitments": ("Commitments", "Sitoumukset"),
    "io.sheet.events": ("Events", "Tapahtumat"),
    "io.sheet.attendance": ("Attendance", "Osallistumiset"),
    "io.sheet.follow_ups": ("Follow-ups", "Seurannat"),
    "io.sheet.profiles": ("Profiles", "Profiilit"),
    "io.sheet.instructions": ("Instructions", "Ohjeet"),
    # Issue 17: the ledger's salary costs
    "io.sheet.salary_costs": ("Salary costs", "Palkkakustannukset"),
    "io.col.month": ("Month", "Kuukausi"),
    "io.col.role": ("Role", "Rooli"),
    "io.col.person": ("Employee ID", "Henkilönumero"),
    "io.col.participants.code": ("Participant code", "Osallistujatunnus"),
    "io.col.events.code": ("Event code", "Tapahtumatunnus"),
    "io.col.profiles.code": ("Profile code", "Profiilitunnus"),
    "io.col.events.name": ("Event name", "Tapahtuman nimi"),
    "io.col.companies.name": ("Company name", "Yrityksen nimi"),
    "io.col.commitments.kind": ("Commitment kind", "Sitoumuksen laji"),
    "io.col.follow_ups.kind": ("Follow-up", "Seuranta"),
    "io.col.target_group": ("Target group", "Kohderyhmä"),
    "io.col.programme": ("Programme", "Koulutusohjelma"),
    "io.col.spearhead": ("Spearhead", "Kärki"),
    "io.col.entry_status": ("Labour-market status at entry", "Työmarkkina-asema aloittaessa"),
    "io.col.gender": ("Gender", "Sukupuoli"),
    "io.col.age_band": ("Age band", "Ikäryhmä"),
    "io.col.isced": ("Education (ISCED)", "Koulutustaso (ISCED)"),
    "io.col.entry_date": ("Entry date", "Aloituspäivä"),
    "io.col.exit_date": ("Exit date", "Päättymispäivä"),
    "io.col.birth_year": ("Birth year", "Syntymävuosi"),
    "io.col.third_country_national": ("Third-country national", "Kolmannen maan kansalainen"),
    "io.col.foreign_background": ("Foreign background", "Ulkomaalaistaustainen"),
    "io.col.disability": ("Disability", "Vamma"),
    "io.col.minority": ("Minority", "Vähemmistö"),
    "io.col.homeless": ("Homeless", "Asunnoton"),
    "io.col.rural": ("Rural area", "Maaseutualue"),
    "io.col.first_name": ("First name", "Etunimi"),
    "io.col.last_name": ("Last name", "Sukunimi"),
    "io.col.email": ("Email", "Sähköposti"),
    "io.col.student_number": ("Student number", "Opiskelijanumero"),
    "io.col.business_id": ("Business ID", "Y-tunnus"),
    "io.col.size_class": ("Size class", "Kokoluokka"),
    "io.col.sector": ("Sector", "Toimiala"),
    "io.col.municipality": ("Municipality", "Kunta"),
    "io.col.joined_on": ("Joined the project on", "Mukaan hankkeeseen"),
    "io.col.year": ("Year", "Vuosi"),
    "io.col.committed": ("Committed", "Sovittu"),
    "io.col.delivered": ("Delivered", "Toteutunut"),
    "io.col.amount_eur": ("Amount (€)", "Summa (€)"),
    "io.col.topic": ("Topic", "Aihe"),
    "io.col.signed_on": ("Signed on", "Allekirjoitettu"),
    "io.col.event_type": ("Event type", "Tapahtumatyyppi"),
    "io.col.event_date": ("Event date", "Tapahtumapäivä"),
    "io.col.work_package": ("Work package", "Työpaketti"),
    "io.col.online": ("Online", "Verkossa"),
    "io.col.location": ("Location", "Paikka"),
    "io.col.event": ("Event code", "Tapahtumatunnus"),
    "io.col.attendee": ("Attendee code", "Osallistujan koodi"),
    "io.col.participant": ("Participant code", "Osallistujatunnus"),
    "io.col.recorded_on": ("Recorded on", "Kirjattu"),
    "io.col.status": ("Status", "Tilanne"),
    "io.col.precarious_to_stable": ("Precarious to stable job", "Epävarmasta vakaaseen työhön"),
    "io.col.underemployed_to_full": ("Under-employed to full", "Vajaatyöllisestä täyteen työhön"),
    "io.col.more_skilled_job": ("More skilled job", "Vaativampi työ"),
    "io.col.job_matches_education": ("Job matches education", "Työ vastaa koulutusta"),
    "io.col.job_in_ict": ("Job in ICT", "Työ ICT-alalla"),
    "io.col.job_in_region": ("Job in the region", "Työ alueella"),
    "io.col.experience_score": ("Experience score (1–5)", "Kokemus (1–5)"),
    "io.col.intends_to_stay": ("Intends to stay", "Aikoo jäädä alueelle"),
    "io.col.study_year": ("Study year", "Opintovuosi"),
    "io.col.skills": ("Skills", "Osaaminen"),
    "io.col.interests": ("Interests", "Kiinnostukset"),
    "io.col.languages": ("Languages", "Kielet"),
    "io.col.available_for": ("Available for", "Käytettävissä"),
    "io.col.available_from": ("Available from", "Käytettävissä alkaen"),
    "io.col.consent_search": ("Consent to be searchable", "Suostumus hakuun"),
    "io.col.text_language": ("Text language", "Tekstin kieli"),
    "io.format.text": ("Text", "Tekstiä"),
    "io.format.date": (
        "Date: 2026-01-31 or 31.1.2026 (or an Excel date)",
        "Päivämäärä: 31.1.2026 tai 2026-01-31 (tai Excelin päivämäärä)",
    ),
    "io.format.bool": ("yes / no", "kyllä / ei"),
    "io.format.int": ("Whole number", "Kokonaisluku"),
    "io.format.decimal": ("Euros, e.g. 1500 or 1500,50", "Euroja, esim. 1500 tai 1500,50"),
    "io.format.code": ("One of: {choices}", "Yksi näistä: {choices}"),
    "io.format.codes": ("Any of, comma-separated: {choices}", "Pilkuilla erotettuina: {choices}"),
    "io.format.ref": ("A code of: {what}", "Tunnus: {what}"),
    "io.format.languages": ("Language codes, e.g. en, fi", "Kielikoodit, esim. en, fi"),
    "io.ref.target_group": ("target groups of the project", "hankkeen kohderyhmät"),
    "io.ref.programme": ("degree programmes of the project", "hankkeen koulutusohjelmat"),
    "io.ref.spearhead": ("spearheads of the project", "hankkeen kärjet"),
    "io.ref.work_package": ("work packages of the project", "hankkeen työpaketit"),
    "io.ref.event": (
        "an event (Events sheet or stored)",
        "tapahtuma (Tapahtumat-välilehti tai tallennettu)",
    ),
    "io.ref.participant": (
        "a participant (Participants sheet or stored)",
        "osallistuja (Osallistujat-välilehti tai tallennettu)",
    ),
    "io.ref.company": (
        "a company's business ID (Companies sheet or stored)",
        "yrityksen Y-tunnus (Yritykset-välilehti tai tallennettu)",
    ),
    "io.required": ("required", "pakollinen"),
    "io.optional": ("optional", "vapaaehtoinen"),
    "io.instructions.title": ("How to fill in this workbook", "Näin täytät tämän työkirjan"),
    "io.instructions.intro": (
        "One sheet per kind of record; row 1 holds the column names (English or Finnish both "
        "work). Fill one record per row, values only (no formulas, no merged cells). Importing "
        "the same file again changes nothing; rows are matched by their code. Nothing is "
        "written while any row has an error: the preview lists every problem by sheet, row "
        "and column. Imports never delete; delete records in the app.",
        "Kullekin tietueiden lajille on oma välilehti; rivillä 1 ovat sarakkeiden nimet "
        "(suomeksi tai englanniksi). Täytä yksi tietue riville, vain arvoja (ei kaavoja, ei "
        "yhdistettyjä soluja). Saman tiedoston tuominen uudelleen ei muuta mitään; rivit "
        "tunnistetaan tunnuksesta. Mitään ei tallenneta, jos yhdelläkin rivillä on virhe: "
        "esikatselu näyttää jokaisen ongelman välilehden, rivin ja sarakkeen mukaan. Tuonti ei "
        "koskaan poista; poista tietueet sovelluksessa.",
    ),
    "io.instructions.sheet": ("Sheet", "Välilehti"),
    "io.instructions.column": ("Column", "Sarake"),
    "io.instructions.column_fi": ("Column (Finnish)", "Sarake (englanniksi)"),
    "io.instructions.needed": ("Required?", "Pakollinen?"),
    "io.instructions.format": ("What to write", "Mitä kirjoitetaan"),
    "io.instructions.reentry": (
        "Participants: a code that is already stored is a re-entry; the first entry data is "
        "kept and only the exit date and contact details change.",
        "Osallistujat: jo tallennettu tunnus on uusi aloitus; ensimmäisen aloituksen tiedot "
        "säilyvät ja vain päättymispäivä ja yhteystiedot muuttuvat.",
    ),
    # Import problems (sheet, row and column are shown beside the message)
    "io.err.required": ("A value is required here.", "Tähän tarvitaan arvo."),
    "io.err.invalid": ("This value is not valid ({detail}).", "Arvo ei kelpaa ({detail})."),
    "io.err.min": (
        "{value} is too small: the smallest allowed is {min}.",
        "{value} on liian pieni: pienin sallittu on {min}.",
    ),
    "io.err.max": (
        "{value} is too large: the largest allowed is {max}.",
        "{value} on liian suuri: suurin sallittu on {max}.",
    ),
    "io.err.too_big": (
        "{value} is too large for this column.",
        "{value} on liian suuri tähän sarakkeeseen.",
    ),
    "io.err.too_long": (
        "The text is {length} characters long; at most {max} fit.",
        "Tekstissä on {length} merkkiä; enintään {max} mahtuu.",
    ),
    "io.err.too_long_cut": (
        "The text fills the whole cell ({length} characters, the most a spreadsheet cell "
        "holds), so it was probably cut when the file was saved; at most {max} fit.",
        "Teksti täyttää koko solun ({length} merkkiä, enempää solu ei voi sisältää), joten se "
        "on luultavasti katkennut tiedostoa tallennettaessa; enintään {max} mahtuu.",
    ),
    "io.err.text_expected": (
        "Write text here, not {value}.",
        "Kirjoita tähän tekstiä, ei {value}.",
    ),
    "io.err.formula_text": (
        "'{value}' starts with a character that makes Excel run it as a formula; remove it.",
        "'{value}' alkaa merkillä, jonka vuoksi Excel suorittaisi sen kaavana; poista merkki.",
    ),
    "io.err.control_chars": (
        "The text holds invisible control characters; retype it.",
        "Tekstissä on näkymättömiä ohjausmerkkejä; kirjoita se uudelleen.",
    ),
    "io.err.bidi_chars": (
        "The text holds invisible characters that reverse the direction of writing, so it "
        "does not read as it is stored; retype it.",
        "Tekstissä on näkymättömiä merkkejä, jotka kääntävät kirjoitussuunnan, joten se ei "
        "näytä siltä kuin se tallentuisi; kirjoita se uudelleen.",
    ),
    "io.err.key_chars": (
        "'{value}' cannot be a code: use letters, digits, dot, dash or underscore, no spaces.",
        "'{value}' ei kelpaa tunnukseksi: käytä kirjaimia, numeroita, pistettä, viivaa tai "
        "alaviivaa, ei välilyöntejä.",
    ),
    "io.err.date_number": (
        "{value} is a number, not a date: format the cell as a date or write 2026-01-31.",
        "{value} on luku eikä päivämäärä: muotoile solu päivämääräksi tai kirjoita 31.1.2026.",
    ),
    "io.err.date_format": (
        "'{value}' is not a date Silta can read: write 2026-01-31 or 31.1.2026.",
        "'{value}' ei ole tunnistettava päivämäärä: kirjoita 31.1.2026 tai 2026-01-31.",
    ),
    "io.err.date_ambiguous": (
        "'{value}' could be either day/month or month/day: write 2026-01-31 or 31.1.2026.",
        "'{value}' voi olla joko päivä/kuukausi tai kuukausi/päivä: kirjoita 31.1.2026 tai "
        "2026-01-31.",
    ),
    "io.err.date_short_year": (
        "'{value}' has a two-digit year: write the year in full, e.g. 31.1.2026.",
        "Päivämäärässä '{value}' on kaksinumeroinen vuosi: kirjoita vuosi kokonaan, esim. "
        "31.1.2026.",
    ),
    "io.err.date_invalid": (
        "'{value}' is not a real calendar date.",
        "'{value}' ei ole kalenteripäivä.",
    ),
    "io.err.date_range": (
        "{value} is outside the years Silta accepts (1900–2100).",
        "{value} on sallittujen vuosien (1900–2100) ulkopuolella.",
    ),
    "io.err.bool": ("'{value}' is not yes or no.", "'{value}' ei ole kyllä tai ei."),
    "io.err.int": ("'{value}' is not a whole number.", "'{value}' ei ole kokonaisluku."),
    "io.err.decimal": ("'{value}' is not an amount of euros.", "'{value}' ei ole euromäärä."),
    "io.err.decimal_ambiguous": (
        "'{value}' could mean a thousand or a decimal: write 1500 or 1,5.",
        "'{value}' voi tarkoittaa tuhatta tai desimaalia: kirjoita 1500 tai 1,5.",
    ),
    "io.err.decimal_places": (
        "'{value}' has more than two decimals.",
        "Luvussa '{value}' on yli kaksi desimaalia.",
    ),
    "io.err.code": (
        "'{value}' is not a known code. Use one of: {codes}.",
        "'{value}' ei ole tunnettu koodi. Käytä jotakin näistä: {codes}.",
    ),
    "io.err.one_code": (
        "'{value}' gives several values; exactly one is allowed (e.g. one labour-market status "
        "per participant).",
        "'{value}' sisältää useita arvoja; vain yksi on sallittu (esim. yksi työmarkkina-asema "
        "osallistujaa kohden).",
    ),
    "io.err.language": (
        "'{value}' is not a two-letter language code such as en or fi.",
        "'{value}' ei ole kaksikirjaiminen kielikoodi, kuten fi tai en.",
    ),
    "io.err.business_id_format": (
        "'{value}' is not a business ID: write it as 1234567-8.",
        "'{value}' ei ole Y-tunnus: kirjoita muodossa 1234567-8.",
    ),
    "io.err.business_id_check": (
        "{value}: the check digit is wrong; check the business ID (ytj.fi).",
        "{value}: tarkistusnumero ei täsmää; tarkista Y-tunnus (ytj.fi).",
    ),
    "io.err.exit_before_entry": (
        "The exit date {later} is before the entry date {first}.",
        "Päättymispäivä {later} on ennen aloituspäivää {first}.",
    ),
    "io.err.age_band": (
        "Age band {band} does not fit birth year {birth_year}: entering on {entry}, someone in "
        "that band was born in {first}–{last}.",
        "Ikäryhmä {band} ei sovi syntymävuoteen {birth_year}: {entry} aloittava tämän ikäryhmän "
        "osallistuja on syntynyt vuosina {first}–{last}.",
    ),
    "io.err.email": ("'{value}' is not an email address.", "'{value}' ei ole sähköpostiosoite."),
    "io.err.programme_spearhead": (
        "Programme {programme} belongs to spearhead {spearhead}.",
        "Koulutusohjelma {programme} kuuluu kärkeen {spearhead}.",
    ),
    "io.err.unknown_target_group": (
        "'{value}' is not a target group of the project. Known: {known}.",
        "'{value}' ei ole hankkeen kohderyhmä. Tunnetut: {known}.",
    ),
    "io.err.unknown_programme": (
        "'{value}' is not a programme of the project. Known: {known}.",
        "'{value}' ei ole hankkeen koulutusohjelma. Tunnetut: {known}.",
    ),
    "io.err.unknown_spearhead": (
        "'{value}' is not a spearhead of the project. Known: {known}.",
        "'{value}' ei ole hankkeen kärki. Tunnetut: {known}.",
    ),
    "io.err.unknown_work_package": (
        "'{value}' is not a work package of the project. Known: {known}.",
        "'{value}' ei ole hankkeen työpaketti. Tunnetut: {known}.",
    ),
    "io.err.unknown_event": (
        "No event has the code '{value}': add it to the Events sheet or create it first.",
        "Tapahtumaa tunnuksella '{value}' ei ole: lisää se Tapahtumat-välilehdelle tai luo se "
        "ensin.",
    ),
    "io.err.unknown_participant": (
        "No participant has the code '{value}': add them to the Participants sheet or create them "
        "first.",
        "Osallistujaa tunnuksella '{value}' ei ole: lisää hänet Osallistujat-välilehdelle tai luo "
        "ensin.",
    ),
    "io.err.unknown_company": (
        "No company has the business ID '{value}': add it to the Companies sheet or create it "
        "first.",
        "Yritystä Y-tunnuksella '{value}' ei ole: lisää se Yritykset-välilehdelle tai luo se "
        "ensin.",
    ),
    "io.err.duplicate_key": (
        "{key} appears already on row {first}; each record once per file.",
        "{key} on jo rivillä {first}; kukin tietue vain kerran tiedostossa.",
    ),
    "io.err.follow_up_no_exit": (
        "Participant {participant} has no exit date: record the exit before the follow-up.",
        "Osallistujalla {participant} ei ole päättymispäivää: kirjaa päättyminen ennen seurantaa.",
    ),
    "io.err.follow_up_before_exit": (
        "Recorded on {recorded_on}, before the exit on {exit}: a follow-up comes after leaving.",
        "Kirjattu {recorded_on}, ennen päättymistä {exit}: seuranta tehdään päättymisen jälkeen.",
    ),
    "io.err.attendee_conflict": (
        "Attendee {attendee} has a different target group, participant or company on row {first}.",
        "Osallistujalla {attendee} on eri kohderyhmä, osallistuja tai yritys rivillä {first}.",
    ),
    "io.err.participant_two_attendees": (
        "Participant {participant} is already attendee {attendee}; one person has one attendee "
        "code.",
        "Osallistuja {participant} on jo koodilla {attendee}; yhdellä henkilöllä on yksi koodi.",
    ),
    "io.err.locked": (
        "Date {day} is in the locked period {label} ({start} – {end}); unlock it first (with a "
        "reason).",
        "Päivä {day} on lukitulla kaudella {label} ({start} – {end}); avaa lukitus ensin "
        "(perustellen).",
    ),
    "io.err.unknown_column": (
        "This column is not known here (did you mean '{hint}'?). Rename or remove it.",
        "Saraketta ei tunneta (tarkoititko '{hint}'?). Nimeä se uudelleen tai poista.",
    ),
    "io.err.repeated_column": (
        "The same column appears twice (first as '{first}').",
        "Sama sarake on kahdesti (ensin nimellä '{first}').",
    ),
    "io.err.missing_column": (
        "The required column '{english}' / '{finnish}' is missing.",
        "Pakollinen sarake '{finnish}' / '{english}' puuttuu.",
    ),
    "io.err.no_header": (
        "Column {letter} has values but no column name in the header row.",
        "Sarakkeessa {letter} on arvoja mutta ei otsikkoa otsikkorivillä.",
    ),
    "io.err.two_sheets": (
        "This sheet holds the same kind of records as '{first}'; use one sheet.",
        "Tällä välilehdellä on samoja tietueita kuin välilehdellä '{first}'; käytä yhtä.",
    ),
    "io.err.formula": (
        "The cell holds a formula ({value}); the import takes values only: copy the cells and "
        "paste them as values.",
        "Solussa on kaava ({value}); tuonti hyväksyy vain arvot: kopioi solut ja liitä ne arvoina.",
    ),
    "io.err.hidden_sheet": (
        "The sheet is hidden; Silta does not import what you cannot see. Unhide it in Excel "
        "(right-click a sheet tab, Unhide) and check it, or delete it.",
        "Välilehti on piilotettu; Silta ei tuo tietoja, joita et näe. Tuo se näkyviin Excelissä "
        "(napsauta välilehteä hiiren oikealla, Näytä) ja tarkista se, tai poista se.",
    ),
    "io.err.sheet_too_big": (
        "The sheet unpacks to {size} MB of data; Silta reads at most {max} MB per sheet. Split "
        "the rows into several files.",
        "Välilehdestä purkautuu {size} Mt dataa; Silta lukee enintään {max} Mt välilehteä "
        "kohden. Jaa rivit useaan tiedostoon.",
    ),
    "io.err.sheet_too_wide": (
        "The sheet has content as far as row {rows}, column {column}: {cells} cells to read, "
        "more than the {max} Silta reads. Delete the rows and columns beyond your data and "
        "save again.",
        "Välilehdellä on sisältöä riville {rows} ja sarakkeeseen {column} asti: {cells} solua, "
        "enemmän kuin Silta lukee ({max}). Poista tietojen ulkopuoliset rivit ja sarakkeet ja "
        "tallenna uudelleen.",
    ),
    "io.err.merged": (
        "Cells {cells} are merged: unmerge them and fill every cell.",
        "Solut {cells} on yhdistetty: pura yhdistäminen ja täytä jokainen solu.",
    ),
    "io.err.empty_sheet": ("The sheet is empty.", "Välilehti on tyhjä."),
    "io.err.no_rows": (
        "The sheet has a header row but no records.",
        "Välilehdellä on otsikkorivi mutta ei tietueita.",
    ),
    "io.err.too_many_rows": (
        "The sheet has more than {max} rows; split it into several files.",
        "Välilehdellä on yli {max} riviä; jaa se useaan tiedostoon.",
    ),
    "io.err.empty_file": ("{file} is empty.", "{file} on tyhjä."),
    "io.err.encrypted": (
        "{file} is protected with a password: open it in Excel, remove the password (File › Info "
        "› Protect Workbook) and save it again.",
        "{file} on suojattu salasanalla: avaa se Excelissä, poista salasana (Tiedosto › Tiedot › "
        "Suojaa työkirja) ja tallenna uudelleen.",
    ),
    "io.err.old_excel": (
        "{file} is in the old .xls format: save it as an Excel workbook (.xlsx).",
        "{file} on vanhaa .xls-muotoa: tallenna se Excel-työkirjana (.xlsx).",
    ),
    "io.err.damaged": (
        "{file} could not be opened as an Excel workbook: it is damaged or incomplete. Save it "
        "again from Excel.",
        "Tiedostoa {file} ei voitu avata Excel-työkirjana: se on vioittunut tai keskeneräinen. "
        "Tallenna se uudelleen Excelistä.",
    ),
    "io.err.damaged_csv": (
        "{file} is not a readable CSV file.",
        "{file} ei ole luettava CSV-tiedosto.",
    ),
    "io.err.not_a_table": (
        "{file} is not an Excel workbook (.xlsx) or a CSV file.",
        "{file} ei ole Excel-työkirja (.xlsx) eikä CSV-tiedosto.",
    ),
    "io.err.no_known_sheet": (
        "{file} has no sheet Silta knows (Participants, Companies, Commitments, Events, "
        "Attendance, Follow-ups, Profiles); start from a template.",
        "Tiedostossa {file} ei ole tunnettua välilehteä (Osallistujat, Yritykset, Sitoumukset, "
        "Tapahtumat, Osallistumiset, Seurannat, Profiilit); aloita pohjasta.",
    ),
    "io.err.encoding": (
        "The text encoding of {file} cannot be recognised: save it in Excel as 'CSV UTF-8'.",
        "Tiedoston {file} merkistöä ei tunnisteta: tallenna se Excelissä muodossa 'CSV UTF-8'.",
    ),
    "io.err.mojibake": (
        "{file} holds garbled letters (like Ã¤ for ä): it was converted between encodings. Save "
        "it again as 'CSV UTF-8' from the original.",
        "Tiedostossa {file} on sekaisin meneitä kirjaimia (kuten Ã¤ eikä ä): sen merkistö on "
        "muunnettu väärin. Tallenna alkuperäinen uudelleen muodossa 'CSV UTF-8'.",
    ),
    "io.err.csv_kind": (
        "Which records does {file} hold? Name the file after the kind (e.g. participants.csv) or "
        "choose the kind.",
        "Mitä tietueita tiedostossa {file} on? Nimeä tiedosto lajin mukaan (esim. "
        "participants.csv) tai valitse laji.",
    ),
    "io.err.database": (
        "The database refused the change ({detail}). Nothing was written.",
        "Tietokanta ei hyväksynyt muutosta ({detail}). Mitään ei tallennettu.",
    ),
    "io.err.database_row": (
        "The database refused this row ({detail}). Nothing was written.",
        "Tietokanta ei hyväksynyt tätä riviä ({detail}). Mitään ei tallennettu.",
    ),
    "io.err.zip_unpacked": (
        "{file} unpacks to {size} MB; Silta opens workbooks of at most {max} MB unpacked. "
        "Split the data into several files.",
        "{file} purkautuu {size} megatavuun; Silta avaa enintään {max} Mt:n työkirjoja. Jaa "
        "tiedot useaan tiedostoon.",
    ),
    "io.err.zip_ratio": (
        "{file} is packed {ratio} times smaller than its content ({part}), more than the {max} "
        "times a real workbook is: it is refused as unsafe. Save it again from Excel.",
        "{file} on pakattu {ratio} kertaa sisältöään pienemmäksi ({part}), enemmän kuin "
        "oikeassa työkirjassa ({max}): se hylätään vaarallisena. Tallenna se uudelleen "
        "Excelistä.",
    ),
    "io.err.zip_entries": (
        "{file} holds {count} parts; a workbook has far fewer (at most {max} are read). Save "
        "it again from Excel.",
        "{file} sisältää {count} osaa; työkirjassa niitä on paljon vähemmän (enintään {max} "
        "luetaan). Tallenna se uudelleen Excelistä.",
    ),
    "io.err.participant_has_profile": (
        "Participant {participant} already has profile {profile}; a participant has one "
        "profile. Move or delete that one first.",
        "Osallistujalla {participant} on jo profiili {profile}; osallistujalla on yksi "
        "profiili. Siirrä tai poista se ensin.",
    ),
    "io.err.consent_withdrawn": (
        "{participant} has withdrawn search consent, so an import cannot make profile "
        "{profile} searchable. Consent is recorded on the Consents page; write no here or "
        "leave the cell empty.",
        "{participant} on perunut suostumuksensa hakuun, joten tuonti ei voi tuoda profiilia "
        "{profile} hakuun. Suostumus kirjataan Suostumukset-sivulla; kirjoita tähän ei tai "
        "jätä solu tyhjäksi.",
    ),
    "io.warn.consent_not_recorded": (
        "No search consent is recorded for participant {participant}, so profile {profile} is "
        "not searchable: an import cannot give consent. Record it on the Consents page.",
        "Osallistujalle {participant} ei ole kirjattu suostumusta hakuun, joten profiili "
        "{profile} ei näy haussa: tuonti ei voi antaa suostumusta. Kirjaa se "
        "Suostumukset-sivulla.",
    ),
    "io.warn.consent_stands": (
        "{participant}'s search consent is on record, so profile {profile} stays searchable: "
        "an import does not withdraw consent. Withdraw it on the Consents page.",
        "Osallistujan {participant} suostumus hakuun on kirjattu, joten profiili {profile} "
        "näkyy edelleen haussa: tuonti ei peru suostumusta. Peru se Suostumukset-sivulla.",
    ),
    "io.warn.sheet_ignored": (
        "This sheet is not one Silta knows; it was skipped.",
        "Välilehteä ei tunneta; se ohitettiin.",
    ),
    "io.warn.entry_kept": (
        "{code} is already stored: a re-entry keeps the first entry data, so {columns} did not "
        "change.",
        "{code} on jo tallennettu: uusi aloitus säilyttää ensimmäisen aloituksen tiedot, joten "
        "{columns} ei muuttunut.",
    ),
    "locks.refused": (
        "Period {label} ({start} – {end}) is locked: {what} ({day}) cannot change. Unlock the "
        "period first, with a reason.",
        "Kausi {label} ({start} – {end}) on lukittu: {what} ({day}) ei voi muuttua. Avaa lukitus "
        "ensin perustellen.",
    ),
    "locks.label_required": (
        "Give the lock a name, e.g. 2026 H1.",
        "Anna lukitukselle nimi, esim. 2026 H1.",
    ),
    "locks.end_before_start": (
        "The period ends before it starts.",
        "Kausi päättyy ennen kuin alkaa.",
    ),
    "locks.reason_required": (
        "Unlocking needs a reason.",
        "Lukituksen avaaminen vaatii perustelun.",
    ),
    "locks.not_active": ("This lock is no longer active.", "Tämä lukitus ei ole enää voimassa."),
    "page.data_import": ("Import", "Tuonti"),
    "page.data_records": ("Records", "Tietueet"),
    "page.followups": ("Follow-ups", "Seurannat"),
    "page.data_exports": ("Exports", "Viennit"),
    "page.period_locks": ("Period locks", "Kausilukitukset"),
    "io.problem.severity": ("", ""),
    "io.problem.sheet": ("Sheet", "Välilehti"),
    "io.problem.row": ("Row", "Rivi"),
    "io.problem.column": ("Column", "Sarake"),
    "io.problem.message": ("What to do", "Mitä tehdä"),
    "io.severity.error": ("Error", "Virhe"),
    "io.severity.warning": ("Note", "Huomio"),
    "io.count.rows": ("Rows", "Rivejä"),
    "io.count.created": ("Created", "Uusia"),
    "io.count.updated": ("Updated", "Päivitettyjä"),
    "io.count.unchanged": ("Unchanged", "Ennallaan"),
    "io.nothing_written": (
        "{count} problem(s) to fix. Nothing has been written.",
        "{count} korjattavaa ongelmaa. Mitään ei ole tallennettu.",
    ),
    "import.title": ("Import from Excel or CSV", "Tuonti Excelistä tai CSV:stä"),
    "import.intro": (
        "Upload a workbook made from a template (or an export). Silta checks every row first "
        "and writes nothing until the whole file is right; importing it again changes nothing.",
        "Lataa pohjasta (tai viennistä) tehty työkirja. Silta tarkistaa ensin jokaisen rivin "
        "eikä tallenna mitään ennen kuin koko tiedosto on kunnossa; uusi tuonti ei muuta mitään.",
    ),
    "import.templates": ("Excel templates", "Excel-pohjat"),
    "import.kind": ("Records", "Tietueet"),
    "import.all_kinds": ("All kinds (one sheet each)", "Kaikki lajit (kukin omalle välilehdelle)"),
    "import.download_template": ("Download template", "Lataa pohja"),
    "import.upload": ("File to import (.xlsx or .csv)", "Tuotava tiedosto (.xlsx tai .csv)"),
    "import.upload_help": (
        "Sheets are recognised by name (English or Finnish). A CSV holds one kind, named after "
        "it, e.g. participants.csv.",
        "Välilehdet tunnistetaan nimestä (suomeksi tai englanniksi). CSV:ssä on yksi laji, ja se "
        "nimetään lajin mukaan, esim. participants.csv.",
    ),
    "import.preview": ("Preview", "Esikatselu"),
    "import.encoding": ("The CSV was read as {encoding}.", "CSV luettiin merkistöllä {encoding}."),
    "import.apply": ("Import now", "Tuo nyt"),
    "import.working": ("Importing…", "Tuodaan…"),
    "import.step.read": ("Reading the file…", "Luetaan tiedostoa…"),
    "import.step.check": ("Checking rows…", "Tarkistetaan rivejä…"),
    "import.step.write": ("Writing…", "Tallennetaan…"),
    "import.step.done": ("Done", "Valmis"),
    "import.done": ("{file} was imported.", "{file} tuotiin."),
    "redact.preview": (
        "What companies see of a profile",
        "Mitä yritykset näkevät profiilista",
    ),
    "redact.preview_help": (
        "Before a profile text reaches companies or the search index, names, contact details, "
        "identifying numbers and the student's own home town or country are removed. Other "
        "place names are kept but flagged here: check them.",
        "Ennen kuin profiiliteksti näkyy yrityksille tai hakuhakemistossa, siitä poistetaan "
        "nimet, yhteystiedot, tunnistavat numerot sekä opiskelijan oma kotipaikka tai kotimaa. "
        "Muut paikannimet jätetään mutta merkitään tähän: tarkista ne.",
    ),
    "redact.choose": ("Profile", "Profiili"),
    "redact.import_title": (
        "What companies will not see of these profiles",
        "Mitä yritykset eivät näe näistä profiileista",
    ),
    "redact.import_help": (
        "Removed text is never shown to companies or indexed for search; flagged place names "
        "are kept: check that they do not tell who the student is. Nothing is written yet.",
        "Poistettua tekstiä ei näytetä yrityksille eikä käytetä haussa; merkityt paikannimet "
        "jätetään: tarkista, etteivät ne kerro, kuka opiskelija on. Mitään ei ole vielä "
        "tallennettu.",
    ),
    "redact.removed": ("Removed", "Poistettu"),
    "redact.flagged": ("Kept, check", "Jätetty, tarkista"),
    "redact.nothing": ("Nothing removed or flagged.", "Mitään ei poistettu eikä merkitty."),
    "redact.col.action": ("What happened", "Mitä tehtiin"),
    "redact.col.kind": ("What it is", "Mikä se on"),
    "redact.col.text": ("Text", "Teksti"),
    "redact.kind.email": ("e-mail address", "sähköpostiosoite"),
    "redact.kind.web": ("web address", "verkko-osoite"),
    "redact.kind.handle": ("user name", "käyttäjätunnus"),
    "redact.kind.phone": ("phone number", "puhelinnumero"),
    "redact.kind.number": ("identifying number", "tunnistava numero"),
    "redact.kind.birth_date": ("birth date", "syntymäaika"),
    "redact.kind.name": ("the student's name", "opiskelijan nimi"),
    "redact.kind.identifier": (
        "the student's recorded e-mail or student number",
        "opiskelijan tallennettu sähköposti tai opiskelijanumero",
    ),
    "redact.kind.place": ("place name", "paikannimi"),
    "records.title": ("Records", "Tietueet"),
    "records.help": (
        "{count} records. Edit cells or add rows at the bottom, then save: the same checks as an "
        "import apply.",
        "{count} tietuetta. Muokkaa soluja tai lisää rivejä alle ja tallenna: samat tarkistukset "
        "kuin tuonnissa.",
    ),
    "records.save": ("Save {count} changed row(s)", "Tallenna {count} muutettua riviä"),
    "records.saved": ("{count} row(s) saved.", "{count} riviä tallennettu."),
    "records.delete": ("Delete records", "Poista tietueita"),
    "records.choose": ("Records to delete", "Poistettavat tietueet"),
    "records.confirm_delete": (
        "Delete {count} record(s) of {kind}? Records that depend on them (follow-ups, attendance, "
        "commitments) go too. This cannot be undone.",
        "Poistetaanko {count} tietuetta ({kind})? Niistä riippuvat tiedot (seurannat, "
        "osallistumiset, sitoumukset) poistuvat myös. Tätä ei voi perua.",
    ),
    "records.delete_now": ("Delete", "Poista"),
    "records.deleted": ("{count} record(s) deleted.", "{count} tietuetta poistettu."),
    "exports.title": ("Exports", "Viennit"),
    "exports.data": ("Data", "Tiedot"),
    "exports.eura": ("EURA indicators", "EURA-indikaattorit"),
    "exports.pack": ("Steering group pack", "Ohjausryhmän aineisto"),
    "exports.prepare": ("Prepare the data exports", "Valmistele tietojen viennit"),
    "exports.data_download": ("Data workbook (.xlsx)", "Tietotyökirja (.xlsx)"),
    "exports.data_help": (
        "Every record in template layout: edit it and import it back; unchanged rows stay "
        "unchanged.",
        "Kaikki tietueet pohjan muodossa: muokkaa ja tuo takaisin; muuttamattomat rivit pysyvät "
        "ennallaan.",
    ),
    "exports.tables_download": (
        "All tables as stored (.xlsx)",
        "Kaikki taulut sellaisenaan (.xlsx)",
    ),
    "exports.tables_help": (
        "Every table and column, including the audit log (no passwords).",
        "Kaikki taulut ja sarakkeet, myös muutosloki (ei salasanoja).",
    ),
    "exports.period": ("Reporting period", "Raportointikausi"),
    "exports.eura_help": (
        "EU common indicators for the period, by gender: entries in the period for outputs, exits "
        "in the period for results.",
        "EU:n yhteiset indikaattorit kaudelta sukupuolittain: tuotokset kaudella aloittaneista, "
        "tulokset kaudella päättäneistä.",
    ),
    "exports.exact_counts": (
        "Exact counts for EURA: keep this file with the manager.",
        "Tarkat luvut EURAan: säilytä tiedosto hankehenkilöstöllä.",
    ),
    "exports.eura_download": ("EURA indicator export (.xlsx)", "EURA-indikaattorivienti (.xlsx)"),
    "exports.as_of": ("Situation on", "Tilanne päivänä"),
    "exports.pack_help": (
        "KPI table and one sheet per chart with its data and an Excel chart; small groups are "
        "hidden.",
        "Mittaritaulukko ja kaavio tietoineen omalla välilehdellään; pienet ryhmät on piilotettu.",
    ),
    "exports.pack_download": ("Steering group pack (.xlsx)", "Ohjausryhmän aineisto (.xlsx)"),
    "eura.period": ("Reporting period", "Raportointikausi"),
    "eura.generated": ("Generated", "Luotu"),
    "eura.section": ("Section", "Osa"),
    "eura.code": ("EU code", "EU-koodi"),
    "eura.companies": ("Supported enterprises", "Tuetut yritykset"),
    "eura.smes": (
        "Micro, small and medium enterprises supported",
        "Tuetut mikro-, pienet ja keskisuuret yritykset",
    ),
    "eura.note": (
        "Outputs count participants who entered in the period; results count those who left in it "
        "(the last answer in each window counts). Rows without an EU code are the project's own "
        "indicators.",
        "Tuotokset lasketaan kaudella aloittaneista, tulokset kaudella päättäneistä (kunkin "
        "seurannan viimeisin vastaus lasketaan). Rivit ilman EU-koodia ovat hankkeen omia "
        "indikaattoreita.",
    ),
    "pack.kpi": ("KPIs", "Mittarit"),
    "pack.status": ("Status", "Tilanne"),
    "pack.status_by_gender": ("Participants by status", "Osallistujat asemittain"),
    "pack.size_class": ("Size class", "Kokoluokka"),
    "pack.companies": ("Companies", "Yritykset"),
    "pack.companies_by_size": ("Companies by size", "Yritykset koon mukaan"),
    "pack.event_reach": ("Event reach", "Tapahtumien tavoittavuus"),
    "pack.target_group": ("Target group", "Kohderyhmä"),
    "pack.people": ("People", "Henkilöt"),
    "pack.suppressed_note": (
        "{marker} means a group too small to show; other cells may be hidden so that it cannot be "
        "worked out.",
        "{marker} tarkoittaa liian pientä ryhmää näytettäväksi; muitakin soluja voi olla "
        "piilotettu, jotta sitä ei voi päätellä.",
    ),
    "followup.title": ("Follow-ups due", "Erääntyvät seurannat"),
    "followup.state.upcoming": ("Coming up", "Tulossa"),
    "followup.state.due": ("Due now", "Ajankohtaiset"),
    "followup.state.overdue": ("Overdue", "Myöhässä"),
    "followup.state.done": ("Answered", "Vastattu"),
    "followup.none_due": (
        "Nobody is due for a follow-up.",
        "Kenelläkään ei ole seurantaa erääntymässä.",
    ),
    "followup.help": (
        "Pick the status a participant reported and the day; the last answer in each window "
        "counts.",
        "Valitse osallistujan kertoma tilanne ja päivä; kunkin seurannan viimeisin vastaus "
        "lasketaan.",
    ),
    "followup.save": ("Record {count} answer(s)", "Kirjaa {count} vastausta"),
    "followup.col.participant": ("Participant", "Osallistuja"),
    "followup.col.name": ("Name", "Nimi"),
    "followup.col.email": ("Email", "Sähköposti"),
    "followup.col.kind": ("Follow-up", "Seuranta"),
    "followup.col.exit": ("Left on", "Päättyi"),
    "followup.col.due": ("Due", "Eräpäivä"),
    "followup.col.state": ("State", "Tila"),
    "followup.col.status": ("Status reported", "Kerrottu tilanne"),
    "followup.col.recorded_on": ("Recorded on", "Kirjattu"),
    "locks.title": ("Period locks", "Kausilukitukset"),
    "locks.intro": (
        "Lock a reporting period after its payment claim: entries, exits, events, attendance, "
        "follow-ups, commitments and memberships dated in it can no longer change, by form or "
        "import.",
        "Lukitse raportointikausi maksatushakemuksen jälkeen: kaudelle päivättyjä aloituksia, "
        "päättymisiä, tapahtumia, osallistumisia, seurantoja, sitoumuksia ja jäsenyyksiä ei voi "
        "enää muuttaa lomakkeella eikä tuonnilla.",
    ),
    "locks.none": ("No period is locked.", "Yhtään kautta ei ole lukittu."),
    "locks.label": ("Period", "Kausi"),
    "locks.start": ("From", "Alkaen"),
    "locks.end": ("To", "Päättyen"),
    "locks.state": ("State", "Tila"),
    "locks.active": ("Locked", "Lukittu"),
    "locks.opened": ("Unlocked", "Avattu"),
    "locks.by": ("Locked by", "Lukitsija"),
    "locks.note": ("Note", "Huomautus"),
    "locks.note_hint": (
        "e.g. payment claim 3, sent 15.7.2026",
        "esim. maksatushakemus 3, lähetetty 15.7.2026",
    ),
    "locks.new": ("Lock a period", "Lukitse kausi"),
    "locks.period": ("Half-year", "Puolivuotiskausi"),
    "locks.lock": ("Lock", "Lukitse"),
    "locks.unlock": ("Unlock a period", "Avaa kauden lukitus"),
    "locks.unlock_what": (
        "Unlock {label}? The reason is kept in the audit log.",
        "Avataanko {label}? Perustelu tallentuu muutoslokiin.",
    ),
    "locks.reason": ("Reason", "Perustelu"),
    # --- Competence search (issue 3): search page, cards, shortlist, contact requests -------
    "page.search": ("Find students", "Etsi opiskelijoita"),
    "page.contact_requests": ("Contact requests", "Yhteydenottopyynnöt"),
    "search.title": ("Find students by competence", "Etsi opiskelijoita osaamisen perusteella"),
    "search.intro": (
        "Describe what you need in plain words, in English or Finnish. Profiles are anonymous: "
        "you see a code, never a name. Ask for contact and the project introduces you if the "
        "student agrees.",
        "Kuvaa tarpeesi omin sanoin englanniksi tai suomeksi. Profiilit ovat nimettömiä: näet "
        "koodin, et nimeä. Pyydä yhteydenottoa, niin hanke esittelee teidät, jos opiskelija "
        "suostuu.",
    ),
    "search.query": ("What skills do you need?", "Millaista osaamista tarvitsette?"),
    "search.placeholder": (
        "e.g. embedded Linux device drivers",
        "esim. sulautettu ohjelmointi mikrokontrollereille",
    ),
    "search.examples": ("Examples", "Esimerkkejä"),
    "search.filters": ("Filters", "Rajaukset"),
    "search.programme": ("Degree programme", "Koulutusohjelma"),
    "search.spearhead": ("Field", "Ala"),
    "search.study_year": ("Study year", "Opintovuosi"),
    "search.available_for": ("Available for", "Käytettävissä"),
    "search.languages": ("Speaks (all of)", "Puhuu (kaikkia)"),
    "search.available_by": ("Can start by", "Voi aloittaa viimeistään"),
    "search.any_date": ("Any start date", "Mikä tahansa aloitus"),
    "availability.internship": ("Internship", "Harjoittelu"),
    "availability.thesis": ("Thesis", "Opinnäytetyö"),
    "availability.job": ("Job", "Työpaikka"),
    "search.building": ("Preparing the search index…", "Valmistellaan hakuhakemistoa…"),
    "search.status.ready": ("The search index is ready.", "Hakuhakemisto on valmis."),
    "search.status.missing": (
        "Building the search index for the first time.",
        "Hakuhakemisto rakennetaan ensimmäistä kertaa.",
    ),
    "search.status.model_changed": (
        "The search index was built with another language model; rebuilding it.",
        "Hakuhakemisto on tehty toisella kielimallilla; se rakennetaan uudelleen.",
    ),
    "search.status.stale": (
        "Profiles have changed since the index was saved; updating it.",
        "Profiileja on muutettu hakemiston tallennuksen jälkeen; päivitetään.",
    ),
    "search.status.other_database": (
        "The saved index belongs to another database; updating it from this one.",
        "Tallennettu hakemisto kuuluu toiseen tietokantaan; päivitetään tästä.",
    ),
    "search.ready": (
        "Search index ready: {profiles} profiles.",
        "Hakuhakemisto valmis: {profiles} profiilia.",
    ),
    "search.err.empty": (
        "The search is empty: type what you are looking for.",
        "Haku on tyhjä: kirjoita, mitä etsit.",
    ),
    "search.err.no_words": (
        "Your search has no words in it. Describe the skills in words, e.g. “React developer”.",
        "Haussa ei ole sanoja. Kuvaa osaaminen sanoin, esim. ”React-kehittäjä”.",
    ),
    "search.shortened": (
        "Your text was long, so only its first 500 characters were searched.",
        "Teksti oli pitkä, joten vain sen 500 ensimmäistä merkkiä haettiin.",
    ),
    "search.results": (
        "{total} profiles match, best first.",
        "{total} profiilia vastaa hakua, parhaat ensin.",
    ),
    "search.none": (
        "No profile matches. Try other words, or fewer filters.",
        "Yksikään profiili ei vastaa. Kokeile muita sanoja tai vähemmän rajauksia.",
    ),
    "search.page": ("Page {page} of {pages}", "Sivu {page}/{pages}"),
    "search.previous": ("Previous", "Edellinen"),
    "search.next": ("Next", "Seuraava"),
    "search.card.year": ("year {year}", "{year}. vuosi"),
    "search.card.score": (
        "Match score {score:.3f} (bar: relative to the best match)",
        "Osuvuus {score:.3f} (palkki: suhteessa parhaaseen)",
    ),
    "search.card.words": ("Has your words: {words}", "Sisältää hakusanasi: {words}"),
    "search.card.meaning": (
        "Closest in meaning: {phrases}",
        "Merkitykseltään lähimpänä: {phrases}",
    ),
    "search.card.interests": ("Interests", "Kiinnostuksen kohteet"),
    "search.card.languages": ("Languages: {languages}", "Kielet: {languages}"),
    "search.card.from": ("Available from {day}", "Käytettävissä {day} alkaen"),
    "search.shortlist": ("Shortlist ({count})", "Lyhytlista ({count})"),
    "search.shortlist.add": ("Add to shortlist", "Lisää lyhytlistalle"),
    "search.shortlist.remove": ("Remove", "Poista"),
    "search.shortlist.empty": (
        "Add profiles here to compare them; the list lasts until you sign out.",
        "Lisää profiileja tänne vertailuun; lista säilyy uloskirjautumiseen asti.",
    ),
    "contact.request": ("Request contact", "Pyydä yhteydenottoa"),
    "contact.message": ("Message to the student (optional)", "Viesti opiskelijalle (valinnainen)"),
    "contact.send": ("Send request", "Lähetä pyyntö"),
    "contact.sent": (
        "Request sent for {code}. The student answers in Silta; see Our contact requests.",
        "Pyyntö lähetetty profiilista {code}. Opiskelija vastaa Siltassa; katso "
        "Yhteydenottopyyntömme.",
    ),
    "contact.requested": ("Contact requested", "Yhteydenottoa pyydetty"),
    "contact.err.no_profile": (
        "This profile is no longer available.",
        "Profiili ei ole enää saatavilla.",
    ),
    "contact.err.no_company": (
        "Your account is not linked to a company; ask the project to fix it.",
        "Tiliäsi ei ole liitetty yritykseen; pyydä hanketta korjaamaan.",
    ),
    "contact.err.already": (
        "You have already asked about this profile; the project is on it.",
        "Olette jo pyytäneet tätä profiilia; hanke hoitaa asiaa.",
    ),
    "contact.err.no_request": ("That request no longer exists.", "Pyyntöä ei enää ole."),
    "contact.err.future": (
        "The date cannot be in the future.",
        "Päivä ei voi olla tulevaisuudessa.",
    ),
    "contact.list.title": ("Contact requests from companies", "Yritysten yhteydenottopyynnöt"),
    "contact.list.intro": (
        "Students answer in Silta themselves; you may answer for a student who replied on "
        "paper or by phone, and record what came of a contact. Every step is in the audit log.",
        "Opiskelijat vastaavat itse Siltassa; voit kirjata vastauksen opiskelijan puolesta, jos "
        "hän vastasi paperilla tai puhelimessa, ja kirjata, mihin yhteydenotto johti. Jokainen "
        "vaihe tallentuu muutoslokiin.",
    ),
    "contact.list.none": ("No contact requests yet.", "Ei vielä yhteydenottopyyntöjä."),
    "contact.col.created": ("Asked on", "Pyydetty"),
    "contact.col.company": ("Company", "Yritys"),
    "contact.col.profile": ("Profile", "Profiili"),
    "contact.col.query": ("Their search", "Heidän hakunsa"),
    "contact.col.message": ("Message", "Viesti"),
    "contact.col.status": ("Status", "Tila"),
    "contact.col.answered": ("Answered on", "Vastattu"),
    "contact.which": ("Request", "Pyyntö"),
    "contact.saved": ("Saved.", "Tallennettu."),
    "code.entry_status.in_education": ("In education", "Opiskelija"),
    "code.entry_status.employed": ("Employed", "Työllinen"),
    "code.entry_status.unemployed": ("Unemployed", "Työtön"),
    "code.entry_status.inactive": ("Inactive", "Työvoiman ulkopuolella"),
    "code.size_class.micro": ("Micro", "Mikroyritys"),
    "code.size_class.small": ("Small", "Pieni yritys"),
    "code.size_class.medium": ("Medium", "Keskisuuri yritys"),
    "code.size_class.large": ("Large", "Suuri yritys"),
    # Competence intelligence (issue 7): ESCO skills, needs, reports, competence map
    "page.competence_map": ("Competence map", "Osaamiskartta"),
    "page.company_needs": ("Company needs", "Yritysten osaamistarpeet"),
    "page.reports": ("Reports", "Raportit"),
    "page.programme_descriptions": ("Programme descriptions", "Koulutusohjelmakuvaukset"),
    "code.need_source.interview": ("Interview", "Haastattelu"),
    "code.need_source.commitment": ("Commitment topic", "Sitoumuksen aihe"),
    "code.need_source.thesis_idea": ("Thesis idea", "Opinnäytetyöidea"),
    "code.need_source.other": ("Other", "Muu"),
    "code.report_kind.internship": ("Internship report", "Harjoitteluraportti"),
    "code.report_kind.thesis": ("Thesis", "Opinnäytetyö"),
    "code.report_kind.course": ("Course description", "Kurssikuvaus"),
    "competence.err.no_code": (
        "{file}: the file name must start with the participant's code, e.g. P-000123_report.pdf.",
        "{file}: tiedostonimen pitää alkaa osallistujan koodilla, esim. P-000123_raportti.pdf.",
    ),
    "competence.err.unreadable": ("{reason}", "{reason}"),
    "competence.err.columns": (
        "The sheet needs a participant code column and a text column.",
        "Taulukossa pitää olla osallistujan koodi -sarake ja teksti-sarake.",
    ),
    "competence.err.empty": ("This cell is empty.", "Solu on tyhjä."),
    "competence.err.unknown_code": (
        "No participant has the code {code}.",
        "Millään osallistujalla ei ole koodia {code}.",
    ),
    "competence.no_data": (
        "No skills mapped yet. Record company needs, import reports, or run "
        "`python -m core map-competences`.",
        "Osaamisia ei ole vielä tunnistettu. Kirjaa yritysten tarpeita, tuo raportteja tai aja "
        "`python -m core map-competences`.",
    ),
    "competence.remap": (
        "Map all texts to ESCO again",
        "Tunnista kaikkien tekstien osaamiset uudelleen",
    ),
    "competence.map.title": ("Skills supply and demand", "Osaamisen tarjonta ja kysyntä"),
    "competence.map.caption": (
        "Students showing each ESCO skill (profiles and reports) against companies that need it.",
        "Kunkin ESCO-osaamisen osoittaneet opiskelijat (profiilit ja raportit) ja sitä "
        "tarvitsevat yritykset.",
    ),
    "competence.map.by": ("Students by", "Opiskelijat ryhmittäin"),
    "competence.map.by.programme": ("Programme", "Koulutusohjelma"),
    "competence.map.by.spearhead": ("Spearhead", "Kärkiala"),
    "competence.map.by.study_year": ("Study year", "Opiskeluvuosi"),
    "competence.map.demand": ("Companies needing", "Tarvitsevat yritykset"),
    "competence.map.students_total": ("All students", "Kaikki opiskelijat"),
    "competence.gap.title": ("Gaps", "Osaamisvajeet"),
    "competence.gap.under": (
        "Most demanded, least supplied",
        "Eniten kysyntää, vähiten tarjontaa",
    ),
    "competence.gap.over": (
        "Supplied, little demanded",
        "Tarjontaa, vähän kysyntää",
    ),
    "competence.gap.skill": ("ESCO skill", "ESCO-osaaminen"),
    "competence.gap.companies": ("Companies", "Yritykset"),
    "competence.gap.students": ("Students", "Opiskelijat"),
    "competence.gap.gap": ("Gap (share points)", "Vaje (%-yksikköä)"),
    "competence.areas.title": ("Competence areas", "Osaamisalueet"),
    "competence.areas.caption": (
        "Students grouped by their skills (k-means); each area is named after its most "
        "typical skills.",
        "Opiskelijat ryhmiteltyinä osaamistensa mukaan (k-means); alue on nimetty sille "
        "tyypillisimpien osaamisten mukaan.",
    ),
    "competence.areas.students": ("{n} students", "{n} opiskelijaa"),
    "competence.areas.none": (
        "Too few students with mapped skills to form areas.",
        "Liian vähän opiskelijoita, joiden osaamiset on tunnistettu, alueiden muodostamiseen.",
    ),
    "competence.skill": ("ESCO skill", "ESCO-osaaminen"),
    "competence.evidence_for": ("Evidence for", "Perusteet osaamiselle"),
    "competence.source": ("Text", "Teksti"),
    "competence.owner": ("Whose", "Kenen"),
    "code.mention_source.profile": ("Profile", "Profiili"),
    "code.mention_source.report": ("Report", "Raportti"),
    "code.mention_source.need": ("Company need", "Yrityksen tarve"),
    "competence.confidence": ("Confidence", "Varmuus"),
    "competence.evidence": ("Evidence", "Peruste"),
    "needs.title": ("Company competence needs", "Yritysten osaamistarpeet"),
    "needs.caption": (
        "Record what a company needs in plain words; Silta maps it to ESCO skills.",
        "Kirjaa yrityksen tarve omin sanoin; Silta tunnistaa siitä ESCO-osaamiset.",
    ),
    "needs.company": ("Company", "Yritys"),
    "needs.text": ("What does the company need?", "Mitä osaamista yritys tarvitsee?"),
    "needs.source": ("Heard in", "Lähde"),
    "needs.add": ("Save need", "Tallenna tarve"),
    "needs.saved": ("Saved; {n} ESCO skills found.", "Tallennettu; {n} ESCO-osaamista löytyi."),
    "needs.none": ("No needs recorded yet.", "Tarpeita ei ole vielä kirjattu."),
    "needs.no_company": (
        "Your account is not linked to a company.",
        "Tunnustasi ei ole liitetty yritykseen.",
    ),
    "needs.delete": ("Delete", "Poista"),
    "needs.from_commitments": (
        "Add needs from commitment topics",
        "Lisää tarpeet sitoumusten aiheista",
    ),
    "needs.added_from_commitments": (
        "{n} needs added from commitment topics.",
        "{n} tarvetta lisätty sitoumusten aiheista.",
    ),
    "needs.no_skills": ("No ESCO skill recognised.", "ESCO-osaamista ei tunnistettu."),
    "needs.matches": ("Matching profiles", "Sopivat profiilit"),
    "needs.matches.hide": ("Hide matching profiles", "Piilota sopivat profiilit"),
    "needs.matches.caption": (
        "The search engine's best {shown} of {total} consenting profiles for this need's text; "
        "anonymised as on the search page.",
        "Haun {shown} parasta {total} suostumuksen antaneesta profiilista tämän tarpeen "
        "tekstillä; nimettöminä kuten hakusivulla.",
    ),
    "needs.err.not_allowed": (
        "Only the project manager or the company's own user may do this.",
        "Vain projektipäällikkö tai yrityksen oma käyttäjä voi tehdä tämän.",
    ),
    "needs.err.not_for_role": (
        "Company needs are for the project manager and the company itself.",
        "Yritysten tarpeet näkyvät vain projektipäällikölle ja yritykselle itselleen.",
    ),
    "needs.err.manager_only": (
        "Only the project manager imports needs from commitments.",
        "Vain projektipäällikkö voi tuoda tarpeet sitoumuksista.",
    ),
    "needs.err.empty": (
        "Describe the need in a few words; the text is empty.",
        "Kuvaa tarve muutamalla sanalla; teksti on tyhjä.",
    ),
    "needs.err.too_long": (
        "Keep the need under {limit} characters ({count} now).",
        "Kirjoita tarve alle {limit} merkillä (nyt {count}).",
    ),
    "needs.err.no_company": ("There is no company with id {id}.", "Yritystä {id} ei ole."),
    "needs.err.no_need": ("There is no need with id {id}.", "Tarvetta {id} ei ole."),
    # issue 16: a need's candidate skills, confirmed or removed by the company.
    "needs.err.no_candidate": (
        "That skill is not among this need's candidates.",
        "Osaaminen ei ole tämän tarpeen ehdokkaiden joukossa.",
    ),
    "needs.candidates": ("Candidate ESCO skills", "Ehdotetut ESCO-osaamiset"),
    "needs.candidates.caption": (
        "Ranked by the offline model; claimed skills count as the need's. Confirm the ones "
        "that fit and remove the wrong ones: your choices are kept.",
        "Paikallisen mallin järjestämät ehdotukset; tunnistetut osaamiset lasketaan tarpeen "
        "osaamisiksi. Vahvista sopivat ja poista väärät: valintasi säilyvät.",
    ),
    "needs.status": ("Status", "Tila"),
    "needs.status.claimed": ("claimed", "tunnistettu"),
    "needs.status.confirmed": ("confirmed", "vahvistettu"),
    "needs.status.removed": ("removed", "poistettu"),
    "needs.status.candidate": ("candidate", "ehdotus"),
    "needs.confirm": ("Confirm", "Vahvista"),
    "needs.remove": ("Remove", "Poista"),
    "needs.undo": ("Undo", "Peru"),
    "needs.decided": ("Saved.", "Tallennettu."),
    "reports.title": ("Internship and thesis reports", "Harjoittelu- ja opinnäytetyöraportit"),
    "reports.caption": (
        "Report texts stay with the project manager; other roles see only skill counts.",
        "Raporttien tekstit näkyvät vain projektipäällikölle; muut roolit näkevät vain "
        "osaamisten määrät.",
    ),
    "reports.kind": ("Kind", "Laji"),
    "reports.files": (
        "Report files (.txt, .docx, .pdf; the name starts with the participant code)",
        "Raporttitiedostot (.txt, .docx, .pdf; nimi alkaa osallistujan koodilla)",
    ),
    "reports.sheet": (
        "…or an Excel sheet with a participant code column and a text column",
        "…tai Excel-taulukko, jossa on osallistujan koodi- ja teksti-sarakkeet",
    ),
    "reports.import": ("Import and analyse", "Tuo ja analysoi"),
    "reports.imported": (
        "{created} new, {replaced} replaced; {skills} ESCO skill mentions.",
        "{created} uutta, {replaced} korvattu; {skills} ESCO-osaamismainintaa.",
    ),
    "reports.nothing_written": (
        "Nothing was imported. Fix these and try again:",
        "Mitään ei tuotu. Korjaa nämä ja yritä uudelleen:",
    ),
    "reports.list": ("Imported reports", "Tuodut raportit"),
    "reports.none": ("No reports imported yet.", "Raportteja ei ole vielä tuotu."),
    "reports.participant": ("Participant", "Osallistuja"),
    "reports.file": ("File", "Tiedosto"),
    "reports.skills": ("ESCO skills", "ESCO-osaamiset"),
    "reports.show_text": ("Show text", "Näytä teksti"),
    "reports.analysing": ("Analysing reports…", "Analysoidaan raportteja…"),
    "reports.err.manager_only": (
        "Report texts are shown to the project manager only.",
        "Raporttien tekstit näytetään vain projektipäällikölle.",
    ),
    "desc.title": ("Programme competence descriptions", "Koulutusohjelmien osaamiskuvaukset"),
    "desc.caption": (
        "Generated from the mapped skills; every claim shows its counts.",
        "Luotu tunnistetuista osaamisista; jokainen väite näyttää lukumääränsä.",
    ),
    "desc.programme": ("Programme", "Koulutusohjelma"),
    "desc.language": ("Description language", "Kuvauksen kieli"),
    "desc.download_md": ("Download Markdown", "Lataa Markdown"),
    "desc.download_docx": ("Download Word", "Lataa Word"),
    "competence.desc.intro": (
        "Measured from {students} students' profiles and reports, mapped to ESCO skills.",
        "Mitattu {students} opiskelijan profiileista ja raporteista ESCO-osaamisiksi "
        "tunnistettuna.",
    ),
    "competence.desc.too_few": (
        "Too few students show any one skill (at least {threshold} needed) for a description.",
        "Liian harva opiskelija osoittaa mitään yksittäistä osaamista (vähintään {threshold} "
        "tarvitaan) kuvausta varten.",
    ),
    "competence.desc.top": ("Competences students show", "Opiskelijoiden osoittamat osaamiset"),
    "competence.desc.skill": (
        "**{skill}**: {students} students ({mentions} pieces of evidence)",
        "**{skill}**: {students} opiskelijaa ({mentions} osoitusta)",
    ),
    "competence.desc.pairs": ("Typical combinations", "Tyypilliset yhdistelmät"),
    "competence.desc.pair": (
        "{a} together with {b}: {students} students",
        "{a} ja {b} yhdessä: {students} opiskelijaa",
    ),
    "competence.desc.needs": (
        "How they meet company needs",
        "Miten ne vastaavat yritysten tarpeisiin",
    ),
    "competence.desc.need": (
        "**{skill}**: needed by {companies} companies; shown by {students} students",
        "**{skill}**: {companies} yritystä tarvitsee; {students} opiskelijaa osoittaa",
    ),
    # issue 16: a pair whose skill has no Finnish name is listed, not put in a sentence.
    "competence.desc.pair_plain": (
        "{a} + {b}: {students} students",
        "{a} + {b}: {students} opiskelijaa",
    ),
    "competence.desc.no_needs": (
        "No recorded company need matches these skills yet.",
        "Mikään kirjattu yritystarve ei vielä vastaa näitä osaamisia.",
    ),
    "competence.desc.method": (
        "Skills are ESCO skills found by Silta's offline language model in the students' own "
        "texts; a skill is listed only when at least {threshold} students show it.",
        "Osaamiset ovat ESCO-osaamisia, jotka Siltan paikallinen kielimalli tunnisti "
        "opiskelijoiden omista teksteistä; osaaminen mainitaan vain, jos vähintään {threshold} "
        "opiskelijaa osoittaa sen.",
    ),
    # --- Issue 14: students, contact outcomes, notifications ---------------------------------
    "app.section.mine": ("My data", "Omat tiedot"),
    "page.my_profile": ("My profile", "Oma profiili"),
    "page.my_consents": ("My consents", "Omat suostumukset"),
    "page.my_requests": ("Contact requests", "Yhteydenottopyynnöt"),
    "page.company_contacts": ("Our contact requests", "Yhteydenottopyyntömme"),
    "contact.status.asked": ("Waiting for the student", "Odottaa opiskelijaa"),
    "contact.status.accepted": ("Accepted", "Hyväksytty"),
    "contact.status.declined": ("Declined", "Hylätty"),
    "contact.status.met": ("Met", "Tavattu"),
    "contact.status.agreed": ("Agreed", "Sovittu"),
    "contact.status.started": ("Started", "Alkanut"),
    "contact.status.ended": ("Ended", "Päättynyt"),
    "contact.kind.internship": ("internship", "harjoittelu"),
    "contact.kind.thesis": ("thesis", "opinnäytetyö"),
    "contact.kind.job": ("job", "työpaikka"),
    "contact.kind.other": ("other", "muu"),
    "notify.kind.new_request_student": ("New request (student)", "Uusi pyyntö (opiskelija)"),
    "notify.kind.new_request_manager": ("New request (manager)", "Uusi pyyntö (hanke)"),
    "notify.kind.answer_sme": ("Answer (company)", "Vastaus (yritys)"),
    "notify.kind.student_invitation": ("Invitation (student)", "Kutsu (opiskelija)"),
    "notify.student_invitation.subject": (
        "Your Silta account is ready",
        "Silta-tunnuksesi on valmis",
    ),
    "contact.err.no_contact_consent": (
        "This student does not accept contact requests at the moment.",
        "Opiskelija ei tällä hetkellä ota vastaan yhteydenottopyyntöjä.",
    ),
    "contact.err.before_request": (
        "The date cannot be before the request was made.",
        "Päivä ei voi olla ennen pyynnön tekemistä.",
    ),
    "contact.err.not_allowed": (
        "You cannot record this step.",
        "Et voi kirjata tätä vaihetta.",
    ),
    "contact.err.wrong_step": (
        "This step does not follow where the request stands now; reload the page.",
        "Tämä vaihe ei seuraa pyynnön nykyistä tilaa; lataa sivu uudelleen.",
    ),
    "contact.err.email": ("That is not an e-mail address.", "Tämä ei ole sähköpostiosoite."),
    "contact.err.phone": (
        "Write the phone number with digits only (spaces, dashes and a leading + are fine).",
        "Kirjoita puhelinnumero numeroin (välilyönnit, viivat ja alun + käyvät).",
    ),
    "contact.err.share_something": (
        "To accept, share at least one way to reach you.",
        "Hyväksyessäsi anna ainakin yksi tapa tavoittaa sinut.",
    ),
    "contact.err.kind": (
        "Choose what was agreed.",
        "Valitse, mitä sovittiin.",
    ),
    "contact.col.student": ("Student", "Opiskelija"),
    "contact.col.email": ("E-mail", "Sähköposti"),
    "contact.asked_at": ("Asked on {when}", "Pyydetty {when}"),
    "contact.need": ("**Looking for:** {need}", "**Etsii:** {need}"),
    "contact.shared.email": ("E-mail: {value}", "Sähköposti: {value}"),
    "contact.shared.phone": ("Phone: {value}", "Puhelin: {value}"),
    "contact.shared.other": ("Other: {value}", "Muu: {value}"),
    "contact.answer": ("Answer", "Vastaa"),
    "contact.share_help": (
        "On accepting, the company sees only what you tick or write here. On declining it "
        "sees only that you declined.",
        "Hyväksyessäsi yritys näkee vain sen, minkä valitset tai kirjoitat tähän. Jos "
        "kieltäydyt, se näkee vain, että kieltäydyit.",
    ),
    "contact.share_email": ("Share my e-mail ({email})", "Jaa sähköpostini ({email})"),
    "contact.share_phone": ("Phone (optional)", "Puhelin (valinnainen)"),
    "contact.share_other": (
        "Another way to reach me (optional)",
        "Muu yhteystapa (valinnainen)",
    ),
    "contact.accept": ("Accept", "Hyväksy"),
    "contact.decline": ("Decline", "Kieltäydy"),
    "contact.next_step": ("What happened next?", "Mitä sen jälkeen tapahtui?"),
    "contact.step": ("Step", "Vaihe"),
    "contact.kind": ("Agreed on", "Mitä sovittiin"),
    "contact.kind_help": (
        "Used only when the step is “Agreed”.",
        "Käytetään vain, kun vaihe on ”Sovittu”.",
    ),
    "contact.step_day": ("On", "Päivä"),
    "contact.step.asked": ("Asked", "Pyydetty"),
    "contact.record_step": ("Record", "Kirjaa"),
    "contact.list.shared": (
        "The student shared with the company:",
        "Opiskelija jakoi yritykselle:",
    ),
    "student.no_participant": (
        "Your account is not linked to a participant record; ask the project manager.",
        "Tiliäsi ei ole liitetty osallistujatietoihin; ota yhteys projektipäällikköön.",
    ),
    "student.requests.title": ("Contact requests from companies", "Yritysten yhteydenottopyynnöt"),
    "student.requests.intro": (
        "Companies that found your profile and want to meet you. Accept to share the contact "
        "details you choose, or decline.",
        "Yritykset, jotka löysivät profiilisi ja haluavat tavata sinut. Hyväksy ja jaa "
        "valitsemasi yhteystiedot, tai kieltäydy.",
    ),
    "student.requests.none": (
        "No company has asked yet.",
        "Yksikään yritys ei ole vielä pyytänyt.",
    ),
    "student.requests.you_shared": ("You shared:", "Jaoit:"),
    "sme.requests.title": ("Our contact requests", "Yhteydenottopyyntömme"),
    "sme.requests.intro": (
        "Students you asked to meet. Their contact details appear here once they accept; "
        "record the meeting and what you agreed.",
        "Opiskelijat, joita pyysitte tapaamaan. Yhteystiedot näkyvät täällä, kun opiskelija "
        "hyväksyy; kirjatkaa tapaaminen ja mitä sovittiin.",
    ),
    "sme.requests.none": (
        "No requests yet: use “Request contact” on a search result.",
        "Ei vielä pyyntöjä: käytä hakutuloksen ”Pyydä yhteydenottoa” -painiketta.",
    ),
    "sme.requests.shared": (
        "The student accepted and shared:",
        "Opiskelija hyväksyi ja jakoi:",
    ),
    "student.profile.title": ("My competence profile", "Oma osaamisprofiili"),
    "student.profile.intro": (
        "What you write here is what companies search. On the right: your card exactly as a "
        "company sees it, after names and contact details are taken out.",
        "Tähän kirjoittamaasi yritykset hakevat. Oikealla korttisi täsmälleen niin kuin "
        "yritys sen näkee, kun nimet ja yhteystiedot on poistettu.",
    ),
    "student.profile.saved": (
        "Saved: your profile is mapped to ESCO skills, and search uses the new text at once.",
        "Tallennettu: profiilisi on yhdistetty ESCO-osaamisiin, ja haku käyttää uutta tekstiä "
        "heti.",
    ),
    "student.profile.languages": ("Languages", "Kielet"),
    "student.profile.languages_help": (
        "Two-letter codes separated by commas, e.g. en, fi, sv.",
        "Kaksikirjaimiset koodit pilkuin eroteltuina, esim. fi, en, sv.",
    ),
    "student.profile.available_from": ("Available from", "Käytettävissä alkaen"),
    "student.profile.save": ("Save profile", "Tallenna profiili"),
    "student.profile.saving": (
        "Saving and mapping to ESCO…",
        "Tallennetaan ja yhdistetään ESCOon…",
    ),
    "student.profile.card": ("What companies see", "Mitä yritykset näkevät"),
    "student.profile.none": (
        "You have no profile yet: write your skills and save.",
        "Sinulla ei ole vielä profiilia: kirjoita osaamisesi ja tallenna.",
    ),
    "student.profile.searchable": (
        "Your profile is searchable by companies.",
        "Profiilisi on yritysten haettavissa.",
    ),
    "student.profile.hidden": (
        "Your profile is not searchable: give search consent on My consents.",
        "Profiilisi ei ole haettavissa: anna hakusuostumus Omat suostumukset -sivulla.",
    ),
    "student.profile.redaction": (
        "Taken out or flagged before companies see it",
        "Poistettu tai merkitty ennen kuin yritykset näkevät",
    ),
    "student.err.too_long": (
        "{field}: at most {n} characters.",
        "{field}: enintään {n} merkkiä.",
    ),
    "student.err.no_participant": (
        "Your participant record is gone; ask the project manager.",
        "Osallistujatietojasi ei enää ole; ota yhteys projektipäällikköön.",
    ),
    "student.err.no_skills": (
        "Write at least something about your skills.",
        "Kirjoita ainakin jotain osaamisestasi.",
    ),
    "student.err.language": (
        "Languages are two-letter codes such as en, fi, sv.",
        "Kielet ovat kaksikirjaimisia koodeja, kuten fi, en, sv.",
    ),
    "student.err.bidi": (
        "The text has hidden direction-changing characters; type it again without them.",
        "Tekstissä on piilotettuja suuntaa vaihtavia merkkejä; kirjoita se ilman niitä.",
    ),
    "student.consents.title": ("My consents", "Omat suostumukset"),
    "student.consents.intro": (
        "You decide whether companies may find your profile and ask to meet you. A withdrawal "
        "takes effect at once.",
        "Sinä päätät, saavatko yritykset löytää profiilisi ja pyytää tapaamista. Peruutus tulee "
        "voimaan heti.",
    ),
    "student.consents.about.search": (
        "Companies may find your anonymised profile in search.",
        "Yritykset voivat löytää nimettömän profiilisi haussa.",
    ),
    "student.consents.about.contact": (
        "Companies that find you may ask to meet you (you answer each request yourself).",
        "Sinut löytäneet yritykset voivat pyytää tapaamista (vastaat jokaiseen itse).",
    ),
    "student.consents.about.esf_reporting": (
        "Information only: the EU (ESF+) requires the project to report on its participants. "
        "This is a legal obligation, not a consent, and cannot be withdrawn here.",
        "Tiedoksi: EU (ESR+) edellyttää hankkeen raportoivan osallistujistaan. Tämä on "
        "lakisääteinen velvoite eikä suostumus, eikä sitä voi perua täällä.",
    ),
    "student.consents.given": ("Given on {day}", "Annettu {day}"),
    "student.consents.withdrawn": ("Withdrawn on {day}", "Peruttu {day}"),
    "student.consents.not_given": ("Not given", "Ei annettu"),
    "student.consents.give": ("Give consent", "Anna suostumus"),
    "student.consents.withdraw": ("Withdraw", "Peru"),
    "student.consents.history": ("History", "Historia"),
    "student.consents.no_history": ("No changes recorded yet.", "Ei vielä kirjattuja muutoksia."),
    "student.consents.col.when": ("When", "Milloin"),
    "student.consents.col.by": ("By", "Kuka"),
    "student.consents.by_you": ("you", "sinä"),
    "student.consents.by_project": ("the project", "hanke"),
    "users.err.student_participant": (
        "A student account needs a participant, and only a student account may have one.",
        "Opiskelijatili tarvitsee osallistujan, eikä muilla tileillä voi olla osallistujaa.",
    ),
    "students.err.too_many": (
        "At most {n} codes at a time.",
        "Enintään {n} koodia kerralla.",
    ),
    "students.err.has_account": (
        "This participant has an account already.",
        "Osallistujalla on jo tili.",
    ),
    "students.err.no_participant": (
        "No participant has this code.",
        "Koodilla ei ole osallistujaa.",
    ),
    "users.students.title": ("Student accounts", "Opiskelijatilit"),
    "users.students.codes": ("Participant codes", "Osallistujakoodit"),
    "users.students.skipped": ("Not created", "Ei luotu"),
    "users.students.col.code": ("Code", "Koodi"),
    "users.students.col.username": ("User name", "Käyttäjätunnus"),
    "users.students.col.email": ("E-mail", "Sähköposti"),
    "users.students.col.reason": ("Why", "Syy"),
    "notify.new_request_student.subject": (
        "{company} would like to meet you",
        "{company} haluaisi tavata sinut",
    ),
    "notify.new_request_student.body": (
        "Hello,\n\n{company} found your competence profile in Silta and would like to meet "
        "you.\n\nWhat they are looking for: {need}\nTheir message: {message}\n\nSign in to "
        "Silta to accept (and choose which contact details to share) or decline. Nothing about "
        "you is shared before you accept.",
        "Hei,\n\n{company} löysi osaamisprofiilisi Siltasta ja haluaisi tavata sinut.\n\nMitä "
        "he etsivät: {need}\nHeidän viestinsä: {message}\n\nKirjaudu Siltaan hyväksyäksesi "
        "(ja valitaksesi jaettavat yhteystiedot) tai kieltäytyäksesi. Sinusta ei jaeta mitään "
        "ennen kuin hyväksyt.",
    ),
    "notify.new_request_manager.subject": (
        "New contact request from {company}",
        "Uusi yhteydenottopyyntö: {company}",
    ),
    "notify.new_request_manager.body": (
        "{company} asked to meet the student behind profile {code}. The student has been "
        "told; the request is on the Contact requests page.",
        "{company} pyysi tavata profiilin {code} opiskelijan. Opiskelijalle on kerrottu; "
        "pyyntö on Yhteydenottopyynnöt-sivulla.",
    ),
    "notify.answer_sme.subject": (
        "Answer to your contact request ({code})",
        "Vastaus yhteydenottopyyntöönne ({code})",
    ),
    "notify.answer_sme.body": (
        "The student behind profile {code} has {answer} your request.",
        "Profiilin {code} opiskelija on {answer} pyyntönne.",
    ),
    "notify.answer.accepted": (
        "accepted; sign in to Silta to see the contact details they shared with you on Our "
        "contact requests",
        "hyväksynyt; kirjautukaa Siltaan nähdäksenne jakamansa yhteystiedot "
        "Yhteydenottopyyntömme-sivulla",
    ),
    "notify.answer.declined": ("declined", "hylännyt"),
    "notify.outbox": ("E-mail outbox ({n})", "Sähköpostin lähtevät ({n})"),
    "notify.outbox_on": (
        "Messages are sent as soon as they are written; a failed one is tried again later "
        "(also by `python -m core send-notifications`).",
        "Viestit lähetetään heti; epäonnistunut yritetään myöhemmin uudelleen (myös komennolla "
        "`python -m core send-notifications`).",
    ),
    "notify.outbox_off": (
        "E-mail is off (no SMTP server in the settings): messages wait here until it is set.",
        "Sähköposti ei ole käytössä (asetuksissa ei ole SMTP-palvelinta): viestit odottavat "
        "täällä.",
    ),
    "notify.col.kind": ("Message", "Viesti"),
    "notify.col.to": ("To", "Vastaanottaja"),
    "notify.col.created": ("Written", "Kirjoitettu"),
    "notify.col.sent": ("Sent", "Lähetetty"),
    "notify.col.attempts": ("Attempts", "Yrityksiä"),
    "notify.col.error": ("Last error", "Viimeisin virhe"),
    "notify.footer": (
        "— Silta, University of Oulu (an automatic message; please do not reply)",
        "— Silta, Oulun yliopisto (automaattinen viesti; älä vastaa tähän)",
    ),
    "notify.footer_url": (
        "Silta: {url}\n— University of Oulu (an automatic message; please do not reply)",
        "Silta: {url}\n— Oulun yliopisto (automaattinen viesti; älä vastaa tähän)",
    ),
    # --- issue 14: invitation links and the manager's weekly digest ---
    "notify.kind.manager_digest": ("Weekly digest (manager)", "Viikkokooste (hanke)"),
    "notify.student_invitation.body": (
        "Hello,\n\nthe project has made you a Silta account, {username}. In Silta you keep "
        "your competence profile up to date, decide whether companies may find and contact "
        "you, and answer their contact requests.\n\nChoose your password here (the link "
        "works once, for {days} days):\n{link}\n\nYou can also sign in with your "
        "university account.",
        "Hei,\n\nhanke on luonut sinulle Silta-tunnuksen {username}. Siltassa pidät "
        "osaamisprofiilisi ajan tasalla, päätät, saavatko yritykset löytää sinut ja ottaa "
        "yhteyttä, ja vastaat niiden yhteydenottopyyntöihin.\n\nValitse salasanasi tästä "
        "(linkki toimii kerran, {days} päivän ajan):\n{link}\n\nVoit myös kirjautua "
        "yliopiston tunnuksellasi.",
    ),
    "notify.student_invitation.body_no_url": (
        "Hello,\n\nthe project has made you a Silta account, {username}. In Silta you keep "
        "your competence profile up to date, decide whether companies may find and contact "
        "you, and answer their contact requests.\n\nAsk the project for the link where you "
        "choose your password (it works once, for {days} days), or sign in with your "
        "university account.",
        "Hei,\n\nhanke on luonut sinulle Silta-tunnuksen {username}. Siltassa pidät "
        "osaamisprofiilisi ajan tasalla, päätät, saavatko yritykset löytää sinut ja ottaa "
        "yhteyttä, ja vastaat niiden yhteydenottopyyntöihin.\n\nPyydä hankkeelta linkki, "
        "jossa valitset salasanasi (se toimii kerran, {days} päivän ajan), tai kirjaudu "
        "yliopiston tunnuksellasi.",
    ),
    "notify.manager_digest.subject": (
        "Silta this week ({week})",
        "Silta tällä viikolla ({week})",
    ),
    "notify.manager_digest.body": (
        "Hello,\n\nthis is what needs attention in Silta this week.\n\n{digest}",
        "Hei,\n\ntässä Siltan tämän viikon huomioitavat asiat.\n\n{digest}",
    ),
    "digest.due": (
        "Follow-ups due by {end}: {n}",
        "Seurantoja erääntyy viimeistään {end}: {n}",
    ),
    "digest.overdue": ("Follow-ups overdue: {n}", "Myöhässä olevia seurantoja: {n}"),
    "digest.follow_up_line": ("- {code}: {kind}, due {due}", "- {code}: {kind}, eräpäivä {due}"),
    "digest.behind": (
        "Commitments falling behind: {n}",
        "Jäljessä olevia sitoumuksia: {n}",
    ),
    "digest.behind_line": (
        "- {company}, {year}, {kind}: {delivered} of {committed} delivered ({expected} by now "
        "at the year's pace)",
        "- {company}, {year}, {kind}: {delivered}/{committed} toteutunut (vuoden tahdissa nyt "
        "{expected})",
    ),
    "page.invite": ("Invitation", "Kutsu"),
    "invite.title": ("Choose your password", "Valitse salasanasi"),
    "invite.account": ("Your Silta account: {username}", "Silta-tunnuksesi: {username}"),
    "invite.repeat": ("Password again", "Salasana uudelleen"),
    "invite.submit": ("Set my password", "Aseta salasanani"),
    "invite.differ": (
        "The passwords differ; nothing was set.",
        "Salasanat eroavat toisistaan; mitään ei asetettu.",
    ),
    "invite.done": (
        "Your password is set. Sign in as {username}.",
        "Salasanasi on asetettu. Kirjaudu tunnuksella {username}.",
    ),
    "invite.to_sign_in": ("Go to sign in", "Kirjautumaan"),
    "invite.err.invalid": (
        "This invitation link does not work: it has been used, replaced by a newer one, or it "
        "has expired. Ask the project for a new link.",
        "Tämä kutsulinkki ei toimi: se on jo käytetty, korvattu uudemmalla tai vanhentunut. "
        "Pyydä hankkeelta uusi linkki.",
    ),
    "invite.err.not_invitable": (
        "Only an active student account without a password can get an invitation link.",
        "Kutsulinkin voi saada vain käytössä oleva opiskelijatili, jolla ei ole salasanaa.",
    ),
    "invite.signed_in": (
        "You are signed in already. An invitation link is for setting the first password of "
        "a new account: sign out first if it is yours.",
        "Olet jo kirjautunut. Kutsulinkillä asetetaan uuden tilin ensimmäinen salasana: "
        "kirjaudu ensin ulos, jos linkki on sinun.",
    ),
    "users.students.help": (
        "One code per line (or separated by commas). Each gets an account named after the "
        "code, with the participant's e-mail (single sign-on maps by it) and an invitation "
        "link, e-mailed to them, where they choose their own password.",
        "Yksi koodi riviä kohden (tai pilkuin eroteltuina). Kukin saa koodin mukaan nimetyn "
        "tilin, osallistujan sähköpostin (kertakirjautuminen tunnistaa sen) ja "
        "sähköpostitse kutsulinkin, jossa hän valitsee itse salasanansa.",
    ),
    "users.students.create": ("Create student accounts", "Luo opiskelijatilit"),
    "users.students.created": (
        "{n} accounts created; each student gets an invitation link to choose a password.",
        "{n} tiliä luotu; kukin opiskelija saa kutsulinkin salasanan valitsemiseen.",
    ),
    "users.students.col.link": ("Invitation link", "Kutsulinkki"),
    "users.students.links": (
        "These invitation links could not be e-mailed (no e-mail server or address, or no "
        "app address in the settings): hand each to its student. They are not shown again.",
        "Näitä kutsulinkkejä ei voitu lähettää sähköpostitse (ei sähköpostipalvelinta tai "
        "osoitetta, tai asetuksissa ei ole sovelluksen osoitetta): anna kukin opiskelijalleen. "
        "Niitä ei näytetä uudelleen.",
    ),
    "users.reinvite": ("Send a new invitation link", "Lähetä uusi kutsulinkki"),
    "users.reinvite.help": (
        "The old link stops working at once.",
        "Vanha linkki lakkaa toimimasta heti.",
    ),
    "users.done.reinvited": (
        "A new invitation link is on its way by e-mail; the old one no longer works.",
        "Uusi kutsulinkki lähtee sähköpostitse; vanha ei enää toimi.",
    ),
    "users.reinvite.link": (
        "Hand this new invitation link to the student (it is not shown again; the old one "
        "no longer works): {link}",
        "Anna tämä uusi kutsulinkki opiskelijalle (sitä ei näytetä uudelleen; vanha ei enää "
        "toimi): {link}",
    ),
    "followup.col.job": ("Job through Silta since", "Työ Siltan kautta alkaen"),
    "funnel.requested": ("Requested", "Pyydetty"),
    "funnel.accepted": ("Accepted", "Hyväksytty"),
    "funnel.agreed": ("Agreed", "Sovittu"),
    "funnel.delivered": ("Delivered: a place or a job", "Toteutui: paikka tai työ"),
    "funnel.stage": ("Stage", "Vaihe"),
    "funnel.count": ("Requests", "Pyyntöjä"),
    # Issue 14: the contact funnel to employment at 6 months, by spearhead and company size.
    "funnel.employed": ("Employed at 6 months", "Työssä 6 kk kuluttua"),
    "funnel.by.total": ("Total", "Yhteensä"),
    "funnel.by.spearhead": ("By spearhead", "Kärkialoittain"),
    "funnel.by.size": ("By company size", "Yrityksen koon mukaan"),
    "funnel.breakdown": ("Show the funnel", "Näytä suppilo"),
    "funnel.title": (
        "From contact request to work",
        "Yhteydenottopyynnöstä työhön",
    ),
    "funnel.table": ("The funnel as a table", "Suppilo taulukkona"),
    "funnel.help": (
        "Contact requests asked in the period's years, by the spearhead of the student's "
        "profile or the size of the company that asked. **Delivered**: an internship or "
        "thesis place was agreed (counted as the company's delivered place) or an agreed job "
        "started. **Employed at 6 months**: of the delivered, those whose student's last "
        "6-month follow-up answer, recorded after the request, says employed or "
        "self-employed; without such an answer, a job through the request that started at "
        "least six months ago and had not ended before six months had passed. A later "
        "follow-up answer that says otherwise wins. Each stage is a share of the one before.",
        "Kauden vuosina tehdyt yhteydenottopyynnöt opiskelijan profiilin kärkialan tai pyynnön "
        "tehneen yrityksen koon mukaan. **Toteutui**: sovittiin harjoittelu- tai "
        "opinnäytetyöpaikka (lasketaan yrityksen toteutuneeksi paikaksi) tai sovittu työ "
        "alkoi. **Työssä 6 kk kuluttua**: toteutuneista ne, joiden opiskelijan viimeisin "
        "pyynnön jälkeen kirjattu 6 kuukauden seurantavastaus on työssä tai yrittäjä; ilman "
        "sellaista vastausta pyynnön kautta saatu työ, joka alkoi vähintään kuusi kuukautta "
        "sitten eikä päättynyt ennen kuuden kuukauden täyttymistä. Myöhempi toisin sanova "
        "seurantavastaus ratkaisee. Kukin vaihe on osa edellistä.",
    ),
    # --- issue 15: the whole plan (targets, activities, surveys, memberships, badges) ---
    "indicator.commitments_delivered": ("Commitments delivered", "Toteutuneet sitoumukset"),
    "indicator.survey_responses": ("Survey responses", "Kyselyvastaukset"),
    "indicator.activities": ("Activities", "Toimenpiteet"),
    "indicator.deliverables_done": ("Deliverables done", "Valmiit tuotokset"),
    "indicator.badges_issued": ("Badges issued", "Myönnetyt osaamismerkit"),
    "indicator.members": ("Members", "Jäsenet"),
    "code.survey_kind.launch_feedback": (
        "Launch event feedback",
        "Julkistustilaisuuden palaute",
    ),
    "code.survey_kind.sme_recruitment": (
        "SME recruitment experience",
        "Pk-yritysten rekrytointikokemus",
    ),
    "code.survey_kind.student_experience": (
        "Student experience (first year stressed)",
        "Opiskelijakokemus (painotus ensimmäisessä vuodessa)",
    ),
    "code.survey_kind.competence_data": (
        "Usefulness of the competence data",
        "Osaamistiedon hyödyllisyys",
    ),
    "code.survey_kind.other": ("Other survey", "Muu kysely"),
    "code.activity_kind.interview": ("Company interview", "Yrityshaastattelu"),
    "code.activity_kind.workshop": ("Workshop", "Työpaja"),
    "code.activity_kind.pilot": ("Pilot", "Pilotti"),
    "code.activity_kind.focus_group": ("Focus group", "Fokusryhmä"),
    "code.activity_kind.competence_mapping": ("Competence mapping", "Osaamiskartoitus"),
    "code.activity_kind.report": ("Report", "Raportti"),
    "code.activity_kind.model_description": (
        "Description of a piloted model",
        "Kuvaus pilotoidusta mallista",
    ),
    "code.activity_kind.other": ("Other activity", "Muu toimenpide"),
    "code.interview_theme.goals_growth": (
        "Company goals and growth",
        "Yrityksen tavoitteet ja kasvu",
    ),
    "code.interview_theme.cooperation": (
        "Cooperation and communication",
        "Yhteistyö ja kommunikaatio",
    ),
    "code.interview_theme.systems_tools": ("Systems and tools", "Järjestelmät ja työvälineet"),
    "code.interview_theme.hr": ("Human resources", "Henkilöstöhallinto"),
    "code.interview_theme.continuity": ("Continuity of cooperation", "Yhteistyön jatkuvuus"),
    "plan.title": ("Every target of the plan", "Kaikki suunnitelman tavoitteet"),
    "plan.caption": (
        "Each target of the project definition, by work package: what is done, what the plan "
        "expected by now, and the pace.",
        "Hankemäärittelyn jokainen tavoite työpaketeittain: mitä on tehty, mitä suunnitelman "
        "mukaan olisi pitänyt olla tehtynä ja eteneminen.",
    ),
    "plan.whole_project": ("Whole project", "Koko hanke"),
    "plan.due": ("by {day}", "{day} mennessä"),
    "plan.col.target": ("Target of the plan", "Suunnitelman tavoite"),
    "plan.col.package": ("Work package", "Työpaketti"),
    "plan.done_share": ("Done (% of target)", "Tehty (% tavoitteesta)"),
    "plan.planned_share": ("Planned by now", "Suunniteltu tähän mennessä"),
    "plan.none": (
        "The definition has no other targets.",
        "Määrittelyssä ei ole muita tavoitteita.",
    ),
    "plan.chart_for": ("Show the line of", "Näytä kehitys tavoitteelle"),
    "io.err.unknown_event_type": (
        "'{value}' is not an event type of the project. Known: {known}.",
        "'{value}' ei ole hankkeen tapahtumatyyppi. Tunnetut: {known}.",
    ),
    "io.err.unknown_commitment_kind": (
        "'{value}' is not a commitment kind of the project. Known: {known}.",
        "'{value}' ei ole hankkeen sitoumuslaji. Tunnetut: {known}.",
    ),
    "io.ref.event_type": ("an event type", "tapahtumatyyppi"),
    "io.ref.commitment_kind": ("a commitment kind", "sitoumuslaji"),
    # Activities and deliverables (issue 15)
    "page.activities": ("Activities", "Toimenpiteet"),
    "page.surveys": ("Surveys", "Kyselyt"),
    "page.answer": ("Survey", "Kysely"),
    "page.badges": ("Memberships and badges", "Jäsenyydet ja osaamismerkit"),
    "activity.title": ("Activities and deliverables", "Toimenpiteet ja tuotokset"),
    "activity.intro": (
        "What each work package did and produced: interviews with their themes and the "
        "bottlenecks found, pilots, focus groups, published results. Files are kept beside the "
        "database; only the project manager sees this page.",
        "Mitä kukin työpaketti teki ja tuotti: haastattelut teemoineen ja havaittuine "
        "pullonkauloineen, pilotit, fokusryhmät, julkaistut tulokset. Tiedostot säilytetään "
        "tietokannan rinnalla; sivun näkee vain projektipäällikkö.",
    ),
    "activity.new": ("Record an activity", "Kirjaa toimenpide"),
    "activity.work_package": ("Work package", "Työpaketti"),
    "activity.kind": ("Kind", "Laji"),
    "activity.name": ("Title", "Otsikko"),
    "activity.date": ("Date", "Päivämäärä"),
    "activity.deliverable": ("A deliverable (published result)", "Tuotos (julkaistava tulos)"),
    "activity.done_on": ("Done (published) on", "Valmistunut (julkaistu)"),
    "activity.companies": ("Companies involved", "Mukana olleet yritykset"),
    "activity.participants": (
        "Participant codes involved",
        "Mukana olleiden osallistujien tunnukset",
    ),
    "activity.people": ("People taking part", "Osallistujia"),
    "activity.themes": ("Interview themes covered", "Käsitellyt haastatteluteemat"),
    "activity.bottlenecks": ("Bottlenecks found", "Havaitut pullonkaulat"),
    "activity.notes": ("Notes", "Muistiinpanot"),
    "activity.save": ("Save activity", "Tallenna toimenpide"),
    "activity.saved": ("Saved: {title}", "Tallennettu: {title}"),
    "activity.none": ("No activities recorded yet.", "Toimenpiteitä ei ole vielä kirjattu."),
    "activity.all_packages": ("All work packages", "Kaikki työpaketit"),
    "activity.choose": ("Open an activity", "Avaa toimenpide"),
    "activity.mark_done": ("Mark done", "Merkitse valmiiksi"),
    "activity.files": ("Evidence files", "Liitetiedostot"),
    "activity.upload": (
        "Attach a file (pdf, docx, xlsx, pptx, png, jpg; at most {limit} MB)",
        "Liitä tiedosto (pdf, docx, xlsx, pptx, png, jpg; enintään {limit} Mt)",
    ),
    "activity.attach": ("Attach", "Liitä"),
    "activity.delete": ("Delete activity", "Poista toimenpide"),
    "activity.themes_count": ("Interviews per theme", "Haastattelut teemoittain"),
    "activity.col.files": ("Files", "Tiedostot"),
    "activity.col.done": ("Done", "Valmis"),
    "activity.err.work_package": (
        "Work package: '{value}' is not a work package of the project.",
        "Työpaketti: '{value}' ei ole hankkeen työpaketti.",
    ),
    "activity.err.kind": (
        "Kind: '{value}' is not an activity kind of the project. Known: {known}.",
        "Laji: '{value}' ei ole hankkeen toimenpidelaji. Tunnetut: {known}.",
    ),
    "activity.err.title": (
        "Title: write a title of at most {limit} characters.",
        "Otsikko: kirjoita enintään {limit} merkin otsikko.",
    ),
    "activity.err.date": (
        "Date: the activity must fall within the project period {start} – {end}.",
        "Päivämäärä: toimenpiteen pitää osua hankeajalle {start} – {end}.",
    ),
    "activity.err.done_not_deliverable": (
        "Done: only a deliverable can be marked done.",
        "Valmis: vain tuotoksen voi merkitä valmiiksi.",
    ),
    "activity.err.done_before": (
        "Done: a deliverable cannot be done before its activity date {day}.",
        "Valmis: tuotos ei voi valmistua ennen toimenpiteen päivää {day}.",
    ),
    "activity.err.theme": (
        "Themes: unknown theme {value}.",
        "Teemat: tuntematon teema {value}.",
    ),
    "activity.err.people": (
        "People taking part: give zero or more.",
        "Osallistujia: anna nolla tai enemmän.",
    ),
    "activity.err.company": (
        "Companies: no company has the business ID {value}.",
        "Yritykset: Y-tunnuksella {value} ei ole yritystä.",
    ),
    "activity.err.missing": (
        "That activity or file no longer exists.",
        "Toimenpidettä tai tiedostoa ei enää ole.",
    ),
    "activity.err.file_kind": (
        "File: only these kinds are kept: {kinds}.",
        "Tiedosto: vain nämä tiedostolajit säilytetään: {kinds}.",
    ),
    "activity.err.file_size": (
        "File: at most {limit} MB.",
        "Tiedosto: enintään {limit} Mt.",
    ),
    "activity.err.file_content": (
        "File: {name} is not what its name says (its content does not match its kind).",
        "Tiedosto: {name} ei ole sitä, mitä nimi väittää (sisältö ei vastaa lajia).",
    ),
    "activity.err.file_gone": (
        "File: {name} is missing from the data directory.",
        "Tiedosto: {name} puuttuu datahakemistosta.",
    ),
    # Surveys (issue 15)
    "survey.qtype.scale": ("Scale 1–5", "Asteikko 1–5"),
    "survey.qtype.choice": ("One choice", "Yksi vaihtoehto"),
    "survey.qtype.multi": ("Several choices", "Useita vaihtoehtoja"),
    "survey.qtype.open": ("Open text", "Avoin teksti"),
    "survey.title": ("Surveys", "Kyselyt"),
    "survey.intro": (
        "Feedback and experience surveys: answered through a personal link (once) or an "
        "anonymous link without signing in, or imported from a Webropol or Microsoft Forms "
        "Excel export. Steering sees counts as the disclosure policy allows; open answers are "
        "for the project manager only.",
        "Palaute- ja kokemuskyselyt: vastataan henkilökohtaisella linkillä (kerran) tai "
        "anonyymillä linkillä kirjautumatta, tai tuodaan Webropolin tai Microsoft Formsin "
        "Excel-viennistä. Ohjausryhmä näkee määrät tietosuojasäännön mukaisesti; avoimet "
        "vastaukset näkee vain projektipäällikkö.",
    ),
    "survey.new": ("New survey", "Uusi kysely"),
    "survey.builtin": ("Start from", "Pohja"),
    "survey.own": ("My own questions", "Omat kysymykset"),
    "survey.code": ("Code", "Tunnus"),
    "survey.kind": ("Kind", "Laji"),
    "survey.name": ("Title", "Otsikko"),
    "survey.name_fi": ("Title in Finnish", "Otsikko suomeksi"),
    "survey.event": ("Event code (optional)", "Tapahtuman tunnus (valinnainen)"),
    "survey.questions": (
        "Questions (type: scale, choice, multi or open; options as code=English/Finnish; …)",
        "Kysymykset (tyyppi: scale, choice, multi tai open; vaihtoehdot muodossa "
        "koodi=englanniksi/suomeksi; …)",
    ),
    "survey.col.question": ("Question", "Kysymys"),
    "survey.col.question_fi": ("Question in Finnish", "Kysymys suomeksi"),
    "survey.col.type": ("Type", "Tyyppi"),
    "survey.col.options": ("Options", "Vaihtoehdot"),
    "survey.create": ("Create survey", "Luo kysely"),
    "survey.created": ("Survey {code} created.", "Kysely {code} luotu."),
    "survey.none": ("No surveys yet.", "Kyselyitä ei vielä ole."),
    "survey.choose": ("Survey", "Kysely"),
    "survey.col.responses": ("Responses", "Vastaukset"),
    "survey.col.links": ("Personal links", "Henkilökohtaiset linkit"),
    "survey.col.answered": ("Answered", "Vastattu"),
    "survey.links": ("Answer links", "Vastauslinkit"),
    "survey.personal_codes": (
        "Participant codes, one per line (a personal link each)",
        "Osallistujatunnukset, yksi per rivi (kullekin oma linkki)",
    ),
    "survey.anonymous": ("Also one anonymous link", "Myös yksi anonyymi linkki"),
    "survey.make_links": ("Make links", "Luo linkit"),
    "survey.links_once": (
        "Copy these now: the links are not shown again (only their fingerprints are kept).",
        "Kopioi nämä nyt: linkkejä ei näytetä uudelleen (vain niiden tunnisteet säilytetään).",
    ),
    "survey.anonymous_who": ("anonymous", "anonyymi"),
    "survey.import": ("Import a Webropol or Forms export", "Tuo Webropol- tai Forms-vienti"),
    "survey.import_file": ("Excel or CSV export", "Excel- tai CSV-vienti"),
    "survey.import_ok": (
        "{count} responses ready to import.",
        "{count} vastausta valmiina tuotavaksi.",
    ),
    "survey.import_do": ("Import responses", "Tuo vastaukset"),
    "survey.imported": ("{count} responses imported.", "{count} vastausta tuotu."),
    "survey.results": ("Results", "Tulokset"),
    "survey.rate": (
        "Responses {responses}; personal links {sent}, answered {answered} ({rate}).",
        "Vastauksia {responses}; henkilökohtaisia linkkejä {sent}, vastattu {answered} ({rate}).",
    ),
    "survey.mean": ("Mean {mean} (answers {n})", "Keskiarvo {mean} (vastauksia {n})"),
    "survey.answers": ("Answers: {n}", "Vastauksia: {n}"),
    "survey.open_answers": (
        "Open answers (manager only)",
        "Avoimet vastaukset (vain projektipäällikkö)",
    ),
    "survey.t31": (
        "Student experience and intent to stay by year of study (T3.1)",
        "Opiskelijakokemus ja aikomus jäädä alueelle opintovuosittain (T3.1)",
    ),
    "survey.t31.mean": ("Mean experience (1–5)", "Kokemuksen keskiarvo (1–5)"),
    "survey.t31.stay": ("Intend to stay", "Aikoo jäädä"),
    "survey.year": ("Year of study", "Opintovuosi"),
    "survey.answer.submit": ("Send answers", "Lähetä vastaukset"),
    "survey.answer.thanks": (
        "Thank you! Your answers were saved.",
        "Kiitos! Vastauksesi tallennettiin.",
    ),
    "survey.answer.invalid": (
        "This survey link is not valid. Please check the address you were sent.",
        "Tämä kyselylinkki ei ole voimassa. Tarkista saamasi osoite.",
    ),
    "survey.answer.scale_hint": ("1 = lowest, 5 = highest", "1 = heikoin, 5 = paras"),
    "survey.answer.choose": ("Choose", "Valitse"),
    "survey.err.definition": ("Survey: {problems}", "Kysely: {problems}"),
    "survey.err.kind": (
        "Kind: '{value}' is not a survey kind of the project. Known: {known}.",
        "Laji: '{value}' ei ole hankkeen kyselylaji. Tunnetut: {known}.",
    ),
    "survey.err.code_taken": (
        "Code: a survey with the code {code} exists already.",
        "Tunnus: kysely tunnuksella {code} on jo olemassa.",
    ),
    "survey.err.event": (
        "Event: no event has the code {code}.",
        "Tapahtuma: tunnuksella {code} ei ole tapahtumaa.",
    ),
    "survey.err.too_many_links": (
        "At most {limit} links at a time.",
        "Enintään {limit} linkkiä kerrallaan.",
    ),
    "survey.err.no_links": (
        "Give participant codes or ask for an anonymous link.",
        "Anna osallistujatunnukset tai pyydä anonyymi linkki.",
    ),
    "survey.err.required": (
        "'{question}': an answer is needed.",
        "'{question}': vastaus tarvitaan.",
    ),
    "survey.err.scale": (
        "'{question}': '{value}' is not a number from 1 to 5.",
        "'{question}': '{value}' ei ole luku väliltä 1–5.",
    ),
    "survey.err.choice": (
        "'{question}': '{value}' is not one of its options.",
        "'{question}': '{value}' ei ole kysymyksen vaihtoehto.",
    ),
    "survey.err.too_long": (
        "'{question}': at most {limit} characters.",
        "'{question}': enintään {limit} merkkiä.",
    ),
    "survey.err.no_link": (
        "This survey link is not valid. Please check the address you were sent.",
        "Tämä kyselylinkki ei ole voimassa. Tarkista saamasi osoite.",
    ),
    "survey.err.closed": ("This survey is closed.", "Tämä kysely on suljettu."),
    "survey.err.empty": ("Answer at least one question.", "Vastaa ainakin yhteen kysymykseen."),
    "survey.err.used": (
        "This personal link has been used already: each person answers once.",
        "Tällä henkilökohtaisella linkillä on jo vastattu: kukin vastaa kerran.",
    ),
    "survey.err.no_questions": (
        "No column is headed by a question of this survey (its text in English or Finnish, or "
        "its code).",
        "Minkään sarakkeen otsikko ei ole tämän kyselyn kysymys (teksti englanniksi tai "
        "suomeksi, tai kysymyksen koodi).",
    ),
    "survey.err.no_rows": ("The file holds no answers.", "Tiedostossa ei ole vastauksia."),
    "survey.err.import_has_errors": (
        "The file has errors: nothing was imported.",
        "Tiedostossa on virheitä: mitään ei tuotu.",
    ),
    "survey.err.questions_table": (
        "Questions, row {row}: {problem}",
        "Kysymykset, rivi {row}: {problem}",
    ),
    # Memberships and badges (issue 15)
    "badge.title": ("Memberships and badges", "Jäsenyydet ja osaamismerkit"),
    "badge.intro": (
        "ICT Student Circle, the alumni programme and the project's digital badges. A badge "
        "exports as an Open Badges 2.0 assertion: a JSON file, and the badge image with the "
        "assertion baked in, which a student can add to a LinkedIn profile.",
        "ICT Student Circle, alumniohjelma ja hankkeen digitaaliset osaamismerkit. Merkki "
        "viedään Open Badges 2.0 -muodossa: JSON-tiedostona ja merkin kuvana, johon "
        "myöntötieto on leivottu; opiskelija voi lisätä sen LinkedIn-profiiliinsa.",
    ),
    "badge.memberships": ("Memberships", "Jäsenyydet"),
    "badge.badges": ("Badges", "Osaamismerkit"),
    "badge.participant": ("Participant code", "Osallistujatunnus"),
    "badge.membership": ("Membership", "Jäsenyys"),
    "badge.start": ("From", "Alkaen"),
    "badge.end": ("Until (empty: still a member)", "Asti (tyhjä: jäsenyys jatkuu)"),
    "badge.add_member": ("Add member", "Lisää jäsen"),
    "badge.badge": ("Badge", "Osaamismerkki"),
    "badge.issued_on": ("Issued on", "Myönnetty"),
    "badge.evidence": ("Evidence (what was done)", "Näyttö (mitä tehtiin)"),
    "badge.issue": ("Issue badge", "Myönnä merkki"),
    "badge.saved": ("Saved.", "Tallennettu."),
    "badge.none": ("Nothing recorded yet.", "Mitään ei ole vielä kirjattu."),
    "badge.export": ("Export an Open Badges assertion", "Vie Open Badges -myöntötieto"),
    "badge.base_url": (
        "Issuer's address (where the assertions are hosted)",
        "Myöntäjän osoite (jossa myöntötiedot julkaistaan)",
    ),
    "badge.issuer_email": ("Issuer's e-mail", "Myöntäjän sähköposti"),
    "badge.award": ("Award", "Myönnetty merkki"),
    "badge.json": ("Assertion (JSON)", "Myöntötieto (JSON)"),
    "badge.png": ("Badge image with the assertion", "Merkin kuva myöntötietoineen"),
    "badge.err.participant": (
        "Participant code: no participant has the code {code}.",
        "Osallistujatunnus: tunnuksella {code} ei ole osallistujaa.",
    ),
    "badge.err.membership": (
        "Membership: '{value}' is not a membership of the project. Known: {known}.",
        "Jäsenyys: '{value}' ei ole hankkeen jäsenyys. Tunnetut: {known}.",
    ),
    "badge.err.badge": (
        "Badge: '{value}' is not a badge of the project. Known: {known}.",
        "Osaamismerkki: '{value}' ei ole hankkeen merkki. Tunnetut: {known}.",
    ),
    "badge.err.period": ("Until: the end is before the start.", "Asti: loppu on ennen alkua."),
    "badge.err.overlap": (
        "{code} is already a member for part of that period.",
        "{code} on jo jäsen osan tästä ajasta.",
    ),
    "badge.err.twice": ("{code} has this badge already.", "{code} on jo saanut tämän merkin."),
    "badge.err.missing": ("That award no longer exists.", "Myönnettyä merkkiä ei enää ole."),
    "badge.err.no_email": (
        "{code} has no e-mail address: an Open Badges assertion names its recipient by one.",
        "Osallistujalla {code} ei ole sähköpostiosoitetta: Open Badges -myöntötieto yksilöi "
        "saajan sillä.",
    ),
    "badge.err.no_image": (
        "The badge {code} has no PNG image in the project definition.",
        "Merkillä {code} ei ole PNG-kuvaa hankemäärittelyssä.",
    ),
    "pack.plan": ("Targets of the plan", "Suunnitelman tavoitteet"),
    "pack.sheet.plan": ("Plan targets", "Suunnitelman tavoitteet"),
}


def translate(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The text for `key` in `lang` (English if `lang` is unknown), with `{names}` filled in.

    `key` and `lang` are positional-only, so a text may itself have a `{key}` or `{lang}`."""
    try:
        english, finnish = TEXTS[key]
    except KeyError:
        english, finnish = _project_term(key)
    text = finnish if lang == "fi" else english
    return text.format(**values) if values else text


# issue 15: a project definition names its own codes (event types, survey kinds, badges…) in
# English and Finnish. Their texts join the table when the project is read from the database
# (core.project.terms); TEXTS keeps the built-in codes' texts, which win.
PROJECT_TERM_PREFIXES = (
    "code.event_type.",
    "code.commitment_kind.",
    "code.survey_kind.",
    "code.activity_kind.",
    "code.membership.",
    "code.badge.",
)
_PROJECT_TERMS: dict[str, tuple[str, str]] = {}


def define_terms(texts: dict[str, tuple[str, str]]) -> None:
    """Add a project's own code texts (key → (English, Finnish)); built-in keys are kept."""
    for key, (english, finnish) in texts.items():
        if key.startswith(PROJECT_TERM_PREFIXES) and key not in TEXTS:
            _PROJECT_TERMS[key] = (english, finnish or english)


def _project_term(key: str) -> tuple[str, str]:
    found = _PROJECT_TERMS.get(key)
    if found is not None:
        return found
    if key.startswith(PROJECT_TERM_PREFIXES):
        # A code stored before its definition was read: its own words rather than an error.
        code = key.rsplit(".", 1)[-1].replace("_", " ")
        return code.capitalize(), code.capitalize()
    raise KeyError(f"no UI text for {key!r}; add it to core/i18n.py")


class Labelled(StrEnum):
    """A code list whose codes have UI texts, `<key_prefix>.<code>` in TEXTS.

    Declared as `class Role(Labelled, key_prefix="role")`. `label_key` is the one way to build
    a text key from a value, so every key the UI can ask for is known in advance
    (tests/test_i18n.py checks that every code of every such list has both languages).
    """

    def __init_subclass__(cls, *, key_prefix: str, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        _KEY_PREFIXES[cls] = key_prefix


_KEY_PREFIXES: dict[type[Labelled], str] = {}


def label_key(code: Labelled) -> str:
    """The text key of `code`: its list's prefix and its value, e.g. `role.manager`."""
    return f"{_KEY_PREFIXES[type(code)]}.{code.value}"


def label(code: Labelled, lang: str = DEFAULT_LANG) -> str:
    """The UI text of `code` in `lang`."""
    return translate(label_key(code), lang)


def labelled_lists() -> dict[type[Labelled], str]:
    """Every code list declared so far (in modules imported so far) and its key prefix."""
    return dict(_KEY_PREFIXES)
