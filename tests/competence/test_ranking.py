"""Ranked candidates (issue 16): every text gets its best skills, a calibrated confidence,
and a claim flag; the app stores only the claimed ones."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.competence.esco_map import SkillMapper
from core.competence.quality import load_labelled, score
from core.competence.ranking import (
    FEATURES,
    Calibration,
    claimed,
    claimed_skills,
    load_calibration,
    rank_texts,
)

DATA = Path(__file__).parent / "data"


def test_the_shipped_calibration_is_a_fit_with_a_claim_threshold() -> None:
    calibration = load_calibration()
    assert len(calibration.weights) == len(FEATURES)
    assert 0.5 <= calibration.claim_at < 1
    assert "dev" in calibration.fitted_on
    # Higher label score and a clearer margin each make a candidate more likely right.
    base = np.array([[1.75, 0.88, 0.87, 0.02, 0.01, 1.0, 0.0, 1.0]])
    better = base.copy()
    better[0, 3] = 0.06
    assert calibration.probability(better)[0] > calibration.probability(base)[0]


def test_claim_flag_follows_the_threshold_and_top_caps_the_list(fake_mapper: SkillMapper) -> None:
    never = Calibration(weights=(0.0,) * len(FEATURES), bias=-5.0, claim_at=0.5)
    always = Calibration(weights=(0.0,) * len(FEATURES), bias=5.0, claim_at=0.5)
    texts = ["Python and SQL", "", "Tools"]
    ranked = rank_texts(fake_mapper, texts, top=3, calibration=never)
    assert [len(c) for c in ranked] == [3, 0, 3]  # filler still gets candidates; empty none
    assert not any(c.claimed for c in ranked[0])
    assert all(c.confidence == pytest.approx(1 / (1 + np.exp(5)), abs=1e-4) for c in ranked[0])
    flagged = rank_texts(fake_mapper, texts, top=7, calibration=always)
    assert [len(c) for c in flagged] == [7, 0, 7]
    assert all(c.claimed for c in flagged[0])
    assert [s.label for s in claimed(flagged[0])] == [c.label for c in flagged[0]]


def test_candidates_are_ranked_by_fused_score(fake_mapper: SkillMapper) -> None:
    raw = rank_texts(fake_mapper, ["PostgreSQL database administration"], top=10)[0]
    assert len({c.uri for c in raw}) == 10
    for c in raw:
        assert 0 <= c.confidence <= 1
        assert c.evidence == "PostgreSQL database administration"


@pytest.mark.model
def test_short_finnish_inputs_get_ranked_candidates(mapper: SkillMapper) -> None:
    ranked = rank_texts(mapper, ["SAS-kieli", "inkrementaalinen kehittäminen", "PostgreSQL"], 5)
    assert all(len(c) == 5 for c in ranked)
    assert "SAS language" in {c.label for c in ranked[0]}
    assert ranked[1][0].label == "Incremental development"
    assert ranked[2][0].label == "PostgreSQL" and ranked[2][0].claimed


@pytest.mark.model
def test_claims_keep_held_out_precision(mapper: SkillMapper) -> None:
    """Held-out half of the labelled sample (never fitted on): bench/bench_map_skills.py
    measured claimed precision 0.91 (en 0.90, fi 0.96); the floor sits a little under."""
    items = load_labelled(DATA / "esco_labelled_en.yaml", "en")
    items += load_labelled(DATA / "esco_labelled_fi.yaml", "fi")
    held = [i for i in items if i.split == "heldout"]
    found = claimed_skills(mapper, [i.text for i in held])
    predictions = [[(s.uri, s.confidence) for s in skills] for skills in found]
    overall = score(held, predictions, 0.0)
    assert overall.precision >= 0.85 and overall.recall >= 0.5, overall


def test_claim_threshold_depends_on_the_texts_length(fake_mapper: SkillMapper) -> None:
    """Round 2: a long sentence must clear a higher bar than a short phrase (on dev, one
    threshold kept 0.89 precision at 4-8 words but 0.77 at 9-15)."""
    by_words = ((3, 0.4), (8, 0.6), (100_000, 0.9))
    middling = Calibration((0.0,) * len(FEATURES), 0.0, claim_at=0.5, claim_by_words=by_words)
    assert [middling.threshold(n) for n in (1, 3, 4, 8, 9, 500)] == [0.4, 0.4, 0.6, 0.6, 0.9, 0.9]
    texts = ["Python", "Python and SQL databases for our web shop backend ok"]
    short, long = rank_texts(fake_mapper, texts, top=3, calibration=middling)
    assert short and long and all(c.confidence == 0.5 for c in short + long)
    assert all(c.claimed for c in short)  # 1 word: 0.5 clears 0.4
    assert not any(c.claimed for c in long)  # 10 words: 0.5 is under 0.9


def test_the_shipped_calibration_asks_more_of_long_texts() -> None:
    calibration = load_calibration()
    assert [most for most, _ in calibration.claim_by_words][:2] == [3, 8]
    assert calibration.threshold(12) > calibration.threshold(5)
