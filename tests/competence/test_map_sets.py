"""The map-skills dev sets are apart from its test sets (issue 16, round 2): a calibration
fitted on dev must never have seen a test skill, or held-out figures would flatter it."""

from __future__ import annotations

from bench.esco_queries import FINNISH, NATURAL
from bench.fi_descriptions import FI_DESCRIPTIONS
from bench.map_dev_sets import DEV_PAIRS, FI_DESCRIPTIONS_DEV, NATURAL_DEV
from core.competence.esco import load_vocabulary


def test_dev_sets_name_real_skills_none_of_the_test_sets() -> None:
    labels = {s.label.casefold() for s in load_vocabulary().skills}
    dev = {label.casefold() for label, _, _ in DEV_PAIRS}
    assert len(dev) == len(DEV_PAIRS) >= 30
    assert dev <= labels, dev - labels
    tested = {label.casefold() for label, _ in NATURAL + FI_DESCRIPTIONS + FINNISH}
    assert not dev & tested, dev & tested
    assert [label for label, _ in NATURAL_DEV] == [label for label, _ in FI_DESCRIPTIONS_DEV]


def test_dev_texts_do_not_write_the_label_out() -> None:
    """The sentences say what the skill is in other words, like the test sets do."""
    for label, english, finnish in DEV_PAIRS:
        assert label.casefold() not in english.casefold()
        assert label.casefold() not in finnish.casefold()
