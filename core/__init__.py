"""Silta core: data model, indicator arithmetic, search and import/export, free of Streamlit."""
