"""Every screen and dialog at 1366×768, at 100 % and at 150 % (QT_SCALE_FACTOR=1.5, which
leaves 911×512 logical pixels): no label, button, list or combo box narrower (or a wrapped
label shorter) than its text needs, no window larger than the screen, and the main lists
without a sideways scroll. Each scale runs ui.tour in its own offscreen process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_tour(tmp_path: Path, scale: str) -> dict[str, list[str]]:
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TMPDIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "ui.tour"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_nothing_clips_at_1366x768(tmp_path: Path, scale: str) -> None:
    report = run_tour(tmp_path, scale)
    assert {"families", "family-card", "visit", "group-attendance", "settings"} <= set(report)
    clipped = {screen: found for screen, found in report.items() if found}
    assert clipped == {}
