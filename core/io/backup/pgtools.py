"""The PostgreSQL client tools a backup needs: the server's version, its `pg_dump`,
`pg_restore` and `psql` (a dump is read by the same or a newer major version only), and how
they connect."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, Engine

from core.io.backup.archive import BackupError

TOOL_DIR = "/usr/lib/postgresql/{major}/bin"  # Debian and Ubuntu; PATH is tried next


@dataclass(frozen=True)
class Server:
    version: str  # e.g. "15.18"
    major: int
    schema: str  # where Silta's tables live (the connection's current schema)


def server(engine: Engine) -> Server:
    with engine.connect() as connection:
        version = str(connection.execute(text("SHOW server_version")).scalar_one())
        number = int(connection.execute(text("SHOW server_version_num")).scalar_one())
        schema = str(connection.execute(text("SELECT current_schema()")).scalar_one())
    return Server(version.split()[0], number // 10000, schema)


def tool(name: str, major: int) -> str:
    """The `name` binary of PostgreSQL `major`: Debian's versioned folder, else PATH."""
    folder = TOOL_DIR.format(major=major)
    candidates = [Path(folder) / name]
    if found := shutil.which(name):
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file() and _major_of(candidate) == major:
            return str(candidate)
    raise BackupError(
        f"{name} for PostgreSQL {major} is not installed (looked in {folder} and PATH): "
        f"install its client tools, e.g. apt-get install postgresql-client-{major}."
    )


def _major_of(binary: Path) -> int | None:
    try:
        out = subprocess.run(
            [str(binary), "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except OSError:
        return None
    found = re.search(r"\(PostgreSQL\) (\d+)", out)
    return int(found.group(1)) if found else None


def libpq(url: URL) -> tuple[str, dict[str, str]]:
    """A libpq URI for the tools, and their environment: the password never goes on the
    command line, where other users of the machine could read it."""
    uri = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = {**os.environ, "PGAPPNAME": "silta-backup"}
    env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c client_min_messages=warning".strip()
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    return uri, env
