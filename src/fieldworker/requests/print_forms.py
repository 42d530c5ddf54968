"""Printed forms of a request, for signatures: filled from the record, blanks left for the pen.

Renovation: 申请表 (application), 入户评估表 (assessment), 验收单 (acceptance).
Device: 申请表 (application), 发放签收单 (receipt). Titles and signers come from forms/*.yaml.
``write_forms`` puts many requests in one PDF (batch printing), one form per page group.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any, Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image as PdfImage, Spacer, Table

from fieldworker import attachments
from fieldworker.domain.errors import ValidationError
from fieldworker.jobs import NO_PROGRESS, Progress
from fieldworker.printing import layout
from fieldworker.requests.checks import yuan
from fieldworker.requests.definition import load
from fieldworker.requests.queries import RequestDetail, request_detail
from fieldworker.services import installation
from fieldworker.store.engine import Database


def form_names(kind: str) -> list[str]:
    return list(load(kind).forms)


def _date(value: Any) -> str:
    if not value:
        return ""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.year}年{day.month}月{day.day}日"


def _place(db: Database) -> str:
    info = installation.require(db)
    from fieldworker.store.models import Region
    from sqlalchemy import select

    with db.session() as s:
        region = s.scalar(select(Region).where(Region.code == info.region_code))
        parts = [region.county_name, region.township_name, region.name] if region else [info.region_name]
    return "".join(p for p in parts if p)


def _header(db: Database, detail: RequestDetail, title: str) -> list[Flowable]:
    return layout.title_block(title, f"编号：{detail.row.number}　　单位：{_place(db)}")


def _person_fields(detail: RequestDetail) -> list[tuple[str, object]]:
    p, h = detail.person, detail.household
    return [("残疾人姓名", p.get("name")), ("性别", p.get("gender")),
            ("出生日期", _date(p.get("birth_date"))), ("联系电话", p.get("phone") or h.get("phone")),
            ("身份证号", p.get("id_number")), ("残疾人证号", p.get("card_number")),
            ("残疾类别", p.get("category")), ("残疾等级", p.get("grade")),
            ("监护人", p.get("guardian_name")), ("家庭住址", h.get("address"))]


def _household_fields(detail: RequestDetail) -> list[tuple[str, object]]:
    h = detail.household
    return [("户主姓名", h.get("head_name")), ("家庭人口", h.get("members_count")),
            ("户口性质", h.get("hukou")), ("是否低保", "是" if h.get("dibao") else "否")]


def _items_table(detail: RequestDetail, *, with_money: bool = True, blank_rows: int = 0) -> Table:
    renovation = detail.row.kind == "renovation"
    workflow = detail.workflow
    rows = []
    for n, item in enumerate(detail.items, start=1):
        group = workflow.items[item["code"]].group if item["code"] in workflow.items else ""
        quantity = f"{item['quantity']:g}"
        money = [yuan(item["unit_cost_fen"]), yuan(item["total_fen"])] if with_money else []
        rows.append([n, group, item["label"], quantity, item["unit"], *money, item["detail"]])
    headers = ["序号", "区域" if renovation else "类别", "改造项目" if renovation else "辅助器具名称", "数量", "单位",
               *(["单价(元)", "金额(元)"] if with_money else []), "说明"]
    widths = [14, 22, 42, 13, 13, *([22, 24] if with_money else []), 36]
    total = None
    if with_money:
        total = ["", "", "合计", "", "", "", yuan(sum(i["total_fen"] for i in detail.items)), ""]
    return layout.data_table(headers, rows, widths, total=total, blank_rows=blank_rows)


def _photos(db: Database, detail: RequestDetail, phases: Sequence[str], limit: int = 2) -> list[Flowable]:
    """Before/after photos side by side (at most ``limit`` per phase), captioned."""
    cells, captions = [], []
    names = {"before": "改造前", "after": "改造后", "other": "其他"}
    for phase in phases:
        for photo in [p for p in detail.photos if p["phase"] == phase][:limit]:
            if not attachments.has_attachment(db, photo["ref"]):
                continue
            data = attachments.read_attachment(db, photo["ref"])
            width = 80 * mm
            height = width * photo["height"] / max(1, photo["width"])
            if height > 60 * mm:
                width, height = width * 60 * mm / height, 60 * mm
            cells.append(PdfImage(io.BytesIO(data), width=width, height=height))
            captions.append(layout.paragraph(f"{names[phase]}：{photo['caption']}", "small"))
    if not cells:
        return []
    out: list[Flowable] = [layout.heading("照片")]
    for start in range(0, len(cells), 2):
        out.append(Table([cells[start:start + 2], captions[start:start + 2]], colWidths=[layout.CONTENT_WIDTH / 2] * 2))
    return out


def renovation_application(db: Database, detail: RequestDetail) -> list[Flowable]:
    form = detail.workflow.forms["application"]
    d = detail.data
    return [
        *_header(db, detail, form.title),
        layout.heading("一、申请人基本情况"),
        layout.field_grid(_person_fields(detail) + _household_fields(detail)),
        layout.heading("二、改造需求"),
        layout.field_grid([("需求来源", detail.source), ("登记日期", _date(detail.row.opened_on)),
                           ("申请人", d.get("applicant")), ("申请日期", _date(d.get("applied_on")))]),
        layout.wide_field("需求描述", detail.need, min_height=22 * mm),
        layout.paragraph("本人（监护人）承诺：以上情况属实，住房为自有固定住房，同意工作人员入户评估并拍照；"
                         "五年内未享受过同类无障碍改造或居家适老化改造补助。"),
        layout.heading("三、审核意见"),
        layout.wide_field("村(社区)意见", "", min_height=16 * mm),
        layout.wide_field("乡镇(街道)残联意见", "", min_height=16 * mm),
        layout.signature_block(form.signers),
    ]


def renovation_assessment(db: Database, detail: RequestDetail) -> list[Flowable]:
    form = detail.workflow.forms["assessment"]
    d = detail.data
    consent = d.get("consent")
    return [
        *_header(db, detail, form.title),
        layout.field_grid(_person_fields(detail)[:8] + [("户主姓名", detail.household.get("head_name")),
                                                         ("家庭住址", detail.household.get("address"))]),
        layout.heading("改造方案与预算（一户一策）"),
        _items_table(detail, blank_rows=0 if detail.items else 4),
        Spacer(1, 2 * mm),
        layout.field_grid([("评估日期", _date(d.get("assessed_on"))), ("评估人", d.get("assessor")),
                           ("补助上限(元)", yuan(_cap(db, detail))), ("预算合计(元)", yuan(detail.row.estimated_fen))]),
        layout.wide_field("残疾人及户主意见", layout.tick_boxes(("同意", "不同意"), consent), min_height=9 * mm),
        *_photos(db, detail, ("before",)),
        layout.signature_block(form.signers),
    ]


def renovation_acceptance(db: Database, detail: RequestDetail) -> list[Flowable]:
    form = detail.workflow.forms["acceptance"]
    d = detail.data
    return [
        *_header(db, detail, form.title),
        layout.field_grid([("户主姓名", detail.household.get("head_name")), ("残疾人姓名", detail.person.get("name")),
                           ("身份证号", detail.person.get("id_number")), ("残疾类别", detail.person.get("category")),
                           ("家庭住址", detail.household.get("address")), ("联系电话", detail.household.get("phone")),
                           ("批复文号", d.get("approval_ref")), ("核定金额(元)", yuan(detail.row.approved_fen)),
                           ("施工方", d.get("contractor")), ("开工日期", _date(d.get("works_started_on"))),
                           ("验收日期", _date(d.get("accepted_on"))), ("使用评价", d.get("satisfaction"))]),
        layout.heading("改造完成情况（对照改造方案逐项验收）"),
        _acceptance_items(detail),
        layout.wide_field("验收结论", layout.tick_boxes(("合格", "不合格，需整改"), "合格" if d.get("accepted_on") else None),
                          min_height=9 * mm),
        *_photos(db, detail, ("before", "after"), limit=1),
        layout.signature_block(form.signers),
    ]


def _acceptance_items(detail: RequestDetail) -> Table:
    rows = [[n, item["label"], f"{item['quantity']:g}{item['unit']}", yuan(item["total_fen"]), "□是 □否", ""]
            for n, item in enumerate(detail.items, start=1)]
    return layout.data_table(["序号", "改造项目", "方案数量", "预算(元)", "按方案完成", "实际完成情况"],
                             rows, [14, 46, 22, 22, 26, 46])


def device_application(db: Database, detail: RequestDetail) -> list[Flowable]:
    form = detail.workflow.forms["application"]
    d = detail.data
    return [
        *_header(db, detail, form.title),
        layout.heading("一、申请人基本情况"),
        layout.field_grid(_person_fields(detail) + [("户口性质", detail.household.get("hukou")),
                                                     ("是否低保", "是" if detail.household.get("dibao") else "否")]),
        layout.heading("二、辅助器具需求（评估适配结果）"),
        _items_table(detail, blank_rows=0 if detail.items else 3),
        Spacer(1, 2 * mm),
        layout.field_grid([("评估日期", _date(d.get("assessed_on"))), ("评估人（机构）", d.get("assessor")),
                           ("申请人", d.get("applicant")), ("申请日期", _date(d.get("applied_on")))]),
        layout.wide_field("需求说明", detail.need, min_height=14 * mm),
        layout.wide_field("乡镇(街道)残联审核意见", "", min_height=16 * mm),
        layout.signature_block(form.signers),
    ]


def device_receipt(db: Database, detail: RequestDetail) -> list[Flowable]:
    form = detail.workflow.forms["receipt"]
    d = detail.data
    return [
        *_header(db, detail, form.title),
        layout.field_grid(_person_fields(detail)[:8] + [("批复文号", d.get("approval_ref")),
                                                         ("发放日期", _date(d.get("issued_on")))]),
        layout.heading("发放的辅助器具"),
        _items_table(detail, with_money=False),
        Spacer(1, 3 * mm),
        layout.paragraph("本人（监护人）已收到上述辅助器具，经现场调试可以正常使用，已了解使用方法和注意事项。"
                         "辅具如有损坏，请及时告知村(社区)残疾人专职委员安排维修。"),
        layout.signature_block(form.signers, note="签收人为残疾人本人或其监护人。一式两份，村(社区)、乡镇(街道)残联各存一份。"),
    ]


def _cap(db: Database, detail: RequestDetail) -> int:
    from fieldworker.requests.checks import cap_fen

    return cap_fen(db, detail.workflow)


BUILDERS: dict[tuple[str, str], Callable[[Database, RequestDetail], list[Flowable]]] = {
    ("renovation", "application"): renovation_application,
    ("renovation", "assessment"): renovation_assessment,
    ("renovation", "acceptance"): renovation_acceptance,
    ("device", "application"): device_application,
    ("device", "receipt"): device_receipt,
}


def build_form(db: Database, request_id: str, form: str) -> list[Flowable]:
    detail = request_detail(db, request_id)
    builder = BUILDERS.get((detail.row.kind, form))
    if builder is None:
        raise ValidationError("form_unknown", f"“{detail.workflow.title}”没有名为“{form}”的表格，可选："
                              f"{'、'.join(form_names(detail.row.kind))}", "form")
    return builder(db, detail)


def write_forms(db: Database, request_ids: Sequence[str], form: str, path: Path, *,
                progress: Progress = NO_PROGRESS) -> Path:
    """Write one form for each request into a single PDF (batch printing), cancellable between requests."""
    if not request_ids:
        raise ValidationError("nothing_to_print", "没有选择要打印的申请", "request_ids")
    forms = []
    for done, request_id in enumerate(request_ids):
        progress.report(done, len(request_ids), f"正在生成第 {done + 1}/{len(request_ids)} 份")
        forms.append(build_form(db, request_id, form))
    progress.report(len(request_ids), len(request_ids), "正在写入PDF")
    title = "、".join(sorted({load(k).forms[form].title for k in _kinds(db, request_ids) if form in load(k).forms}))
    return layout.write_pdf(Path(path), forms, title=title, footer=f"基层残疾人工作台 打印于 {dt.date.today():%Y-%m-%d}")


def _kinds(db: Database, request_ids: Sequence[str]) -> set[str]:
    from fieldworker.requests.models import Request
    from sqlalchemy import select

    with db.session() as s:
        return set(s.scalars(select(Request.kind).where(Request.id.in_(list(request_ids)))))
