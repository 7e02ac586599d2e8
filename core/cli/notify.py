"""`python -m core send-notifications`: queue this week's manager digest (once per ISO week)
and send the e-mails that are due (for cron, issue 14: run it daily)."""

from __future__ import annotations

import argparse

from core.access import audit
from core.cli.base import command, say
from core.schema import upgrade_database


@command("send-notifications", "send the e-mail notifications that are due (run it from cron)")
def send_notifications_command(_args: argparse.Namespace) -> int:
    from core.notify.run import queue_and_send

    upgrade_database()
    with audit.acting_as("cli:send-notifications"):
        digests, report = queue_and_send()
    if digests:
        say(f"Queued this week's digest for {digests} managers.")
    if report is None:
        say(
            "SMTP is not configured (SILTA_SMTP_HOST, SILTA_SMTP_FROM): nothing sent; "
            "the outbox keeps every message."
        )
        return 0
    say(f"Sent {report.sent} notifications; {report.failed} failed and stay in the outbox.")
    for problem in report.errors or []:
        say(f"  {problem}")
    # Cron mails a failing command's output: say so when nothing at all could be sent.
    return 1 if report.failed and not report.sent else 0
