"""`python -m ui.serve [streamlit run options]`: serve Silta the way `make run` does.

Streamlit decides on each server's first page run whether a `pages/` folder next to `app.py`
is an old-style multipage app; until `st.navigation` has run once it is, and that first run
skips `app.py` and sends the browser a menu of every file in `pages/` before the sign-in
form. Silta's `pages/` only ever holds pages that `app.py` routes, so the server is told so
before it starts, and its very first visitor gets only the sign-in page. (`ui.guard` still
covers a server started with a plain `streamlit run app.py`.)

Running this module imports the `ui` package before the server exists: nothing in `ui` may
call Streamlit, or declare a component, when it is imported.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from core.config import REPO_ROOT

APP = REPO_ROOT / "app.py"


def main(options: list[str]) -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
