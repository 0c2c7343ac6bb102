"""The audit's JSONL contract: one line per input post, in order, ids kept, bad rows reported."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from click.testing import CliRunner

from brandguard.cli import cli

CATEGORIES = {"bland", "pushy", "seo", "terminology", "disclosure", "readability"}


def audit(tmp_path: Path, *args: str):
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        return CliRunner().invoke(cli, ["audit", *args], catch_exceptions=False)
    finally:
        os.chdir(cwd)


def test_jsonl_contract_with_malformed_rows(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": "a1", "text": "We roast coffee in Turin every morning.", "channel": "x"}),
        "{not json",
        json.dumps(
            {
                "id": "a2",
                "text": "ACT NOW!!! Last chance to WIN a FREE prize, claim your reward today!",
            }
        ),
        json.dumps({"id": "a3", "body": "no text field"}),
        "",
        json.dumps({"id": 7, "text": "Plain and simple."}),
    ]
    (tmp_path / "posts.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = audit(tmp_path, "posts.jsonl", "--format", "jsonl", "-o", "out.jsonl")
    assert result.exit_code == 1  # unreadable rows need attention
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a1", "posts.jsonl:2", "a2", "a3", "7"]
    for record in lines:
        assert set(record) >= {"id", "score", "categories", "findings"}
        assert 0 <= record["score"] <= 100
    assert CATEGORIES <= set(lines[0]["categories"])
    assert lines[0]["score"] > lines[2]["score"]
    assert lines[2]["categories"]["pushy"] < 50
    assert "row 2: invalid JSON" in lines[1]["error"]
    assert "row 4: no string 'text' field" in lines[3]["error"]
    assert "skipped posts.jsonl: row 2: invalid JSON" in result.output


def test_csv_input_with_custom_columns_and_csv_output(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["post_id", "body", "channel"])
    writer.writerow(["p1", "Hello, we bake bread.", "instagram"])
    writer.writerow(["p2", "Buy now! Only today! Don't miss out!", "x"])
    (tmp_path / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    result = audit(
        tmp_path, "export.csv", "--text-column", "body", "--id-column", "post_id", "--format", "csv"
    )
    assert result.exit_code == 1  # p2 is below the bar: audit exits like check
    assert "1 below the bar" in result.output
    table = list(csv.DictReader(io.StringIO(result.output.split("brandguard: audited")[0])))
    assert [row["id"] for row in table] == ["p1", "p2"]
    assert float(table[1]["pushy"]) < float(table[0]["pushy"]) == 100


def test_directory_audit_json(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    for i in range(3):
        (tmp_path / "posts" / f"{i}.md").write_text(
            f"# Post {i}\n\nPlain words.\n", encoding="utf-8"
        )
    result = audit(tmp_path, "posts", "--format", "json", "-o", "all.json")
    data = json.loads((tmp_path / "all.json").read_text())
    assert data["schema_version"] == 1 and len(data["posts"]) == 3
    assert "audited 3 posts" in result.output


def test_output_is_not_written_when_the_policy_is_invalid(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("language: xx\n", encoding="utf-8")
    (tmp_path / "p.jsonl").write_text('{"id": 1, "text": "hi"}\n', encoding="utf-8")
    (tmp_path / "out.jsonl").write_text("previous report\n", encoding="utf-8")
    from brandguard.errors import ConfigError

    try:
        audit(tmp_path, "p.jsonl", "--policy", "bad.yaml", "-o", "out.jsonl")
    except ConfigError:
        pass
    assert (tmp_path / "out.jsonl").read_text() == "previous report\n"


def test_output_to_a_device_or_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    (tmp_path / "p.jsonl").write_text('{"id": 1, "text": "hi there"}\n', encoding="utf-8")
    audit(tmp_path, "p.jsonl", "-o", str(fifo))
    reader.join(timeout=30)
    assert fifo.is_fifo()  # still a FIFO, not replaced by a regular file
    assert json.loads(received[0])["id"] == "1"


def test_html_report_summarises_the_audit_and_escapes_what_posts_say(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    from brandguard.output import audit_html
    from brandguard.output.report.style import SCRIPT

    rows = [
        {"id": "calm", "text": "We roast coffee in Turin every morning and sell it by the bag."},
        {"id": "<script>alert(1)</script>", "text": "Act now! Act now! Don't miss out, buy today!"},
        {"id": "jargon", "text": "We leverage synergies to deliver best-in-class solutions."},
        {"id": "markup", "text": "Act now <img src=x onerror=alert(2)> before it's gone!"},
    ]
    rows += [
        {"id": f"p{i}", "text": f"Act now: our shop hours change on day {i} of the month."}
        for i in range(60)
    ]
    (tmp_path / "posts.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows) + "{broken\n", encoding="utf-8"
    )
    result = audit(tmp_path, "posts.jsonl", "--format", "html", "-o", "report.html")
    assert result.exit_code == 1  # one unreadable row
    page = (tmp_path / "report.html").read_text(encoding="utf-8")

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.text: list[str] = []
            self.scripts: list[str] = []

        def handle_starttag(self, tag, attrs) -> None:
            self.tags.append(tag)

        def handle_data(self, data) -> None:
            (self.scripts if self.lasttag == "script" else self.text).append(data)

    parsed = Tags()
    parsed.feed(page)
    text = " ".join(parsed.text)
    # A post's id and text are data, never markup: the one script is the page's own sorter.
    assert parsed.tags.count("script") == 1 and parsed.scripts[0] == SCRIPT
    assert "img" not in parsed.tags
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
    assert '<span class="value">64</span><span class="label">posts scored</span>' in page
    assert '<span class="value">1</span><span class="label">unreadable</span>' in page
    assert "Unreadable posts" in text and "row 65" in text
    assert "PSH001" in text and "BLD001" in text
    # The header names the policy, the input and the version.
    assert (
        "default (en)" in text and "posts.jsonl" in text and audit_html.ReportInfo().version in text
    )
    # The worst posts come first, at most WORST of them, with their text and marked findings.
    worst = page.split("id='worst'")[1]
    posts = worst.split("<article class='post'>")[1:]
    assert len(posts) == audit_html.WORST  # of 63 posts with findings
    assert "&lt;script&gt;" in posts[0]  # the pushiest post has the lowest score
    assert "<mark" in posts[0] and "Act now" in posts[0]
    scores = [float(p.split("'>", 2)[1].split("<")[0]) for p in posts]
    assert scores == sorted(scores)
    assert "<rect" in page  # the score histogram
    # No channel, author or date column: those breakdowns are skipped, and the page says so.
    assert "id='channel'" not in page and "No breakdown by channel or author or date" in text
