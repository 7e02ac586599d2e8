"""The real multilingual-e5-small embedders: int8 onnxruntime and fp32 sentence-transformers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from core.search.model.embedder import Embedder, Progress, normalise_rows
from core.search.model.files import (
    ONNX_FILE,
    ST_DIR,
    ST_MODEL_ID,
    ST_MODEL_KWARGS,
    TOKENIZER_FILE,
    ModelManifest,
    read_manifest,
)


def _require_manifest(folder: Path) -> ModelManifest:
    manifest = read_manifest(folder)
    if manifest is None or not manifest.files_present(folder):
        raise ValueError(
            f"no built model in {folder}; run `python -m core.search.model.build` first"
        )
    return manifest


class OnnxE5Embedder(Embedder):
    """multilingual-e5-small, int8 per-channel, run by onnxruntime (the default backend)."""

    def __init__(self, folder: Path, *, threads: int = 2, max_batch_tokens: int = 8192) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        manifest = _require_manifest(folder)
        self.model_id = manifest.model_id
        self.dim = manifest.dim
        self.max_tokens = manifest.max_tokens
        # Caps padded batch size for long texts: attention memory grows with tokens².
        self.max_batch_tokens = max(max_batch_tokens, manifest.max_tokens)
        self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(manifest.max_tokens)
        self._tokenizer.no_padding()  # we pad per length-sorted batch instead
        pad_id = self._tokenizer.token_to_id("<pad>")
        if pad_id is None:
            raise ValueError(f"{folder / TOKENIZER_FILE} has no <pad> token")
        self._pad_id = pad_id
        options = ort.SessionOptions()
        # Two cores on the target machine; one operator at a time keeps latency steady.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        self._session: Any = ort.InferenceSession(
            str(folder / ONNX_FILE), options, providers=["CPUExecutionProvider"]
        )

    def token_counts(self, texts: list[str]) -> list[int]:
        """Tokens per text including <s>/</s>, after truncation (for tests and stats)."""
        return [len(e.ids) for e in self._tokenizer.encode_batch(texts)]

    def _embed(self, texts: list[str], batch_size: int, progress: Progress | None) -> np.ndarray:
        rows = [e.ids for e in self._tokenizer.encode_batch(texts)]
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        out = np.empty((len(rows), self.dim), dtype=np.float32)
        done = 0
        for batch in self._length_sorted_batches(lengths, batch_size):
            out[batch] = self._run([rows[i] for i in batch])
            done += len(batch)
            if progress is not None:
                progress(done, len(rows))
        return out

    def _length_sorted_batches(self, lengths: np.ndarray, batch_size: int) -> Iterator[np.ndarray]:
        """Indices in batches of similar length, so little compute goes to padding."""
        order = np.argsort(lengths, kind="stable")
        start = 0
        while start < len(order):
            stop = start + 1
            # Sorted ascending, so the last member sets the padded width of the batch.
            while (
                stop < len(order)
                and stop - start < batch_size
                and (stop - start + 1) * lengths[order[stop]] <= self.max_batch_tokens
            ):
                stop += 1
            yield order[start:stop]
            start = stop

    def _run(self, rows: list[list[int]]) -> np.ndarray:
        width = max(len(r) for r in rows)
        ids = np.full((len(rows), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        (hidden,) = self._session.run(
            ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask}
        )
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / weights.sum(axis=1)
        return normalise_rows(pooled)


class SentenceTransformerE5Embedder(Embedder):
    """The same weights in fp32 through sentence-transformers (quality reference, slower)."""

    def __init__(self, folder: Path, *, threads: int = 2) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        manifest = _require_manifest(folder)
        # Process-wide in torch; matches the ONNX backend on the 2-core target.
        torch.set_num_threads(threads)
        self._model = SentenceTransformer(
            str(folder / ST_DIR),
            device="cpu",
            local_files_only=True,
            model_kwargs=ST_MODEL_KWARGS,
        )
        self._model.max_seq_length = manifest.max_tokens
        self.model_id = ST_MODEL_ID
        self.dim = manifest.dim

    def _embed(self, texts: list[str], batch_size: int, progress: Progress | None) -> np.ndarray:
        # Sort once over all texts (sentence-transformers sorts only within one call),
        # then encode in chunks so progress can be reported.
        order = np.argsort([len(t) for t in texts], kind="stable")
        chunk = len(texts) if progress is None else batch_size * 4
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), chunk):
            part = order[start : start + chunk]
            out[part] = self._model.encode(
                [texts[i] for i in part],
                batch_size=batch_size,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            if progress is not None:
                progress(min(start + chunk, len(texts)), len(texts))
        return normalise_rows(out)
