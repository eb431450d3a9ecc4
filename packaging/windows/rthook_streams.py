"""PyInstaller runtime hook (Windows, opora.exe): a windowed process has no console, so
sys.stdout and sys.stderr are None; the app writes messages to them, so give it sinks."""

import os
import sys

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
