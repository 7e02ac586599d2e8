"""Competence areas: k-means over students' ESCO skill vectors, named by their typical skills."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.competence.supply import SkillFacts

MAX_AREAS = 8
MIN_STUDENTS_PER_AREA = 15
NAME_SKILLS = 3


@dataclass(frozen=True)
class CompetenceArea:
    """A group of students with similar skills; `name` joins its most typical skills."""

    name: str
    students: int
    typical: tuple[tuple[str, int], ...]  # (skill label, students in the area showing it)
    programmes: tuple[tuple[str, int], ...]  # the area's largest programmes


def competence_areas(facts: SkillFacts, *, seed: int = 7) -> list[CompetenceArea]:
    """Cluster students by skill (TF-IDF weighted, cosine k-means); largest area first.

    A skill is "typical" of an area when the area's students show it much more often than
    students overall (lift), among skills at least a fifth of the area shows.
    """
    from sklearn.cluster import KMeans

    matrix = pd.crosstab(facts.supply["student"], facts.supply["label"]).clip(upper=1)
    if len(matrix) < 2 * MIN_STUDENTS_PER_AREA:
        return []
    k = int(min(MAX_AREAS, max(2, len(matrix) // (2 * MIN_STUDENTS_PER_AREA))))
    counts = matrix.to_numpy(dtype=np.float32)
    idf = np.log(len(counts) / (1 + counts.sum(axis=0)))
    weighted = counts * np.maximum(idf, 0.0)
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    vectors = weighted / np.maximum(norms, 1e-9)
    labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(vectors)
    overall = counts.mean(axis=0)
    programmes = facts.students.set_index("student")["programme"]
    areas = []
    for area in range(k):
        members = labels == area
        share = counts[members].mean(axis=0)
        lift = np.where(share >= 0.2, share / np.maximum(overall, 1e-9), 0.0)
        best = [i for i in np.argsort(-lift)[:NAME_SKILLS] if lift[i] > 0]
        typical = tuple((str(matrix.columns[i]), int(counts[members, i].sum())) for i in best)
        who = programmes.reindex(matrix.index[members]).value_counts().head(3)
        areas.append(
            CompetenceArea(
                name=" · ".join(label for label, _ in typical) or "–",
                students=int(members.sum()),
                typical=typical,
                programmes=tuple((str(p), int(n)) for p, n in who.items()),
            )
        )
    return sorted(areas, key=lambda a: -a.students)
