"""ESCO mapping quality on the hand-labelled sample: the threshold curve and held-out figures.

    .venv/bin/python bench/bench_competence_quality.py

Prints precision and recall per threshold on the tuning half, the threshold with the best F1
there by F0.5 (the one `core.competence.esco_map.THRESHOLD` should hold; with
`--grid` also over DISTINCTNESS and DISTINCT_OF; with `--weights` over TRANSLATED_WEIGHT,
how much a Finnish phrase's English glossary translation counts), and precision and recall at
that threshold on the held-out half, per language.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.competence.esco_map import THRESHOLD, MappingSettings, SkillMapper  # noqa: E402
from core.competence.quality import LabelledText, Score, best_threshold, curve, load_labelled, score  # noqa: E402
from core.search.model.loading import get_embedder  # noqa: E402

DATA = ROOT / "tests" / "competence" / "data"


def line(name: str, s: Score) -> str:
    return (
        f"{name:<22} t={s.threshold:.4f}  precision {s.precision:.3f} ({s.correct}/{s.predicted})"
        f"  recall {s.recall:.3f} ({s.found}/{s.groups})  F0.5 {s.f_beta(0.5):.3f}  F1 {s.f1:.3f}"
    )


def grid(items: list[LabelledText], mapper: SkillMapper) -> None:
    """Best settings on the tuning half by F0.5, over distinctness, its k, and the threshold."""
    tune = [i for i in items if i.split == "tune"]
    thresholds = [round(t, 4) for t in np.arange(0.85, 0.9501, 0.0025)]
    found = []
    for k in (3, 5, 10, 20):
        for d in (0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04):
            mapper.settings = MappingSettings(threshold=0.80, distinctness=d, distinct_of=k)
            mapped = mapper.map_texts([i.text for i in tune])
            predictions = [[(s.uri, s.confidence) for s in skills] for skills in mapped]
            best = best_threshold(curve(tune, predictions, thresholds))
            found.append((best.f_beta(0.5), k, d, best))
    print("Best settings on the tuning half (F0.5):")
    for f, k, d, best in sorted(found, key=lambda row: -row[0])[:5]:
        print(f"  F0.5 {f:.3f}  distinct_of={k} distinctness={d}  " + line("", best).strip())


def weights(items: list[LabelledText], mapper: SkillMapper) -> None:
    """Best F0.5 on the tuning half per translation weight (0: Finnish phrases untranslated).

    All texts are mapped together, as in `main`: the int8 model's vectors shift a little
    with what shares a padded batch, so mapping the tuning half alone scores differently.
    """
    tune = [k for k, i in enumerate(items) if i.split == "tune"]
    thresholds = [round(t, 4) for t in np.arange(0.85, 0.9501, 0.0025)]
    print("Translation weight on the tuning half (F0.5 at its best threshold):")
    for weight in (0.0, 0.25, 0.5, 0.6, 0.75, 0.9, 1.0):
        mapper.settings = MappingSettings(threshold=0.80, translated_weight=weight)
        mapped = mapper.map_texts([i.text for i in items])
        predictions = [[(s.uri, s.confidence) for s in mapped[k]] for k in tune]
        best = best_threshold(curve([items[k] for k in tune], predictions, thresholds))
        print(f"  weight {weight:.2f}: F0.5 {best.f_beta(0.5):.3f}  " + line("", best).strip())


def main() -> None:
    items: list[LabelledText] = load_labelled(DATA / "esco_labelled_en.yaml", "en")
    items += load_labelled(DATA / "esco_labelled_fi.yaml", "fi")
    mapper = SkillMapper(get_embedder())
    if "--grid" in sys.argv:
        grid(items, mapper)
    if "--weights" in sys.argv:
        weights(items, mapper)
    # Map once with a low floor, then apply each threshold to the confidences.
    mapper.settings = replace(MappingSettings(), threshold=0.80)
    found = mapper.map_texts([i.text for i in items])
    predictions = [[(s.uri, s.confidence) for s in skills] for skills in found]

    def part(split: str, lang: str | None = None) -> tuple[list[LabelledText], list]:
        idx = [k for k, i in enumerate(items) if i.split == split and lang in (None, i.lang)]
        return [items[k] for k in idx], [predictions[k] for k in idx]

    for split in ("tune", "heldout"):
        for lang in ("en", "fi"):
            texts, _ = part(split, lang)
            groups = sum(len(t.required) for t in texts)
            print(f"{split:<8} {lang}: {len(texts)} texts, {groups} required skills")
    print("\nTuning half, all languages (threshold: precision / recall):")
    thresholds = [round(t, 4) for t in np.arange(0.85, 0.9501, 0.0025)]
    tune = curve(*part("tune"), thresholds)
    for s in tune:
        print(
            f"  {s.threshold:.4f}: {s.precision:.3f} / {s.recall:.3f}  (F0.5 {s.f_beta(0.5):.3f})"
        )
    best = best_threshold(tune)
    print("\n" + line("best on tuning half", best))
    print(f"configured THRESHOLD = {THRESHOLD}")
    for lang in (None, "en", "fi"):
        name = f"held-out {lang or 'all'}"
        print(line(name, score(*part("heldout", lang), THRESHOLD)))
        print(line(f"tuning {lang or 'all'}", score(*part("tune", lang), THRESHOLD)))


if __name__ == "__main__":
    main()
