"""Map free text (English or Finnish) to ESCO skills, keeping the phrase that shows each one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from core.competence.esco import EscoVocabulary, load_vocabulary
from core.competence.esco_vectors import term_vectors
from core.competence.phrases import Phrase, candidate_phrases
from core.search.finnish import translate
from core.search.model.embedder import Embedder, Progress
from core.search.model.loading import get_embedder

# `map_texts` is the per-phrase threshold rule of issue 7, kept for its bench and tests; since
# issue 16 the app stores the claimed candidates of core.competence.ranking instead.
# Chosen with DISTINCTNESS for the best F0.5 on the tuning half of the labelled sample
# (tests/competence/data): precision weighs double, because descriptions and the competence
# map must not claim what students cannot do. bench/bench_competence_quality.py prints the
# curve and the held-out figures.
THRESHOLD = 0.885
# A label or alternative label written out in the text ("VHDL", "CI/CD") is near-certain.
LEXICAL_SCORE = 0.97
# A phrase's best skill must stand out from its five nearest by this much: filler such as
# "Tools" or "Day to day I work" is about equally near many skills (tuned with THRESHOLD).
DISTINCTNESS = 0.02
DISTINCT_OF = 5
# Each phrase contributes its one nearest skill (plus any written out): its second and third
# matches were mostly near-duplicates or noise (F1 0.66 with one, 0.62 with two, measured
# before the distinctness rule).
PER_PHRASE = 1
# A Finnish phrase is also scored through search's glossary translation into English
# (core.search.finnish): a skill's score is the better of the phrase's own and
# weight × translation's + (1 − weight) × own. Translations are word lists ("computer",
# "routing"), so the Finnish phrase keeps a say. 0.75 has the best F0.5 on the tuning half
# (0.780; 0.6: 0.774, 0.9: 0.778, 1.0: 0.772, untranslated 0.743: the bench's `--weights`),
# and THRESHOLD stays the best threshold with it.
TRANSLATED_WEIGHT = 0.75
EMBED_CHUNK = 2048
# Words (a "+" or "#" belongs to the word: "C++", "C#"); a hyphen splits Finnish compounds
# such as "PostgreSQL-tietokannalla", the same way on both sides.
_TOKEN = re.compile(r"[\w+#]+")
MAX_TERM_TOKENS = 8
# One-word labels that are ordinary words in project texts more often than the skill
# ("computer" → computer equipment, "assembly" of boards, "Dylan" a name): no verbatim boost.
_LEXICAL_STOPWORDS_WORDS = """
    algorithmic brainstorm chips computer formulae formulas innovate processor scrutinize
    transformer motherboard harvest hack curl dylan euphoria io mocha canvas turing trojan
    myrtle assembly absorb scripting refactoring
