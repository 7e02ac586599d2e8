"""Which signal ranks the right ESCO skill first? (issue 16, round 2)

    .venv/bin/python bench/map_signals.py

P@1 on every dev and test set of bench/map_sets.py for each signal map-skills has or could
have, alone and in the fusion it ships (label + description) and a few others. Written to
decide, on dev only, whether another fusion is worth shipping; the test columns are printed
so the report can say whether a dev gain carried over, never to choose.

Signals (texts × skills): label = best phrase's cosine to a skill's labels (the mapper's
score, with glossary translation and verbatim labels); description = the whole text as an e5
query against "label. description" passages; phrase-description = the best phrase against
them; translated-description = the glossary's English translation of a Finnish text against
them (the text itself when English); finnish-name = label, or the best phrase's cosine to the
skill's Finnish name (core/competence/esco_fi.tsv) when higher.
"""

from __future__ import annotations

import numpy as np
from map_sets import Item, dev_sets, test_sets

from core.competence.esco_map import SkillMapper, normalised
from core.competence.esco_passages import passage_vectors
from core.competence.ranking import _phrases
from core.competence.skill_names import finnish_names
from core.search.finnish import translate
from core.search.model.loading import get_embedder

Signals = dict[str, np.ndarray]


def signals(mapper: SkillMapper, items: list[Item]) -> tuple[Signals, np.ndarray]:
    embedder, vocabulary = mapper.embedder, mapper.vocabulary
    passages = passage_vectors(embedder, vocabulary)
    names = finnish_names()
    named = [k for k, s in enumerate(vocabulary.skills) if s.uri in names]
    name_vectors = embedder.embed_queries([names[vocabulary.skills[k].uri] for k in named])
    texts = [normalised(i.text) for i in items]
    phrases = [[normalised(p.text) for p in _phrases(t)] or [t] for t in texts]
    flat = list(dict.fromkeys(p for group in phrases for p in group))
    row = {p: k for k, p in enumerate(flat)}
    label_rows = mapper.skill_scores(flat)
    phrase_vectors = embedder.embed_queries(flat)
    whole = embedder.embed_queries(texts)
    english = embedder.embed_queries([translate(t) or t for t in texts])
    found: dict[str, list[np.ndarray]] = {k: [] for k in ("label", "phrase-description", "fi")}
    for group in phrases:
        rows = [row[p] for p in group]
        label = label_rows[rows].max(axis=0)
        found["label"].append(label)
        found["phrase-description"].append((phrase_vectors[rows] @ passages.T).max(axis=0))
        fi = label.copy()
        fi[named] = np.maximum(fi[named], (phrase_vectors[rows] @ name_vectors.T).max(axis=0))
        found["fi"].append(fi)
    out = {
        "label": np.array(found["label"]),
        "description": whole @ passages.T,
        "phrase-description": np.array(found["phrase-description"]),
        "translated-description": english @ passages.T,
        "finnish-name": np.array(found["fi"]),
    }
    right = np.array([[s.uri in i.acceptable for s in vocabulary.skills] for i in items])
    return out, right


FUSIONS: dict[str, dict[str, float]] = {
    "label": {"label": 1},
    "description": {"description": 1},
    "phrase-description": {"phrase-description": 1},
    "translated-description": {"translated-description": 1},
    "shipped: label + description": {"label": 1, "description": 1},
    "label + 0.5 description": {"label": 1, "description": 0.5},
    "label + 2 description": {"label": 1, "description": 2},
    "label + phrase-description": {"label": 1, "phrase-description": 1},
    "label + description + translated": {"label": 1, "description": 1, "translated-description": 1},
    "finnish-name + description": {"finnish-name": 1, "description": 1},
}


def main() -> None:
    mapper = SkillMapper(get_embedder())
    sets = {f"dev/{k}": v for k, v in dev_sets().items()}
    sets |= {f"test/{k}": v for k, v in test_sets().items()}
    computed = {name: signals(mapper, items) for name, items in sets.items()}
    print(f"{'P@1':<36}" + " ".join(f"{n.split('/')[1][:10]:>10}" for n in sets))
    print(f"{'':<36}" + " ".join(f"{n.split('/')[0]:>10}" for n in sets))
    for fusion, weights in FUSIONS.items():
        cells = []
        for found, right in computed.values():
            score = sum(w * found[k] for k, w in weights.items())
            top = score.argmax(axis=1)
            cells.append(f"{right[np.arange(len(top)), top].mean():>10.3f}")
        print(f"{fusion:<36}" + " ".join(cells))


if __name__ == "__main__":
    main()
