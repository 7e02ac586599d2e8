"""Result cards for the SME search page, built only from `PublicProfile` (nothing personal)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from core.search.explain import highlighted
from core.search.profiles import PublicProfile, public_profiles
from core.search.service import SearchPage
from core.text import escape_markdown


@dataclass(frozen=True)
class ResultCard:
    profile: PublicProfile
    rank: int
    score: float  # the fused score, shown as it is
    relative: float  # score relative to the best hit (for a bar)
    words: tuple[str, ...]  # query words the profile contains
    meaning: tuple[str, ...]  # the profile's sentences or skills closest in meaning
    skills_markdown: str  # skills with the matches marked
    interests_markdown: str


def result_cards(session: Session, page: SearchPage) -> list[ResultCard]:
    """The page's hits as cards; a profile whose consent went away since is left out."""
    public = {p.code: p for p in public_profiles(session, [h.code for h in page.hits])}
    cards = []
    for position, hit in enumerate(page.hits, start=page.page * page.per_page + 1):
        profile = public.get(hit.code)
        if profile is None:
            continue
        marks = hit.explanation.highlights
        # The index holds the same redacted text: skills, a line break, then interests.
        interests_at = len(profile.skills) + 1
        cards.append(
            ResultCard(
                profile=profile,
                rank=position,
                score=hit.score,
                relative=hit.relative,
                words=hit.explanation.words,
                meaning=tuple(p.text for p in hit.explanation.pieces),
                skills_markdown=highlighted(profile.skills, marks),
                interests_markdown=highlighted(profile.interests, marks, start=interests_at),
            )
        )
    return cards


def quoted(texts: tuple[str, ...]) -> str:
    """“a”, “b” as safe markdown."""
    return ", ".join(f"“{escape_markdown(t)}”" for t in texts)


def card_of(profile: PublicProfile) -> ResultCard:
    """Issue 14: the card of one profile outside a search (its student's preview): the same
    card as a hit's, with no rank, score or matches."""
    return ResultCard(
        profile=profile,
        rank=0,
        score=0.0,
        relative=0.0,
        words=(),
        meaning=(),
        skills_markdown=highlighted(profile.skills, ()),
        interests_markdown=highlighted(profile.interests, (), start=len(profile.skills) + 1),
    )
