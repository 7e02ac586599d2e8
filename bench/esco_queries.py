"""Hand-written benchmark queries: needs as an SME would put them, and Finnish versions.

NATURAL pairs an ESCO skill label with a sentence a small company might type into the
search box; the sentence says what the company needs in its own words, not the label's.
FINNISH pairs the text of an English benchmark query (label, alternative label or
natural sentence) with how a Finnish SME would write the same need. Written once, before
any ranker was tuned; never used for tuning.
"""

from __future__ import annotations

NATURAL: list[tuple[str, str]] = [
    (
        "provide technical documentation",
        "Someone who writes clear manuals and guides for our software",
    ),
    (
        "define technical requirements",
        "We need help turning customer wishes into exact technical specs",
    ),
    ("develop software prototype", "Build a quick first version of our app idea to show investors"),
    ("debug software", "Find and fix the bugs that crash our program"),
    ("execute software tests", "A student who can test our application before each release"),
    (
        "solve ICT system problems",
        "Our IT systems keep failing, we need someone to troubleshoot them",
    ),
    ("identify ICT system weaknesses", "Find the security holes in our company network"),
    (
        "perform ICT security testing",
        "Penetration tester to check how hackers could get into our systems",
    ),
    (
        "implement a firewall",
        "Set up protection that blocks unwanted traffic into our office network",
    ),
    (
        "implement a virtual private network",
        "Let our staff connect securely to the office from home",
    ),
    ("perform backups", "Make sure our files are copied regularly so nothing is lost"),
    ("manage database", "Look after our customer database and keep it running"),
    ("design database scheme", "Plan the tables and structure for a new SQL database"),
    ("migrate existing data", "Move our old customer records into a new system"),
    ("perform data cleansing", "Clean up messy and duplicated records in our data"),
    ("web programming", "Developer for our company website"),
    ("use markup languages", "Someone who writes HTML pages"),
    ("Internet of Things", "Connect our machines and sensors to the internet"),
    ("cloud technologies", "Help us move our servers to AWS or Azure"),
    ("analyse big data", "Make sense of the huge amounts of data our machines produce"),
    ("conduct search engine optimisation", "Get our web shop higher in Google results"),
    ("human-computer interaction", "Research on how people use computers and interfaces"),
    ("create software design", "Plan the architecture of our new software before coding starts"),
    ("use scripting programming", "Automate boring tasks with small scripts in Python or Bash"),
    (
        "monitor system performance",
        "Keep an eye on how fast our servers respond and warn when slow",
    ),
    ("collect customer feedback on applications", "Gather what users think of our mobile app"),
    (
        "interact with users to gather requirements",
        "Talk with our users to find out what the software should do",
    ),
    ("business process modelling", "Draw diagrams of how our business processes work"),
    ("implement anti-virus software", "Install malware protection on all our computers"),
    ("provide ICT support", "Help desk person to solve our employees' computer problems"),
    ("manage disaster recovery plans", "A plan to get our IT running again after a fire or outage"),
    ("create data models", "Model our business data before we build the database"),
    ("edit recorded sound", "Clean up and cut our podcast audio recordings"),
    ("apply statistical analysis techniques", "Statistics skills to analyse our sales figures"),
    ("design application interfaces", "Design a REST API so partners can connect to our service"),
    ("ICT accessibility standards", "Make our website usable for people with disabilities"),
    ("blockchain platforms", "Experience with Ethereum or other blockchain systems"),
    ("mobile operating systems", "Knows Android and iOS inside out"),
    ("embedded systems", "Program the small computers inside our devices"),
    ("signal processing", "Filter and analyse measurement signals from our sensors"),
    ("perform project management", "Keep our software project on schedule and budget"),
    ("design user interface", "Make the screens of our app look good and easy to use"),
]

