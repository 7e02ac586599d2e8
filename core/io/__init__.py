"""Getting data in and out: Excel/CSV templates, import, validation, exports and reports."""
