"""Reference data lives in app/db/reference.py (the database opens and refreshes it).

Kept as an alias while branches that still import it from here are in flight; new code
imports app.db.reference."""

from app.db.reference import (  # noqa: F401
    entry_id,
    labels,
    load_shipped,
    load_shipped_quietly,
    refresh_shipped,
    retired_codes,
    shipped,
    shipped_changes,
    stored_version,
    version_key,
)
