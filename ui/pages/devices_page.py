"""Пристрої (the centre): the laptops connected to it, connecting a new one with a wizard,
revoking a lost one after a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import OporaError
from app.services.exchange_queries import DeviceRow, device_rows, this_device
from ui import style
from ui.context import AppContext
from ui.icons import icon
from ui.labels import sentence


class DevicesPage(QWidget):
    """`changed` after a laptop is connected or revoked (the exchange page lists them)."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[DeviceRow] = []
        self.wizard: QWidget | None = None
        me = this_device(context.db)
        self.is_centre = bool(me and me.kind == "centre")
        title = QLabel(self.tr("Laptops"))
        style.title(title)
        self.enroll_button = QPushButton(icon("plus"), self.tr("Connect a laptop…"))
        self.enroll_button.setToolTip(self.tr("Connect a laptop (Ctrl+N)"))
        self.enroll_button.clicked.connect(self.new_item)
        self.revoke_button = QPushButton(icon("trash-2"), self.tr("Revoke…"))
        self.revoke_button.setToolTip(
            self.tr("A lost or stolen laptop: its bundles are refused from now on")
        )
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Laptop"),
                self.tr("Who works on it"),
                self.tr("Districts"),
                self.tr("Connected"),
                self.tr("Status"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Laptops"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(
            self.tr(
                "No laptop is connected yet. Press «Connect a laptop…» (Ctrl+N): the wizard "
                "makes the file the laptop starts from."
            )
        )
        self.empty.setWordWrap(True)
        # Shown instead of the table, it takes the table's room: the page stays top-aligned.
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enroll_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if not self.is_centre:
            layout.addWidget(
                QLabel(self.tr("Laptops are connected at the centre, in its copy of Opora."))
            )
            layout.addStretch(1)
            return
        layout.addLayout(buttons)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.rows = [row for row in device_rows(self.context.db) if not row.is_self]
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            status = self.tr("revoked {date}").format(date=row.revoked) if row.revoked else ""
            texts = (
                row.name,
                row.who or "—",
                ", ".join(row.districts),
                row.enrolled,
                status or self.tr("active"),
            )
            for column, text in enumerate(texts):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        self.revoke_button.setEnabled(0 <= row < len(self.rows) and not self.rows[row].revoked)

    def new_item(self) -> None:
        """Ctrl+N: the wizard; afterwards the list shows the new laptop."""
        if not self.is_centre:
            return
        from ui.dialogs.enroll_wizard import EnrollWizard

        wizard = EnrollWizard(self.context, self)
        self.wizard = wizard

        def finished() -> None:
            if wizard.device_id is not None:
                self.reload()
                self.message.setText(wizard.instructions())
                self.changed.emit()

        wizard.finished.connect(lambda _r: finished())
        wizard.open()

    def revoke_selected(self) -> None:
        from app.sync.devices import revoke

        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        device = self.rows[row]
        answer = QMessageBox.warning(
            self,
            self.tr("Revoke a laptop"),
            self.tr(
                "Revoke «{name}»? Bundles from this laptop will be refused from now on, here "
                "and, after the next exchange, on every laptop. Do this when it is lost or "
                "handed over. It cannot be undone: the laptop would have to be connected "
                "again with a new file."
            ).format(name=device.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.context.db.session() as session:
                revoke(session, device.id)
        except OporaError as error:
            self.message.setText(sentence(error.message))
            return
        self.message.setText(self.tr("«{name}» is revoked.").format(name=device.name))
        self.reload()
        self.changed.emit()
