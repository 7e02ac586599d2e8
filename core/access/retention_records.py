"""Retention of what the project wrote down beside its participant records: survey answers and
activities (interviews, pilots, deliverables) with their evidence files.

On the day after a project's retention end (`core.access.retention`), a survey response loses
the participant code that ties it to a person and its open (free-text) answers, a personal
survey link loses its code, an activity loses its free-text notes, and the activity's evidence
files are deleted from the data directory once the change is committed (a rolled-back run
deletes nothing). Scale and choice answers, activity titles, dates, themes, bottleneck
summaries and counts stay, so every target and survey result keeps its value.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from core.config import get_settings
from core.models import Activity, ActivityFile, Survey, SurveyLink, SurveyResponse

OPEN = "open"  # core.surveys.questions.QuestionType.OPEN (core.access is below core.surveys)


@dataclass(frozen=True)
class RecordsDue:
    survey_responses: int = 0  # still carrying a participant code or an open answer
    activity_notes: int = 0
    activity_files: int = 0


def _open_codes(survey: Survey) -> set[str]:
    return {str(q.get("code")) for q in survey.questions if q.get("type") == OPEN}


def _responses(session: Session, project_ids: list[int]) -> list[tuple[SurveyResponse, set[str]]]:
    """Responses of the projects that still hold something personal, with their open codes."""
    surveys = {
        s.id: _open_codes(s)
        for s in session.exec(select(Survey).where(col(Survey.project_id).in_(project_ids)))
    }
    if not surveys:
        return []
    query = select(SurveyResponse).where(col(SurveyResponse.survey_id).in_(list(surveys)))
    held = []
    for response in session.exec(query):
        open_codes = surveys[response.survey_id]
        written = any(str(response.answers.get(code) or "").strip() for code in open_codes)
        if response.participant_code or written:
            held.append((response, open_codes))
    return held


def _activities(session: Session, project_ids: list[int]) -> list[Activity]:
    query = select(Activity).where(
        col(Activity.project_id).in_(project_ids), col(Activity.notes) != ""
    )
    return list(session.exec(query))


def _files(session: Session, project_ids: list[int]) -> list[ActivityFile]:
    query = (
        select(ActivityFile)
        .join(Activity, col(Activity.id) == col(ActivityFile.activity_id))
        .where(col(Activity.project_id).in_(project_ids))
    )
    return list(session.exec(query))


def records_due(session: Session, project_ids: list[int]) -> RecordsDue:
    """What retention takes from the surveys and activities of these (ended) projects."""
    if not project_ids:
        return RecordsDue()
    return RecordsDue(
        len(_responses(session, project_ids)),
        len(_activities(session, project_ids)),
        len(_files(session, project_ids)),
    )


def forget_records(session: Session, project_ids: list[int]) -> None:
    """Empty what `records_due` counts (the caller commits; files go after the commit)."""
    if not project_ids:
        return
    for response, open_codes in _responses(session, project_ids):
        response.participant_code = ""
        response.answers = {k: v for k, v in response.answers.items() if k not in open_codes}
        session.add(response)
    links = select(SurveyLink).where(
        col(SurveyLink.survey_id).in_(
            select(Survey.id).where(col(Survey.project_id).in_(project_ids))
        ),
        col(SurveyLink.participant_code) != "",
    )
    for link in session.exec(links):
        link.participant_code = ""
        session.add(link)
    for activity in _activities(session, project_ids):
        activity.notes = ""
        session.add(activity)
    files = _files(session, project_ids)
    for row in files:
        session.delete(row)
    session.flush()
    _delete_after_commit(session, [row.stored_name for row in files])


PENDING = "silta_files_to_remove"  # session.info key: stored names to delete at commit


def _delete_after_commit(session: Session, names: list[str]) -> None:
    """Remove the stored files when the transaction commits (`remove_files_after_commit`,
    wired for every session); a rollback forgets them and deletes nothing."""
    session.info.setdefault(PENDING, []).extend(names)


def remove_files_after_commit(session: Session) -> None:
    folder = get_settings().evidence_dir
    for name in session.info.pop(PENDING, []):
        (folder / name).unlink(missing_ok=True)


def forget_files_after_rollback(session: Session) -> None:
    session.info.pop(PENDING, None)
