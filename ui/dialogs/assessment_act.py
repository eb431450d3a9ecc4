"""The needs-assessment act (акт оцінки потреб) as a form filled in by keyboard in one sitting.

Sections in the order of the official act (DOMAIN.md «Needs assessment (the act)»): general
information, each child's needs, the adults, family and environment, the conclusion with its
scales, the sign-off. Tab walks every field in that order (text boxes pass Tab on), every
label has a mnemonic, and «Save and print» writes the A4 act for signatures.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.db.models import PARENTAL_CAPACITY
from app.errors import ValidationError
from app.services.act import (
    ADULT_AREAS,
    CHILD_AREAS,
    FAMILY_AREAS,
    IMPACT_LEVELS,
    family_notifications,
    form_people,
)
from app.services.records import RecordService
from ui.context import AppContext
from ui.dialogs.act_blank import BlankActQuestion
from ui.labels import sentence
from ui.widgets.code_list import CodeList
from ui.widgets.date_field import DateField
from ui.widgets.dialog_buttons import save_buttons
from ui.widgets.field_errors import FieldErrors, read_fields
from ui.widgets.screen_fit import resize_within_screen
from ui.widgets.script_hint import add_script_hints
from ui.widgets.unsaved import UnsavedGuard


class AssessmentActDialog(QDialog, BlankActQuestion):
    """Record or change a needs assessment with its act; `saved_id` holds its id after
    accept. With `record_id` it opens that assessment filled in."""

    def __init__(
        self,
        context: AppContext,
        family_id: str,
        parent: QWidget | None = None,
        record_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.family_id = family_id
        self.record_id = record_id
        self.saved_id: str | None = None
        self.empty_question: QMessageBox | None = None
        self.save_anyway_button: QPushButton | None = None
        self.fill_in_button: QPushButton | None = None
        self._blank_confirmed = False
        self.errors = FieldErrors()
        self.fields: dict[str, QWidget] = {}
        self.children: list[tuple[str, str, dict[str, QWidget]]] = []
        self.adults: list[tuple[str, str, dict[str, QWidget]]] = []
        self.setWindowTitle(self.tr("Needs assessment act"))
        stored = RecordService(context.db).get("assessment", record_id) if record_id else None
        act = (stored or {}).get("act") or {}
        day = (stored or {}).get("started") or dt.date.today()
        children, adults = form_people(context.db, family_id, day)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._general())
        layout.addWidget(self._people(self.tr("2. The child's condition and needs"), children,
                                      self._child_labels(), self.children, child=True))  # fmt: skip
        layout.addWidget(self._people(self.tr("3. The adults"), adults, self._adult_labels(),
                                      self.adults, child=False))  # fmt: skip
        layout.addWidget(self._family())
        layout.addWidget(self._conclusion())
        layout.addWidget(self._sign_off())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        buttons = save_buttons(self)
        self.print_button = QPushButton(self.tr("Save and &print the act…"))
        self.print_button.clicked.connect(self.save_and_print)
        buttons.addButton(self.print_button, buttons.ButtonRole.ActionRole)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)
        resize_within_screen(self, 760, 720)
        if stored is not None:
            self.fill(stored, act)
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self.unsaved = UnsavedGuard(self)
        self.fields["started"].setFocus()

    # building -----------------------------------------------------------------------------
    def _text(self, lines: int = 2) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * (lines + 1))
        return box

    def _choice(self, options: list[tuple[Any, str]]) -> QComboBox:
        box = QComboBox()
        box.addItem("—", None)
        for code, text in options:
            box.addItem(text, code)
        return box

    def _yes_no(self) -> QComboBox:
        return self._choice([(True, self.tr("yes")), (False, self.tr("no"))])

    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    def _add(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.fields[name] = widget
        form.addRow(label, widget)
        form.addRow("", self.errors.label_for(name, widget))

    def _general(self) -> QGroupBox:
        group, form = self._form(self.tr("1. General information"))
        started = DateField()
        started.set_value(dt.date.today())
        self._add(form, "started", self.tr("Assessment &started:"), started)
        self._add(form, "finished", self.tr("&Finished:"), DateField())
        notification = QComboBox()
        notification.addItem("—", None)
        for notification_id, text in family_notifications(self.context.db, self.family_id):
            notification.addItem(text, notification_id)
        self._add(form, "notification_id", self.tr("&Notification:"), notification)
        self._add(form, "specialist", self.tr("Speciali&st:"), QLineEdit(self.context.person_name))
        return group

    def _child_labels(self) -> dict[str, str]:
        return {
            "health": self.tr("Health"),
            "development": self.tr("Development"),
            "education": self.tr("Education"),
            "emotions": self.tr("Emotional state and behaviour"),
            "identity": self.tr("Identity and relationships"),
            "self_care": self.tr("Self-care skills"),
            "safety": self.tr("Safety"),
        }

    def _adult_labels(self) -> dict[str, str]:
        return {
            "health": self.tr("Health"),
            "emotions": self.tr("Emotional state"),
            "habits": self.tr("Harmful habits"),
            "contacts": self.tr("Social contacts"),
            "history": self.tr("Life history"),
            "employment": self.tr("Employment"),
            "self_care": self.tr("Self-care skills"),
            "parenting": self.tr("How parental duties are met"),
        }

    def _people(
        self,
        title: str,
        people: list[tuple[str, str]],
        labels: dict[str, str],
        into: list[tuple[str, str, dict[str, QWidget]]],
        *,
        child: bool,
    ) -> QGroupBox:
        group = QGroupBox(title)
        layout = QVBoxLayout(group)
        if not people:
            layout.addWidget(QLabel(self.tr("No such members in the family record.")))
        areas = CHILD_AREAS if child else ADULT_AREAS
        for person_id, name in people:
            box, form = self._form(name)
            widgets: dict[str, QWidget] = {}
            for area in areas:
                widget = self._text()
                widget.setAccessibleName(f"{name}: {labels[area]}")
                widgets[area] = widget
                form.addRow(labels[area] + ":", widget)
            if child:
                impact = self._choice(
                    list(
                        zip(
                            IMPACT_LEVELS,
                            (self.tr("minor"), self.tr("moderate"), self.tr("severe")),
                            strict=True,
                        )
                    )
                )
                label = self.tr("Impact of the circumstances on meeting the child's needs")
                impact.setAccessibleName(f"{name}: {label}")
                widgets["impact"] = impact
                form.addRow(label + ":", impact)
            into.append((person_id, name, widgets))
            layout.addWidget(box)
        return group

    def _family(self) -> QGroupBox:
        group, form = self._form(self.tr("4. Family and environment"))
        labels = {
            "support": self.tr("Support network"),
            "relations": self.tr("Family relations"),
            "income": self.tr("Income and debts"),
            "household": self.tr("Others living in the home"),
            "housing": self.tr("Housing and its condition"),
        }
        self.family_fields: dict[str, QPlainTextEdit] = {}
        for area in FAMILY_AREAS:
            widget = self._text()
            widget.setAccessibleName(labels[area])
            self.family_fields[area] = widget
            form.addRow(labels[area] + ":", widget)
        return group

    def _conclusion(self) -> QGroupBox:
        group, form = self._form(self.tr("5. Conclusion"))
        present = [(True, self.tr("present")), (False, self.tr("absent"))]
        words = (self.tr("high"), self.tr("medium"), self.tr("low"))
        levels = [(str(code), word) for code, word in zip(PARENTAL_CAPACITY, words, strict=True)]
        impacts = [
            ("positive", self.tr("positive")),
            ("neutral", self.tr("neutral")),
            ("negative", self.tr("negative")),
        ]
        durations = [
            ("under_1m", self.tr("under 1 month")),
            ("1_3m", self.tr("1–3 months")),
            ("3_6m", self.tr("3–6 months")),
            ("6_12m", self.tr("6–12 months")),
            ("over_1y", self.tr("over a year")),
        ]
        decisions = [
            ("provide", self.tr("provide social services")),
            ("close", self.tr("close the case")),
            ("transfer", self.tr("pass to another provider")),
        ]
        complexity = [
            ("complex", self.tr("complex")),
            ("medium", self.tr("of medium complexity")),
            ("simple", self.tr("simple")),
            ("emergency", self.tr("emergency")),
        ]
        needed = CodeList(self.context.labels("service"), retired=self.context.retired("service"))
        needed.setMaximumHeight(needed.fontMetrics().lineSpacing() * 8)
        for name, label, widget in (
            ("sjo_present", self.tr("Difficult life &circumstances:"), self._choice(present)),
            ("sjo_causes", self.tr("Their ca&uses:"), self._text()),
            (
                "child_trauma",
                self.tr("Signs of psychological &trauma in a child:"),
                self._choice(present),
            ),
            ("parental_capacity", self.tr("&Parental capacity:"), self._choice(levels)),
            (
                "environment_impact",
                self.tr("Impact of family and &environment:"),
                self._choice(impacts),
            ),
            ("problem_duration", self.tr("Problems &last:"), self._choice(durations)),
            ("family_aware", self.tr("Family is a&ware of the problems:"), self._yes_no()),
            ("family_ready", self.tr("Family is ready to &cooperate:"), self._yes_no()),
            ("needed_services", self.tr("Services &needed:"), needed),
            ("decision", self.tr("&Decision:"), self._choice(decisions)),
            ("case_level", self.tr("Case comple&xity:"), self._choice(complexity)),
            ("conclusion", self.tr("C&onclusion:"), self._text(3)),
        ):
            self._add(form, name, label, widget)
        return group

    def _sign_off(self) -> QGroupBox:
        group, form = self._form(self.tr("6. Acknowledgement and sign-off"))
        self._add(form, "family_agrees", self.tr("The family &agrees with the conclusion:"),
                  self._yes_no())  # fmt: skip
        self._add(form, "family_remarks", self.tr("Family's re&marks:"), self._text())
        self._add(form, "participants", self.tr("Others who took pa&rt:"), self._text())
        self._add(form, "approved_by", self.tr("Approved by (&head):"), QLineEdit())
        return group

    # data in and out -------------------------------------------------------------------------
    def fill(self, values: dict[str, Any], act: dict[str, Any]) -> None:
        """Show a stored assessment and its act."""
        for name, widget in self.fields.items():
            value = values.get(name)
            if isinstance(widget, DateField):
                widget.set_value(value if isinstance(value, dt.date) else None)
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value or ""))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))
            elif isinstance(widget, CodeList):
                widget.set_codes(list(value or []))
            elif isinstance(widget, QComboBox):
                found = widget.findData(value)
                widget.setCurrentIndex(found if value is not None and found >= 0 else 0)
        for key, people in (("children", self.children), ("adults", self.adults)):
            entries = {e.get("person_id"): e for e in act.get(key, [])}
            for person_id, _name, widgets in people:
                entry = entries.get(person_id, {})
                for area, widget in widgets.items():
                    if isinstance(widget, QPlainTextEdit):
                        widget.setPlainText(entry.get(area, ""))
                    elif isinstance(widget, QComboBox):
                        widget.setCurrentIndex(max(0, widget.findData(entry.get(area))))
        for area, widget in self.family_fields.items():
            widget.setPlainText((act.get("family") or {}).get(area, ""))

    def values(self) -> dict[str, Any] | None:
        """The assessment's fields with its act, or None after showing a date error."""
        result: dict[str, Any] = {"family_id": self.family_id}
        read = read_fields(self.fields, self.errors, self.tr("Not a date. Type it as 12.03.2024."))
        if read is None:
            return None
        result.update(read)
        act: dict[str, Any] = {}
        for key, people in (("children", self.children), ("adults", self.adults)):
            entries = []
            for person_id, _name, widgets in people:
                entry: dict[str, Any] = {"person_id": person_id}
                for area, widget in widgets.items():
                    if isinstance(widget, QPlainTextEdit):
                        entry[area] = widget.toPlainText()
                    elif isinstance(widget, QComboBox):
                        entry[area] = widget.currentData()
                entries.append(entry)
            act[key] = entries
        act["family"] = {area: w.toPlainText() for area, w in self.family_fields.items()}
        result["act"] = act
        return result

    def save(self) -> bool:
        """Save the act as it is; False after showing why it was not saved."""
        self.errors.clear()
        values = self.values()
        if values is None:
            return False
        try:
            self.saved_id = RecordService(self.context.db).save(
                "assessment", self.record_id, values
            )
        except ValidationError as error:
            if not self.errors.show(error.field, sentence(error.message)):
                self.errors.show("started", sentence(str(error)))
            return False
        self.record_id = self.saved_id
        return True

    def reject(self) -> None:
        """Esc, Cancel, ✕: what is typed is asked about first (ui/widgets/unsaved.py)."""
        if self.unsaved.may_close():
            super().reject()

    def accept(self) -> None:
        if self._asked_first(self.accept):
            return
        if self.save():
            super().accept()

    def save_and_print(self) -> None:
        """Save, then write the act as a PDF for signatures."""
        from ui.printing import print_assessment_act

        if self._asked_first(self.save_and_print):
            return
        if self.save():
            assert self.saved_id is not None
            super().accept()
            print_assessment_act(self.parentWidget() or self, self.context, self.saved_id)
