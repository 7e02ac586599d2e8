"""Sending through the SMTP server in the settings; and sending the outbox at once from the app."""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading
from email.message import EmailMessage

from core.config import Settings, get_settings
from core.notify.outbox import SendReport, send_due

TIMEOUT_SECONDS = 20
log = logging.getLogger(__name__)
_sending = threading.Lock()


class SmtpSender:
    """One connection per batch would be faster; one per message keeps a failure to itself."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def send(self, message: EmailMessage) -> None:
        s = self.settings
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if s.smtp_security == "ssl":
            smtp = smtplib.SMTP_SSL(
                s.smtp_host, s.smtp_port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=TIMEOUT_SECONDS)
        with smtp:
            if s.smtp_security == "starttls":
                smtp.starttls(context=context)
            if s.smtp_user:
                smtp.login(s.smtp_user, s.smtp_password)
            smtp.send_message(message)


def send_notifications(settings: Settings | None = None) -> SendReport | None:
    """Send what is due now; None when SMTP is not configured (the outbox keeps it all)."""
    settings = settings or get_settings()
    if not settings.smtp_configured:
        return None
    with _sending:  # one sender per process at a time; other processes are kept off by claims
        return send_due(SmtpSender(settings), settings.smtp_from)


def send_soon() -> None:
    """After a change that queued messages: send them in the background, never blocking or
    failing the page (what cannot be sent now stays in the outbox for the next run)."""
    if not get_settings().smtp_configured:
        return

    def run() -> None:
        try:
            send_notifications()
        except Exception:
            log.exception("sending notifications failed; they stay in the outbox")

    threading.Thread(target=run, name="silta-notify", daemon=True).start()
