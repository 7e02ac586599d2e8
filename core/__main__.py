"""`python -m core …`: Silta's command line."""

from core.cli import main

raise SystemExit(main())
