"""Memberships (ICT Student Circle, alumni programme) and badges, exported as Open Badges."""

from __future__ import annotations

import json

import streamlit as st

import ui
from core.badges.openbadges import assertion, badge_image, bake
from core.badges.records import (
    BadgeError,
    add_membership,
    award_table,
    issue_badge,
    membership_table,
)
from core.codes import TermFamily, term_key
from core.project.terms import codes_of

ui.guard(__file__)
st.title(ui.t("badge.title"))
st.caption(ui.t("badge.intro"))
project = ui.require_project()
with ui.reading() as db:
    kinds = {
        c: ui.t(term_key(TermFamily.MEMBERSHIP, c))
        for c in codes_of(db, project, TermFamily.MEMBERSHIP)
    }
    badges = {
        c: ui.t(term_key(TermFamily.BADGE, c)) for c in codes_of(db, project, TermFamily.BADGE)
    }
    members = membership_table(db, project)
    awards = award_table(db, project)


def saved(action: object) -> None:
    try:
        with ui.unit_of_work() as db:
            action(db)  # type: ignore[operator]
        st.success(ui.t("badge.saved"))
        st.rerun()
    except BadgeError as error:
        ui.error(error)


members_tab, badges_tab = st.tabs([ui.t("badge.memberships"), ui.t("badge.badges")])
with members_tab:
    with st.form("badge_member_form"):
        who = st.text_input(ui.t("badge.participant"), key="badge_member_code")
        kind = st.selectbox(
            ui.t("badge.membership"), list(kinds), format_func=kinds.get, key="badge_kind"
        )
        start = ui.date_input(ui.t("badge.start"), ui.today(), key="badge_start")
        end = ui.date_input(ui.t("badge.end"), None, key="badge_end")
        if st.form_submit_button(ui.t("badge.add_member"), type="primary"):
            saved(
                lambda db: add_membership(
                    db, project, participant=who, kind=kind or "", start=start, end=end
                )
            )
    if members.empty:
        st.info(ui.t("badge.none"))
    else:
        st.dataframe(
            members.drop(columns=["id"]).assign(kind=[kinds.get(k, k) for k in members.kind]),
            hide_index=True,
            width="stretch",
            key="badge_members",
        )
with badges_tab:
    with st.form("badge_issue_form"):
        who = st.text_input(ui.t("badge.participant"), key="badge_issue_code")
        badge = st.selectbox(
            ui.t("badge.badge"), list(badges), format_func=badges.get, key="badge_badge"
        )
        day = ui.date_input(ui.t("badge.issued_on"), ui.today(), key="badge_day")
        evidence = st.text_input(ui.t("badge.evidence"), key="badge_evidence", max_chars=500)
        if st.form_submit_button(ui.t("badge.issue"), type="primary"):
            saved(
                lambda db: issue_badge(
                    db,
                    project,
                    participant=who,
                    badge=badge or "",
                    issued_on=day,
                    evidence=evidence,
                )
            )
    if awards.empty:
        st.info(ui.t("badge.none"))
        st.stop()
    st.dataframe(
        awards.drop(columns=["id"]).assign(badge=[badges.get(b, b) for b in awards.badge]),
        hide_index=True,
        width="stretch",
        key="badge_awards",
    )
    st.subheader(ui.t("badge.export"))
    labels = {
        int(i): f"{p} · {badges.get(b, b)}"
        for i, p, b in zip(awards.id, awards.participant, awards.badge, strict=True)
    }
    chosen = st.selectbox(
        ui.t("badge.award"), list(labels), format_func=labels.get, key="badge_award"
    )
    base = st.text_input(
        ui.t("badge.base_url"), value=ui.base_url() or "https://www.oulu.fi", key="badge_base"
    )
    email = st.text_input(ui.t("badge.issuer_email"), value="ict-talent@oulu.fi", key="badge_email")
    try:
        with ui.reading() as db:
            record = assertion(db, project, chosen, base_url=base, issuer_email=email)
            image = badge_image(db, project, str(awards[awards.id == chosen].badge.iloc[0]))
        name = f"{project.code.lower()}-{record['id'].rsplit('/', 1)[-1].removesuffix('.json')}"
        left, right = st.columns(2)
        left.download_button(
            ui.t("badge.json"),
            json.dumps(record, indent=2, ensure_ascii=False),
            file_name=f"{name}.json",
            mime="application/ld+json",
            key="badge_json",
        )
        right.download_button(
            ui.t("badge.png"),
            bake(image, record),
            file_name=f"{name}.png",
            mime="image/png",
            key="badge_png",
        )
    except BadgeError as error:
        ui.error(error)
