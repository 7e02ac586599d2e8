"""Competence search: embedder, index, ranking and explanations."""

import os

# Silta runs offline: no transformers or sentence-transformers call may reach a model
# hub. Set here, before any submodule can import them, and never left to the caller.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
