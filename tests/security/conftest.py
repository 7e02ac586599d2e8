"""Security tests run the real app too: the `app` fixture of the page tests."""

from __future__ import annotations

from tests.pages.conftest import app  # noqa: F401
