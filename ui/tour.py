"""A walk through every screen and dialog on demo data, for screenshots and the size check.

`tour(app, db, settings)` yields (name, widget) with the widget shown and settled at the
screen's size (the main window maximised the way a 1366×768 laptop shows it); the caller
grabs or measures it before asking for the next one.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QToolBar,
    QWidget,
)

from app.db.database import Database
from ui.runner import wait_for_all
from ui.settings import UiSettings


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        wait_for_all()
        app.processEvents()


def fit_screen(widget: QWidget) -> None:
    """A dialog as it opens on this screen: its own size, never larger than the screen."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    widget.resize(min(widget.width(), screen.width()), min(widget.height(), screen.height()))


def tour(app: QApplication, db: Database, settings: UiSettings) -> Iterator[tuple[str, QWidget]]:
    from ui.dialogs.group_dialog import GroupDialog
    from ui.dialogs.member_dialog import MemberDialog
    from ui.dialogs.participant_dialog import ParticipantDialog
    from ui.dialogs.session_dialog import SessionDialog
    from ui.launch import show_window
    from ui.login_dialog import LoginDialog

    login = LoginDialog(str(Path.home() / "Документи" / "opora.db"), lambda _l, _p: None, "olena")
    login.show()
    login.show_error(
        login.tr(
            "Wrong account or password. Check the keyboard layout and Caps Lock, then try again."
        )
    )
    settle(app, 5)
    yield "login", login
    login.close()

    shell = show_window(db, settings, demo=True)
    window = shell.window
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    settle(app)
    page = shell.families_page()
    yield "families", window
    window.show_clock(3, False)  # the centre held changes: this computer's clock ran ahead
    settle(app, 5)
    yield "clock-banner", window
    window.show_clock(0, False)
    page.search.setText("мар'ян")
    settle(app, 5)
    yield "families-search", window
    page.search.clear()
    settle(app, 5)
    page.show_notifications()
    settle(app, 5)
    yield "notifications-list", page.notifications
    page.notifications.reject()
    page.new_intake()
    settle(app, 5)
    yield "intake", page.intake
    page.intake.reject()

    card = shell.open_family(page.model.row_at(3).id)
    settle(app, 5)
    yield "family-card", card
    for index, name in enumerate(
        (
            "members",
            "services",
            "visits",
            "assessments",
            "notifications",
            "referrals",
            "history",
        ),
        start=1,
    ):
        card.tabs.setCurrentIndex(index)
        settle(app, 5)
        yield f"family-{name}", card
    card.tabs.setCurrentIndex(1)
    card.members_view.selectRow(0)
    card.edit_member()
    member = card.member_dialog
    assert isinstance(member, MemberDialog)
    settle(app, 5)
    yield "member", member
    member.given_name.setText("Мaрія")  # a Latin «a»: the note under the field
    settle(app, 5)
    yield "member-mixed-script", member
    member.reject()
    card.tabs.setCurrentIndex(0)
    card.on_record_from.edit.setText("01.01.2099")
    card.save()
    settle(app, 5)
    yield "family-error", card
    for kind in ("visit", "assessment", "notification"):
        card.add_event(kind)
        event = card.event_dialog  # the assessment opens the act's form (AssessmentActDialog)
        assert event is not None
        settle(app, 5)
        yield kind, event
        event.reject()
    card.dirty = False
    card.reject()

    window.show_page("groups")
    settle(app)
    yield "groups", window
    groups = window.page("groups")
    groups.open_group(groups.model.row_at(0).id)  # type: ignore[attr-defined]
    settle(app)
    yield "group-attendance", window
    groups.add_participant()  # type: ignore[attr-defined]
    participant = groups.participant_dialog  # type: ignore[attr-defined]
    assert isinstance(participant, ParticipantDialog)
    settle(app, 5)
    yield "participant", participant
    participant.reject()
    groups.edit_session()  # type: ignore[attr-defined]
    session = groups.session_dialog  # type: ignore[attr-defined]
    assert isinstance(session, SessionDialog)
    settle(app, 5)
    yield "session", session
    group_end = groups.sheet.group.end_date  # type: ignore[attr-defined]
    session.date.set_value((group_end or dt.date.today()) + dt.timedelta(days=30))
    session.accept()  # a date after the group's end: asked about
    if session.period_question is not None:
        settle(app, 5)
        yield "session-period", session.period_question
        session.period_question.reject()
    session.reject()
    groups.show_list()  # type: ignore[attr-defined]
    groups.new_item()  # type: ignore[attr-defined]
    group = groups.group_dialog  # type: ignore[attr-defined]
    assert isinstance(group, GroupDialog)
    settle(app, 5)
    yield "group", group
    group.reject()

    window.show_page("services")
    settle(app)
    yield "services", window
    services = window.page("services")
    services.date_from.set_value(dt.date(2001, 1, 1))  # type: ignore[attr-defined]
    services.date_to.set_value(dt.date(2001, 1, 31))  # type: ignore[attr-defined]
    services.reload()  # type: ignore[attr-defined]
    settle(app, 5)
    yield "services-empty", window
    services.date_from.set_value(dt.date.today().replace(day=1))  # type: ignore[attr-defined]
    services.date_to.set_value(dt.date.today())  # type: ignore[attr-defined]
    services.reload()  # type: ignore[attr-defined]
    dialog = shell.open_service(None, None)
    dialog.recipient.setText("Бондар")
    settle(app, 5)
    yield "service-entry", dialog
    dialog.close()

    window.show_page("reports")
    reports = window.page("reports")
    reports.compute()  # type: ignore[attr-defined]
    settle(app, 60)
    yield "reports", window

    window.show_page("sync")
    settle(app)
    yield "sync", window
    window.show_page("settings")
    settle(app)
    yield "settings", window
    # The centre's own settings (not the demo's): the accounts and the audit trail too.
    from app.services.accounts import viewer_for
    from ui.context import AppContext
    from ui.pages.settings_page import SettingsPage

    area = window.page("settings").size()
    centre = SettingsPage(settings, context=AppContext(db, settings, viewer_for(db), demo=False))
    centre.resize(area)
    centre.show()
    settle(app, 5)
    yield "settings-centre", centre
    centre.close()

    devices = window.show_page("devices")
    settle(app)
    yield "devices", window
    devices.new_item()  # type: ignore[attr-defined]
    wizard = devices.wizard  # type: ignore[attr-defined]
    settle(app, 5)
    yield "enroll", wizard
    wizard.name_edit.setText("Ноутбук Морозівка")
    wizard.district_list.item(0).setCheckState(Qt.CheckState.Checked)
    wizard.next()
    wizard.login_edit.setText("olena.koval")
    wizard.password_edit.setText("пароль-для-олени")
    wizard.repeat_edit.setText("пароль-для-олени")
    wizard.next()
    settle(app, 5)
    yield "enroll-file", wizard
    folder = Path(tempfile.mkdtemp(prefix="opora-tour-"))
    wizard.path_edit.setText(str(folder / "opora-Ноутбук-Морозівка.enroll"))
    wizard.next()
    settle(app, 5)
    yield "enroll-done", wizard
    wizard.accept()
    settle(app, 5)
    yield "devices-list", window
    shutil.rmtree(folder, ignore_errors=True)

    from ui.printing import print_printout

    job = print_printout(window, shell.context, "family_card", page.model.row_at(3).id)
    for _ in range(200):
        settle(app, 1)
        if job.preview is not None:
            break
    assert job.preview is not None
    fit_screen(job.preview)
    settle(app, 10)
    yield "print-preview", job.preview
    job.preview.close()


