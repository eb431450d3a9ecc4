"""The main window: navigation on the left, one page at a time, menus and a status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon
from ui.settings import UiSettings
from ui.text import count_text, date_text

PAGE_KEYS = ("families", "groups", "services", "reports", "sync", "settings", "devices")
_ICONS = {
    "families": "users",
    "groups": "users-round",
    "services": "hand-heart",
    "reports": "chart-column",
    "sync": "refresh-cw",
    "settings": "settings",
    "devices": "laptop",
}
PageFactory = Callable[[QWidget], QWidget]


@dataclass
class StatusInfo:
    """What the status bar says: who, where, and how far behind the centre we are."""

    user: str = ""
    device: str = ""
    database: str = ""
    centre: bool = False
    pending: int = 0
    last_exchange: dt.date | None = None
    clock_held: int = 0  # changes the centre held because this computer's clock ran ahead
    clock_behind: bool = False  # this computer holds changes dated days after its clock


class MainWindow(QMainWindow):
    """Pages are built on first visit by the factories given, so the window opens fast.

    A page may offer new_item(), focus_search(), save(), print_current() and refresh();
    the menu actions call them on the current page and are disabled when it has none.
    """

    def __init__(
        self,
        factories: Mapping[str, PageFactory],
        settings: UiSettings | None = None,
        status_source: Callable[[], StatusInfo | None] | None = None,
        hidden: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self._hidden = hidden  # sections this database does not have (devices on a laptop)
        self._factories = dict(factories)
        self._settings = settings or UiSettings()
        self._status_source = status_source
        self._pages: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Opora"))
        self.setMinimumSize(QSize(760, 480))

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setIconSize(QSize(24, 24))
        self.navigation.setSpacing(2)
        self.stack = QStackedWidget()
        for key in PAGE_KEYS:
            item = QListWidgetItem(icon(_ICONS[key]), self.page_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
            item.setHidden(key in hidden)
        self.navigation.setFixedWidth(self._navigation_width())
        self.navigation.currentRowChanged.connect(self._show_row)

        self.clock_banner = self._build_clock_banner()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.clock_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()
        self.navigation.setCurrentRow(0)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(60_000)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.refresh_status()

    def page_title(self, key: str) -> str:
        titles = {
            "families": self.tr("Families"),
            "groups": self.tr("Groups"),
            "services": self.tr("Services"),
            "reports": self.tr("Reports"),
            "sync": self.tr("Exchange"),
            "settings": self.tr("Settings"),
            "devices": self.tr("Devices"),
        }
        return titles[key]

    def _navigation_width(self) -> int:
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.page_title(k)) for k in PAGE_KEYS)
        return widest + 24 + 48

    # pages
    def page(self, key: str) -> QWidget:
        """The page for a key, built on first use."""
        if key not in self._pages:
            factory = self._factories.get(key)
            page = factory(self) if factory else self._placeholder()
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def _placeholder(self) -> QWidget:
        label = QLabel(self.tr("This section is not available in this version yet."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def show_page(self, key: str) -> QWidget:
        self.navigation.setCurrentRow(PAGE_KEYS.index(key))
        return self.page(key)

    def current_key(self) -> str:
        return PAGE_KEYS[max(0, self.navigation.currentRow())]

    def current_page(self) -> QWidget:
        return self.page(self.current_key())

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = PAGE_KEYS[row]
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        refresh = getattr(page, "on_shown", None)
        if callable(refresh):
            refresh()
        self._update_actions()

    # menus
    def _action(
        self,
        text: str,
        shortcut: QKeySequence | str | None,
        slot: Callable[[], object],
        icon_name: str = "",
    ) -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon("__none__"), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(
            self.tr("&New…"), QKeySequence.StandardKey.New, lambda: self._call("new_item"), "plus"
        )
        self.save_action = self._action(
            self.tr("&Save"), QKeySequence.StandardKey.Save, lambda: self._call("save"), "save"
        )
        self.print_action = self._action(
            self.tr("&Print…"),
            QKeySequence.StandardKey.Print,
            lambda: self._call("print_current"),
            "printer",
        )
        quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        for action in (self.new_action, self.save_action, self.print_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.find_action = self._action(
            self.tr("&Find"),
            QKeySequence.StandardKey.Find,
            lambda: self._call("focus_search"),
            "search",
        )
        edit_menu.addAction(self.find_action)

        go_menu = bar.addMenu(self.tr("&Go"))
        for number, key in enumerate(PAGE_KEYS, start=1):
            if key in self._hidden:
                continue
            go_menu.addAction(
                self._action(
                    self.page_title(key),
                    f"Ctrl+{number}",
                    lambda k=key: self.show_page(k),
                    _ICONS[key],
                )
            )

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Opora"), None, self._about))

    def _call(self, name: str) -> None:
        method = getattr(self.current_page(), name, None)
        if callable(method):
            method()

    def _update_actions(self) -> None:
        page = self.current_page()
        for action, name in (
            (self.new_action, "new_item"),
            (self.save_action, "save"),
            (self.print_action, "print_current"),
            (self.find_action, "focus_search"),
        ):
            action.setEnabled(callable(getattr(page, name, None)))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Opora"),
            self.tr(
                "Opora — records of families, support groups and social services for "
                "specialists of a community's centre of social services. Works without "
                "the Internet."
            ),
        )

    # the clock banner: above the pages, while the centre says this computer's date is off
    def _build_clock_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("clockBanner")
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner.setStyleSheet(
            "#clockBanner { background: #fff4ce; border: 1px solid #d8a600; border-radius: 3px; }"
        )
        self.clock_text = QLabel()
        self.clock_text.setWordWrap(True)
        self.clock_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sign = QLabel()
        sign.setPixmap(icon("circle-alert").pixmap(24, 24))
        sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(sign)
        row.addWidget(self.clock_text, 1)
        banner.setAccessibleName(self.tr("This computer's clock"))
        banner.hide()
        return banner

    def show_clock(self, held: int, behind: bool) -> None:
        """The banner says what is wrong with this computer's clock and what to do; hidden
        when nothing is (the centre's next package clears the held count)."""
        if held:
            text = self.tr(
                "The centre set aside {changes} from this computer for review: they were "
                "dated more than a day ahead, so this computer's clock is wrong. Set the right "
                "date and time (Windows: Settings → Time & language → Date & time), then make "
                "a new package for the centre. Nothing is lost: the centre keeps those changes "
                "and will check them."
            ).format(
                changes=count_text(held, self.tr("{n} change|{n} changes|{n} changes", "held"))
            )
        elif behind:
            text = self.tr(
                "This computer's clock is behind the centre's: what you save now would get a "
                "wrong date. Set the right date and time (Windows: Settings → Time & language "
                "→ Date & time) before you go on."
            )
        else:
            self.clock_banner.hide()
            return
        self.clock_text.setText(text)
        self.clock_text.setAccessibleName(text)
        self.clock_banner.show()

    # status bar
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        self.device_label = QLabel()
        self.database_label = QLabel()
        self.exchange_label = QLabel()
        for label, name in (
            (self.user_label, self.tr("User")),
            (self.device_label, self.tr("Device")),
            (self.database_label, self.tr("Database")),
            (self.exchange_label, self.tr("Exchange with the centre")),
        ):
            label.setAccessibleName(name)
            bar.addPermanentWidget(label)
        bar.setSizeGripEnabled(True)

    def refresh_status(self) -> None:
        """Re-read the status line (after saves, exchanges, and once a minute)."""
        if self._status_source is None or not self._status_timer.isActive():
            return  # closed: the database may be closed too
        info = self._status_source()
        if info is None:
            return
        self.user_label.setText(self.tr("User: {name}").format(name=info.user))
        self.device_label.setText(self.tr("Device: {name}").format(name=info.device))
        # the file's name only (the whole path in the tooltip): a long path cut the bar
        name = PurePath(info.database).name if info.database else ""
        self.database_label.setText(self.tr("Database: {name}").format(name=name or "—"))
        self.exchange_label.setText(self.exchange_text(info))
        self.database_label.setToolTip(info.database)
        self.show_clock(info.clock_held, info.clock_behind)

    def exchange_text(self, info: StatusInfo) -> str:
        if info.centre:
            return self.tr("Centre database")
        text = self.tr("Not sent to the centre: {changes}").format(
            changes=count_text(info.pending, self.tr("{n} change|{n} changes|{n} changes"))
        )
        if info.last_exchange is None:
            return text + " · " + self.tr("no exchange yet")
        days = (dt.date.today() - info.last_exchange).days
        ago = count_text(days, self.tr("{n} day ago|{n} days ago|{n} days ago"))
        return (
            text
            + " · "
            + self.tr("last exchange {date} ({ago})").format(
                date=date_text(info.last_exchange), ago=ago
            )
        )

    def set_demo(self, demo: bool) -> None:
        title = self.tr("Opora")
        self.setWindowTitle(title + (" — " + self.tr("demo data") if demo else ""))

    def stop_timers(self) -> None:
        self._status_timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._status_timer.isActive():
            self._status_timer.start()
        super().showEvent(event)

    # geometry
    def _restore_geometry(self) -> None:
        saved = self._settings.geometry("main")
        if saved is None or not self.restoreGeometry(saved):
            self.resize(1280, 700)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self._pages.values():
            can_close = getattr(page, "can_close", None)
            if callable(can_close) and not can_close():
                event.ignore()
                return
        self._settings.set_geometry("main", self.saveGeometry())
        self._settings.sync()
        self.stop_timers()
        super().closeEvent(event)
