"""Pure functions that turn dashboard numbers into plotly figures (no Streamlit here)."""
