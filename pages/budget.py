"""Budget: spent against budget per line and in total, % used against % of time gone, the
forecast, cost per participant and company; salaries by claim period and role (issue 17)."""

from __future__ import annotations

import streamlit as st

import ui
from core.budget.view import lines_table, month_role_table, periods_table, roles_table
from core.codes import Role
from core.dashboards.charts.budget import budget_figure, euros
from core.dashboards.charts.locale import day_label, month_label
from core.privacy.rules import MIN_PAID_PERSONS
from ui import dashboard as dash

ui.guard(__file__)

st.title(ui.t("budget.title"))
project = ui.require_project()
role = ui.current_role()
today = ui.today()
view = dash.budget_views(ui.database_key(), today, role)
status = view.status
if not status.costs:
    st.info(ui.t("budget.no_budget"))
    st.stop()
if status.last_month is None:
    st.info(ui.t("budget.no_salaries"))
else:
    month = month_label(status.last_month.isoformat(), ui.t)
    st.caption(ui.t("budget.as_of", month=month, day=day_label(today, ui.t)))

spent, time_gone, ahead = st.columns(3)
spent.metric(
    ui.t("budget.spent_total"),
    euros(status.spent_total, ui.t),
    ui.t("budget.used_of_budget", percent=f"{100 * status.share_used:.1f}"),
    delta_color="off",
)
time_gone.metric(
    ui.t("budget.time_share"),
    f"{100 * status.share_time:.1f} %",
    ui.t("budget.time_of_project"),
    delta_color="off",
)
forecast = status.forecast
if forecast is None:
    ahead.metric(ui.t("budget.forecast"), "–")
    st.caption(ui.t("budget.no_forecast"))
else:
    ahead.metric(
        ui.t("budget.forecast"),
        euros(forecast.total_at_end, ui.t),
        ui.t("budget.forecast_of_plan", percent=f"{100 * forecast.share_of_plan:.1f}"),
        delta_color="off",
        delta_arrow="off",
    )
    with st.expander(ui.t("budget.method"), icon=":material/info:"):
        st.write(
            ui.t(
                "budget.method_text",
                months=forecast.months_averaged,
                monthly=euros(forecast.monthly_salaries, ui.t),
                left=forecast.months_left,
            )
        )

st.plotly_chart(budget_figure(view, ui.t, ui.lang()), width="stretch", key="budget_chart")
st.subheader(ui.t("budget.lines"))
dash.money_table(lines_table(view, ui.t, ui.lang()))
st.caption(ui.t("budget.funding_note"))

st.subheader(ui.t("budget.per_head"))
left, right = st.columns(2)
hidden = ui.t("budget.per_hidden")
left.metric(
    ui.t("budget.per_participant"),
    euros(view.per_participant, ui.t) if view.per_participant is not None else hidden,
)
right.metric(
    ui.t("budget.per_company"),
    euros(view.per_company, ui.t) if view.per_company is not None else hidden,
)
st.caption(
    ui.t(
        "budget.per_note",
        participants=view.participants if view.participants is not None else hidden,
        companies=view.companies if view.companies is not None else hidden,
    )
)

st.subheader(ui.t("budget.by_period"))
dash.money_table(periods_table(view, ui.t))
st.subheader(ui.t("budget.by_role"))
if view.roles:
    dash.money_table(roles_table(view, ui.t))
else:
    st.info(ui.t("budget.roles_hidden"))
if role is not Role.MANAGER:
    st.caption(ui.t("budget.roles_rule", persons=MIN_PAID_PERSONS))
else:
    with st.expander(ui.t("budget.monthly"), icon=":material/table:"):
        st.caption(ui.t("budget.monthly_note"))
        dash.money_table(month_role_table(view, ui.t))
