"""A real SMTP server (aiosmtpd) on loopback, and settings that point Silta at it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from core.config import get_settings


@dataclass
class Inbox:
    """What the server received; `refuse` makes it answer the next N messages with 451."""

    messages: list[Message] = field(default_factory=list)
    refuse: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("SILTA_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SILTA_SMTP_PORT", str(port))
    monkeypatch.setenv("SILTA_SMTP_SECURITY", "none")
    monkeypatch.setenv("SILTA_SMTP_FROM", "silta@oulu.example")
    monkeypatch.setenv("SILTA_APP_URL", "https://silta.example")
    get_settings.cache_clear()
    try:
        yield inbox
    finally:
        controller.stop()
        get_settings.cache_clear()
