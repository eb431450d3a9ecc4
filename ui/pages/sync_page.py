"""Синхронізація: a bundle for the centre (or a laptop), accepting bundles (several at
once, or dropped onto the page), results per file, and data discrepancies side by side."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QStorageInfo, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
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

from app.db.clock import version_time
from app.errors import OporaError
from app.services.exchange_queries import peers, this_device
from app.sync.bundle import SUFFIX
from ui import style
from ui.context import AppContext
from ui.icons import icon
from ui.labels import Words
from ui.runner import run_with_progress


def removable_folder() -> str:
    """A mounted removable drive (a USB stick), if one is plugged in; else ""."""
    system = QStorageInfo.root().rootPath()
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if root.startswith(("/media/", "/run/media/", "/Volumes/")):
            return root
        if len(root) <= 3 and root[:1].isalpha() and root[:2] != system[:2]:
            return root  # Windows: a drive other than the system's
    return ""


def _big(button: QPushButton) -> QPushButton:
    return style.big(button)


class SyncPage(QWidget):
    """`exchanged` is emitted after an export or import (the status bar refreshes)."""

    exchanged = Signal()
    connect_laptop_requested = Signal()  # the centre has no laptop yet: open the wizard

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.words = Words(self)
        self.setAcceptDrops(True)
        me = this_device(context.db)
        self.is_centre = bool(me and me.kind == "centre")
        self.last_export: Path | None = None
        self.results: list[Any] = []
        self.conflicts: list[dict[str, Any]] = []

        title = QLabel(
            self.tr("Exchange with the centre")
            if not self.is_centre
            else self.tr("Exchange with laptops")
        )
        style.title(title)

        # sending
        self.peer_box = QComboBox()
        self.peer_box.setAccessibleName(self.tr("For which device"))
        self.reload_peers()
        self.export_button = _big(
            QPushButton(
                icon("folder-output"),
                self.tr("Create a bundle for the centre…")
                if not self.is_centre
                else self.tr("Create a bundle for the laptop…"),
            )
        )
        self.export_button.clicked.connect(self.choose_export)
        self.export_result = QLabel()
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        send = QGroupBox(self.tr("Send"))
        send_layout = QVBoxLayout(send)
        if self.is_centre:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("Laptop:")))
            row.addWidget(self.peer_box, 1)
            send_layout.addLayout(row)
        send_layout.addWidget(self.export_button)
        send_layout.addWidget(self.export_result)
        send_layout.addStretch(1)

        # receiving
        self.import_button = _big(
            QPushButton(
                icon("folder-input"),
                self.tr("Accept bundles from the centre…")
                if not self.is_centre
                else self.tr("Accept bundles from laptops…"),
            )
        )
        self.import_button.clicked.connect(self.choose_import)
        hint = QLabel(self.tr("You can also drop bundle files onto this page."))
        hint.setWordWrap(True)
        self.results_table = QTableWidget(0, 3)
        self.results_table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Result"), self.tr("Details")]
        )
        self.results_table.verticalHeader().hide()
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.horizontalHeader().setStretchLastSection(True)
        self.results_table.setAccessibleName(self.tr("Results per file"))
        receive = QGroupBox(self.tr("Receive"))
        receive_layout = QVBoxLayout(receive)
        receive_layout.addWidget(self.import_button)
        receive_layout.addWidget(hint)
        receive_layout.addWidget(self.results_table, 1)

        # discrepancies
        self.conflicts_box = QGroupBox()
        self.conflict_table = QTableWidget(0, 3)
        self.conflict_table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Field"), self.tr("Devices")]
        )
        self.conflict_table.verticalHeader().hide()
        self.conflict_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflict_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.conflict_table.setAccessibleName(self.tr("Data discrepancies"))
        self.conflict_table.currentCellChanged.connect(lambda *_a: self._show_conflict())
        self.value_a = QLabel()
        self.value_b = QLabel()
        for label in (self.value_a, self.value_b):
            label.setWordWrap(True)
            label.setFrameShape(QLabel.Shape.StyledPanel)
            label.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.keep_a = QPushButton(self.tr("Keep A"))
        self.keep_a.clicked.connect(lambda: self.resolve("winner"))
        self.keep_b = QPushButton(self.tr("Keep B"))
        self.keep_b.clicked.connect(lambda: self.resolve("loser"))
        side = QGridLayout()
        side.addWidget(QLabel(self.tr("Value A (kept now)")), 0, 0)
        side.addWidget(QLabel(self.tr("Value B")), 0, 1)
        side.addWidget(self.value_a, 1, 0)
        side.addWidget(self.value_b, 1, 1)
        side.addWidget(self.keep_a, 2, 0)
        side.addWidget(self.keep_b, 2, 1)
        side.setRowStretch(1, 1)
        conflicts_layout = QHBoxLayout(self.conflicts_box)
        conflicts_layout.addWidget(self.conflict_table, 1)
        conflicts_layout.addLayout(side, 1)

        top = QHBoxLayout()
        top.addWidget(send, 1)
        top.addWidget(receive, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top, 1)
        layout.addWidget(self.conflicts_box, 1)
        # Discrepancies are reviewed at the centre (UX.md); a laptop's specialist may not
        # resolve them (CONTRACT.md), so the laptop shows no «Keep A / Keep B».
        self.conflicts_box.setVisible(self.is_centre)
        if not self.is_centre:
            layout.addStretch(1)
        self.load_conflicts()

    def reload_peers(self) -> None:
        """The laptops a bundle can be made for (again after one is connected/revoked)."""
        self.peer_box.clear()
        for peer in peers(self.context.db):
            if self.is_centre and peer.kind == "field":
                self.peer_box.addItem(peer.name, peer.id)

    # sending
    def default_bundle_name(self) -> str:
        me = this_device(self.context.db)
        device = (me.name if me else "opora").replace(" ", "-")
        return f"opora-{device}-{dt.date.today():%Y-%m-%d}{SUFFIX}"

    def choose_export(self) -> None:
        if self.is_centre and self.peer_box.count() == 0:
            # nothing to make a bundle for: say so and lead to connecting a laptop
            answer = QMessageBox.question(
                self,
                self.tr("No laptop yet"),
                self.tr(
                    "No laptop is connected to the centre yet. Connect one now? The wizard "
                    "makes the file the laptop starts from."
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.connect_laptop_requested.emit()
            return
        candidates = (
            removable_folder(),
            self.context.settings.folder("bundles"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
            str(Path.home()),
        )
        folder = next((f for f in candidates if f and Path(f).is_dir()), "")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to save the bundle"), folder)
        if folder:
            self.context.settings.set_folder("bundles", folder)
            self.export_to(Path(folder) / self.default_bundle_name())

    def export_to(self, path: Path) -> None:
        from app.sync.exchange import export_bundle

        db = self.context.db
        peer = self.peer_box.currentData() if self.is_centre else None
        if self.is_centre and peer is None:
            self.export_result.setText(self.tr("No laptop is enrolled yet."))
            return
        run_with_progress(
            self,
            self.tr("Creating the bundle…"),
            lambda: export_bundle(db, path, peer),
            lambda result: self._exported(path, result),
            on_error=self._export_failed,
        )

    def _exported(self, path: Path, result: Any) -> None:
        self.last_export = path
        size = path.stat().st_size if path.exists() else 0
        self.export_result.setText(
            self.tr(
                "Created «{name}» ({size} KB, {changes} changes). Pass this file to the centre."
            ).format(name=path.name, size=max(1, size // 1024), changes=result.changes)
        )
        self.exchanged.emit()

    def _export_failed(self, error: BaseException) -> None:
        self.export_result.setText(error.message if isinstance(error, OporaError) else str(error))

    # receiving
    def choose_import(self) -> None:
        folder = self.context.settings.folder("bundles")
        files, _f = QFileDialog.getOpenFileNames(
            self,
            self.tr("Bundles to accept"),
            folder,
            self.tr("Bundles (*{suffix});;All files (*)").format(suffix=SUFFIX),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> None:
        from app.sync.exchange import import_bundle

        db = self.context.db

        def work() -> Iterator[tuple[int, int, str]]:
            results = []
            for number, path in enumerate(files, start=1):
                yield (number - 1, len(files), path.name)
                results.append(import_bundle(db, path))
            yield (len(files), len(files), "")
            return results

        run_with_progress(
            self,
            self.tr("Accepting bundles…"),
            work,
            self._imported,
            on_error=lambda e: self._add_result(str(e), "rejected", str(e)),
        )

    def _imported(self, results: list[Any]) -> None:
        self.results = results
        self.results_table.setRowCount(0)
        for result in results:
            if result.status == "applied":
                details = self.tr("{changes} changes, {conflicts} discrepancies").format(
                    changes=result.changes, conflicts=result.conflicts
                )
            else:
                details = result.error or ""
            self._add_result(Path(result.file).name, result.status, details)
        self.load_conflicts()
        self.exchanged.emit()

    def _add_result(self, name: str, status: str, details: str) -> None:
        words = {
            "applied": self.tr("accepted"),
            "already-applied": self.tr("already accepted"),
            "rejected": self.tr("rejected"),
        }
        row = self.results_table.rowCount()
        self.results_table.insertRow(row)
        for column, text in enumerate((name, words.get(status, status), details)):
            self.results_table.setItem(row, column, QTableWidgetItem(text))
        self.results_table.resizeColumnsToContents()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.import_files(files)
            event.acceptProposedAction()

    # discrepancies
    def load_conflicts(self) -> None:
        from app.sync.conflicts import list_conflicts

        self.conflicts = list_conflicts(self.context.db, status="open")
        self.conflicts_box.setTitle(
            self.tr("Data discrepancies ({count})").format(count=len(self.conflicts))
        )
        self.conflict_table.setRowCount(len(self.conflicts))
        from app.services.exchange_queries import record_names

        names = record_names(
            self.context.db, [(item["type"], item["record_id"]) for item in self.conflicts]
        )
        for row, item in enumerate(self.conflicts):
            # «Член сім'ї: Бондар Марія Іванівна», «Візит: 12.03.2026 · Коваль Олена»
            name = names.get((item["type"], item["record_id"]), "")
            texts = (
                ": ".join(part for part in (self.words.entity(item["type"]), name) if part),
                self.words.field(item["field"]),
                f"{item['winner_device']} / {item['loser_device']}",
            )
            for column, text in enumerate(texts):
                self.conflict_table.setItem(row, column, QTableWidgetItem(text))
        has = bool(self.conflicts)
        self.keep_a.setEnabled(has)
        self.keep_b.setEnabled(has)
        if has:
            self.conflict_table.setCurrentCell(0, 0)
        else:
            self.value_a.setText(self.tr("No discrepancies."))
            self.value_b.clear()

    def _value(self, value: Any) -> str:
        if value is None:
            return self.tr("(empty)")
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def _show_conflict(self) -> None:
        row = self.conflict_table.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        item = self.conflicts[row]
        for label, side in ((self.value_a, "winner"), (self.value_b, "loser")):
            when = version_time(str(item.get(f"{side}_version") or ""))
            stamp = f", {when:%d.%m.%Y %H:%M}" if when else ""
            label.setText(f"{self._value(item[side])}\n— {item[f'{side}_device']}{stamp}")

    def resolve(self, take: str) -> None:
        from app.sync.conflicts import resolve_conflict

        row = self.conflict_table.currentRow()
        if 0 <= row < len(self.conflicts):
            resolve_conflict(
                self.context.db, self.conflicts[row]["id"], take, self.context.viewer.login
            )
            self.load_conflicts()
            self.exchanged.emit()
