"""One settings object for Silta, read once from environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypedDict

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
    # Every published count of people or companies is rounded to this base (1 = no rounding).
    rounding_base: int = 5
    # Sign-in: idle minutes before a session ends, and its longest life whatever the activity;
    # failed attempts before a lockout, and its length.
    session_idle_minutes: int = 30
    session_max_hours: int = 12
    login_max_failures: int = 5
    login_lockout_minutes: int = 15
    # Retention (issue 17): personal data follows Regulation (EU) 2021/1060 Art. 82 (the
    # project's last payment date); a competence profile may go `profile_retention_days` after
    # search consent is withdrawn (0 = with the rest); audit entries are kept
    # `audit_retention_days` (0 = for good).
    profile_retention_days: int = 0
    audit_retention_days: int = 0
    # Search index: "auto" is exact (flat) up to `index_exact_limit` profiles, IVF beyond.
    index_kind: str = "auto"
    index_exact_limit: int = 100_000
    index_nprobe: int = 64  # recall@10 1.000 vs exact at 1M vectors, 6 ms (bench)
    chromium_path: Path = Path("/usr/bin/chromium")  # Debian's, drawn offline for exports
    # Imports: what a workbook may unpack to, measured before anything is read (zip bombs).
    # A 200,000-row sheet written with inline strings is about 140 MB of XML and 4.2 million
    # cells; Excel's own files compress 5-20 times.
    import_max_unpacked_mb: int = 200
    import_max_sheet_mb: int = 150
    import_max_ratio: int = 100
    import_max_entries: int = 10_000
    import_max_cells: int = 5_000_000
    # Issue 14: e-mail notifications through an SMTP server; off while `smtp_host` is empty.
    # `smtp_security`: "starttls" (port 587), "ssl" (port 465) or "none" (a local relay).
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = ""
    app_url: str = ""  # the address e-mails link to, e.g. https://silta.oulu.fi
    # Issue 14: a student's invitation link works this many days (SILTA_INVITATION_DAYS).
    invitation_days: int = 14

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def evidence_dir(self) -> Path:
        """Activities' evidence files (kept beside the database, in backups, under retention)."""
        return self.data_dir / "activity_files"

    @property
    def smtp_configured(self) -> bool:
        return bool(self.smtp_host and self.smtp_from)


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build settings from `env` (default: the process environment)."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("SILTA_DATA_DIR", str(REPO_ROOT / "data"))).resolve()
    database_url = env.get("DATABASE_URL") or f"sqlite:///{data_dir / 'silta.db'}"
    threshold = _number(env, "SILTA_SUPPRESSION_THRESHOLD", 5, minimum=1)
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        model_dir=Path(env.get("SILTA_MODEL_DIR", str(data_dir / "models"))).resolve(),
        index_dir=Path(env.get("SILTA_INDEX_DIR", str(data_dir / "index"))).resolve(),
        demo_mode=_flag(env.get("SILTA_DEMO"), default=True),
        suppression_threshold=threshold,
        embedder=env.get("SILTA_EMBEDDER", "onnx"),
        project_code=env.get("SILTA_PROJECT", "OULU-ICT-2025"),
        rounding_base=_number(env, "SILTA_ROUNDING_BASE", 5, minimum=1),
        session_idle_minutes=_number(env, "SILTA_SESSION_IDLE_MINUTES", 30, minimum=1),
        session_max_hours=_number(env, "SILTA_SESSION_MAX_HOURS", 12, minimum=1),
        login_max_failures=_number(env, "SILTA_LOGIN_MAX_FAILURES", 5, minimum=1),
        login_lockout_minutes=_number(env, "SILTA_LOGIN_LOCKOUT_MINUTES", 15, minimum=1),
        profile_retention_days=_number(env, "SILTA_PROFILE_RETENTION_DAYS", 0, minimum=0),
        audit_retention_days=_number(env, "SILTA_AUDIT_RETENTION_DAYS", 0, minimum=0),
        index_kind=env.get("SILTA_INDEX_KIND", "auto").strip().lower(),
        index_exact_limit=_number(env, "SILTA_INDEX_EXACT_LIMIT", 100_000, minimum=1),
        index_nprobe=_number(env, "SILTA_INDEX_NPROBE", 64, minimum=1),
        chromium_path=Path(env.get("SILTA_CHROMIUM", "/usr/bin/chromium")),
        import_max_unpacked_mb=_number(env, "SILTA_IMPORT_MAX_UNPACKED_MB", 200, minimum=1),
        import_max_sheet_mb=_number(env, "SILTA_IMPORT_MAX_SHEET_MB", 150, minimum=1),
        import_max_ratio=_number(env, "SILTA_IMPORT_MAX_RATIO", 100, minimum=2),
        import_max_entries=_number(env, "SILTA_IMPORT_MAX_ENTRIES", 10_000, minimum=10),
        import_max_cells=_number(env, "SILTA_IMPORT_MAX_CELLS", 5_000_000, minimum=1000),
        **_smtp(env),
        invitation_days=_number(env, "SILTA_INVITATION_DAYS", 14, minimum=1),
    )


SMTP_SECURITY = ("starttls", "ssl", "none")


class _Smtp(TypedDict):
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    smtp_password: str
    smtp_from: str
    app_url: str


def _smtp(env: dict[str, str]) -> _Smtp:
    """Issue 14: the SMTP settings (SILTA_SMTP_*); the port defaults by security."""
    security = env.get("SILTA_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
    if security not in SMTP_SECURITY:
        raise ValueError(f"SILTA_SMTP_SECURITY must be one of {', '.join(SMTP_SECURITY)}")
    port = _number(env, "SILTA_SMTP_PORT", 465 if security == "ssl" else 587, minimum=1)
    return {
        "smtp_host": env.get("SILTA_SMTP_HOST", "").strip(),
        "smtp_port": port,
        "smtp_security": security,
        "smtp_user": env.get("SILTA_SMTP_USER", "").strip(),
        "smtp_password": env.get("SILTA_SMTP_PASSWORD", ""),
        "smtp_from": env.get("SILTA_SMTP_FROM", "").strip(),
        "app_url": env.get("SILTA_APP_URL", "").strip().rstrip("/"),
    }


def _number(env: dict[str, str], name: str, default: int, *, minimum: int) -> int:
    raw = env.get(name, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call `get_settings.cache_clear()` after changing env."""
    return load_settings()
