"""The one disclosure policy for steering and SME users, and redaction.

rules (threshold, markers, who sees raw counts, totals) → policy (small-cell and complementary
suppression of a table; its linear-programming audit is `disclosure`) → shown and sequences
(what each role sees of a dashboard table, series, funnel or cumulative line). `redact` takes
names out of free text.
"""
