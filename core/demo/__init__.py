"""The deterministic demo world of the Oulu project: people, companies, events, follow-ups."""
