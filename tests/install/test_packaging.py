"""The install scripts' messages and what the packaged app leaves out, checked fast here;
the builds themselves run in CI (.ci/run: scripts/package.sh, packaging/smoke.sh,
.ci/fresh-machine.sh)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("opora_bundle", ROOT / "packaging" / "bundle.py")
assert _spec is not None and _spec.loader is not None
bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle)

SCRIPTS = [
    *sorted((ROOT / "scripts").glob("*.sh")),
    ROOT / "packaging" / "smoke.sh",
    ROOT / ".ci" / "fresh-machine.sh",
    ROOT / ".ci" / "run",
]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_parse(script: Path) -> None:
    subprocess.run(["bash", "-n", str(script)], check=True)


def install_with(python: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "PYTHON": python, "HOME": os.environ.get("HOME", "/")}
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "install.sh")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def test_install_names_a_missing_python(tmp_path: Path) -> None:
    done = install_with(str(tmp_path / "python3"))
    assert done.returncode == 1
    assert "Opora потребує Python 3.11 або новішого" in done.stderr
    assert "Opora needs Python 3.11 or newer" in done.stderr
    assert "sudo apt-get install python3 python3-venv" in done.stderr
    assert "Traceback" not in done.stderr


def test_install_names_an_old_python(tmp_path: Path) -> None:
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\necho 3.9\n")
    old.chmod(0o755)
    done = install_with(str(old))
    assert done.returncode == 1
    assert f"{old} is Python 3.9" in done.stderr


def test_bundle_keeps_ukrainian_and_english_and_the_desktop_platforms() -> None:
    keep = [
        "babel/locale-data/root.dat",
        "babel/locale-data/uk_UA.dat",
        "babel/locale-data/en_GB.dat",
        "PySide6/Qt/translations/qtbase_uk.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "resources/reference/classifiers.json",
        "app/db/migrations/versions/0001_initial.py",
    ]
    drop = [
        "babel/locale-data/de.dat",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
    ]
    assert [p for p in keep if not bundle.wanted(p)] == []
    assert [p for p in drop if bundle.wanted(p)] == []


def test_deb_files() -> None:
    desktop = (ROOT / "packaging" / "linux" / "opora.desktop").read_text("utf-8")
    assert "\nExec=opora\n" in desktop and "\nIcon=opora\n" in desktop
    assert "\nName=Опора\n" in desktop and "\nTerminal=false\n" in desktop
    control = (ROOT / "packaging" / "linux" / "control").read_text("utf-8")
    for placeholder in ("@VERSION@", "@ARCH@", "@SIZE@"):
        assert placeholder in control
    assert "libxcb1" in control and "@DEPENDS@" not in control
