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
    # --- Access control and privacy (issue 4): sign-in, account, users, consent, audit ---
    "page.login": ("Sign in", "Kirjaudu"),
    "page.account": ("My account", "Oma tili"),
    "page.logout": ("Sign out", "Kirjaudu ulos"),
    "page.audit": ("Audit log", "Tapahtumaloki"),
    "page.consent": ("Consents", "Suostumukset"),
    "page.users": ("Users", "Käyttäjät"),
    "role.manager": ("project manager", "projektipäällikkö"),
    "role.steering": ("steering group", "ohjausryhmä"),
    "role.sme": ("company user", "yrityskäyttäjä"),
    "auth.title": ("Sign in to Silta", "Kirjaudu Siltaan"),
    "auth.username": ("User name", "Käyttäjätunnus"),
    "auth.password": ("Password", "Salasana"),
    "auth.sign_in": ("Sign in", "Kirjaudu"),
    "auth.sign_out": ("Sign out", "Kirjaudu ulos"),
    "auth.signed_in_as": ("Signed in as {name} ({role})", "Kirjautuneena: {name} ({role})"),
    "auth.bad_credentials": (
        "Wrong user name or password.",
        "Väärä käyttäjätunnus tai salasana.",
    ),
    "auth.locked": (
        "Too many failed attempts: this account is locked until {until} (about {minutes} min). "
        "Try again then, or ask the project manager to unlock it.",
        "Liian monta epäonnistunutta yritystä: tili on lukittu klo {until} asti (noin {minutes} "
        "min). Yritä silloin uudelleen tai pyydä projektipäällikköä avaamaan lukitus.",
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
        "<{n} = fewer than {n} people · .. = hidden so that a small group cannot be worked out "
        "· – = no data",
        "<{n} = alle {n} henkilöä · .. = piilotettu, jottei pientä ryhmää voi päätellä "
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
}


def translate(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for `key` in `lang` (English if `lang` is unknown), with `{names}` filled in."""
    try:
        english, finnish = TEXTS[key]
    except KeyError:
        raise KeyError(f"no UI text for {key!r}; add it to core/i18n.py") from None
    text = finnish if lang == "fi" else english
    return text.format(**values) if values else text
