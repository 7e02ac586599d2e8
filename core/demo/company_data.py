"""Fictional North Ostrobothnia ICT companies and what their sectors offer students."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sector:
    name: str
    spearhead: str
    field: str  # what a scholarship or a mentoring is "in"
    internships: tuple[str, ...]
    theses: tuple[str, ...]
    talks: tuple[str, ...]


# Where companies sit; weights lean heavily on Oulu as the region's ICT centre does.
MUNICIPALITY_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("Oulu", 62.0),
    ("Kempele", 8.0),
    ("Liminka", 3.0),
    ("Raahe", 4.0),
    ("Ylivieska", 3.0),
    ("Kalajoki", 2.0),
    ("Muhos", 2.0),
    ("Ii", 2.0),
    ("Kuusamo", 2.0),
    ("Tyrnävä", 1.5),
    ("Haapavesi", 1.0),
    ("Pudasjärvi", 1.0),
    ("Hailuoto", 0.5),
    ("Oulainen", 1.0),
    ("Nivala", 1.0),
)

SECTORS: dict[str, Sector] = {
    s.name: s
    for s in (
        Sector(
            "Embedded systems",
            "devices",
            "embedded software",
            (
                "Summer internship: firmware for a battery-powered BLE sensor tag",
                "Internship: Zephyr RTOS board bring-up and driver testing",
                "Internship: test automation for embedded Linux devices",
            ),
            (
                "Thesis on power profiling of nRF52 firmware in deep-sleep modes",
                "Thesis on secure over-the-air updates for Cortex-M devices",
                "Thesis on migrating a FreeRTOS code base to Zephyr",
            ),
            (
                "Expert talk: what a firmware engineer really does in a small company",
                "Expert talk: debugging embedded systems with a logic analyser",
            ),
        ),
        Sector(
            "Telecom and RF",
            "devices",
            "wireless communications",
            (
                "Internship: RF measurements in the anechoic chamber",
                "Internship: Python automation for spectrum-analyser test benches",
            ),
            (
                "Thesis on 5G RedCap modem power profiling",
                "Thesis on over-the-air testing of FR2 antenna modules",
                "Thesis on O-RAN fronthaul latency measurements",
            ),
            (
                "Expert talk: from 5G to 6G, what changes for small RF companies",
                "Expert talk: a day in an RF test lab",
            ),
        ),
        Sector(
            "Industrial IoT",
            "devices",
            "industrial IoT",
            (
                "Internship: MQTT gateway and dashboards for factory sensors",
                "Internship: calibration tooling for wireless vibration sensors",
            ),
            (
                "Thesis on vibration-based condition monitoring with edge ML",
                "Thesis on LoRaWAN versus NB-IoT for remote industrial sensors",
            ),
            ("Expert talk: selling IoT to heavy industry",),
        ),
        Sector(
            "Health technology",
            "software",
            "health technology",
            (
                "Internship: React Native app for remote patient monitoring",
                "Internship: IEC 62304 documentation and test automation",
            ),
            (
                "Thesis on HL7 FHIR integration for a home-care monitoring app",
                "Thesis on signal-quality estimation for wearable PPG sensors",
            ),
            ("Expert talk: building medical-device software under the EU MDR",),
        ),
        Sector(
            "Software consultancy",
            "software",
            "software engineering",
            (
                "Summer internship: full-stack development in customer projects (React, .NET)",
                "Internship: cloud migration work on Azure",
            ),
            (
                "Thesis on measuring delivery performance in small consultancy teams",
                "Thesis on LLM-assisted code review in customer projects",
            ),
            ("Expert talk: what consultancies look for in junior developers",),
        ),
        Sector(
            "Games",
            "software",
            "game development",
            (
                "Internship: gameplay programming in Unity",
                "Internship: QA and build pipeline for a mobile game",
            ),
            (
                "Thesis on procedural level generation for a casual mobile game",
                "Thesis on player-retention analytics",
            ),
            ("Expert talk: shipping a small indie game from Oulu",),
        ),
        Sector(
            "Fintech",
            "software",
            "financial software",
            (
                "Internship: backend development with Kotlin and PostgreSQL",
                "Internship: PSD2 API integration tests",
            ),
            (
                "Thesis on anomaly detection in small-business invoice data",
                "Thesis on the usability of strong customer authentication",
            ),
            ("Expert talk: security and compliance in a five-person fintech",),
        ),
        Sector(
            "Cleantech",
            "devices",
            "environmental sensing",
            (
                "Internship: data pipeline for water-quality sensors",
                "Internship: prototyping a solar-powered sensor node",
            ),
            (
                "Thesis on energy harvesting for remote environmental sensors",
                "Thesis on forecasting district-heating demand with machine learning",
            ),
            ("Expert talk: green ICT and measuring the energy use of software",),
        ),
        Sector(
            "Data and AI",
            "software",
            "data science",
            (
                "Internship: data engineering with Python, dbt and Airflow",
                "Internship: tooling for computer-vision data labelling",
            ),
            (
                "Thesis on retrieval-augmented generation over technical manuals",
                "Thesis on Finnish-language classification of customer feedback",
            ),
            ("Expert talk: getting machine learning into production in an SME",),
        ),
        Sector(
            "Cybersecurity",
            "software",
            "cybersecurity",
            (
                "Internship: penetration testing of web applications",
                "Internship: security monitoring with open-source SIEM tools",
            ),
            (
                "Thesis on SBOM-based vulnerability tracking for embedded products",
                "Thesis on the EU Cyber Resilience Act for small device makers",
            ),
            ("Expert talk: the Cyber Resilience Act and what it means for small companies",),
        ),
        Sector(
            "Robotics",
            "devices",
            "robotics",
            (
                "Internship: ROS 2 navigation for an indoor delivery robot",
                "Internship: sensor fusion for a mobile robot",
            ),
            (
                "Thesis on LiDAR-based localisation in warehouses",
                "Thesis on simulation-based testing of robot software in Gazebo",
            ),
            ("Expert talk: from university robotics club to a robotics start-up",),
        ),
        Sector(
            "Electronics manufacturing",
            "devices",
            "electronics design",
            (
                "Internship: production test systems for PCB assemblies",
                "Internship: KiCad library and design-rule maintenance",
            ),
            (
                "Thesis on automated optical inspection with deep learning",
                "Thesis on design for manufacturing in low-volume electronics",
            ),
            ("Expert talk: how a board goes from schematic to production line",),
        ),
        Sector(
            "Mobile apps",
            "software",
            "mobile development",
            ("Internship: Flutter app development", "Internship: Android development in Kotlin"),
            (
                "Thesis on the accessibility of mobile booking apps",
                "Thesis on offline-first synchronisation in mobile apps",
            ),
            ("Expert talk: running a two-person app studio",),
        ),
        Sector(
            "UX and service design",
            "software",
            "user experience design",
            ("Internship: user research and prototyping in Figma",),
            ("Thesis on co-design methods with international users",),
            ("Expert talk: UX research on a shoestring budget",),
        ),
        Sector(
            "Cloud and DevOps",
            "software",
            "cloud engineering",
            ("Internship: Kubernetes platform work and CI/CD pipelines",),
            ("Thesis on cost-aware autoscaling for small SaaS products",),
            ("Expert talk: on-call life in a small SaaS company",),
        ),
        Sector(
            "Agritech",
            "devices",
            "agricultural IoT",
            ("Internship: soil-moisture sensor network on LoRaWAN",),
            ("Thesis on drone imagery analysis for potato fields",),
            ("Expert talk: digital farming in Northern Finland",),
        ),
        Sector(
            "Energy technology",
            "devices",
            "energy systems",
            ("Internship: dashboards for grid measurement data",),
            ("Thesis on power-quality monitoring in rural distribution grids",),
            ("Expert talk: software in the energy transition",),
        ),
        Sector(
            "Power electronics",
            "devices",
            "power electronics",
            ("Internship: test bench automation for motor drives",),
            ("Thesis on the efficiency of GaN-based DC/DC converters",),
            ("Expert talk: why power electronics needs software people",),
        ),
        Sector(
            "Semiconductor design",
            "devices",
            "digital design",
            ("Internship: RTL verification with cocotb",),
            ("Thesis on an FPGA implementation of an LDPC decoder",),
            ("Expert talk: FPGA prototyping for 6G research",),
        ),
        Sector(
            "Construction software",
            "software",
            "construction software",
            ("Internship: BIM data integration in web applications",),
            ("Thesis on computer vision for log-house quality control",),
            ("Expert talk: digitalising a traditional industry",),
        ),
        Sector(
            "Tourism technology",
            "software",
            "tourism software",
            ("Internship: backend for a booking and rental system",),
            ("Thesis on demand forecasting for ski-resort services",),
            ("Expert talk: building software for seasonal businesses",),
        ),
        Sector(
            "Maritime technology",
            "devices",
            "maritime technology",
            ("Internship: embedded data loggers for ice-going vessels",),
            ("Thesis on AIS data analysis for Bothnian Bay shipping",),
            ("Expert talk: sensors that survive the Baltic winter",),
        ),
    )
}

# (name, sector, municipality or None): invented names; a place in the name fixes the place.
COMPANIES: tuple[tuple[str, str, str | None], ...] = (
    ("Nordic Edge Radio Oy", "Telecom and RF", "Oulu"),
    ("Kempele Sensorworks Oy", "Industrial IoT", "Kempele"),
    ("Kastelli Signal Labs Oy", "Telecom and RF", "Oulu"),
    ("Tuira Code Collective Oy", "Software consultancy", "Oulu"),
    ("Linnanmaa Silicon Design Oy", "Semiconductor design", "Oulu"),
    ("Hietasaari Health Data Oy", "Health technology", "Oulu"),
    ("Toppila Microsystems Oy", "Embedded systems", "Oulu"),
    ("Rotuaari Apps Oy", "Mobile apps", "Oulu"),
    ("Boreal Robotics Oulu Oy", "Robotics", "Oulu"),
    ("Pikisaari Games Oy", "Games", "Oulu"),
    ("Merikoski Cloudworks Oy", "Cloud and DevOps", "Oulu"),
    ("Kaukovainio Secure Systems Oy", "Cybersecurity", "Oulu"),
    ("Nallikari Interactive Oy", "Games", "Oulu"),
    ("Raksila Analytics Oy", "Data and AI", "Oulu"),
    ("Nokela Antenna Works Oy", "Telecom and RF", "Oulu"),
    ("Kaijonharju Sensor Fusion Oy", "Industrial IoT", "Oulu"),
    ("Frostbyte Embedded Oy", "Embedded systems", None),
    ("Arctic Pixel Forge Oy", "Games", None),
    ("Northwave RF Oy", "Telecom and RF", None),
    ("Taiga Software House Oy", "Software consultancy", None),
    ("Lumi UX Studio Oy", "UX and service design", None),
    ("Kaarna Data Oy", "Data and AI", None),
    ("Revontuli Edge AI Oy", "Data and AI", None),
    ("Myllytulli Web Oy", "Software consultancy", "Oulu"),
    ("Pateniemi Marine Tech Oy", "Maritime technology", "Oulu"),
    ("Saunastack Oy", "Cloud and DevOps", None),
    ("Meditrace Nordic Oy", "Health technology", None),
    ("Koskikara Fintech Oy", "Fintech", None),
    ("Ainola Ledger Oy", "Fintech", "Oulu"),
    ("Peltola Power Electronics Oy", "Power electronics", "Oulu"),
    ("Kokkokangas Firmware Oy", "Embedded systems", "Kempele"),
    ("Zeniitti Test Automation Oy", "Software consultancy", None),
    ("Lakeus Dataworks Oy", "Data and AI", "Liminka"),
    ("Liminka Agrotronics Oy", "Agritech", "Liminka"),
    ("Muhos Fieldlink Oy", "Industrial IoT", "Muhos"),
    ("Iijoki Hydrosense Oy", "Cleantech", "Ii"),
    ("Olhava Wind Data Oy", "Energy technology", "Ii"),
    ("Raahe Steelsense Oy", "Industrial IoT", "Raahe"),
    ("Pekkatori Software Oy", "Software consultancy", "Raahe"),
    ("Kalajoki Dune Digital Oy", "Tourism technology", "Kalajoki"),
    ("Ylivieska Machine Vision Oy", "Data and AI", "Ylivieska"),
    ("Kalajokilaakso Automation Oy", "Industrial IoT", "Ylivieska"),
    ("Haapavesi Grid Analytics Oy", "Energy technology", "Haapavesi"),
    ("Hirsi Digital Oy", "Construction software", "Pudasjärvi"),
    ("Kuusamo Trailtech Oy", "Mobile apps", "Kuusamo"),
    ("Rukatunturi Booking Systems Oy", "Tourism technology", "Kuusamo"),
    ("Tyrnävä AgriSense Oy", "Agritech", "Tyrnävä"),
    ("Hailuoto Wave Labs Oy", "Cleantech", "Hailuoto"),
    ("Oulainen Electronics Assembly Oy", "Electronics manufacturing", "Oulainen"),
    ("Nivala Metal IoT Oy", "Industrial IoT", "Nivala"),
    ("Pohjola PCB Design Oy", "Electronics manufacturing", None),
    ("Kuura Security Oy", "Cybersecurity", None),
    ("Virta Motion Robotics Oy", "Robotics", None),
    ("Jäkälä Health Oy", "Health technology", None),
    ("Tähtiyö Software Oy", "Software consultancy", None),
    ("Routa Embedded Labs Oy", "Embedded systems", None),
    ("Perämeri Sensing Oy", "Maritime technology", None),
    ("Koivu Green ICT Oy", "Cleantech", None),
    ("Kajo Mobile Oy", "Mobile apps", None),
    ("Hanhi Wireless Oy", "Telecom and RF", None),
)
