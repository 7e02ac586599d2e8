"""Silta's command line: a base (command, say, fail, progress) and one module per command group."""
