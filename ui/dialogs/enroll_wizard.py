"""«Підключити ноутбук»: the centre enrolls a laptop in four steps — its name and the
starosta districts it serves, the specialist's login and password, where to save the
enrollment file — and is then told what to do with the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import OporaError
from app.services.queries import districts
from ui.context import AppContext
from ui.labels import sentence
from ui.widgets.district_list import DistrictList
from ui.widgets.field_errors import FieldErrors


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class EnrollWizard(QWizard):
    """After it is accepted, `device_id`, `device_name`, `login` and `path` say what was made."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.device_id: str | None = None
        self.device_name = ""
        self.login = ""
        self.path: Path | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Connect a laptop"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for which, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Back")),
            (QWizard.WizardButton.NextButton, self.tr("Next >")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
            (QWizard.WizardButton.FinishButton, self.tr("Done")),
        ):
            self.setButtonText(which, text)
        self.addPage(self._laptop_page())
        self.addPage(self._account_page())
        self.addPage(self._file_page())
        self.addPage(self._done_page())
        self.setMinimumWidth(560)

    # 1. the laptop and its districts
    def _laptop_page(self) -> QWizardPage:
        page = _Page(self, self._check_laptop)
        page.setTitle(self.tr("Which laptop, for which districts"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Laptop name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Ноутбук Морозівка"))
        self.district_list = DistrictList()
        self.district_list.fill(districts(self.context.db))
        form = QFormLayout()
        form.addRow(self.tr("Laptop &name:"), self.name_edit)
        form.addRow("", self.errors.label_for("name", self.name_edit))
        form.addRow(self.tr("&Districts:"), self.district_list)
        form.addRow("", self.errors.label_for("districts", self.district_list))
        layout = QVBoxLayout(page)
        layout.addWidget(
            _note(
                self.tr(
                    "The laptop will hold the families of the starosta districts you tick, "
                    "and only those."
                )
            )
        )
        layout.addLayout(form)
        return page

    def chosen_districts(self) -> list[str]:
        return self.district_list.chosen()

    def _check_laptop(self) -> bool:
        self.errors.clear()
        from app.services.exchange_queries import peers

        name = self.name_edit.text().strip()
        if not name:
            self.errors.show("name", self.tr("Give the laptop a name you will recognise."))
            return False
        if any(peer.name == name for peer in peers(self.context.db)):
            self.errors.show("name", self.tr("A laptop with this name is already connected."))
            return False
        if not self.chosen_districts():
            self.errors.show("districts", self.tr("Tick at least one district."))
            return False
        return True

    # 2. the specialist's account
    def _account_page(self) -> QWizardPage:
        page = _Page(self, self._check_account)
        page.setTitle(self.tr("Who will work on it"))
        self.login_edit = QLineEdit()
        self.login_edit.setAccessibleName(self.tr("Login"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Password again"))
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow("", self.errors.label_for("login", self.login_edit))
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", self.errors.label_for("password", self.password_edit))
        form.addRow(self.tr("Password &again:"), self.repeat_edit)
        form.addRow("", self.errors.label_for("repeat", self.repeat_edit))
        layout = QVBoxLayout(page)
        layout.addWidget(
            _note(
                self.tr(
                    "The specialist signs in on the laptop with this login and password. The "
                    "enrollment file is locked with the same password: tell it to them in "
                    "person, never in the same message as the file."
                )
            )
        )
        layout.addLayout(form)
        return page

    def _check_account(self) -> bool:
        self.errors.clear()
        login = self.login_edit.text().strip()
        if not login or any(c.isspace() for c in login):
            self.errors.show("login", self.tr("Enter a login without spaces, e.g. olena.koval."))
            return False
        if len(self.password_edit.text()) < 8:
            self.errors.show("password", self.tr("Use at least 8 characters."))
            return False
        if self.repeat_edit.text() != self.password_edit.text():
            self.errors.show("repeat", self.tr("The two passwords differ."))
            return False
        return True

    # 3. where the file goes
    def _file_page(self) -> QWizardPage:
        page = _Page(self, self._enroll)
        page.setTitle(self.tr("Where to save the enrollment file"))
        page.setCommitPage(True)
        page.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the file"))
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("Enrollment file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(page)
        layout.addWidget(
            _note(
                self.tr(
                    "Save it on a USB stick to carry it to the laptop. The file holds the "
                    "families of the chosen districts, encrypted with the password."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.errors.label_for("path", self.path_edit))
        self.result = QLabel()
        page.initialize = self._propose_path  # type: ignore[method-assign]
        return page

    def _propose_path(self) -> None:
        if self.path_edit.text():
            return
        from ui.pages.sync_page import removable_folder

        folder = next(
            (
                f
                for f in (
                    removable_folder(),
                    self.context.settings.folder("bundles"),
                    QStandardPaths.writableLocation(
                        QStandardPaths.StandardLocation.DocumentsLocation
                    ),
                    str(Path.home()),
                )
                if f and Path(f).is_dir()
            ),
            str(Path.home()),
        )
        name = self.name_edit.text().strip().replace(" ", "-") or "laptop"
        self.path_edit.setText(
            str(Path(folder) / f"opora-{name}-{dt.date.today():%Y-%m-%d}.enroll")
        )

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Enrollment file"),
            self.path_edit.text(),
            self.tr("Enrollment files (*.enroll);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    def _enroll(self) -> bool:
        from app.db.settings import set_setting
        from app.sync.enrollment import enroll_device

        self.errors.clear()
        text = self.path_edit.text().strip()
        if not text:
            self.errors.show("path", self.tr("Choose where to save the file."))
            return False
        path = Path(text)
        if not path.parent.is_dir():
            self.errors.show("path", self.tr("There is no such folder. Choose another one."))
            return False
        try:
            device_id = enroll_device(
                self.context.db,
                name=self.name_edit.text().strip(),
                districts=self.chosen_districts(),
                login=self.login_edit.text().strip(),
                password=self.password_edit.text(),
                out=path,
            )
        except (OporaError, OSError) as error:
            message = error.message if isinstance(error, OporaError) else str(error)
            self.errors.show("path", sentence(message))
            return False
        from app.services.family_form import DEVICE_LOGIN

        set_setting(self.context.db, DEVICE_LOGIN + device_id, self.login_edit.text().strip())
        self.context.settings.set_folder("bundles", str(path.parent))
        self.device_id = device_id
        self.device_name = self.name_edit.text().strip()
        self.login = self.login_edit.text().strip()
        self.path = path
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.done_text.setText(self.instructions())
        return True

    # 4. what to do with it
    def _done_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("The laptop's file is ready"))
        self.done_text = _note("")
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        return page

    def instructions(self) -> str:
        return self.tr(
            "Saved: {path}\n\n"
            "What to do now:\n"
            "1. Carry the file to the laptop «{name}» (a USB stick).\n"
            "2. On the laptop, install and start Opora and choose «Connect a laptop with its "
            'enrollment file» (in a terminal: opora init field --enroll "{file}").\n'
            "3. Sign in as «{login}» with the password you set here, and tell it to the "
            "specialist in person.\n"
            "4. Delete the file from the USB stick once the laptop has opened it.\n\n"
            "Bundles from this laptop are accepted from now on; «Revoke…» in this list "
            "refuses them if the laptop is lost."
        ).format(
            path=self.path,
            name=self.device_name,
            file=self.path.name if self.path else "",
            login=self.login,
        )


class _Page(QWizardPage):
    """A page whose «Next» runs a check first (errors appear next to their fields)."""

    def __init__(self, wizard: EnrollWizard, check: object) -> None:
        super().__init__(wizard)
        self._check = check
        self.initialize = lambda: None

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.initialize()

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        return bool(self._check())  # type: ignore[operator]
