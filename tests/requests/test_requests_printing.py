"""Printed forms: real PDFs, text extracted with pdftotext, fonts checked with pdffonts, pages rendered."""

from __future__ import annotations

import subprocess

import pytest

from fieldworker.domain.errors import ValidationError
from fieldworker.jobs import Cancelled, Progress
from fieldworker.requests import print_forms, queries, service

from .conftest import TODAY
from .test_requests_workflow import drive_to


def pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def assert_fonts_embedded(path) -> None:
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    cjk = [line for line in fonts if "WenQuanYi" in line]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk)


def render_png(path, tmp_path) -> bytes:
    prefix = tmp_path / path.stem
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(path), str(prefix)], check=True)
    png = next(tmp_path.glob(f"{path.stem}*.png"))
    return png.read_bytes()


@pytest.mark.parametrize("kind,stage,form,expected", [
    ("renovation", "applied", "application", ["家庭无障碍改造申请表", "申请人/监护人（签字/盖章）", "村(社区)（签字/盖章）",
                                              "乡镇(街道)残联（签字/盖章）", "王芳", "需求描述"]),
    ("renovation", "assessed", "assessment", ["家庭无障碍改造入户评估表", "入户坡道", "卫生间扶手", "1,500.00", "■同意",
                                              "评估人（签字/盖章）", "改造前"]),
    ("renovation", "done", "acceptance", ["家庭无障碍改造验收单", "施工方（签字/盖章）", "安居工程队", "德残联〔2026〕7号",
                                          "1,500.00", "改造后"]),
    ("device", "assessed", "application", ["残疾人辅助器具适配申请表", "普通轮椅", "县辅具中心", "1,000.00"]),
    ("device", "issued", "receipt", ["残疾人辅助器具发放签收单", "普通轮椅", "签收人", "经办人（签字/盖章）", "2026年5月5日"]),
])
def test_each_form_is_filled_signed_and_embeds_its_font(db, people, tmp_path, kind, stage, form, expected):
    request_id = drive_to(db, kind, stage, people[0])
    out = print_forms.write_forms(db, [request_id], form, tmp_path / f"{kind}-{form}.pdf")
    text = pdftotext(out)
    number = queries.request_detail(db, request_id).row.number
    for phrase in [number, people[0].name, people[0].id_number, "日期：", *expected]:
        assert phrase in text, phrase
    assert pages(out) == 1
    assert_fonts_embedded(out)
    assert render_png(out, tmp_path).startswith(b"\x89PNG")


def test_batch_printing_puts_each_request_on_its_own_pages_and_can_be_cancelled(db, people, tmp_path):
    ids = [drive_to(db, "device", "issued", person) for person in people[:4]]
    seen = []
    out = print_forms.write_forms(db, ids, "receipt", tmp_path / "batch.pdf",
                                  progress=Progress(lambda done, total, text: seen.append((done, total))))
    assert pages(out) == 4 and seen[-1] == (4, 4)
    text = pdftotext(out)
    assert all(person.name in text for person in people[:4])
    progress = Progress(lambda done, total, text: progress.cancel() if done == 2 else None)
    with pytest.raises(Cancelled):
        print_forms.write_forms(db, ids, "receipt", tmp_path / "cancelled.pdf", progress=progress)
    assert not (tmp_path / "cancelled.pdf").exists()


def test_unknown_form_and_empty_selection_are_refused(db, people, tmp_path):
    request_id = service.create_request(db, kind="device", person_id=people[0].id, today=TODAY).request_id
    with pytest.raises(ValidationError, match="没有名为“acceptance”的表格"):
        print_forms.write_forms(db, [request_id], "acceptance", tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="没有选择"):
        print_forms.write_forms(db, [], "receipt", tmp_path / "x.pdf")


def test_an_early_application_prints_blanks_to_fill_by_hand(db, people, tmp_path):
    request_id = service.create_request(db, kind="renovation", household_id=people[0].household_id, today=TODAY,
                                        need="卫生间没有扶手").request_id
    text = pdftotext(print_forms.write_forms(db, [request_id], "assessment", tmp_path / "blank.pdf"))
    assert "卫生间" not in text.split("改造方案与预算")[1].split("评估日期")[0].replace("区域", "")
    assert "□同意" in text and "□不同意" in text
