"""`python -m app` runs the Opora command line."""

from app.cli import main

raise SystemExit(main())
