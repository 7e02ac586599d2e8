"""Students' own part of Silta (issue 14): their accounts, profile and consents."""
