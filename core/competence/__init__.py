"""Competence intelligence: ESCO skill mapping, reports, needs, supply-versus-demand gaps."""