"""
LEXICAL_STOPWORDS = frozenset(_LEXICAL_STOPWORDS_WORDS.split())


@dataclass(frozen=True)
class MappedSkill:
    """An ESCO skill found in a text, with the phrase that shows it and how sure we are."""

    uri: str
    label: str
    confidence: float
    evidence: str
    start: int
    end: int


@dataclass(frozen=True)
class MappingSettings:
    threshold: float = THRESHOLD
    lexical_score: float = LEXICAL_SCORE
    per_phrase: int = PER_PHRASE
    distinctness: float = DISTINCTNESS
    distinct_of: int = DISTINCT_OF
    # Score a Finnish phrase through search's glossary translation too (see
    # TRANSLATED_WEIGHT): ESCO's labels are English and cross-lingual cosines sit lower.
    translate: bool = True
    translated_weight: float = TRANSLATED_WEIGHT


def normalised(text: str) -> str:
    return " ".join(text.split())


class SkillMapper:
    """Phrases → nearest ESCO terms by cosine → skills above the threshold, best first."""

    def __init__(
        self,
        embedder: Embedder,
        vocabulary: EscoVocabulary | None = None,
        settings: MappingSettings | None = None,
    ) -> None:
        self.embedder = embedder
        self.vocabulary = vocabulary or load_vocabulary()
        self.settings = settings or MappingSettings()
        self._terms = term_vectors(embedder, self.vocabulary)

    @cached_property
    def _columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Term columns ordered by skill, where each skill's run starts (for reduceat), and
        which (skill, term) pairs are product names that count only when written out."""
        vocabulary = self.vocabulary
        pairs = sorted(
            (skill, term) for term, skills in enumerate(vocabulary.term_skills) for skill in skills
        )
        order = np.array([term for _, term in pairs], dtype=np.int64)
        skills = np.array([skill for skill, _ in pairs], dtype=np.int64)
        starts = np.flatnonzero(np.r_[True, skills[1:] != skills[:-1]])
        assert len(starts) == len(vocabulary.skills), "every skill has a label"
        names = np.array(
            [vocabulary.terms[t] in vocabulary.skills[s].name_aliases for s, t in pairs]
        )
        return order, starts, names

    @cached_property
    def _lexicon(self) -> dict[tuple[str, ...], list[tuple[str, int]]]:
        """Token n-grams of the terms that may be found verbatim → (spelling, skill)."""
        lexicon: dict[tuple[str, ...], list[tuple[str, int]]] = {}
        for term, skills in zip(self.vocabulary.terms, self.vocabulary.term_skills, strict=True):
            tokens = tuple(t.casefold() for t in _TOKEN.findall(term))
            if not tokens or (len(tokens) == 1 and tokens[0] in LEXICAL_STOPWORDS):
                continue
            # "SQL" is also an alternative label of "database management systems": written
            # out, a term names the skill whose preferred label it is.
            preferred = [
                s for s in skills if self.vocabulary.skills[s].label.casefold() == term.casefold()
            ]
            for skill in preferred or skills:
                lexicon.setdefault(tokens, []).append((term, skill))
        return lexicon

    def _verbatim(self, phrase: str) -> list[int]:
        """Skills whose label appears in `phrase` as whole words (longest match first)."""
        tokens = _TOKEN.findall(phrase)
        folded = [t.casefold() for t in tokens]
        lowered = phrase.casefold()
        lexicon, found, i = self._lexicon, [], 0
        while i < len(tokens):
            for n in range(min(MAX_TERM_TOKENS, len(tokens) - i), 0, -1):
                words = " ".join(tokens[i : i + n])
                hits = [
                    skill
                    for term, skill in lexicon.get(tuple(folded[i : i + n]), ())
                    if (not _case_matters(term) or words == _spaced(term))
                    # "time@work" is not "time work": the term must be written as in ESCO.
                    and term.casefold() in lowered
                ]
                if hits:
                    found.extend(hits)
                    i += n - 1
                    break
            i += 1
        return found

    def skill_scores(self, phrases: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """phrases × skills: the best cosine of a phrase (or of its English glossary
        translation, when it reads as Finnish) to any of a skill's labels."""
        scores = self._scored(list(phrases), progress)
        if not self.settings.translate:
            return scores
        translated = [translate(p) for p in phrases]
        # A separate pass: the int8 model's vectors shift slightly with what shares a padded
        # batch, and English phrases should score exactly as they do without translation.
        english = list(dict.fromkeys(filter(None, translated)))
        rows = {text: k for k, text in enumerate(english)}
        english_scores = self._scored(english, None)
        weight = self.settings.translated_weight
        for k, text in enumerate(translated):
            if text is not None:
                mixed = weight * english_scores[rows[text]] + (1 - weight) * scores[k]
                np.maximum(scores[k], mixed, out=scores[k])
        return scores

    def _scored(self, texts: list[str], progress: Progress | None) -> np.ndarray:
        scores = self._term_scores(self._embed(texts, progress))
        for row, text in enumerate(texts):
            for skill in self._verbatim(text):
                scores[row, skill] = max(scores[row, skill], self.settings.lexical_score)
        return scores

    def _term_scores(self, vectors: np.ndarray) -> np.ndarray:
        """texts × skills cosines, product names excluded (they count only written out)."""
        order, starts, names = self._columns
        columns = (vectors @ self._terms.T)[:, order]
        columns[:, names] = -1.0
        scores: np.ndarray = np.maximum.reduceat(columns, starts, axis=1)
        return scores

    def _embed(self, phrases: list[str], progress: Progress | None) -> np.ndarray:
        out = np.empty((len(phrases), self.embedder.dim), dtype=np.float32)
        for start in range(0, len(phrases), EMBED_CHUNK):
            out[start : start + EMBED_CHUNK] = self.embedder.embed_queries(
                phrases[start : start + EMBED_CHUNK]
            )
            if progress is not None:
                progress(min(start + EMBED_CHUNK, len(phrases)), len(phrases))
        return out

    def map_texts(
        self, texts: Sequence[str], progress: Progress | None = None
    ) -> list[list[MappedSkill]]:
        """ESCO skills per text, best first; repeated phrases are embedded once."""
        per_text = [candidate_phrases(text) for text in texts]
        unique: dict[str, int] = {}
        for phrases in per_text:
            for phrase in phrases:
                unique.setdefault(normalised(phrase.text), len(unique))
        scores = self.skill_scores(list(unique), progress)
        return [
            self._pick(phrases, scores[[unique[normalised(p.text)] for p in phrases]])
            for phrases in per_text
        ]

    def _pick(self, phrases: list[Phrase], scores: np.ndarray) -> list[MappedSkill]:
        if not phrases:
            return []
        settings = self.settings
        # Only each phrase's few best skills may count, then the best phrase per skill wins.
        keep = np.zeros_like(scores, dtype=bool)
        top = np.argsort(-scores, axis=1)[:, : settings.per_phrase]
        np.put_along_axis(keep, top, True, axis=1)
        nearest = np.sort(scores, axis=1)[:, -settings.distinct_of :].mean(axis=1, keepdims=True)
        keep &= scores - nearest >= settings.distinctness
        keep |= scores >= settings.lexical_score
        # On a tie the shorter phrase is the better evidence ("SQL" rather than its sentence).
        lengths = np.array([len(p.text) for p in phrases], dtype=np.float32)[:, None]
        masked = np.where(keep, scores - 1e-6 * lengths, -1.0)
        best_phrase = masked.argmax(axis=0)
        best = scores[best_phrase, np.arange(scores.shape[1])]
        best = np.where(masked.max(axis=0) > -1.0, best, -1.0)
        chosen = np.flatnonzero(best >= settings.threshold)
        chosen = chosen[np.argsort(-best[chosen], kind="stable")]
        found = []
        for skill in chosen:
            phrase = phrases[best_phrase[skill]]
            entry = self.vocabulary.skills[skill]
            found.append(
                MappedSkill(
                    entry.uri,
                    entry.label,
                    round(float(best[skill]), 4),
                    phrase.text,
                    phrase.start,
                    phrase.end,
                )
            )
        return found


def _case_matters(term: str) -> bool:
    """ "SQL", "R", "LESS": short or upper-case names are ordinary words in other cases."""
    return any(c.isupper() for c in term) and (len(term) <= 3 or term.isupper())


def _spaced(term: str) -> str:
    return " ".join(_TOKEN.findall(term))


def get_mapper(embedder: Embedder | None = None) -> SkillMapper:
    """A mapper on the process-wide embedder (vectors load from the cache, not re-embedded)."""
    return SkillMapper(embedder or get_embedder())
