"""Payment claim: one claim period's costs and shares, its EU indicators by gender, the
pre-claim check with EURA form marks, the claim workbook, and marking it submitted (issue 17)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from core.budget.claims import (
    ClaimError,
    FormKind,
    find_claim,
    mark_form_done,
    pre_claim_check,
    submit_claim,
)
from core.budget.spending import claim_periods
from core.dashboards.charts.locale import day_label
from core.i18n import label_key
from core.indicators.eu_indicators import common_indicators, labelled_indicators
from core.io.exports.claim import claim_costs_table, claim_workbook
from core.periods import Window
from ui import dashboard as dash

ui.guard(__file__)

st.title(ui.t("claim.title"))
project = ui.require_project()
today, lang = ui.today(), ui.lang()
with ui.reading() as db:
    periods = {
        p.code: (p.start_date, p.end_date, p.submitted_at, p.submitted_by)
        for p in claim_periods(db, project)
    }
if not periods:
    st.info(ui.t("claim.no_periods"))
    st.stop()
code = st.selectbox(
    ui.t("claim.choose"),
    list(periods),
    format_func=lambda c: ui.t(
        "claim.period_label",
        code=c,
        start=day_label(periods[c][0], ui.t),
        end=day_label(periods[c][1], ui.t),
    ),
    key="claim_period",
)
start, end, submitted_at, submitted_by = periods[code]
with ui.reading() as db:
    claim = find_claim(db, project, code)
    assert claim is not None
    costs = claim_costs_table(db, project, claim, ui.t, lang)
    findings = pre_claim_check(db, project, claim, today)
    indicators = labelled_indicators(common_indicators(db, project, Window(start, end)), ui.t)
    workbook = claim_workbook(db, project, claim, lang=lang, today=today)
if submitted_at is not None:
    day = day_label(submitted_at.date(), ui.t)
    st.success(ui.t("claim.submitted_on", day=day, who=submitted_by))

st.subheader(ui.t("claim.costs"))
dash.money_table(costs)
st.subheader(ui.t("claim.indicators"))
st.dataframe(indicators, hide_index=True, width="stretch")

st.subheader(ui.t("claim.check_title"))
if findings:
    st.warning(ui.t("claim.found", count=len(findings)))
    st.dataframe(
        pd.DataFrame(
            {
                ui.t("claim.kind"): [ui.t(label_key(f.kind)) for f in findings],
                ui.t("claim.subject"): [f.subject for f in findings],
                ui.t("claim.name"): [f.name for f in findings],
                ui.t("claim.day"): [f.day for f in findings],
                ui.t("claim.detail"): [f.detail(lang) for f in findings],
            }
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.success(ui.t("claim.all_clear"))
st.download_button(
    ui.t("claim.download"),
    workbook,
    file_name=f"payment-claim-{code}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
    key="claim_download",
    on_click="ignore",
)

# The missing EURA forms, marked done here once the participant has filled them in.
missing = {
    (f.subject, FormKind.START if f.kind.value == "start_form" else FormKind.END): f.name
    for f in findings
    if f.kind.value in ("start_form", "end_form")
}
if missing:
    with st.form("claim_forms"):
        st.subheader(ui.t("claim.mark_form"))
        chosen = st.selectbox(
            ui.t("claim.form_participant"),
            list(missing),
            format_func=lambda k: f"{k[0]} {missing[k]} · {ui.t(label_key(k[1]))}",
            key="claim_form_choice",
        )
        done_on = ui.date_input(ui.t("claim.form_day"), today, key="claim_form_day")
        if st.form_submit_button(ui.t("claim.mark_form"), icon=":material/task_alt:"):
            with ui.unit_of_work() as db:
                mark_form_done(db, project=project, code=chosen[0], kind=chosen[1], done_on=done_on)
            st.cache_data.clear()
            st.rerun()


if submitted_at is None:
    with st.form("claim_submit_form"):
        st.subheader(ui.t("claim.submit"))
        st.write(ui.t("claim.submit_what", code=code, start=day_label(start, ui.t),
                      end=day_label(end, ui.t)))  # fmt: skip
        if findings:
            st.warning(ui.t("claim.submit_with_findings", count=len(findings)))
        sure = st.checkbox(ui.t("claim.submit_sure"), key="claim_submit_sure")
        note = st.text_input(ui.t("locks.note"), key="claim_submit_note")
        if st.form_submit_button(ui.t("claim.submit"), type="primary", icon=":material/lock:"):
            if not sure:
                st.warning(ui.t("claim.submit_unsure"))
            else:
                try:
                    with ui.unit_of_work() as db:
                        submit_claim(db, project=project, code=code, note=note)
                except ClaimError as error:
                    ui.error(error)
                else:
                    st.cache_data.clear()
                    st.rerun()
