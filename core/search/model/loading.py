"""The process-wide embedder: the backend settings choose, built when missing, loaded once."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from core.config import get_settings
from core.search.model.build import build_model
from core.search.model.e5 import OnnxE5Embedder, SentenceTransformerE5Embedder
from core.search.model.embedder import BACKENDS, Embedder, HashingEmbedder
from core.search.model.files import MODEL_ID


def model_folder() -> Path:
    """Where the built e5 model lives (`<model_dir>/<MODEL_ID>`)."""
    return get_settings().model_dir / MODEL_ID


_factory_lock = threading.Lock()


def get_embedder(name: str | None = None) -> Embedder:
    """The process-wide embedder for `name` (default: settings), building the model if needed.

    Names: "onnx" (int8 onnxruntime, the default), "sentence-transformers" (fp32
    torch, the quality reference) and "hashing" (test-only fake).
    """
    chosen = (get_settings().embedder if name is None else name).strip().lower()
    if chosen not in BACKENDS:
        raise ValueError(
            f"unknown embedder {chosen!r}; set SILTA_EMBEDDER to one of {', '.join(BACKENDS)}"
        )
    # One lock: Streamlit sessions run in threads and must not load the model twice.
    with _factory_lock:
        return _load_embedder(chosen, model_folder())


@cache
def _load_embedder(name: str, folder: Path) -> Embedder:
    if name == "hashing":
        return HashingEmbedder()
    build_model(folder)  # a fast manifest check when the model is already built
    if name == "onnx":
        return OnnxE5Embedder(folder)
    return SentenceTransformerE5Embedder(folder)


def clear_embedder_cache() -> None:
    """Forget loaded embedders (tests that change settings call this)."""
    with _factory_lock:
        _load_embedder.cache_clear()
