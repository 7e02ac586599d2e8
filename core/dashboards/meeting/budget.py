"""The budget's slide of the steering pack (issue 17): as the steering group sees it."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from core.budget.view import lines_table
from core.dashboards.bundle import Views
from core.dashboards.charts.budget import budget_figure
from core.dashboards.charts.common import Translate, no_data_figure
from core.dashboards.meeting.tables import PackTable


def budget_chart(v: Views, t: Translate) -> go.Figure:
    if v.budget is None:
        return no_data_figure(t, title=t("budget.chart_title"))
    return budget_figure(v.budget, t, v.lang)


def budget_table(v: Views, t: Translate) -> PackTable:
    """Cost lines, total and funding shares: budget, spent, % used, left."""
    if v.budget is None:
        return PackTable(pd.DataFrame({t("budget.line"): []}), "bar")
    return PackTable(lines_table(v.budget, t, v.lang), "bar")
