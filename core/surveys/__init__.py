"""Surveys of the plan: questions, answer links, imports of Webropol/Forms exports, results."""
