"""Memberships (ICT Student Circle, alumni programme) and digital badges (issue 15)."""