FINNISH: list[tuple[str, str]] = [
    # The first 15 exact-label queries (in benchmark order), as a Finnish SME would write them.
    ("conduct scholarly research", "tieteellisen tutkimuksen tekeminen"),
    ("implement front-end website design", "verkkosivuston käyttöliittymän toteuttaminen"),
    ("plan audiovisual recording", "audiovisuaalisten tallennusten suunnittelu"),
    (
        "prevent undesired changes to sound design",
        "äänisuunnitelman ei-toivottujen muutosten estäminen",
    ),
    ("typescript", "TypeScript-ohjelmointi"),
    ("communicate during show", "viestintä esityksen aikana"),
    ("draw design sketches", "suunnitteluluonnosten piirtäminen"),
    ("software components suppliers", "ohjelmistokomponenttien toimittajat"),
    ("synchronise sound with images", "äänen synkronointi kuvan kanssa"),
    ("render 3d images", "3D-kuvien renderöinti"),
    ("manage standards for data exchange", "tiedonvaihdon standardien hallinta"),
    ("sap r3", "SAP R/3 -osaaminen"),
    ("quality and cycle time optimisation", "laadun ja läpimenoajan optimointi"),
    (
        "perform quality control of design during a run",
        "suunnittelun laadunvalvonta esityskauden aikana",
    ),
    ("set up broadcast equipment", "lähetyslaitteiden asentaminen"),
    # The first 15 alternative-label queries.
    ("use data reporting", "datan raportointi"),
    ("principles of AI", "tekoälyn perusteet"),
    ("using recovery tools", "palautustyökalujen käyttö"),
    ("Asynchronous Javascript and XML", "asynkroninen JavaScript ja XML"),
    ("cloud compliance", "pilvipalvelujen vaatimustenmukaisuus"),
    ("multidimensional scaling", "moniulotteinen skaalaus"),
    ("analyse legacy implication", "vanhojen järjestelmien vaikutusten analysointi"),
    ("implement cloud network", "pilviverkon toteutus"),
    ("Smalltalk", "Smalltalk-ohjelmointi"),
    ("OWASP", "OWASP-osaaminen"),
    ("define enterprise data architecture", "yrityksen tietoarkkitehtuurin määrittely"),
    ("cloud computing", "pilvilaskenta"),
    ("network communications security measures", "tietoliikenneverkon tietoturvatoimet"),
    ("Ponie", "Ponie-osaaminen"),
    ("website troubleshooting", "verkkosivuston vianetsintä"),
    # The first 20 natural-language queries.
    (
        "Someone who writes clear manuals and guides for our software",
        "Joku, joka kirjoittaa selkeitä käyttöohjeita ja oppaita ohjelmistollemme",
    ),
    (
        "We need help turning customer wishes into exact technical specs",
        "Tarvitsemme apua asiakkaiden toiveiden muuttamisessa tarkoiksi teknisiksi määrittelyiksi",
    ),
    (
        "Build a quick first version of our app idea to show investors",
        "Nopea ensimmäinen versio sovellusideastamme sijoittajille näytettäväksi",
    ),
    (
        "Find and fix the bugs that crash our program",
        "Etsi ja korjaa virheet, jotka kaatavat ohjelmamme",
    ),
    (
        "A student who can test our application before each release",
        "Opiskelija, joka osaa testata sovelluksemme ennen jokaista julkaisua",
    ),
    (
        "Our IT systems keep failing, we need someone to troubleshoot them",
        "IT-järjestelmämme vikaantuvat jatkuvasti, tarvitsemme jonkun selvittämään viat",
    ),
    (
        "Find the security holes in our company network",
        "Etsi tietoturva-aukot yrityksemme verkosta",
    ),
    (
        "Penetration tester to check how hackers could get into our systems",
        "Tunkeutumistestaaja selvittämään, miten hakkerit voisivat päästä järjestelmiimme",
    ),
    (
        "Set up protection that blocks unwanted traffic into our office network",
        "Suojaus, joka estää ei-toivotun liikenteen toimistomme verkkoon",
    ),
    (
        "Let our staff connect securely to the office from home",
        "Henkilöstön turvallinen etäyhteys kotoa toimiston verkkoon",
    ),
    (
        "Make sure our files are copied regularly so nothing is lost",
        "Huolehdi, että tiedostomme kopioidaan säännöllisesti, jottei mitään katoa",
    ),
    (
        "Look after our customer database and keep it running",
        "Asiakastietokantamme ylläpito ja toiminnassa pitäminen",
    ),
    (
        "Plan the tables and structure for a new SQL database",
        "Uuden SQL-tietokannan taulujen ja rakenteen suunnittelu",
    ),
    (
        "Move our old customer records into a new system",
        "Vanhojen asiakastietojen siirto uuteen järjestelmään",
    ),
    (
        "Clean up messy and duplicated records in our data",
        "Sotkuisten ja päällekkäisten tietueiden siivous aineistostamme",
    ),
    ("Developer for our company website", "Kehittäjä yrityksemme verkkosivuille"),
    ("Someone who writes HTML pages", "Joku, joka tekee HTML-sivuja"),
    (
        "Connect our machines and sensors to the internet",
        "Koneidemme ja anturiemme liittäminen internetiin",
    ),
    ("Help us move our servers to AWS or Azure", "Apua palvelimiemme siirtoon AWS:ään tai Azureen"),
    (
        "Make sense of the huge amounts of data our machines produce",
        "Koneidemme tuottamien valtavien datamäärien analysointi",
    ),
]

