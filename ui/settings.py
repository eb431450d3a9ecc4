"""User preferences kept in QSettings: language, text size, window geometry, folders."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = ("uk", "en")
TEXT_SIZES = (100, 115, 130, 150)


class UiSettings:
    """Typed access to the GUI's QSettings (per user, per machine)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @property
    def language(self) -> str:
        value = str(self._store.value("ui/language", "uk"))
        return value if value in LANGUAGES else "uk"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(value)
        self._store.setValue("ui/language", value)

    @property
    def text_size(self) -> int:
        try:
            value = int(self._store.value("ui/text_size", 100))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 100
        return value if value in TEXT_SIZES else 100

    @text_size.setter
    def text_size(self, value: int) -> None:
        if value not in TEXT_SIZES:
            raise ValueError(value)
        self._store.setValue("ui/text_size", value)

    def geometry(self, key: str) -> QByteArray | None:
        value = self._store.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._store.setValue(f"geometry/{key}", value)

    def folder(self, key: str) -> str:
        return str(self._store.value(f"folders/{key}", ""))

    def set_folder(self, key: str, path: str) -> None:
        self._store.setValue(f"folders/{key}", path)

    @staticmethod
    def _database_key(database: str) -> str:
        import hashlib

        return hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]

    def login_for(self, database: str) -> str:
        """The account last used with this database (another database's is not offered)."""
        return str(self._store.value(f"login/{self._database_key(database)}", ""))

    def set_login_for(self, database: str, login: str) -> None:
        self._store.setValue(f"login/{self._database_key(database)}", login)

    def recent_service_codes(self) -> list[str]:
        value = self._store.value("services/recent", [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(v) for v in value or []]

    def remember_service_code(self, code: str, keep: int = 5) -> None:
        codes = [code] + [c for c in self.recent_service_codes() if c != code]
        self._store.setValue("services/recent", codes[:keep])

    def sync(self) -> None:
        self._store.sync()
