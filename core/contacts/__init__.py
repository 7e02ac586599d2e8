"""Contact requests from companies to students, from the first ask to what came of it (issue 14)."""
