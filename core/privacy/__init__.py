"""The one disclosure policy for steering and SME users: suppression, its audit, and redaction."""
