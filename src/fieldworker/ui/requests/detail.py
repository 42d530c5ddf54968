"""The detail pane of a request: who, what, how much, photos as thumbnails, and the whole history."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from fieldworker import attachments
from fieldworker.domain.errors import ValidationError
from fieldworker.requests.checks import yuan
from fieldworker.requests.queries import RequestDetail

THUMB = 120
PHASES = {"before": "改造前", "after": "改造后", "other": "其他"}


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def detail_html(detail: RequestDetail) -> str:
    """The request as a small HTML page (core data only; Chinese as stored)."""
    row, p, h = detail.row, detail.person, detail.household
    overdue = " <b style='color:#B00020'>超期</b>" if row.overdue else ""
    parts = [f"<h3>{_e(row.number)}　{_e(row.subject)}</h3>",
             f"<p>当前阶段：<b>{_e(row.stage_label)}</b>{overdue}（本阶段 {row.days_in_stage} 天，登记后 {row.age_days} 天）</p>"]
    if p:
        parts.append(f"<p>残疾人：{_e(p['name'])}　{_e(p['gender'])}　{_e(p['category'])}{_e(p['grade'])}　"
                     f"身份证号 {_e(p['id_number'])}</p>")
    if h:
        parts.append(f"<p>户主：{_e(h['head_name'])}　住址：{_e(h['address'])}　电话：{_e(h['phone'])}</p>")
    parts.append(f"<p>需求来源：{_e(detail.source)}　需求：{_e(detail.need)}</p>")
    if detail.items:
        rows = "".join(f"<tr><td>{_e(i['label'])}</td><td align='right'>{i['quantity']:g}{_e(i['unit'])}</td>"
                       f"<td align='right'>{yuan(i['unit_cost_fen'])}</td><td align='right'>{yuan(i['total_fen'])}</td>"
                       f"<td>{_e(i['detail'])}</td></tr>" for i in detail.items)
        parts.append("<table border='1' cellspacing='0' cellpadding='3'><tr><th>项目</th><th>数量</th><th>单价</th>"
                     f"<th>金额</th><th>说明</th></tr>{rows}</table>")
    money = f"预算合计 {yuan(row.estimated_fen)} 元"
    if row.approved_fen is not None:
        money += f"，核定 {yuan(row.approved_fen)} 元"
    parts.append(f"<p>{money}</p><h4>办理经过</h4><ol>")
    for event in detail.events:
        data = "；".join(f"{detail.workflow.fields[k].label} {_value(detail, k, v)}" for k, v in event["data"].items()
                         if k in detail.workflow.fields)
        note = f"<br/>原因/说明：{_e(event['note'])}" if event["note"] else ""
        who = {"village": "村/社区", "township": "乡镇残联", "county": "县残联"}.get(event["role"], event["role"])
        actor = f" {_e(event['actor'])}" if event["actor"] else ""
        parts.append(f"<li>{event['on_date']:%Y-%m-%d}　<b>{_e(event['label'])}</b>"
                     f"（{_e(event['from'] or '—')} → {_e(event['to'])}），{_e(who)}{actor}"
                     f"{'<br/>' + _e(data) if data else ''}{note}</li>")
    parts.append("</ol>")
    return "".join(parts)


def _value(detail: RequestDetail, name: str, value: Any) -> str:
    return yuan(value) + " 元" if detail.workflow.fields[name].type == "money" else str(value)


class RequestDetailView(QWidget):
    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QTextBrowser()
        self.text.setObjectName("requestDetail")
        self.text.setAccessibleName(self.tr("Request details and history"))
        layout.addWidget(self.text, 3)
        self.photos_label = QLabel(self.tr("Photos"))
        layout.addWidget(self.photos_label)
        self.photos = QListWidget()
        self.photos.setObjectName("photos")
        self.photos.setAccessibleName(self.tr("Photos of the request"))
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setFlow(QListWidget.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setFixedHeight(THUMB + self.fontMetrics().height() * 2 + 16)
        layout.addWidget(self.photos)
        self.remove_photo_button = QPushButton(self.tr("Remo&ve photo"))
        self.remove_photo_button.setObjectName("removePhoto")
        self.remove_photo_button.setAccessibleName(self.tr("Remove the selected photo"))
        self.remove_photo_button.setEnabled(False)
        self.photos.currentItemChanged.connect(lambda item, _old: self.remove_photo_button.setEnabled(item is not None))
        layout.addWidget(self.remove_photo_button, 0, Qt.AlignmentFlag.AlignLeft)

    def current_photo_id(self) -> str | None:
        item = self.photos.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_detail(self, detail: RequestDetail | None) -> None:
        self.photos.clear()
        self.remove_photo_button.setEnabled(False)
        if detail is None:
            self.text.setHtml("")
            return
        self.text.setHtml(detail_html(detail))
        for photo in detail.photos:
            item = QListWidgetItem(f"{PHASES.get(photo['phase'], '')} {photo['caption']}".strip())
            item.setData(Qt.ItemDataRole.UserRole, photo["id"])
            try:
                image = QImage.fromData(attachments.thumbnail(self.db, photo["ref"], THUMB))
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            except ValidationError as exc:  # a photo not yet synced from the township is named, not hidden
                item.setText(f"{item.text()}（{exc.message}）")
            self.photos.addItem(item)
        self.photos_label.setText(self.tr("Photos (%1)").replace("%1", str(len(detail.photos))))
