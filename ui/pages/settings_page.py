"""Settings: language, text size, the centre's name and address for printouts, and for the
centre's administrator its accounts and audit trail (the page scrolls)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SIGNAL, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import style
from ui.app import apply_text_size
from ui.context import AppContext
from ui.pages.accounts_box import AccountsBox
from ui.pages.audit_page import AuditView
from ui.pages.community_box import CommunityBox
from ui.settings import TEXT_SIZES, UiSettings

CentreStore = tuple[Callable[[], tuple[str, str]], Callable[[str, str], None]]


class SettingsPage(QWidget):
    """Changes apply at once: text size here, the language through `language_chosen`."""

    language_chosen = Signal(str)

    def __init__(
        self,
        settings: UiSettings | None = None,
        centre: CentreStore | None = None,
        parent: QWidget | None = None,
        context: AppContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.accounts: AccountsBox | None = None
        self.community: CommunityBox | None = None
        self.audit: AuditView | None = None
        self._settings = settings or UiSettings()
        self._centre = centre

        self.language_box = QComboBox()
        self.language_box.addItem("українська", "uk")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(self.language_box.findData(self._settings.language))
        self.language_box.setAccessibleName(self.tr("Language"))
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)

        self.text_size_box = QComboBox()
        for size in TEXT_SIZES:
            self.text_size_box.addItem(f"{size} %", size)
        self.text_size_box.setCurrentIndex(self.text_size_box.findData(self._settings.text_size))
        self.text_size_box.setAccessibleName(self.tr("Text size"))
        self.text_size_box.currentIndexChanged.connect(self._text_size_changed)

        looks = QGroupBox(self.tr("Appearance"))
        looks_form = QFormLayout(looks)
        looks_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        looks_form.addRow(self.tr("&Language:"), self.language_box)
        looks_form.addRow("", self.language_note)
        looks_form.addRow(self.tr("&Text size:"), self.text_size_box)

        outer = QVBoxLayout(self)
        title = QLabel(self.tr("Settings"))
        style.title(title)
        outer.addWidget(title)
        # The sections keep their natural height and the page scrolls: at 150 % on a
        # 768-pixel screen the accounts' form and the audit trail do not fit at once.
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(looks)

        self.centre_name = QLineEdit()
        self.centre_name.setAccessibleName(self.tr("Centre name"))
        self.centre_address = QLineEdit()
        self.centre_address.setAccessibleName(self.tr("Centre address"))
        self.centre_saved = QLabel()
        if centre is not None:
            name, address = centre[0]()
            self.centre_name.setText(name)
            self.centre_address.setText(address)
            box = QGroupBox(self.tr("Centre (printed at the top of every form)"))
            form = QFormLayout(box)
            form.addRow(self.tr("&Name:"), self.centre_name)
            form.addRow(self.tr("A&ddress:"), self.centre_address)
            save = QPushButton(self.tr("Save"))
            save.clicked.connect(self.save)
            row = QHBoxLayout()
            row.addWidget(save)
            row.addWidget(self.centre_saved, 1)
            form.addRow("", row)
            layout.addWidget(box)
        if context is not None and context.viewer.is_admin and not context.demo:
            self.community = CommunityBox(context.db)
            layout.addWidget(self.community)
            self.accounts = AccountsBox(context.db)
            self.community.changed.connect(self.accounts.refresh_districts)
            layout.addWidget(self.accounts)
        if context is not None and context.viewer.centre and not context.demo:
            audit_box = QGroupBox(self.tr("Audit trail"))
            self.audit = AuditView(context.db)
            QVBoxLayout(audit_box).addWidget(self.audit)
            layout.addWidget(audit_box, 1)
        layout.addStretch(1)

    def _language_changed(self) -> None:
        """The window switches at once when it listens (language_chosen); a page on its
        own only stores the choice."""
        language = str(self.language_box.currentData())
        self._settings.language = language
        if self.receivers(SIGNAL("language_chosen(QString)")) > 0:
            self.language_chosen.emit(language)
            return
        self.language_note.setText(
            self.tr("The new language will be used after Opora is restarted.")
            if language != self._initial_language()
            else ""
        )

    def _initial_language(self) -> str:
        from app.i18n import current_language

        return current_language()

    def _text_size_changed(self) -> None:
        size = int(self.text_size_box.currentData())
        self._settings.text_size = size
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_text_size(app, size)

    def save(self) -> None:
        """Ctrl+S: store the centre's name and address."""
        if self._centre is None:
            return
        self._centre[1](self.centre_name.text().strip(), self.centre_address.text().strip())
        self.centre_saved.setText(self.tr("Saved."))
