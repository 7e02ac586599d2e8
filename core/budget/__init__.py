"""The project's money (issue 17): budget follow-up, payment claims and the pre-claim check."""
