"""The assembled application window: pages, family cards and the service dialog, wired
to one open database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.db.models import SettingKey
from app.services.queries import status_summary
from ui.context import AppContext
from ui.main_window import MainWindow, StatusInfo
from ui.pages.families_page import FamiliesPage

if TYPE_CHECKING:  # imported when first opened: the window shows without them
    from ui.dialogs.family_card import FamilyCard
    from ui.dialogs.service_dialog import ServiceDialog


class Shell:
    """Owns the main window and opens cards and dialogs over it."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.cards: list[FamilyCard] = []
        self.service_dialog: ServiceDialog | None = None
        self.window = self._build_window()

    def _build_window(self) -> MainWindow:
        context = self.context
        window = MainWindow(
            {
                "families": lambda parent: FamiliesPage(context, self.open_family, parent),
                "groups": self._groups_page,
                "services": self._services_page,
                "reports": self._reports_page,
                "sync": self._sync_page,
                "settings": self._settings_page,
                "devices": self._devices_page,
            },
            settings=context.settings,
            status_source=self.status,
            hidden=frozenset() if self.is_centre() else frozenset({"devices"}),
        )
        window.set_demo(context.demo)
        from ui.background_exchange import start_background_exchange

        self.exchange = start_background_exchange(
            context.db, window.statusBar(), window, context.demo
        )
        if self.exchange is not None:
            self.exchange.exchanged.connect(self._after_exchange)
        return window

    def _after_exchange(self, result: object) -> None:
        self.window.refresh_status()
        if getattr(result, "received", 0):
            self._reload_families()

    def is_centre(self) -> bool:
        from app.services.exchange_queries import this_device

        me = this_device(self.context.db)
        return bool(me and me.kind == "centre")

    def _groups_page(self, parent: QWidget) -> QWidget:
        from ui.pages.groups_page import GroupsPage

        return GroupsPage(self.context, parent)

    def _services_page(self, parent: QWidget) -> QWidget:
        from ui.pages.services_page import ServicesPage

        return ServicesPage(self.context, self.open_service, parent)

    def _reports_page(self, parent: QWidget) -> QWidget:
        from ui.pages.reports_page import ReportsPage

        return ReportsPage(self.context, parent)

    def _devices_page(self, parent: QWidget) -> QWidget:
        from ui.pages.devices_page import DevicesPage

        page = DevicesPage(self.context, parent)
        page.changed.connect(self._devices_changed)
        return page

    def _devices_changed(self) -> None:
        sync = self.window._pages.get("sync")
        reload_peers = getattr(sync, "reload_peers", None)
        if callable(reload_peers):
            reload_peers()

    def connect_laptop(self) -> None:
        """From the exchange page when no laptop is connected yet: the devices wizard."""
        page = self.window.show_page("devices")
        start = getattr(page, "new_item", None)
        if callable(start):
            start()

    def _settings_page(self, parent: QWidget) -> QWidget:
        from ui.pages.settings_page import SettingsPage

        page = SettingsPage(
            self.context.settings, (self._centre, self._set_centre), parent, context=self.context
        )
        page.language_chosen.connect(self.switch_language)
        return page

    def switch_language(self, language: str) -> bool:
        """The whole window again in another language, at once (no restart). Open family
        cards are closed first, asking about unsaved changes; False when the user stays."""
        from PySide6.QtWidgets import QApplication

        from ui.translations import install_translators

        if not all(card.can_close() for card in self.cards):
            return False
        for card in list(self.cards):
            card.dirty = False
            card.close()
        if self.service_dialog is not None:
            self.service_dialog.close()
            self.service_dialog = None
        app = QApplication.instance()
        if app is not None:
            install_translators(app, language)
        self.context.settings.language = language
        self.context.forget_labels()
        old = self.window
        key = old.current_key()
        self.window = self._build_window()
        self.window.setGeometry(old.geometry())
        if old.isMaximized():
            self.window.setWindowState(old.windowState())
        self.window.show_page(key)
        self.window.show()
        old.stop_timers()
        old.hide()
        old.deleteLater()
        return True

    def _sync_page(self, parent: QWidget) -> QWidget:
        from ui.pages.sync_page import SyncPage

        page = SyncPage(self.context, parent)
        page.exchanged.connect(self.window.refresh_status)
        page.exchanged.connect(self._reload_families)
        page.connect_laptop_requested.connect(self.connect_laptop)
        return page

    def _centre(self) -> tuple[str, str]:
        from app.db.settings import get_setting

        db = self.context.db
        return get_setting(db, SettingKey.CENTRE_NAME, "") or "", get_setting(
            db, SettingKey.CENTRE_ADDRESS, ""
        ) or ""

    def _set_centre(self, name: str, address: str) -> None:
        from app.db.settings import set_setting

        set_setting(self.context.db, SettingKey.CENTRE_NAME, name)
        set_setting(self.context.db, SettingKey.CENTRE_ADDRESS, address)

    def offer_drafts(self) -> list[FamilyCard]:
        """At start-up: say that the last session ended with unsaved family cards, and
        open them with what was typed when the user agrees (otherwise drafts stay until
        the card is opened again)."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from app.services.drafts import draft_keys, load_draft
        from app.services.queries import family_names_of

        keys = [key for key, _when in draft_keys(self.context.db) if key.startswith("family:")]
        if not keys:
            return []
        ids = [key.split(":", 1)[1] for key in keys]
        names = family_names_of(self.context.db, [i for i in ids if i != "new"])
        new_family = QCoreApplication.translate("Shell", "a new family")
        lines = "\n".join(
            f"• {names.get(i, new_family) if i != 'new' else new_family}" for i in ids
        )
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("Shell", "Unsaved changes were kept"),
            QCoreApplication.translate(
                "Shell",
                "Opora closed unexpectedly last time. What was typed and not saved is kept "
                "for:\n{families}\n\nOpen these cards now to check and save it?",
            ).format(families=lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return []
        opened = []
        for key, family_id in zip(keys, ids, strict=True):
            draft = load_draft(self.context.db, key)
            card = self.open_family(None if family_id == "new" else family_id)
            if draft is not None:
                card.restore_draft(draft[1])
            opened.append(card)
        return opened

    def shutdown(self) -> None:
        """The program is ending: no more status reads, every card closed without asking."""
        self.closed = True
        self.window.stop_timers()
        for card in list(self.cards):
            card.dirty = False
            card.close()

    def status(self) -> StatusInfo | None:
        if getattr(self, "closed", False):
            return None
        from app.sync.exchange_notes import clock_state  # not needed for the first window

        summary = status_summary(self.context.db)
        last = summary.last_exchange.date() if summary.last_exchange else None
        clock = clock_state(self.context.db)
        return StatusInfo(
            summary.user,
            summary.device,
            summary.database,
            summary.centre,
            summary.pending,
            last,
            clock.held,
            clock.behind,
        )

    def families_page(self) -> FamiliesPage:
        page = self.window.page("families")
        assert isinstance(page, FamiliesPage)
        return page

    def _reload_families(self) -> None:
        self.families_page().reload()

    def open_family(self, family_id: str | None) -> FamilyCard:
        """One card per family: opening it again raises the card already open."""
        for open_card in self.cards:
            if family_id is not None and open_card.data.id == family_id:
                open_card.showNormal() if open_card.isMinimized() else open_card.show()
                open_card.raise_()
                open_card.activateWindow()
                return open_card
        from ui.dialogs.family_card import FamilyCard

        card = FamilyCard(self.context, family_id, self.window, new_service=self.open_service)
        card.saved.connect(lambda _id: self._reload_families())
        card.saved.connect(lambda _id: self.window.refresh_status())
        card.events_changed.connect(self._reload_families)  # the last contact date
        card.events_changed.connect(self.window.refresh_status)
        card.finished.connect(lambda _r: self.cards.remove(card) if card in self.cards else None)
        self.cards.append(card)
        card.open()
        return card

    def open_service(self, family_id: str | None, person_id: str | None) -> ServiceDialog:
        from ui.dialogs.service_dialog import ServiceDialog

        dialog = ServiceDialog(self.context, family_id, person_id, self.window)
        self.service_dialog = dialog

        def saved(_id: str) -> None:
            self.window.refresh_status()
            for card in self.cards:
                card._load_events()

        dialog.saved.connect(saved)
        dialog.open()
        return dialog
