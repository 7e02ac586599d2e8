"""A handful of real-looking competence profiles in English and Finnish for search tests."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from core.access.consent import record_consent
from core.codes import ConsentPurpose, ConsentSource
from core.models import CompetenceProfile, Programme, Project
from tests.people import participant

# code, programme, year, text language, skills, languages, (internship, thesis, job), from, consent
PROFILES = [
    ("SP-VHDL1", "ECE-MSC", 2, "en", "Core skills: VHDL, FPGA design, Vivado. I built a UART core "
     "on an Artix-7 board.", "en,fi", (True, False, False), date(2026, 5, 1), True),
    ("SP-FIEMB", "SATE-BSC", 3, "fi", "Osaan sulautetun ohjelmoinnin: mikrokontrollerit, C-kieli "
     "ja FreeRTOS. Ohjelmoin STM32-mikrokontrollerin anturisolmuun.", "fi,en", (False, True, False),
     date(2026, 9, 1), True),
    ("SP-REACT", "SE-MSC", 1, "en", "I build web front ends with React and TypeScript, and REST "
     "APIs in Node.js.", "en", (True, False, True), date(2026, 1, 1), True),
    ("SP-KUBER", "CSE-MSC", 2, "en", "Cloud and DevOps: Kubernetes, Terraform, Docker, GitHub "
     "Actions.", "en,de", (False, False, True), None, True),
    ("SP-MLFIN", "TITE-BSC", 2, "fi", "Koneoppiminen ja datatiede: Python, PyTorch ja "
     "kuvantunnistus. Opetin neuroverkon tunnistamaan vikoja kamerakuvista.", "fi",
     (True, False, False), date(2027, 5, 1), True),
    ("SP-ENEMB", "CE-MSC", 2, "en", "Embedded firmware in C for microcontrollers: STM32, Zephyr "
     "RTOS, device drivers.", "en,zh", (True, True, False), date(2026, 5, 1), True),
    ("SP-NOCON", "ECE-MSC", 2, "en", "VHDL expert: VHDL, Verilog, FPGA timing closure.", "en",
     (True, False, False), None, False),
]  # fmt: skip


def add_profiles(session: Session, project: Project) -> dict[str, int]:
    """Write PROFILES, each with its student (and commit); returns code → profile id.
    A consenting profile's student has a search consent record, as search requires."""
    programmes = {p.code: p for p in session.exec(select(Programme))}
    ids = {}
    for code, programme, year, lang, skills, languages, flags, start, consent in PROFILES:
        owner = participant(session, project, f"P-{code}", first_name="", last_name="")
        row = CompetenceProfile(
            project_id=project.id,  # type: ignore[arg-type]
            participant_id=owner.id,
            code=code,
            programme_id=programmes[programme].id,
            spearhead_id=programmes[programme].spearhead_id,
            study_year=year,
            skills=skills,
            text_language=lang,
            languages=languages,
            available_internship=flags[0],
            available_thesis=flags[1],
            available_job=flags[2],
            available_from=start,
            consent_search=consent,
        )
        session.add(row)
        session.flush()
        if consent:
            assert owner.id is not None
            for purpose in (ConsentPurpose.SEARCH, ConsentPurpose.CONTACT):
                record_consent(
                    session, participant_id=owner.id, purpose=purpose, source=ConsentSource.FORM
                )
        session.commit()
        ids[code] = row.id
    return ids  # type: ignore[return-value]
