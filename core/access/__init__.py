"""Who may do what: sign-in, users, consent, audit trail, period locks, retention, the page list."""
