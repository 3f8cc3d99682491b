"""The HTML report a reviewer sends back: the table's title, the date, a
table of contents with anchors per unit and project, the severity filter, a
print stylesheet, the CJK fonts it names, and ``--split-by unit``.

The browser tests open the page in a real headless Chromium (Debian's
``chromium``, driven by the ``playwright`` package): the page loads without
console errors, every table-of-contents link resolves to its section, and
the filter hides what it should. They are skipped only where no browser can
be had."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from audit.reports.html import FONTS
from tests.conftest import SEED_002, project_row, run_main, tsv_table

ROWS = [
    project_row(
        "就业补贴发放",
        "1、1-产出指标；11-数量指标；人数；实施周期指标值:待补充；年度指标值:5人。"
        "3、2-效益指标；22-社会效益；就业率；实施周期指标值:≥90%；年度指标值:≥90%。",
        goal="保障。",
    ),
    project_row(
        "人才服务",
        "1、1-产出指标；11-数量指标；服务人数；实施周期指标值:≥100人；年度指标值:≥100人。"
        "2、2-效益指标；22-社会效益；服务质量；实施周期指标值:提升；年度指标值:提升。",
    ),
]


@pytest.fixture()
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    Path("t.txt").write_text(tsv_table(ROWS, organization="广州市示例中心"), encoding="utf-8")
    status, _, err = run_main("lint", "--no-config", "--output", "report.html", "t.txt")
    assert status == 1, err
    return tmp_path / "report.html"


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag == "script":
            self.scripts.append(found)


def test_title_date_contents_and_anchors(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert "<h1>广州市示例中心2024年项目支出绩效目标表（含转移支付项目）</h1>" in page
    assert '<time datetime="2025-01-01">检查日期：2025-01-01</time>' in page
    parser = _Ids()
    parser.feed(page)
    assert len(parser.ids) == len(set(parser.ids))
    targets = [href[1:] for href in parser.hrefs if href.startswith("#")]
    assert targets and all(target in parser.ids for target in targets)
    assert {"u1-1", "p1-1-1", "p1-1-2"} <= set(targets)
    assert all(not href.startswith(("http", "//")) for href in parser.hrefs)
    # One inline script (the filter), no external one.
    assert parser.scripts == [{}]


def test_fonts_print_stylesheet_and_filter(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert FONTS.startswith('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"')
    assert f"font: 15px/1.6 {FONTS}" in page
    assert "@media print" in page and "@page" in page
    assert re.search(r'<input type="checkbox" checked data-severity="error"> 错误 \(\d+\)', page)


def test_english_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t.txt").write_text(tsv_table(ROWS), encoding="utf-8")
    run_main("lint", "--no-config", "--lang", "en", "--output", "r.html", "t.txt")
    page = Path("r.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Contents" in page and "Checked on" in page
    assert "目录" not in page and "检查日期" not in page


def test_split_by_unit_writes_one_page_per_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = run_main(
        "lint", "--no-config", "--split-by", "unit", "--output", "pages", str(SEED_002)
    )
    assert status == 1
    pages = sorted(Path("pages").glob("*.html"))
    names = [p.name for p in pages]
    assert "index.html" in names
    assert len(pages) == 17 + 1 + 1  # 17 units, the whole table, the index
    assert f"wrote {len(pages)} pages" in err
    unit_page = next(p for p in pages if "广州市技师学院" in p.name).read_text(encoding="utf-8")
    assert "<h1>广州市人力资源和社会保障局2024年项目支出绩效目标表" in unit_page
    assert "— 广州市技师学院</h1>" in unit_page
    headings = re.findall(r'<h3 id="[^"]+">([^<]+)</h3>', unit_page)
    assert set(headings) <= {"广州市技师学院"}
    # The page counts the unit's own projects, not the whole table's 258.
    assert "已检查 1 个文件：1 个单位，" in unit_page and "258 个项目" not in unit_page
    index = Path("pages/index.html").read_text(encoding="utf-8")
    for name in names:
        if name != "index.html":
            assert f'href="{name}"' in index


def test_split_by_unit_needs_html_and_a_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t.txt").write_text(tsv_table(ROWS), encoding="utf-8")
    status, _, err = run_main(
        "lint", "--no-config", "--split-by", "unit", "--format", "json", "t.txt"
    )
    assert status == 2 and "--split-by" in err


# --------------------------------------------------------------------------
# In a real browser


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture()
def browser() -> Any:
    executable = _browser()
    if executable is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield instance
        finally:
            instance.close()


def _open(browser: Any, path: Path) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


def test_page_loads_without_console_errors_and_links_resolve(browser: Any, report: Path) -> None:
    page, problems = _open(browser, report)
    assert problems == []
    links = page.eval_on_selector_all(
        "nav.toc a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(links) == 3  # one unit, two projects
    for href in links:
        assert page.evaluate("id => !!document.getElementById(id)", href[1:]), href
    # Following a link scrolls its section into view and makes it the target.
    page.click(f"nav.toc a[href='{links[-1]}']")
    assert page.evaluate("location.hash") == links[-1]
    top = page.evaluate(
        "id => document.getElementById(id).getBoundingClientRect().top", links[-1][1:]
    )
    assert 0 <= top < 900
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans CJK SC", "Source Han Sans SC"')


def test_severity_filter_hides_what_it_should(browser: Any, report: Path) -> None:
    page, problems = _open(browser, report)

    def visible(selector: str) -> int:
        return int(page.locator(selector).filter(visible=True).count())

    errors, warnings, infos = (
        visible("li.finding.error"),
        visible("li.finding.warning"),
        visible("li.finding.info"),
    )
    assert errors and warnings and infos
    page.uncheck("input[data-severity=warning]")
    assert visible("li.finding.warning") == 0
    assert (visible("li.finding.error"), visible("li.finding.info")) == (errors, infos)
    page.uncheck("input[data-severity=error]")
    page.uncheck("input[data-severity=info]")
    assert visible("li.finding") == 0
    # Projects and units left without a visible finding are hidden too.
    assert visible("section.project") == 0 and visible("section.unit") == 0
    page.check("input[data-severity=warning]")
    assert visible("li.finding.warning") == warnings and visible("li.finding.error") == 0
    assert visible("section.project") >= 1
    assert problems == []


def test_print_layout_hides_the_filter_and_screenshot(browser: Any, report: Path) -> None:
    page, _ = _open(browser, report)
    page.emulate_media(media="print")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('form.filter')).display") == "none"
    )
    page.emulate_media(media="screen")
    shot = Path(os.environ.get("INDICATOR_AUDIT_SCREENSHOT") or report.with_suffix(".png"))
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_split_pages_load_in_the_browser(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run_main("lint", "--no-config", "--split-by", "unit", "--output", "pages", str(SEED_002))
    index, problems = _open(browser, tmp_path / "pages" / "index.html")
    hrefs = index.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) == 18
    page, more = _open(browser, tmp_path / "pages" / hrefs[3])
    assert page.locator("h1").inner_text().endswith(page.locator("h3").first.inner_text())
    assert problems == [] and more == []
