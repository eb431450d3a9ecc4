"""Notifications (повідомлення/звернення) with their assessment deadlines, overdue ones marked;
a notification about a person or an address can be recorded before any family record exists."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.notifications import notifications_list
from app.services.queries import family_names_of, settlements
from app.services.records import RecordService
from ui import style
from ui.context import AppContext
from ui.icons import icon
from ui.labels import sentence
from ui.text import date_text
from ui.widgets.date_field import DateField
from ui.widgets.dialog_buttons import save_buttons
from ui.widgets.field_errors import FieldErrors
from ui.widgets.screen_fit import resize_within_screen
from ui.widgets.unsaved import UnsavedGuard

OVERDUE = QColor(style.ERROR)


class NotificationsDialog(QDialog):
    """The list of notifications, newest first; overdue ones in red."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Notifications"))
        self.new_button = QPushButton(icon("plus"), self.tr("&New notification…"))
        self.new_button.clicked.connect(self.new_notification)
        self.only_overdue = QComboBox()
        self.only_overdue.setAccessibleName(self.tr("Show"))
        self.only_overdue.addItem(self.tr("All notifications"), False)
        self.only_overdue.addItem(self.tr("Overdue only"), True)
        self.only_overdue.currentIndexChanged.connect(self.load)
        self.summary = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Family, person or address"),
                self.tr("Who reported"),
                self.tr("Assess by"),
                self.tr("State"),
            ]
        )
        self.table.setAccessibleName(self.tr("Notifications"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.only_overdue)
        top.addWidget(self.summary, 1)
        top.addWidget(self.new_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 900, 520)
        self.load()

    def load(self) -> None:
        rows = notifications_list(self.context.db)
        overdue = sum(1 for n in rows if n.overdue)
        self.summary.setText(
            self.tr("{total} notifications, {overdue} overdue").format(
                total=len(rows), overdue=overdue
            )
        )
        if self.only_overdue.currentData():
            rows = [n for n in rows if n.overdue]
        names = family_names_of(self.context.db, [n.family_id for n in rows if n.family_id])
        self.table.setRowCount(len(rows))
        for i, n in enumerate(rows):
            if n.assessed:
                state = self.tr("assessed")
            elif n.overdue:
                state = self.tr("overdue")
            else:
                state = self.tr("awaits assessment")
            about = names.get(n.family_id or "", "") if n.family_id else n.about
            for column, text in enumerate(
                (n.number, date_text(n.date), about, n.source, date_text(n.due), state)
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, n.id)
                if n.overdue:
                    item.setForeground(QBrush(OVERDUE))
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()

    def new_notification(self) -> None:
        dialog = NewNotificationDialog(self.context, self)
        dialog.accepted.connect(self.load)
        self.entry = dialog
        dialog.open()


class NewNotificationDialog(QDialog):
    """A notification about a person (a name) or an address, with no family record yet."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("New notification"))
        self.errors = FieldErrors()
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        date = DateField()
        date.set_value(dt.date.today())
        settlement = QComboBox()
        settlement.addItem("—", None)
        for choice in settlements(context.db):
            settlement.addItem(choice.label, choice.id)
        summary = QPlainTextEdit()
        summary.setTabChangesFocus(True)
        summary.setMaximumHeight(summary.fontMetrics().lineSpacing() * 5)
        for name, label, widget in (
            ("date", self.tr("&Date:"), date),
            ("person_name", self.tr("&Person (name):"), QLineEdit()),
            ("settlement_id", self.tr("Se&ttlement:"), settlement),
            ("address", self.tr("&Address:"), QLineEdit()),
            ("source", self.tr("&Who reported:"), QLineEdit()),
            ("summary", self.tr("&Summary:"), summary),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.fields[name] = widget
            form.addRow(label, widget)
            form.addRow("", self.errors.label_for(name, widget))
        self.fields["family_id"] = self.fields["person_name"]  # «needs someone» shows here
        note = QLabel(
            self.tr("It gets a number when saved. The assessment is due in 5 working days.")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(save_buttons(self))
        self.setMinimumWidth(520)
        self.unsaved = UnsavedGuard(self)

    def reject(self) -> None:
        """Esc, Cancel, ✕: what is typed is asked about first (ui/widgets/unsaved.py)."""
        if self.unsaved.may_close():
            super().reject()

    def accept(self) -> None:
        self.errors.clear()
        date = self.fields["date"]
        assert isinstance(date, DateField)
        if not date.is_valid() or date.value() is None:
            self.errors.show("date", self.tr("Not a date. Type it as 12.03.2024."))
            return
        values: dict[str, object] = {"date": date.value()}
        for name in ("person_name", "address", "source"):
            widget = self.fields[name]
            assert isinstance(widget, QLineEdit)
            values[name] = widget.text().strip() or None
        settlement = self.fields["settlement_id"]
        assert isinstance(settlement, QComboBox)
        values["settlement_id"] = settlement.currentData()
        summary = self.fields["summary"]
        assert isinstance(summary, QPlainTextEdit)
        values["summary"] = summary.toPlainText().strip() or None
        try:
            self.saved_id = RecordService(self.context.db).save("notification", None, values)
        except ValidationError as error:
            field = error.field if error.field in self.fields else "person_name"
            if field == "family_id":
                field = "person_name"
            self.errors.show(field, sentence(error.message))
            return
        super().accept()
