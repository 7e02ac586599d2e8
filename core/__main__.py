"""`python -m core …`: Silta's command line."""

from core.cli.main import main

raise SystemExit(main())
