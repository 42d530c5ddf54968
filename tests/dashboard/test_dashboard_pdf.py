"""The printed dashboard: text extractable, CJK font embedded, pages render."""

from __future__ import annotations

import datetime as dt
import subprocess

from fieldworker.dashboard.coverage import coverage
from fieldworker.dashboard.pdf import write_dashboard_pdf

AS_OF = dt.date(2026, 7, 1)


def _text(path) -> str:  # type: ignore[no-untyped-def]
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_dashboard_pdf_has_chart_figures_and_gap_lists(demo_db, tmp_path):
    out = write_dashboard_pdf(demo_db, tmp_path / "dash.pdf", as_of=AS_OF)
    text = _text(out)
    cov = coverage(demo_db, as_of=AS_OF)
    assert "残疾人工作统计" in text and "截至2026年07月01日" in text
    for fig in cov.total:
        assert fig.title in text
        if fig.gaps:
            assert f"应补尽补名单：{fig.title}（{len(fig.gaps)}{fig.unit}）" in text
    for gap in cov.figure("two_subsidies").gaps:
        assert gap.id_number in text
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    cjk = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert cjk and all(" yes " in line for line in cjk)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_single_gap_list_pdf(demo_db, tmp_path):
    out = write_dashboard_pdf(demo_db, tmp_path / "one.pdf", as_of=AS_OF, gap_keys=["care_subsidy"])
    text = _text(out)
    assert "应补尽补名单：重度残疾人护理补贴" in text
    assert "应补尽补名单：基本医疗保险" not in text
