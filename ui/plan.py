"""The Overview's section of every other target of the plan, grouped by work package (issue 15)."""

from __future__ import annotations

import streamlit as st

from core.dashboards.charts.kpi import trajectory_figure
from core.dashboards.charts.plan import as_trajectory, package_title, plan_table, target_name
from core.indicators.plan import PlanTarget, by_work_package
from ui.state import lang, t


def plan_section(targets: list[PlanTarget]) -> None:
    """Each work package's targets as a table (progress, planned by now, pace), then the line
    of the one chosen."""
    st.subheader(t("plan.title"))
    st.caption(t("plan.caption"))
    groups = by_work_package(targets)
    if not groups:
        st.caption(t("plan.none"))
        return
    for code, items in groups.items():
        st.markdown(f"**{package_title(code, items[0].work_package_name, t, lang())}**")
        table = plan_table(items, t, lang()).drop(columns=[t("plan.col.package")])
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                "%": st.column_config.ProgressColumn("%", min_value=0, max_value=100, format="%.0f")
            },
            key=f"overview_plan_{code or 'project'}",
        )
    others = [item for group in groups.values() for item in group]
    names = {str(item.target_id): target_name(item, t, lang()) for item in others}
    chosen = st.selectbox(
        t("plan.chart_for"), list(names), format_func=names.__getitem__, key="overview_plan_line"
    )
    item = next(i for i in others if str(i.target_id) == chosen)
    st.plotly_chart(
        trajectory_figure(as_trajectory(item), t), width="stretch", key="overview_plan_chart"
    )


__all__ = ["plan_section"]
