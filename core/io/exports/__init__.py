"""Exports: the one workbook writer and cell escaper, and every workbook Silta hands out."""
