"""Names, topics and places for the demo events, in the words the project team would use."""

from __future__ import annotations

CAMPUS = ("Linnanmaa campus, Tellus", "Linnanmaa campus, Saalasti hall", "Linnanmaa campus, L2")
FABLAB = "Oulu FabLab, Linnanmaa"
CITY = ("Business Oulu, city centre", "Oulu city library, Pakkahuone hall", "Tellus Arena")
ONLINE = "Online (Teams)"

LAUNCH = "Launch of the ICT Cooperation and Scholarship Programme"
PARTNER_DAY = "Cooperation programme partner day {year}"
INTENSIVE = "ICT Kick-off intensive course {year}: embedded systems in teams"
MEGAMATCHMAKING = "MegaMatchmaking {year}: gamified ICT career tasks"
# In the order the circle's year runs: autumn, autumn, spring, spring.
STUDENT_CIRCLE = (
    "ICT Student Circle: first meeting and event ideas",
    "ICT Student Circle: digital badges and roles",
    "ICT Student Circle: feedback on MegaMatchmaking tasks",
    "ICT Student Circle: handing over to next year's circle",
    "ICT Student Circle: welcoming the new intake",
    "ICT Student Circle: Impact Forum guest wish list",
    "ICT Student Circle: planning the spring programme",
    "ICT Student Circle: end-of-year review",
    "ICT Student Circle: peer tutoring for first-years",
    "ICT Student Circle: autumn event planning",
    "ICT Student Circle: ideas for the next MegaMatchmaking",
    "ICT Student Circle: closing meeting and badges",
)
THEMED = (
    "Finnish working life 101 (with partner ESF+ projects)",
    "Job-search clinic for international talents (ESF+ joint event)",
    "Sustainability careers in ICT (ESF+ joint event)",
    "Women in tech breakfast (with partner ESF+ projects)",
    "Entrepreneurship as a career path (ESF+ joint event)",
    "Language and work: Finnish for ICT jobs (ESF+ joint event)",
    "Digital skills for regional SMEs (ESF+ joint event)",
    "Well-being in the first job (with partner ESF+ projects)",
)
MEETUPS = (
    "Company meetup: embedded and IoT",
    "Company meetup: software and cloud",
    "Company meetup: data and AI",
    "Company meetup: 5G, 6G and RF",
    "Company meetup: games and XR",
    "Company meetup: health tech",
    "Company meetup: cybersecurity",
)
COFFEE = (
    "Coffee with Alumni: from thesis worker to firmware lead",
    "Coffee with Alumni: landing the first job in Oulu",
    "Coffee with Alumni: life in a five-person start-up",
    "Coffee with Alumni: from research to industry",
    "Coffee with Alumni: learning Finnish on the job",
    "Coffee with Alumni: careers in 6G research",
    "Coffee with Alumni: data engineering in practice",
    "Coffee with Alumni: what recruiters actually read",
    "Coffee with Alumni: moving from QA to development",
    "Coffee with Alumni: working remotely for a local company",
    "Coffee with Alumni: founding a company after graduation",
    "Coffee with Alumni: the first year after graduation",
    "Coffee with Alumni: combining family and career in Finland",
    "Coffee with Alumni: from internship to permanent job",
    "Coffee with Alumni: PhD or industry?",
    "Coffee with Alumni: working in hardware testing",
)
FABLABING = (
    "ICT FabLabing: solder your own IoT badge",
    "ICT FabLabing: 3D-printed sensor enclosures",
    "ICT FabLabing: laser-cut LED matrix",
    "ICT FabLabing: Raspberry Pi weather station",
    "ICT FabLabing: milling your first PCB",
    "ICT FabLabing: wearable e-textiles",
    "ICT FabLabing: tiny robots with micro:bit",
    "ICT FabLabing: LoRa sensors for the campus",
    "ICT FabLabing: repair café for electronics",
    "ICT FabLabing: retro game console build",
)
IMPACT_FORUM = (
    "ICT Impact Forum: an alumna building satellite IoT",
    "ICT Impact Forum: why I stayed in Oulu",
    "ICT Impact Forum: from intern to CTO",
    "ICT Impact Forum: security careers in small companies",
    "ICT Impact Forum: AI in a small software house",
    "ICT Impact Forum: green ICT success stories",
    "ICT Impact Forum: building a health-tech start-up",
    "ICT Impact Forum: alumni in 6G research",
    "ICT Impact Forum: from Oulu to Silicon Valley and back",
    "ICT Impact Forum: game studios of the North",
    "ICT Impact Forum: women leading tech teams",
    "ICT Impact Forum: open source as a career",
    "ICT Impact Forum: robotics alumni on the factory floor",
    "ICT Impact Forum: consulting careers",
)
PEER_SUPPORT = (
    "Alumni peer support: the first months after graduation",
    "Alumni peer support: job search without burning out",
    "Alumni peer support: residence permits and the job hunt",
    "Alumni peer support: networking in Finland",
    "Alumni peer support: first job, new city",
    "Alumni peer support: dealing with rejections",
    "Alumni peer support: LinkedIn in practice",
    "Alumni peer support: well-being in winter",
    "Alumni peer support: starting as a freelancer",
    "Alumni peer support: changing career direction",
)
WORKSHOPS_T11 = (
    "Workshop: removing recruitment bottlenecks in small companies",
    "Workshop: smoother internships and theses for international students",
)
WORKSHOPS_T12 = (
    "Workshop: student competences meet company needs",
    "Workshop: planning internship and thesis goals together",
)
EXPERIENCE_CAFE = "Student experience café {year}: what makes you stay in Oulu?"
INTERVIEW = "Company interview: {company}"
