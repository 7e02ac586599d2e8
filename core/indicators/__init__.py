"""Indicator arithmetic: targets and progress, the overview, EU common indicators, follow-up."""
