"""Activities and deliverables of the work packages, with their evidence files (issue 15)."""
