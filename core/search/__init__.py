"""Competence search: embedder, index, ranking and explanations."""
