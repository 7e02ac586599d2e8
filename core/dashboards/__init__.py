"""Dashboard data: SQL aggregations behind the partnership, event, result and timeline views."""