# A separate Finnish DEV set, written later than the sets above, for tuning what only
# cross-lingual queries exercise: Finnish versions of the next queries in benchmark order
# (label-015…029, alt-015…029, natural-020…034). The FINNISH set above stays untouched.
FINNISH_DEV: list[tuple[str, str]] = [
    ("monitor quality of broadcasts", "lähetysten laadun valvonta"),
    (
        "ensure compliance with legal requirements",
        "lakisääteisten vaatimusten noudattamisen varmistaminen",
    ),
    ("abap", "ABAP-ohjelmointi"),
    ("structure soundtrack", "ääniraidan jäsentäminen"),
    ("business processes", "liiketoimintaprosessit"),
    ("conduct content quality assurance", "sisällön laadunvarmistus"),
    ("ict network routing", "tietoverkon reititys"),
    ("cognitive psychology", "kognitiivinen psykologia"),
    ("normalise data", "datan normalisointi"),
    ("adjust projector", "projektorin säätäminen"),
    ("vbscript", "VBScript-ohjelmointi"),
    ("use technical documentation", "teknisen dokumentaation käyttö"),
    ("implement a virtual private network", "VPN-verkon toteuttaminen"),
    ("develop statistical software", "tilasto-ohjelmistojen kehittäminen"),
    ("manage disaster recovery plans", "IT-toipumissuunnitelmien hallinta"),
    ("decision-making tools", "päätöksenteon työkalut"),
    ("firewall implementing", "palomuurin käyttöönotto"),
    ("edit audio recordings", "äänitallenteiden editointi"),
    ("on-line safety guidelines applying", "verkkoturvallisuusohjeiden soveltaminen"),
    (
        "manage virtualisation of servers and workstations",
        "palvelinten ja työasemien virtualisoinnin hallinta",
    ),
    ("disaster recovery", "IT-järjestelmien palautus häiriön jälkeen"),
    ("private blockchain", "yksityinen lohkoketju"),
    ("Selenium", "Selenium-testaus"),
    ("be computer-literate", "hyvät tietotekniikan perustaidot"),
    ("tracking a key performance indicator", "avainmittarin seuraaminen"),
    ("CMM", "CMM-kypsyysmalli"),
    ("types of databases", "tietokantatyypit"),
    ("edit digital footage", "digitaalisen videomateriaalin editointi"),
    ("Java", "Java-ohjelmointi"),
    ("ICT system upgrade", "tietojärjestelmän päivitys"),
    (
        "Get our web shop higher in Google results",
        "Verkkokauppamme nostaminen korkeammalle Googlen hakutuloksissa",
    ),
    (
        "Research on how people use computers and interfaces",
        "Tutkimusta siitä, miten ihmiset käyttävät tietokoneita ja käyttöliittymiä",
    ),
    (
        "Plan the architecture of our new software before coding starts",
        "Uuden ohjelmistomme arkkitehtuurin suunnittelu ennen koodauksen alkua",
    ),
    (
        "Automate boring tasks with small scripts in Python or Bash",
        "Tylsien tehtävien automatisointi pienillä Python- tai Bash-skripteillä",
    ),
    (
        "Keep an eye on how fast our servers respond and warn when slow",
        "Seuraa palvelimiemme vasteaikoja ja varoita, kun ne hidastuvat",
    ),
    (
        "Gather what users think of our mobile app",
        "Kerää käyttäjien mielipiteitä mobiilisovelluksestamme",
    ),
    (
        "Talk with our users to find out what the software should do",
        "Keskustele käyttäjiemme kanssa ja selvitä, mitä ohjelmiston pitäisi tehdä",
    ),
    (
        "Draw diagrams of how our business processes work",
        "Kaaviot siitä, miten liiketoimintaprosessimme toimivat",
    ),
    (
        "Install malware protection on all our computers",
        "Haittaohjelmasuojauksen asentaminen kaikille koneillemme",
    ),
    (
        "Help desk person to solve our employees' computer problems",
        "Tukihenkilö ratkomaan työntekijöidemme tietokoneongelmia",
    ),
    (
        "A plan to get our IT running again after a fire or outage",
        "Suunnitelma IT:n palauttamiseksi toimintaan tulipalon tai katkon jälkeen",
    ),
    (
        "Model our business data before we build the database",
        "Liiketoimintadatamme mallintaminen ennen tietokannan rakentamista",
    ),
    (
        "Clean up and cut our podcast audio recordings",
        "Podcast-äänitteidemme siistiminen ja leikkaaminen",
    ),
    (
        "Statistics skills to analyse our sales figures",
        "Tilasto-osaamista myyntilukujemme analysointiin",
    ),
    (
        "Design a REST API so partners can connect to our service",
        "REST-rajapinnan suunnittelu, jotta kumppanit voivat liittyä palveluumme",
    ),
]
