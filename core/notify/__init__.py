"""E-mail notifications (issue 14): an outbox written with each event, sent over SMTP."""
