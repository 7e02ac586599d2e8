"""Time the competence analysis of N reports of ~500 words (default 1,000) on this machine.

    .venv/bin/python bench/bench_competence.py [N] [--words 500] [--finnish 0.25]

Reports are generated from the demo vocabulary (project clauses, skills, filler sentences;
a quarter in Finnish) with a fixed seed; every sentence is made distinct (a generator repeats
itself, real reports do not; `--repeat` keeps the repeats). They are mapped to ESCO as an
import does
(`SkillMapper.map_texts`: phrase splitting, one embedding per distinct phrase, scoring).
The goal is 1,000 reports in at most 10 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqdm import tqdm

from core.competence.esco_map import get_mapper
from core.competence.phrases import candidate_phrases
from core.demo.vocabulary import DEMO_SKILL_AREAS

FILLER_EN = (
    "The internship took place at a small company in Oulu.",
    "My supervisor gave me a lot of freedom and regular feedback.",
    "At first I spent a week getting to know the code base and the team's way of working.",
    "We had a short meeting every morning and a longer review every second Friday.",
    "The biggest challenge was estimating how long the tasks would take.",
    "I learned to ask for help earlier instead of getting stuck alone.",
    "Overall the internship matched my studies well and I would recommend the company.",
)
FILLER_FI = (
    "Harjoittelu tehtiin pienessä oululaisessa yrityksessä.",
    "Ohjaajani antoi paljon vapautta ja säännöllistä palautetta.",
    "Aluksi tutustuin viikon ajan koodipohjaan ja tiimin työtapoihin.",
    "Meillä oli joka aamu lyhyt palaveri ja joka toinen perjantai pidempi katselmointi.",
    "Suurin haaste oli arvioida, kauanko tehtävät kestävät.",
    "Opin pyytämään apua aiemmin sen sijaan, että jäisin jumiin yksin.",
)


def report(rng: random.Random, words: int, finnish: bool) -> str:
    areas = rng.sample(list(DEMO_SKILL_AREAS.values()), 3)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        area = rng.choice(areas)
        roll = rng.random()
        if finnish:
            if roll < 0.4:
                sentences.append(rng.choice(area.projects_fi).capitalize() + ".")
            elif roll < 0.6:
                tools = rng.sample(area.phrases_fi, min(3, len(area.phrases_fi)))
                sentences.append("Käytin työssä " + ", ".join(tools) + ".")
            else:
                sentences.append(rng.choice(FILLER_FI))
        elif roll < 0.4:
            sentences.append("I " + rng.choice(area.projects) + ".")
        elif roll < 0.6:
            tools = rng.sample(area.phrases, min(3, len(area.phrases)))
            sentences.append("I used " + ", ".join(tools[:-1]) + " and " + tools[-1] + ".")
        else:
            sentences.append(rng.choice(FILLER_EN))
    return " ".join(sentences)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("reports", nargs="?", type=int, default=1000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--finnish", type=float, default=0.25)
    parser.add_argument(
        "--repeat",
        action="store_true",
        help="keep the generator's repeated sentences (deduplication then saves almost all)",
    )
    args = parser.parse_args()
    rng = random.Random(2025)
    texts = [report(rng, args.words, rng.random() < args.finnish) for _ in range(args.reports)]
    if not args.repeat:  # real reports rarely repeat a sentence: make each one distinct
        counter = iter(range(10**9))
        texts = [
            re.sub(
                r"([.!?])(\s|$)", lambda m: f" (note {next(counter)}){m.group(1)}{m.group(2)}", t
            )
            for t in texts
        ]
    words = sum(len(t.split()) for t in texts)
    phrases = [p.text for t in texts for p in candidate_phrases(t)]
    print(f"{len(texts)} reports, {words / len(texts):.0f} words each on average")
    print(f"{len(phrases)} candidate phrases, {len(set(phrases))} distinct")
    started = time.perf_counter()
    mapper = get_mapper()
    loaded = time.perf_counter() - started
    bar = tqdm(desc="embedding phrases", unit="phrase")

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    found = mapper.map_texts(texts, progress=progress)
    bar.close()
    elapsed = time.perf_counter() - started
    skills = sum(len(f) for f in found)
    print(f"model and ESCO vectors loaded in {loaded:.1f} s")
    print(f"analysed in {elapsed:.1f} s: {len(texts) / elapsed:.2f} reports/s, {skills} skills")
    per_thousand = elapsed / len(texts) * 1000
    verdict = "meets" if per_thousand <= 600 else "misses"
    print(f"projected for 1,000 reports: {per_thousand / 60:.1f} min ({verdict} the 10 min goal)")


if __name__ == "__main__":
    main()
