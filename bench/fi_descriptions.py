# ruff: noqa: E501
"""Finnish skill descriptions for the map-skills benchmark (issue 16), written by hand.

Each pairs an ESCO ICT skill (its English preferred label) with a sentence or two saying in
plain Finnish what the skill is or what someone with it does. They were written from the
skill's meaning, not translated from ESCO's English description, and before any mapping
setting was fitted; nothing is tuned on them (they are a test set only).
"""

from __future__ import annotations

FI_DESCRIPTIONS: list[tuple[str, str]] = [
    (
        "debug software",
        "Ohjelman virheiden paikantaminen ja korjaaminen, kun sovellus kaatuu tai toimii väärin.",
    ),
    (
        "perform software unit testing",
        "Yksittäisten funktioiden ja luokkien testaaminen erikseen automaattisilla testeillä.",
    ),
    (
        "implement a firewall",
        "Verkon suojaaminen laitteella tai ohjelmalla, joka päästää läpi vain sallitun liikenteen.",
    ),
    (
        "perform backups",
        "Tiedostojen ja järjestelmien säännöllinen kopiointi talteen, jotta ne voidaan palauttaa.",
    ),
    (
        "design database scheme",
        "Tietokannan taulujen, sarakkeiden ja niiden välisten suhteiden suunnittelu.",
    ),
    (
        "machine learning",
        "Menetelmät, joilla tietokone oppii datasta ennustamaan tai luokittelemaan ilman erikseen ohjelmoituja sääntöjä.",
    ),
    (
        "Agile development",
        "Ohjelmistokehitys lyhyissä iteraatioissa, joissa asiakas antaa palautetta ja suunnitelmaa muutetaan tarpeen mukaan.",
    ),
    (
        "conduct search engine optimisation",
        "Verkkosivujen muokkaaminen niin, että ne nousevat korkeammalle hakukoneiden tuloksissa.",
    ),
    (
        "design user interface",
        "Sovelluksen näkymien, painikkeiden ja valikoiden suunnittelu helppokäyttöisiksi.",
    ),
    (
        "provide ICT support",
        "Käyttäjien auttaminen tietokone- ja ohjelmisto-ongelmissa puhelimitse tai paikan päällä.",
    ),
    (
        "Internet of Things",
        "Laitteet ja anturit, jotka on kytketty verkkoon ja vaihtavat tietoa keskenään ilman ihmistä.",
    ),
    (
        "cloud technologies",
        "Palvelimien, tallennustilan ja ohjelmistojen käyttäminen verkon yli palveluntarjoajan konesalista.",
    ),
    (
        "migrate existing data",
        "Vanhan järjestelmän tietojen siirtäminen uuteen järjestelmään niin, ettei mitään katoa.",
    ),
    (
        "create software design",
        "Ohjelman rakenteen ja osien välisten suhteiden suunnittelu ennen koodaamista.",
    ),
    (
        "develop statistical software",
        "Ohjelmien tekeminen, joilla tutkijat ja analyytikot laskevat tilastoja ja ajavat malleja.",
    ),
    (
        "design computer network",
        "Yrityksen lähiverkon ja laajaverkon rakenteen, laitteiden ja kapasiteetin suunnittelu.",
    ),
    (
        "ICT network routing",
        "Sen valitseminen, mitä reittiä pitkin datapaketit kulkevat verkossa laitteelta toiselle.",
    ),
    (
        "ICT encryption",
        "Tiedon muuttaminen salattuun muotoon niin, että vain avaimen haltija voi lukea sen.",
    ),
    (
        "unified modelling language",
        "Standardoitu kaaviokieli, jolla kuvataan ohjelmiston luokkia, toimintoja ja vuorovaikutusta.",
    ),
    (
        "perform data analysis",
        "Aineiston kerääminen, käsittely ja tulkitseminen päätöksenteon tueksi.",
    ),
    (
        "install operating system",
        "Käyttöjärjestelmän asentaminen uudelle tietokoneelle tai palvelimelle.",
    ),
    ("manage website", "Verkkosivuston sisällön, päivitysten ja toimivuuden jatkuva ylläpito."),
    (
        "identify ICT security risks",
        "Tietojärjestelmien uhkien ja haavoittuvuuksien tunnistaminen ja niiden vakavuuden arviointi.",
    ),
    (
        "data warehouse",
        "Keskitetty tietovarasto, johon yrityksen eri järjestelmien tiedot kootaan raportointia varten.",
    ),
    (
        "develop software prototype",
        "Ensimmäisen keskeneräisen version rakentaminen sovelluksesta ideoiden kokeilemista varten.",
    ),
    (
        "edit recorded sound",
        "Äänitallenteiden leikkaaminen, siistiminen ja tehosteiden lisääminen.",
    ),
    (
        "identify statistical patterns",
        "Toistuvien säännönmukaisuuksien ja trendien löytäminen numeroaineistosta.",
    ),
    (
        "design application interfaces",
        "Rajapintojen suunnittelu, joiden kautta ohjelmat voivat kutsua toisiaan ja vaihtaa tietoa.",
    ),
    (
        "mobile operating systems",
        "Älypuhelimien ja tablettien käyttöjärjestelmät kuten Android ja iOS.",
    ),
    (
        "implement ICT recovery system",
        "Järjestelmän rakentaminen, jolla palvelut ja tiedot saadaan takaisin käyttöön vakavan häiriön jälkeen.",
    ),
    (
        "Python (computer programming)",
        "Yleiskäyttöinen ohjelmointikieli, jota käytetään paljon data-analyysissä ja skriptauksessa.",
    ),
    ("SQL", "Kyselykieli, jolla haetaan ja muokataan tietoa relaatiotietokannoista."),
]
