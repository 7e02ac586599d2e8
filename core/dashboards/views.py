"""Dashboard data as one role may see it: every count of people or companies is protected here.

Events, work packages and milestones are public facts about the project's own activities, not
about people, so their counts are shown as they are to every role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from core.codes import (
    CommitmentKind,
    EntryStatus,
    FollowUpStatus,
    Gender,
    Role,
    SizeClass,
    values,
)
from core.dashboards.events import EventData
from core.dashboards.partnerships import PartnershipData
from core.dashboards.progress import ProgressData
from core.dashboards.results import IMPROVED, INTENT, LADDER, NO_SPEARHEAD, RETENTION, ResultData
from core.i18n import Labelled
from core.privacy.aggregate import Coarser, Merged, aggregate_up, merged_all, merged_columns
from core.privacy.sequences import protect_cumulative, protect_nested
from core.privacy.shown import (
    Shown,
    collapse_rare,
    protect_by_contributors,
    protect_columns,
    protect_means,
    protect_series,
    protect_table,
)

GENDERS = values(Gender)
KINDS = values(CommitmentKind)
STATUSES = values(FollowUpStatus)
ENTRY_STATUSES = values(EntryStatus)
SIZES = values(SizeClass)
REPEAT_BUCKETS: list[tuple[str, int, int]] = [
    ("1", 1, 1),
    ("2", 2, 2),
    ("3", 3, 3),
    ("4-5", 4, 5),
    ("6-9", 6, 9),
    ("10+", 10, 10**9),
]


class FunnelStage(Labelled, key_prefix="dash.funnel"):
    """The funnel from events to work; places (internship or thesis) count places, not people."""

    ATTENDED = "attended"
    PARTICIPANTS = "participants"
    PLACES = "places"
    EMPLOYED = "employed"


FUNNEL = (FunnelStage.ATTENDED.value, FunnelStage.PARTICIPANTS.value, FunnelStage.EMPLOYED.value)


def pivot(
    rows: pd.DataFrame, index: str, columns: str, value: str, *, order: Sequence[str] = ()
) -> pd.DataFrame:
    """rows → index × columns table of `value` (missing combinations are 0)."""
    table = rows.pivot_table(index=index, columns=columns, values=value, aggfunc="sum")
    table = table.fillna(0).astype("int64")
    if order:
        extra = [c for c in table.columns if c not in order]
        table = table.reindex(columns=[*order, *extra], fill_value=0)
    return table


@dataclass(frozen=True)
class ProgressView:
    entries: Shown  # month → participants who entered (with total)
    cumulative: list[tuple[str, int]]  # cumulative points safe to draw
    planned: dict[str, float]
    target: int | None
    by_status: Shown  # entry status × gender, with totals


def progress_view(data: ProgressData, role: Role) -> ProgressView:
    monthly = dict(zip(data.entries["month"], data.entries["participants"], strict=True))
    bars, points = protect_cumulative(role, monthly)
    return ProgressView(
        bars,
        points,
        data.planned,
        data.target,
        protect_table(role, _by_gender(data.by_status, "status", ENTRY_STATUSES)),
    )


@dataclass(frozen=True)
class PartnershipView:
    committed: Shown  # kind × year, with totals; hidden where few companies contribute
    delivered: Shown
    euros: Shown  # kind × year; only the scholarship row is meaningful
    new_companies: Shown  # month → companies (with total)
    cumulative: list[tuple[str, int]]  # cumulative points safe to draw
    mix: Shown  # municipality × size class, with totals
    target: int | None
    # The mix as its chart draws it: size classes merged when the mix would be mostly hidden.
    places: Shown


def partnership_view(data: PartnershipData, role: Role) -> PartnershipView:
    ledger = data.ledger.assign(year=data.ledger["year"].astype(str))

    def table(value: str) -> pd.DataFrame:
        wide = pivot(ledger, "kind", "year", value) if len(ledger) else pd.DataFrame()
        # Built-in kinds in their usual order, then the project's own kinds (issue 15).
        own = sorted(str(k) for k in wide.index if k not in KINDS)
        return wide.reindex([k for k in KINDS if k in wide.index] + own)

    companies = table("companies")
    monthly = dict(zip(data.new_by_month["month"], data.new_by_month["companies"], strict=True))
    bars, points = protect_cumulative(role, monthly)
    mix = pivot(data.mix, "municipality", "size_class", "companies", order=SIZES)
    mix = collapse_rare(role, mix, OTHER_PLACES)  # the manager sees every town
    committed, delivered, euros = protect_by_contributors(
        role, companies, table("committed"), table("delivered"), table("amount_eur")
    )
    shown_mix = protect_table(role, mix)  # the size chart needs the sizes, merged or not
    return PartnershipView(
        committed,
        delivered,
        euros,
        bars,
        points,
        shown_mix,
        data.target,
        aggregate_up(role, mix, [MERGED_SIZES], fine=shown_mix),
    )


OTHER_PLACES = "other"  # municipalities with fewer companies than the threshold, together
OTHER_STATUSES = "other"  # follow-up statuses with fewer people than the threshold, together
# Coarser versions of breakdowns that would be mostly hidden (core.privacy.aggregate).
MERGED_GENDERS = Coarser(merged_columns, Merged.GENDERS)
MERGED_SPEARHEADS = Coarser(merged_columns, Merged.SPEARHEADS)
MERGED_SIZES = Coarser(merged_columns, Merged.SIZES)
EVERYONE = Coarser(merged_all, Merged.EVERYONE)


@dataclass(frozen=True)
class EventView:
    events: pd.DataFrame  # month, event_type, work_package, events (not suppressed)
    reach: Shown  # month × (attendances, people)
    repeat: Shown  # events attended (bucket) → people, total = unique people
    groups: Shown  # target group × (people, attendances), with totals
    funnel: Shown  # FUNNEL stages → people
    places: Shown  # "places" → internship and thesis places delivered
    unique_people: int | None  # None when hidden


def _repeat_counts(attendees: pd.DataFrame) -> dict[str, int]:
    counts = {}
    for label, low, high in REPEAT_BUCKETS:
        inside = attendees["events_attended"].between(low, high)
        counts[label] = int(attendees.loc[inside, "people"].sum())
    return counts


def event_view(data: EventData, role: Role) -> EventView:
    people = data.attendees
    reach = data.reach.set_index("month")[["attendances", "people"]]
    attendances = people.assign(attendances=people["people"] * people["events_attended"])
    groups = attendances.groupby("target_group")[["people", "attendances"]].sum()
    repeat = protect_series(role, _repeat_counts(people))
    stages = {
        FUNNEL[0]: int(people["people"].sum()),
        FUNNEL[1]: int(people.loc[people["participant"], "people"].sum()),
        FUNNEL[2]: int(people.loc[people["participant"] & people["employed"], "people"].sum()),
    }
    total = float(repeat.values["count"].get("total", float("nan")))
    return EventView(
        data.events,
        _reach(role, reach),
        repeat,
        protect_columns(role, groups),
        protect_nested(role, stages),
        protect_by_contributors(
            role,
            pd.DataFrame({"count": {"places": data.place_companies}}),
            pd.DataFrame({"count": {"places": data.places_delivered}}),
        )[0],
        None if pd.isna(total) else int(total),
    )


def _reach(role: Role, reach: pd.DataFrame) -> Shown:
    """Attendances add up to a shown total; monthly unique people do not (people come back), so
    they get only the small-cell rule."""
    attendances = protect_columns(role, reach[["attendances"]])
    people = protect_columns(role, reach[["people"]], total=False)

    def joined(attribute: str) -> pd.DataFrame:
        frames = [getattr(attendances, attribute), getattr(people, attribute)]
        joined_frame: pd.DataFrame = pd.concat(frames, axis=1)
        return joined_frame.drop(index="total", errors="ignore")

    hidden = joined("hidden").fillna(False).astype(bool)
    return Shown(
        joined("values"), joined("text"), hidden, attendances.threshold, attendances.suppressed
    )


@dataclass(frozen=True)
class ResultView:
    # Breakdowns marked "coarser" have their split merged for a suppressed role when it would
    # hide most cells (core.privacy.aggregate); the manager always sees them as written.
    immediate: Shown  # status × gender (coarser)
    six_months: Shown  # status × gender (coarser)
    improved: Shown  # yes / no / unknown × gender
    ladder: Shown  # rung × spearhead (coarser)
    retention: Shown  # place × spearhead (coarser)
    intent: Shown  # stays / leaves × spearhead
    scores: Shown  # spearhead → mean experience score (hidden below the threshold)


def _table(rows: pd.DataFrame, index: str, order: Sequence[str], columns: str) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame(0, index=list(order), columns=[])
    table = pivot(rows, index, columns, "people")
    return table.reindex([*order, *[i for i in table.index if i not in order]], fill_value=0)


def _by_gender(rows: pd.DataFrame, index: str, order: Sequence[str]) -> pd.DataFrame:
    table = _table(rows, index, order, "gender")
    return table.reindex(columns=GENDERS, fill_value=0)


def _spearheads(rows: pd.DataFrame, index: str, order: Sequence[str]) -> pd.DataFrame:
    table = _table(rows, index, order, "spearhead")
    ordered = sorted(c for c in table.columns if c != NO_SPEARHEAD)
    if NO_SPEARHEAD in table.columns or not ordered:
        ordered.append(NO_SPEARHEAD)  # nobody answered: one empty column, not a shapeless table
    return table.reindex(columns=ordered, fill_value=0)


def result_view(data: ResultData, role: Role) -> ResultView:
    def statuses(rows: pd.DataFrame) -> pd.DataFrame:
        table = _by_gender(rows, "status", STATUSES)
        return collapse_rare(role, table, OTHER_STATUSES)

    genders, spearheads = [MERGED_GENDERS, EVERYONE], [MERGED_SPEARHEADS, EVERYONE]
    return ResultView(
        aggregate_up(role, statuses(data.immediate), genders),
        aggregate_up(role, statuses(data.six_months), genders),
        protect_table(role, _by_gender(data.improved, "answer", list(IMPROVED))),
        aggregate_up(role, _spearheads(data.ladder, "rung", LADDER), spearheads),
        aggregate_up(role, _spearheads(data.retention, "place", RETENTION), spearheads),
        protect_table(role, _spearheads(data.intent, "answer", INTENT)),
        _scores(data.intent, role),
    )


def _scores(intent: pd.DataFrame, role: Role) -> Shown:
    """The mean experience score per spearhead, shown only when enough people gave one."""
    sums = intent.groupby("spearhead")[["score_sum", "scored"]].sum()
    return protect_means(role, sums["score_sum"], sums["scored"])
