"""Translation pipeline of the GUI: extract strings, check completeness, compile .qm.

    python translations/build.py            # lupdate + lrelease (the install/build step)
    python translations/build.py --check    # also fail when an entry is unfinished
    python translations/build.py --release  # lrelease only (no source scan)

Uses the lupdate/lrelease tools that ship inside PySide6-Essentials. The app also compiles a
missing .qm at start-up (ui/translations.py), so a fresh checkout works without this step.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "translations"
LANGUAGES = ("uk",)


def tool(name: str) -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / (f"{name}.exe" if os.name == "nt" else name)
    if bundled.exists():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    files.append("app/commands/gui.py")
    return [f for f in files if (ROOT / f).exists()]


def update(language: str) -> None:
    ts = FOLDER / f"opora_{language}.ts"
    subprocess.run(
        [
            tool("lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            language,
            *sources(),
            "-ts",
            str(ts.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            missing.append(source)
        elif not (translation.text or "").strip() and translation.find("numerusform") is None:
            missing.append(source)
    return missing


def release(language: str) -> Path:
    ts = FOLDER / f"opora_{language}.ts"
    qm = FOLDER / f"opora_{language}.qm"
    partial = qm.with_name(f".{qm.name}.{os.getpid()}.part")
    try:  # compiled beside it, then swapped in: a running app never reads half a file
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(partial)], check=True)
        os.replace(partial, qm)
    finally:
        partial.unlink(missing_ok=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished entries")
    parser.add_argument("--release", action="store_true", help="only compile .qm files")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        if not args.release:
            update(language)
        missing = unfinished(FOLDER / f"opora_{language}.ts")
        if missing:
            print(f"opora_{language}.ts: {len(missing)} unfinished", file=sys.stderr)
            for source in missing[:20]:
                print(f"  {source!r}", file=sys.stderr)
            status = 1 if args.check else status
        print(release(language))
    return status


if __name__ == "__main__":
    sys.exit(main())
