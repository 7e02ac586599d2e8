"""My profile (student): edit skills, interests, languages and availability; see exactly the
card companies see, and what was removed or flagged before they see it."""

from __future__ import annotations

import streamlit as st

import ui
from core.codes import Availability
from core.competence.esco_map import get_mapper
from core.search.results import card_of
from core.students.profile import (
    MAX_TEXT,
    ProfileDraft,
    ProfileError,
    draft_of,
    own_profile,
    own_view,
    save_profile,
)
from ui import contacts
from ui.redaction import show_preview
from ui.search import result_card

signed = ui.guard(__file__)
st.title(ui.t("student.profile.title"))
st.caption(ui.t("student.profile.intro"))
if st.session_state.pop("my_profile_saved", False):
    st.success(ui.t("student.profile.saved"), icon=":material/check:")
_, participant_id = contacts.student_actor(signed)
with ui.reading() as db:
    draft = draft_of(own_profile(db, participant_id))
    view = own_view(db, participant_id, today=ui.today())

edit, preview = st.columns(2)
with edit, st.form("my_profile_form"):
    skills = st.text_area(
        ui.t("io.col.skills"), draft.skills, max_chars=MAX_TEXT, height=180, key="my_profile_skills"
    )
    interests = st.text_area(
        ui.t("io.col.interests"), draft.interests, max_chars=MAX_TEXT, key="my_profile_interests"
    )
    languages = st.text_input(
        ui.t("student.profile.languages"), ", ".join(draft.languages), max_chars=60,
        help=ui.t("student.profile.languages_help"), key="my_profile_languages",
    )  # fmt: skip
    kinds = st.pills(
        ui.t("search.available_for"), list(Availability), selection_mode="multi",
        default=sorted(draft.available_for), format_func=ui.label, key="my_profile_kinds",
    )  # fmt: skip
    available_from = ui.date_input(
        ui.t("student.profile.available_from"), draft.available_from, key="my_profile_from"
    )
    submitted = st.form_submit_button(ui.t("student.profile.save"), type="primary")
if submitted:
    new = ProfileDraft(
        skills, interests, tuple(languages.replace(";", ",").split(",")),
        frozenset(kinds or []), available_from if not isinstance(available_from, tuple) else None,
    )  # fmt: skip
    try:
        with st.spinner(ui.t("student.profile.saving")), ui.unit_of_work() as db:
            save_profile(db, participant_id, new, get_mapper())
    except ProfileError as error:
        ui.error(error, warning=True)
    else:
        st.session_state["my_profile_saved"] = True
        st.rerun()

with preview:
    st.subheader(ui.t("student.profile.card"))
    if view is None:
        st.info(ui.t("student.profile.none"))
        st.stop()
    searchable = view.preview.searchable
    st.caption(ui.t("student.profile.searchable" if searchable else "student.profile.hidden"))
    result_card(card_of(view.card), None)
    st.markdown(f"**{ui.t('student.profile.redaction')}**")
    show_preview(view.preview, texts=False)
