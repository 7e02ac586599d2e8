"""Imports: read a file, validate every row, plan the changes, write all or nothing."""
