"""The HTML audit report in a real headless Chromium: no console errors, nothing fetched, not
blank, charts drawn with readable labels, and the same page without JavaScript.

Chromium comes from the system (Debian's ``chromium``; ``.ci/run`` installs it). Without it the
test is skipped on a developer's machine and fails under CI (``CI=true``), so CI cannot pass by
not running it. ``BRANDGUARD_REPORT_SCREENSHOT=path.png`` keeps the full-page screenshot.
"""

from __future__ import annotations

import json
import os
import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest

from .headless import Browser, find_chromium, png_pixels
from .report_export import render_report, write_export, write_policy

CHROMIUM = find_chromium()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    export = write_export(folder)
    write_policy(folder)
    return render_report(folder, export, "report.html")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    if CHROMIUM is None:
        message = "no Chromium on the PATH (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: CI must run the browser test")
        pytest.skip(message)
    chromium = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium"))
    yield chromium
    chromium.close()


# Every chart with its size and its text labels' boxes, measured by the browser's layout.
CHARTS = """JSON.stringify(Array.from(document.querySelectorAll("svg.chart")).map(function (svg) {
  var box = svg.getBoundingClientRect();
  var texts = Array.from(svg.querySelectorAll("text")).map(function (t) {
    var r = t.getBoundingClientRect();
    return {text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height,
            size: parseFloat(getComputedStyle(t).fontSize) * box.width / svg.viewBox.baseVal.width};
  });
  var bars = Array.from(svg.querySelectorAll("rect.bar, rect.volume"))
    .filter(function (r) { return r.getBoundingClientRect().height > 0; }).length;
  return {label: svg.getAttribute("aria-label"), x: box.left, y: box.top, w: box.width,
          h: box.height, texts: texts, bars: bars};
}))"""


def _overlaps(texts: list[dict]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            width = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            height = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if width > 1 and height > 1:
                found.append((a["text"], b["text"]))
    return found


def test_the_report_renders_in_chromium_with_readable_charts(
    report: Path, browser: Browser
) -> None:
    browser.open(report.as_uri())
    assert browser.problems() == []
    assert browser.requests() == [report.as_uri()]  # self-contained: nothing else is fetched

    shot = browser.screenshot(full_page=True)
    keep = os.environ.get("BRANDGUARD_REPORT_SCREENSHOT")
    (Path(keep) if keep else report.with_suffix(".png")).write_bytes(shot)
    width, height, rows = png_pixels(browser.screenshot(full_page=False, scale=0.5))
    assert (width, height) == (640, 450)
    luminance = [sum(row[i : i + 3]) / 3 for row in rows for i in range(0, len(row), 3)]
    assert statistics.pstdev(luminance) > 30  # not blank: dark header, white panels, charts
    assert len(set(luminance)) > 50

    charts = json.loads(browser.evaluate(CHARTS))
    labels = [c["label"] for c in charts]
    assert labels == [
        "Posts per score band",
        "Mean subscore per category",
        "Mean score per channel",
        "Mean score per author",
        "Mean score and posts per month",
    ]
    for chart in charts:
        assert chart["w"] >= 900 and chart["h"] >= 100, chart["label"]
        assert chart["bars"] >= 3, chart["label"]
        texts = chart["texts"]
        assert len(texts) >= 8, chart["label"]
        for text in texts:
            assert text["w"] > 0 and text["h"] >= 10, (chart["label"], text)
            assert text["size"] >= 11, (chart["label"], text)  # rendered pixels, not viewBox units
            assert (
                chart["x"] - 1 <= text["x"] and text["x"] + text["w"] <= chart["x"] + chart["w"] + 1
            )
            assert (
                chart["y"] - 1 <= text["y"] and text["y"] + text["h"] <= chart["y"] + chart["h"] + 1
            )
        assert _overlaps(texts) == [], chart["label"]
    words = {t["text"] for c in charts for t in c["texts"]}
    assert {"Instagram", "Giulia Rossi", "2025-01", "90–100", "bar 70", "pushy"} <= words

    page = json.loads(
        browser.evaluate(
            """JSON.stringify({
              header: document.querySelector("header.top").innerText,
              sections: Array.from(document.querySelectorAll("main section")).map(s => s.id),
              marks: document.querySelectorAll("#worst .text mark").length,
              excerpts: document.querySelectorAll("#rules q.excerpt mark").length,
              links: Array.from(document.querySelectorAll("[src], link[href]")).length
            })"""
        )
    )
    assert "acme-social" in page["header"] and "social-export.csv" in page["header"]
    assert "brandguard" in page["header"] and "UTC" in page["header"]
    assert page["sections"] == [
        "scores",
        "categories",
        "channel",
        "author",
        "date",
        "rules",
        "worst",
    ]
    assert page["marks"] > 10 and page["excerpts"] > 5 and page["links"] == 0


def test_a_header_click_sorts_its_table(report: Path, browser: Browser) -> None:
    browser.open(report.as_uri())
    script = """(function () {
      var table = document.querySelector("#author table");
      var header = table.querySelectorAll("th")[2];  // mean score
      var read = () => Array.from(table.tBodies[0].rows).map(r => parseFloat(r.cells[2].textContent));
      header.click();
      var up = read();
      header.click();
      return JSON.stringify([up, read()]);
    })()"""
    up, down = json.loads(browser.evaluate(script))
    assert len(up) == 5 and up == sorted(up) and down == sorted(up, reverse=True)
    assert browser.problems() == []


def test_the_report_reads_the_same_without_javascript(report: Path, browser: Browser) -> None:
    browser.open(report.as_uri(), scripts=False)
    document = browser.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    charts = browser.send("DOM.querySelectorAll", {"nodeId": document, "selector": "svg.chart"})
    assert len(charts["nodeIds"]) == 5
    for node in charts["nodeIds"]:
        quad = browser.send("DOM.getBoxModel", {"nodeId": node})["model"]
        assert quad["width"] >= 900 and quad["height"] >= 100
    marks = browser.send(
        "DOM.querySelectorAll", {"nodeId": document, "selector": "#worst .text mark"}
    )
    assert len(marks["nodeIds"]) > 10
    assert browser.problems() == []
