"""Synthetic competence profiles at any scale, written by the demo's own text generator.

Texts come from `core.demo.profile_text` (English) and `core.demo.profile_text_fi` (Finnish,
one in eight), with skill areas from `DEMO_SKILL_AREAS`, so they read and repeat like the
demo's ~300 profiles. `PoolEmbedder` gives piece vectors for large scales without running the
model: each new text gets the real vector of a piece from a pool, plus a little noise.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from datetime import date

import numpy as np

from core.demo.profile_text import Author, write_english
from core.demo.profile_text_fi import write_finnish
from core.demo.vocabulary import DEMO_SKILL_AREAS
from core.search.model.embedder import Embedder, Progress
from core.search.records import AVAILABILITY, ProfileRecord

PROGRAMMES = {
    "CSE-MSC": "software", "SE-MSC": "software", "IPS-MSC": "software",
    "ECE-MSC": "devices", "WCE-MSC": "devices", "CE-MSC": "devices",
    "TITE-BSC": "software", "TOL-BSC": "software", "SATE-BSC": "devices",
}  # fmt: skip
LANGUAGES = ("en", "fi", "de", "zh", "hi", "es", "fr", "ru", "vi", "ar")


def synthetic_records(count: int, seed: int = 7, start_id: int = 1) -> list[ProfileRecord]:
    rng = random.Random(seed)
    areas = list(DEMO_SKILL_AREAS.values())
    records = []
    for i in range(count):
        programme = rng.choice(list(PROGRAMMES))
        own = [a for a in areas if a.spearhead == PROGRAMMES[programme]] or areas
        main = rng.choice(own)
        sides = tuple(rng.sample([a for a in areas if a is not main], rng.randint(1, 3)))
        finnish = rng.random() < 0.125
        flags = [rng.random() < share for share in (0.7, 0.4, 0.35)]
        author = Author(
            programme=programme, level="master" if "MSC" in programme else "bachelor",
            study_year=rng.randint(1, 5), finnish=finnish, city="Oulu", country="Finland",
            work_years=rng.randint(0, 4), learning_finnish=rng.random() < 0.5,
            arrived=rng.randint(2021, 2025), main=main, sides=sides, internship=flags[0],
            thesis=flags[1], job=flags[2], available_from=date(2026, rng.randint(1, 12), 1),
        )  # fmt: skip
        skills, interests = (write_finnish if finnish else write_english)(rng, author)
        records.append(
            ProfileRecord(
                id=start_id + i,
                code=f"SY-{start_id + i:07d}",
                skills=skills,
                interests=interests,
                programme=programme,
                spearhead=PROGRAMMES[programme],
                study_year=author.study_year,
                languages=tuple(dict.fromkeys(["en", *rng.sample(LANGUAGES, 2)])),
                available_for=tuple(k for k, on in zip(AVAILABILITY, flags, strict=True) if on),
                available_from=author.available_from,
            )
        )
    return records


class PoolEmbedder(Embedder):
    """Real vectors of a pool of pieces, handed out by text hash with noise (scale tests only)."""

    def __init__(self, model_id: str, pool: np.ndarray, noise: float = 0.02) -> None:
        self.model_id, self.dim = model_id, pool.shape[1]
        self.pool, self.noise = pool, noise

    def _embed(self, texts: list[str], batch_size: int, progress: Progress | None) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
            rng = np.random.default_rng(seed)
            vector = self.pool[seed % len(self.pool)] + rng.normal(0, self.noise, self.dim)
            out[row] = vector / np.linalg.norm(vector)
        return out


def pool_vectors(embedder: Embedder, texts: Sequence[str], size: int) -> np.ndarray:
    """Real passage vectors of up to `size` distinct piece texts."""
    unique = list(dict.fromkeys(texts))[:size]
    return embedder.embed_passages(unique)
