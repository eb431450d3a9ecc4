"""How long signing in to an encrypted database takes at each scrypt cost.

    .venv/bin/python bench/keyring_unlock.py [--repeat 5]

Prints the median time to derive a key-encryption key at N = 2^15 (the first cost) and at
today's N, and to open an encrypted database (unwrap + SQLCipher key + first query) with it.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.db import keyring  # noqa: E402
from app.db.database import open_database  # noqa: E402
from app.services.setup import init_centre  # noqa: E402

PASSWORD = "довгий пароль для заміру"


def median_seconds(work, repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (CPU time shows the cost on a machine that other
    work keeps busy; wall time is what the user waits on this one)."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    salt = secrets.token_bytes(16)
    old = median_seconds(lambda: keyring.derive(PASSWORD, salt, n=2**15), repeat)
    new = median_seconds(lambda: keyring.derive(PASSWORD, salt), repeat)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.db"
        init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD).close()
        unlock = median_seconds(
            lambda: open_database(path, login="admin", password=PASSWORD).close(), repeat
        )
    bits = keyring.SCRYPT_N.bit_length() - 1
    print(f"scrypt N=2^15: wall {old[0]:.3f} s, cpu {old[1]:.3f} s")
    print(
        f"scrypt N=2^{bits}: wall {new[0]:.3f} s, cpu {new[1]:.3f} s ({new[1] / old[1]:.1f}x cpu)"
    )
    print(f"open encrypted database: wall {unlock[0]:.3f} s, cpu {unlock[1]:.3f} s")


if __name__ == "__main__":
    main()
