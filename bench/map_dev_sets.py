# ruff: noqa: E501
"""Development sets for map-skills (issue 16, round 2), written by hand for fitting only.

The test sets of natural English sentences (esco_queries.NATURAL) and Finnish descriptions
(fi_descriptions.FI_DESCRIPTIONS) had no development counterparts, so nothing could be fitted
for those kinds of text without tuning on the test. These pair other ESCO ICT skills (none of
the test sets' skills) with an SME-style English sentence and a plain Finnish description,
each written from the skill's meaning without looking at the mapper's output. They are fitted
on; the test sets stay untouched.
"""

from __future__ import annotations

# (ESCO preferred label, English need in an SME's own words, Finnish description)
DEV_PAIRS: list[tuple[str, str, str]] = [
    (
        "design cloud architecture",
        "Plan how our services should be laid out across cloud servers so they scale",
        "Pilvipalveluissa toimivan järjestelmän rakenteen suunnittelu niin, että se skaalautuu ja kestää vikoja.",
    ),
    (
        "plan migration to cloud",
        "Work out the steps to get our own servers and applications running in the cloud",
        "Suunnitelma siitä, miten yrityksen omat palvelimet ja sovellukset siirretään pilveen.",
    ),
    (
        "develop ICT test suite",
        "Write a set of test cases that covers every feature of our product",
        "Testitapausten kokoelman laatiminen niin, että ohjelmiston jokainen ominaisuus tulee testattua.",
    ),
    (
        "execute integration testing",
        "Check that all the parts of our system still work together after changes",
        "Sen testaaminen, että järjestelmän eri osat toimivat oikein yhdessä.",
    ),
    (
        "perform image editing",
        "Retouch and crop the product photos for our online shop",
        "Valokuvien rajaaminen, värien korjaaminen ja muokkaaminen kuvankäsittelyohjelmalla.",
    ),
    (
        "use presentation software",
        "Make good-looking slide decks for our sales meetings",
        "Diaesitysten tekeminen esimerkiksi PowerPointilla kokouksia varten.",
    ),
    (
        "use word processing software",
        "Type up and format our letters and reports on the computer",
        "Asiakirjojen kirjoittaminen ja muotoilu tekstinkäsittelyohjelmalla.",
    ),
    (
        "computer forensics",
        "Investigate a hacked laptop to find out what the attacker did",
        "Tietokoneelta löytyvien todisteiden kerääminen ja tutkiminen rikoksen tai tietomurron selvittämiseksi.",
    ),
    (
        "utilise regular expressions",
        "Write patterns that pick phone numbers and email addresses out of text",
        "Hakulausekkeiden kirjoittaminen, joilla tekstistä löydetään tietyn muotoisia merkkijonoja.",
    ),
    (
        "use concurrent programming",
        "Make our program do many things at the same time with threads",
        "Ohjelmointi, jossa useampi säie tai prosessi suorittaa tehtäviä samanaikaisesti.",
    ),
    (
        "perform dimensionality reduction",
        "Shrink a dataset with hundreds of columns down to a few meaningful ones",
        "Aineiston muuttujien määrän vähentäminen niin, että olennainen tieto säilyy.",
    ),
    (
        "program firmware",
        "Write the low-level code that runs on the chips of our circuit boards",
        "Laitteen sisällä toimivan matalan tason ohjelman kirjoittaminen mikro-ohjaimelle.",
    ),
    (
        "mobile device management",
        "Control and update all the company phones from one place",
        "Yrityksen puhelinten ja tablettien keskitetty hallinta, päivittäminen ja suojaaminen.",
    ),
    (
        "manage email hosting service",
        "Run our company mail server and everyone's mailboxes",
        "Yrityksen sähköpostipalvelimen ja postilaatikoiden ylläpito.",
    ),
    (
        "use customer relationship management software",
        "Keep track of our customer contacts and sales in one tool",
        "Asiakastietojen ja myyntitapahtumien seuraaminen asiakkuudenhallintaohjelmassa.",
    ),
    (
        "define software architecture",
        "Decide the overall structure and main building blocks of our software",
        "Ohjelmiston kokonaisrakenteen, pääosien ja niiden välisten rajapintojen määrittely.",
    ),
    (
        "information architecture",
        "Organise the content and menus of our website so visitors find things",
        "Verkkosivuston sisällön ja valikoiden järjestäminen niin, että käyttäjä löytää etsimänsä.",
    ),
    (
        "use access control software",
        "Set who may open which files and systems in our company",
        "Sen määrittäminen ohjelmalla, kuka saa avata mitäkin tiedostoja ja järjestelmiä.",
    ),
    (
        "digitise documents",
        "Scan our old paper archive into digital files",
        "Paperisten asiakirjojen skannaaminen sähköiseen muotoon.",
    ),
    (
        "plan digital marketing",
        "Plan our online advertising and social media campaigns",
        "Verkkomainonnan ja sosiaalisen median kampanjoiden suunnittelu.",
    ),
    (
        "apply reverse engineering",
        "Figure out how a competitor's device works by taking it apart",
        "Valmiin laitteen tai ohjelman purkaminen osiin sen toiminnan selvittämiseksi.",
    ),
    (
        "report analysis results",
        "Present what the data analysis found in a clear report",
        "Analyysin tulosten esittäminen selkeänä raporttina tai esityksenä.",
    ),
    (
        "use software libraries",
        "Reuse existing code packages instead of writing everything ourselves",
        "Valmiiden koodikirjastojen hyödyntäminen omassa ohjelmassa.",
    ),
    (
        "object-oriented modelling",
        "Describe our software as classes and objects before anyone writes code",
        "Ohjelmiston kuvaaminen luokkina ja olioina sekä niiden välisinä suhteina.",
    ),
    (
        "create 3D characters",
        "Make 3D figures for our mobile game",
        "Kolmiulotteisten hahmojen mallintaminen peliin tai animaatioon.",
    ),
    (
        "deploy ICT systems",
        "Install our new system at customer sites and get it into use",
        "Uuden tietojärjestelmän asentaminen ja käyttöönotto asiakkaan luona.",
    ),
    (
        "data protection",
        "Make sure we handle our customers' personal data as the law requires",
        "Henkilötietojen käsittely lain ja tietosuoja-asetuksen mukaisesti.",
    ),
    (
        "implement spam protection",
        "Stop junk mail from flooding our staff's inboxes",
        "Roskapostin suodattaminen, jotta se ei päädy työntekijöiden postilaatikoihin.",
    ),
    (
        "manage system security",
        "Keep our servers and user accounts safe from attacks day to day",
        "Palvelinten ja käyttäjätilien suojaaminen hyökkäyksiltä päivittäisessä ylläpidossa.",
    ),
    (
        "printed circuit boards",
        "Someone who knows how the boards our electronics sit on are laid out and made",
        "Levyt, joille elektroniikan komponentit juotetaan ja kytketään toisiinsa johtimilla.",
    ),
    (
        "search databases",
        "Find the information we need in large databases quickly",
        "Tiedon etsiminen suurista tietokannoista hakuehtojen avulla.",
    ),
    (
        "implement data quality processes",
        "Set up routines that catch wrong or missing values in our data",
        "Käytännöt, joilla aineiston virheelliset ja puuttuvat arvot havaitaan ja korjataan säännöllisesti.",
    ),
]

NATURAL_DEV: list[tuple[str, str]] = [(label, en) for label, en, _ in DEV_PAIRS]
FI_DESCRIPTIONS_DEV: list[tuple[str, str]] = [(label, fi) for label, _, fi in DEV_PAIRS]
