"""Packages sent and received: when, with whom, how many changes, acknowledged or not."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from fieldworker.exchange import status
from fieldworker.store.engine import Database
from fieldworker.ui.exchange.rows_model import RowsModel


class HistoryDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange history"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        self.model = RowsModel([self.tr("Time"), self.tr("Direction"), self.tr("Partner"), self.tr("Region"),
                                self.tr("Changes"), self.tr("Full"), self.tr("Acknowledged"), self.tr("File")], self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Packages sent and received"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        direction = {"sent": self.tr("sent"), "received": self.tr("received")}
        yes, no = self.tr("yes"), self.tr("no")
        rows = status.history(db)
        self.model.set_rows([(r["at"], direction[r["direction"]], r["peer_name"], r["peer_region"], r["writes"],
                              yes if r["full"] else no,
                              "" if r["acknowledged"] is None else (yes if r["acknowledged"] else no), r["file_name"])
                             for r in rows], rows)
