"""The hybrid logical clock lives in app/db/clock.py (the write path stamps with it).

Kept as an alias while branches that still import it from here are in flight; new code
imports app.db.clock."""

from app.db.clock import (  # noqa: F401
    MAX_DRIFT_MS,
    MAX_MILLIS,
    ClockReading,
    HybridLogicalClock,
    decode,
    encode,
    horizon,
    wall_millis,
)
