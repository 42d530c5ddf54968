"""This device's fingerprint, the trusted peers with their freshness, trust/rotate/revoke."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMessageBox, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from fieldworker.domain.errors import ValidationError
from fieldworker.exchange import keys, package, status
from fieldworker.store.engine import Database
from fieldworker.ui.exchange.rows_model import RowsModel
from fieldworker.ui.workers import show_error


class KeysDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Keys and partners"))
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        self.own = QLabel("")
        self.own.setObjectName("ownFingerprint")
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.own)
        self.model = RowsModel([self.tr("Region"), self.tr("Place name"), self.tr("Role"), self.tr("Fingerprint"),
                                self.tr("Last received"), self.tr("Last sent"), self.tr("Unacknowledged"),
                                self.tr("Open conflicts"), self.tr("Persons"), self.tr("State")], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Trusted partner computers"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export my key card…"))
        self.trust_button = QPushButton(self.tr("&Trust a key card or package…"))
        self.rotate_button = QPushButton(self.tr("&Replace my key…"))
        self.revoke_button = QPushButton(self.tr("Re&voke selected…"))
        for button, slot in ((self.export_button, self.export_card), (self.trust_button, self.trust_file),
                             (self.rotate_button, self.rotate), (self.revoke_button, self.revoke_selected)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.reload()

    def reload(self) -> None:
        card = keys.ensure_keys(self.db)
        self.own.setText(self.tr("This computer: %1 (%2) — fingerprint %3")
                         .replace("%1", card.region_name).replace("%2", card.region_code)
                         .replace("%3", keys.show_fingerprint(card.fingerprint)))
        peers = status.peer_status(self.db)
        roles = {"village": self.tr("Village"), "township": self.tr("Township"), "county": self.tr("County")}
        self.model.set_rows([(p.region_code, p.region_name, roles.get(p.role, p.role), p.fingerprint,
                              p.last_received or self.tr("never"), p.last_sent or self.tr("never"), p.unacknowledged,
                              p.open_conflicts, p.persons, self.tr("revoked") if p.revoked else self.tr("trusted"))
                             for p in peers], peers)

    def export_card(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to save the key card"))
        if folder:
            path = keys.export_card(self.db, Path(folder))
            QMessageBox.information(self, self.tr("Key card saved"), str(path))

    def trust_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Key card or first package"), "",
                                              self.tr("Key cards and packages (*.fwkey *.fwpkg)"))
        if name:
            self.trust_path(Path(name))

    def trust_path(self, path: Path, typed: str | None = None) -> bool:
        """Show the fingerprint and trust only after the person types what the peer read out."""
        try:
            card = package.sender_card_of(self.db, path) if path.suffix == package.SUFFIX else \
                keys.KeyCard.from_json(path.read_bytes())
            if typed is None:
                typed, ok = QInputDialog.getText(
                    self, self.tr("Compare the fingerprint"),
                    self.tr("%1 (%2). Ask them to read their fingerprint on the phone and type it here:")
                    .replace("%1", card.region_name).replace("%2", card.region_code))
                if not ok:
                    return False
            keys.trust(self.db, card, expected_fingerprint=typed)
        except ValidationError as exc:
            show_error(self, exc)
            return False
        self.reload()
        return True

    def rotate(self) -> None:
        answer = QMessageBox.question(self, self.tr("Replace my key"),
                                      self.tr("Make a new key pair? Partners accept it with your next package."))
        if answer == QMessageBox.StandardButton.Yes:
            keys.rotate(self.db)
            self.reload()

    def revoke_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        peer = self.model.payload(rows[0].row())
        answer = QMessageBox.question(self, self.tr("Revoke"), self.tr("Refuse all packages from %1 from now on?")
                                      .replace("%1", peer.region_name))
        if answer == QMessageBox.StandardButton.Yes:
            keys.revoke(self.db, peer.device_id)
            self.reload()
