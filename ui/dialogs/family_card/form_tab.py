"""The family tab: the family's own fields, filled from and gathered into FamilyData.

A mixin of FamilyCard (dialog.py); its texts keep the dialog's translation context."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.queries import settlements
from ui.widgets.code_list import CodeList
from ui.widgets.date_field import DateField


class FormTab:
    """The family tab: the family's own fields, filled from and gathered into FamilyData."""

    # building
    def _build_family_tab(self) -> QWidget:
        self.settlement = QComboBox()
        self.settlement.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.settlement.setMinimumContentsLength(16)
        for place in settlements(self.context.db):
            self.settlement.addItem(place.label, place.id)
        # A new family names its village on purpose: none is chosen for it (the first of
        # the list put families in the wrong village), unless there is only one.
        self.settlement.setPlaceholderText(QCoreApplication.translate("FamilyCard", "— choose —"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(
            QCoreApplication.translate("FamilyCard", "street, house, flat")
        )
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("067 123 45 67")
        self.specialist = QLineEdit()
        self.on_record_from = DateField()
        self.on_record_to = DateField()
        self.close_reason = QLineEdit()
        self.restricted = QCheckBox(QCoreApplication.translate("FamilyCard", "Restricted access"))
        self.restricted.setToolTip(
            QCoreApplication.translate(
                "FamilyCard",
                "For cases such as domestic violence: not shown in printouts or exports",
            )
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.card_number = QLineEdit()
        self.take_reason = QLineEdit()
        self.organisations = QLineEdit()
        self.organisations.setPlaceholderText(
            QCoreApplication.translate("FamilyCard", "who, why, documents issued")
        )
        self.categories = CodeList(
            self.context.labels("category"), retired=self.context.retired("category")
        )
        self.factors = CodeList(
            self.context.labels("factor"), retired=self.context.retired("factor")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, text, widget in (
            (
                "settlement_id",
                QCoreApplication.translate("FamilyCard", "Se&ttlement:"),
                self.settlement,
            ),
            ("address", QCoreApplication.translate("FamilyCard", "&Address:"), self.address),
            ("phone", QCoreApplication.translate("FamilyCard", "&Phone:"), self.phone),
            (
                "specialist",
                QCoreApplication.translate("FamilyCard", "Responsible &specialist:"),
                self.specialist,
            ),
            (
                "on_record_from",
                QCoreApplication.translate("FamilyCard", "Taken on &record:"),
                self.on_record_from,
            ),
            (
                "on_record_to",
                QCoreApplication.translate("FamilyCard", "Taken o&ff record:"),
                self.on_record_to,
            ),
            (
                "close_reason",
                QCoreApplication.translate("FamilyCard", "Reason for taking off r&ecord:"),
                self.close_reason,
            ),
            (
                "card_number",
                QCoreApplication.translate("FamilyCard", "Social card &number:"),
                self.card_number,
            ),
            (
                "take_reason",
                QCoreApplication.translate("FamilyCard", "Reason taken on recor&d:"),
                self.take_reason,
            ),
            (
                "organisations",
                QCoreApplication.translate("FamilyCard", "Other &organisations:"),
                self.organisations,
            ),
            ("restricted", "", self.restricted),
            ("notes", QCoreApplication.translate("FamilyCard", "&Notes:"), self.notes),
        ):
            widget.setAccessibleName(text.replace("&", "").rstrip(":") or self.restricted.text())
            form.addRow(text, widget)
            form.addRow("", self.errors.label_for(name, widget))
        lists = QGridLayout()
        self.categories.setAccessibleName(QCoreApplication.translate("FamilyCard", "Categories"))
        self.factors.setAccessibleName(QCoreApplication.translate("FamilyCard", "СЖО factors"))
        lists.addWidget(QLabel(QCoreApplication.translate("FamilyCard", "Categories:")), 0, 0)
        lists.addWidget(self.categories, 1, 0)
        lists.addWidget(self.errors.label_for("categories", self.categories), 2, 0)
        lists.addWidget(QLabel(QCoreApplication.translate("FamilyCard", "СЖО factors:")), 0, 1)
        lists.addWidget(self.factors, 1, 1)
        lists.addWidget(self.errors.label_for("factors", self.factors), 2, 1)
        tab = QWidget()
        row = QHBoxLayout(tab)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        row.addLayout(left, 4)
        row.addLayout(lists, 5)
        for signal in (
            self.settlement.currentIndexChanged,
            self.address.textChanged,
            self.phone.textChanged,
            self.specialist.textChanged,
            self.on_record_from.changed,
            self.on_record_to.changed,
            self.close_reason.textChanged,
            self.card_number.textChanged,
            self.take_reason.textChanged,
            self.organisations.textChanged,
            self.restricted.toggled,
            self.notes.textChanged,
            self.categories.changed,
            self.factors.changed,
        ):
            signal.connect(lambda *_a: self._set_dirty(True))
        return tab

    # data in and out
    def _settlement_index(self, settlement_id: str | None) -> int:
        """The village's row; none (-1) for a family without one, unless there is one only."""
        found = self.settlement.findData(settlement_id) if settlement_id else -1
        if found < 0 and self.settlement.count() == 1:
            return 0
        return found

    def _fill(self) -> None:
        values = self.data.fields
        self.settlement.setCurrentIndex(self._settlement_index(values.get("settlement_id")))
        self.address.setText(values.get("address") or "")
        self.phone.setText(values.get("phone") or "")
        self.specialist.setText(values.get("specialist") or self.context.person_name)
        self.on_record_from.set_value(values.get("on_record_from"))
        self.on_record_to.set_value(values.get("on_record_to"))
        self.close_reason.setText(values.get("close_reason") or "")
        for name in ("card_number", "take_reason", "organisations"):
            getattr(self, name).setText(values.get(name) or "")
        self.restricted.setChecked(bool(values.get("restricted")))
        self.notes.setPlainText(values.get("notes") or "")
        self.categories.set_codes(values.get("categories") or [])
        self.factors.set_codes(values.get("factors") or [])
        self.members_model.set_rows(self.data.members)
        self._load_events()
        self._update_header()

    def _gather(self) -> dict[str, Any] | None:
        for name, field in (
            ("on_record_from", self.on_record_from),
            ("on_record_to", self.on_record_to),
        ):
            if not field.is_valid():
                self.tabs.setCurrentIndex(0)
                self.errors.show(
                    name,
                    QCoreApplication.translate("FamilyCard", "Not a date. Type it as 12.03.2024."),
                )
                return None
        return {
            "settlement_id": self.settlement.currentData(),
            "address": self.address.text().strip(),
            "phone": self.phone.text().strip(),
            "specialist": self.specialist.text().strip(),
            "on_record_from": self.on_record_from.value(),
            "on_record_to": self.on_record_to.value(),
            "close_reason": self.close_reason.text().strip(),
            "card_number": self.card_number.text().strip(),
            "take_reason": self.take_reason.text().strip(),
            "organisations": self.organisations.text().strip(),
            "restricted": self.restricted.isChecked(),
            "notes": self.notes.toPlainText().strip(),
            "categories": self.categories.codes(),
            "factors": self.factors.codes(),
        }