def _visible(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0


def _rows_shown(table: QTableView) -> float:
    """How many rows of the default height the table's viewport has room for."""
    return table.viewport().height() / max(table.verticalHeader().defaultSectionSize(), 1)


def problems(top: QWidget) -> list[str]:
    """Widgets narrower (or shorter) than their text needs, and a window larger than the
    screen. Tables may scroll sideways unless marked with the property `fit_width`."""
    found: list[str] = []
    screen = QGuiApplication.primaryScreen().availableGeometry()
    frame = top.frameGeometry()
    if top.width() > screen.width() or top.height() > screen.height():
        found.append(f"window {frame.width()}×{frame.height()} > screen {screen.size()}")

    def name(widget: QWidget) -> str:
        text = ""
        if isinstance(widget, (QLabel, QAbstractButton)):
            text = widget.text()
        return f"{type(widget).__name__} «{(text or widget.accessibleName())[:50]}»"

    for widget in top.findChildren(QWidget):
        if not _visible(widget, top):
            continue
        if widget.parent() is not None and isinstance(widget.parent(), QAbstractItemView):
            continue
        if isinstance(widget, QLabel):
            if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if widget.height() + 1 < needed:
                    found.append(f"{name(widget)} height {widget.height()} < {needed}")
            elif widget.width() + 1 < widget.minimumSizeHint().width():
                hint = widget.minimumSizeHint().width()
                found.append(f"{name(widget)} width {widget.width()} < {hint}")
        elif isinstance(widget, QAbstractButton):
            hint = widget.minimumSizeHint().width()
            if widget.text() and widget.width() + 1 < hint:
                found.append(f"{name(widget)} width {widget.width()} < {hint}")
            tall = widget.minimumSizeHint().height()
            if widget.text() and widget.height() + 1 < tall:
                found.append(f"{name(widget)} height {widget.height()} < {tall}")
        elif isinstance(widget, QLineEdit) and not isinstance(
            widget.parent(),
            (QAbstractSpinBox, QComboBox, QToolBar),  # their own inner edits
        ):
            tall = widget.minimumSizeHint().height()
            if widget.height() + 1 < tall:
                found.append(f"{name(widget)} height {widget.height()} < {tall}")
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            # the choice shown is readable (the list that drops down may be wider)
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            text = widget.fontMetrics().horizontalAdvance(widget.currentText())
            hint = (
                widget.style()
                .sizeFromContents(
                    QStyle.ContentsType.CT_ComboBox,
                    option,
                    QSize(text, widget.fontMetrics().height()),
                    widget,
                )
                .width()
            )
            if widget.width() + 1 < hint:
                found.append(f"{name(widget)} width {widget.width()} < {hint}")
        elif isinstance(widget, QListView) and widget.model() is not None:
            chars = widget.fontMetrics().averageCharWidth() * 24
            needed = min(widget.sizeHintForColumn(0), chars)
            if widget.viewport().width() + 1 < needed:
                found.append(f"{name(widget)} width {widget.viewport().width()} < {needed}")
        elif isinstance(widget, QScrollArea) and widget.horizontalScrollBar().maximum() > 0:
            found.append(f"{name(widget)} scrolls sideways")
        elif isinstance(widget, QTableView) and _rows_shown(widget) < 2:
            found.append(f"{name(widget)} shows fewer than two rows")
        elif isinstance(widget, QTableView) and widget.property("fit_width"):
            if widget.horizontalScrollBar().maximum() > 0:
                found.append(f"{name(widget)} scrolls sideways")
            header = widget.horizontalHeader()
            model = widget.model()
            for column in range(header.count()):
                title = str(model.headerData(column, header.orientation()) or "")
                width = header.fontMetrics().horizontalAdvance(title) + 12
                if not header.isSectionHidden(column) and header.sectionSize(column) < width:
                    size = header.sectionSize(column)
                    found.append(f"{name(widget)} column «{title}» {size} < {width}")
    return found


def main() -> None:
    """python -m ui.tour: print every clipped widget of every screen (empty: all fits)."""
    import json
    import sys
    import tempfile

    from app.demo import create_demo_database, open_demo
    from ui.app import create_application

    app = create_application(["opora"])
    app.setApplicationName("opora-size-check")
    settings = UiSettings()
    settings.language = sys.argv[1] if len(sys.argv) > 1 else "uk"
    from ui.translations import install_translators

    install_translators(app, settings.language)
    folder = Path(tempfile.mkdtemp(prefix="opora-size-"))
    for _step in create_demo_database(folder / "demo.db", 60, today=dt.date.today()):
        pass
    db = open_demo(folder / "demo.db")
    report: dict[str, list[str]] = {}
    for name, widget in tour(app, db, settings):
        report[name] = problems(widget)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    from ui.launch import close_window

    close_window(db)


if __name__ == "__main__":
    main()
