"""Loading the GUI's Qt translations; compiling a missing .qm from its .ts on start-up.

Source strings are English (see docs/decisions/040-gui-source-language.md); Ukrainian comes
from translations/opora_uk.ts. The .qm files are build products (ignored by git), so a
checkout compiles them the first time the app starts, with the lrelease shipped in PySide6.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.i18n import set_language

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root / "translations"


def lrelease_command() -> list[str] | None:
    """The lrelease tool of the installed PySide6, or None when it is not there."""
    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    if bundled.exists():
        return [str(bundled)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile one .ts into .qm; False when no lrelease is available or it fails."""
    command = lrelease_command()
    if command is None:
        return False
    result = subprocess.run(
        [*command, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False
    )
    return result.returncode == 0 and qm.exists()


def ensure_compiled(language: str) -> Path | None:
    """Path of the .qm for a language, compiling it when missing or older than its .ts."""
    folder = translations_dir()
    ts = folder / f"opora_{language}.ts"
    qm = folder / f"opora_{language}.qm"
    stale = ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    if stale:
        try:
            compile_ts(ts, qm)
        except OSError:
            pass  # a read-only install: fall back to whatever .qm exists
    return qm if qm.exists() else None


def qt_translation_dirs() -> list[str]:
    """Where qtbase_*.qm may be: Qt's translations folder, PySide6's, and ours."""
    import PySide6

    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
        str(translations_dir()),
    ]
    return [f for f in dict.fromkeys(folders) if f and Path(f).is_dir()]


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Replace the app's translators for a language; True when Opora's own one loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)
    if language != "uk":
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    # The core words its own messages (ValidationError) in this language too.
    set_language(language)
    if language == "en":
        return True  # source strings are English
    loaded = False
    # Qt's own dialogs («Перегляд в:», «Тип файлів:», the print dialog): qtbase_uk.qm from
    # Qt's folder, else from ours (a packaged build copies it there).
    for folder in qt_translation_dirs():
        qt_translator = QTranslator(app)
        if qt_translator.load(locale, "qtbase", "_", folder):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
            break
    qm = ensure_compiled(language)
    if qm is not None:
        own = QTranslator(app)
        if own.load(str(qm)):
            app.installTranslator(own)
            _installed.append(own)
            loaded = True
    return loaded
