"""One settings object for Silta, read once from environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Where Silta keeps its data and how it behaves; every knob lives here."""

    data_dir: Path
    database_url: str
    model_dir: Path
    index_dir: Path
    demo_mode: bool
    suppression_threshold: int
    embedder: str
    project_code: str
    # Search index: "auto" is exact (flat) up to `index_exact_limit` profiles, IVF beyond.
    index_kind: str = "auto"
    index_exact_limit: int = 100_000
    index_nprobe: int = 16

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build settings from `env` (default: the process environment)."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("SILTA_DATA_DIR", str(REPO_ROOT / "data"))).resolve()
    database_url = env.get("DATABASE_URL") or f"sqlite:///{data_dir / 'silta.db'}"
    threshold = int(env.get("SILTA_SUPPRESSION_THRESHOLD", "5"))
    if threshold < 1:
        raise ValueError("SILTA_SUPPRESSION_THRESHOLD must be at least 1")
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        model_dir=Path(env.get("SILTA_MODEL_DIR", str(data_dir / "models"))).resolve(),
        index_dir=Path(env.get("SILTA_INDEX_DIR", str(data_dir / "index"))).resolve(),
        demo_mode=_flag(env.get("SILTA_DEMO"), default=True),
        suppression_threshold=threshold,
        embedder=env.get("SILTA_EMBEDDER", "onnx"),
        project_code=env.get("SILTA_PROJECT", "OULU-ICT-2025"),
        index_kind=env.get("SILTA_INDEX_KIND", "auto").strip().lower(),
        index_exact_limit=int(env.get("SILTA_INDEX_EXACT_LIMIT", "100000")),
        index_nprobe=int(env.get("SILTA_INDEX_NPROBE", "16")),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call `get_settings.cache_clear()` after changing env."""
    return load_settings()
