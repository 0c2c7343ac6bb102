"""Audits of real exports (issue 12 items 1-4, issue 13 item 1): any dialect and encoding, every row
on its own with its true line number, the input's other columns kept, exit codes like ``check``."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

from tests._cli import run_cli

CALM = "We roast coffee in Turin every morning and sell it by the bag."
PUSHY = "ACT NOW!!! Last chance to WIN a FREE prize, claim your reward today!"


def audit(tmp_path: Path, *args: str, stdin: str | None = None):
    return run_cli(["audit", *args], cwd=tmp_path, stdin=stdin)


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_semicolon_csv_with_bom_as_excel_writes_it_in_italy(tmp_path: Path) -> None:
    rows = [
        "id;text;canale",
        "p1;Tostiamo il caffè a Torino ogni mattina.;instagram",
        'p2;"Un testo con; punto e virgola\r\ne un a capo.";facebook',
        "p3;Apriamo alle otto.;x",
    ]
    (tmp_path / "export.csv").write_bytes(codecs.BOM_UTF8 + "\r\n".join(rows).encode() + b"\r\n")
    code, _, err = audit(tmp_path, "export.csv", "-o", "out.jsonl", "--exit-zero")
    assert code == 0, err
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["p1", "p2", "p3"]
    assert [r["columns"]["canale"] for r in out] == ["instagram", "facebook", "x"]
    assert not any("error" in r for r in out)
    assert "audited 3 posts: 3 scored" in err and "0 unreadable" in err


def test_cp1252_csv_with_one_bad_byte_loses_only_that_row(tmp_path: Path) -> None:
    rows = [
        "id,text,autore",
        "1,Il caffè costa 3 € al chilo.,Niccolò",
        "2,L’offerta di qualità è pronta.,Però",
        "3,Questa riga ha un byte rotto: XX.,Zoè",
        "4,La città è bella d’inverno.,Perché",
    ]
    data = "\n".join(rows).encode("cp1252").replace(b"XX", b"\x81") + b"\n"
    (tmp_path / "legacy.csv").write_bytes(data)
    code, _, err = audit(tmp_path, "legacy.csv", "-o", "out.jsonl")
    assert code == 1  # an unreadable row needs attention
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["1", "2", "legacy.csv:4", "4"]
    assert [r.get("columns", {}).get("autore") for r in out] == ["Niccolò", "Però", None, "Perché"]
    assert out[2]["error"].startswith(
        "legacy.csv: line 4: not cp1252 text (byte 0x81 at column 33)"
    )
    assert "audited 4 posts: 3 scored" in err and "1 unreadable" in err


def test_jsonl_with_an_invalid_byte_in_row_2_of_4_keeps_the_other_rows(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": "Caffè " * 2000, "channel": "x", "author": "Ada"}),
        json.dumps({"id": "r2", "text": "broken XX here", "channel": "ig"}),
        json.dumps({"id": "r3", "text": CALM, "channel": "fb", "author": "Bo", "likes": 3}),
        json.dumps({"id": "r4", "text": "Plain and simple.", "channel": "x"}),
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8").replace(b"XX", b"\xff")
    (tmp_path / "posts.jsonl").write_bytes(data)
    code, _, err = audit(tmp_path, "posts.jsonl", "-o", "out.jsonl")
    assert code == 1
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["r1", "posts.jsonl:2", "r3", "r4"]
    assert out[1]["error"] == "posts.jsonl: row 2: not UTF-8 text (byte 0xFF at column 30)"
    assert out[2]["columns"] == {"channel": "fb", "author": "Bo", "likes": 3}
    assert "audited 4 posts: 3 scored" in err


def test_a_field_longer_than_csv_s_default_limit_is_a_post(tmp_path: Path) -> None:
    long_text = "Plain words about bread. " * 6000  # 150,000 characters
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([["id", "text"], ["1", CALM], ["2", long_text], ["3", CALM], ["4", CALM]])
    (tmp_path / "long.csv").write_text(buffer.getvalue(), encoding="utf-8")
    code, _, err = audit(tmp_path, "long.csv", "-o", "out.jsonl", "--exit-zero")
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["1", "2", "3", "4"]
    assert out[1]["words"] == 24000 and not any("error" in r for r in out)
    assert "audited 4 posts: 4 scored" in err


def test_an_unclosed_quote_is_one_bad_row_and_the_next_rows_are_read(tmp_path: Path) -> None:
    rows = [
        "id,text,channel",
        f"1,{CALM},x",
        '2,"Unclosed quote here,ig',
        f"3,{CALM},fb",
        "4,Hi.,x",
    ]
    (tmp_path / "q.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, _, err = audit(tmp_path, "q.csv", "-o", "out.jsonl")
    assert code == 1
    out = records(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["1", "q.csv:3", "3", "4"]
    assert "q.csv: line 3: " in out[1]["error"] and "unclosed quote" in out[1]["error"]
    assert out[2]["columns"] == {"channel": "fb"}
    assert "audited 4 posts: 3 scored" in err and "1 unreadable" in err


def test_a_duplicated_text_column_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "dup.csv").write_text("id,text,channel,text\n1,a,x,b\n", encoding="utf-8")
    code, _, err = audit(tmp_path, "dup.csv")
    assert code == 1
    assert "dup.csv: column 'text' appears 2 times (columns 2, 4)" in err


def test_stdin_and_files_without_a_suffix_are_read_by_their_content(tmp_path: Path) -> None:
    jsonl = "".join(json.dumps({"id": f"s{i}", "text": CALM, "n": i}) + "\n" for i in range(3))
    code, out, err = audit(tmp_path, "-", "--exit-zero", stdin=jsonl)
    assert [r["id"] for r in map(json.loads, out.splitlines())] == ["s0", "s1", "s2"], err
    code, out, err = audit(tmp_path, "-", "--exit-zero", stdin="id\ttext\nt1\tHello there.\n")
    assert [r["id"] for r in map(json.loads, out.splitlines())] == ["t1"], err
    (tmp_path / "63").write_text(jsonl, encoding="utf-8")  # what <(...) looks like: /dev/fd/63
    code, out, err = audit(tmp_path, "63", "--exit-zero")
    assert [r["id"] for r in map(json.loads, out.splitlines())] == ["s0", "s1", "s2"], err
    code, out, err = audit(tmp_path, "63", "--input-format", "csv", "--exit-zero")
    assert "63: no 'text' column" in err


def test_columns_are_kept_in_every_output_format(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": CALM, "channel": "x", "author": "Ada", "score": "5"},
        {"id": "b", "text": PUSHY, "channel": "ig", "author": "Bo", "date": "2026-01-02"},
    ]
    (tmp_path / "p.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    audit(tmp_path, "p.jsonl", "-o", "out.jsonl")
    out = records(tmp_path / "out.jsonl")
    assert out[1]["columns"] == {"channel": "ig", "author": "Bo", "date": "2026-01-02"}
    audit(tmp_path, "p.jsonl", "--format", "json", "-o", "out.json")
    posts = json.loads((tmp_path / "out.json").read_text())["posts"]
    assert posts[0]["columns"] == {"channel": "x", "author": "Ada", "score": "5"}
    code, _, err = audit(tmp_path, "p.jsonl", "--format", "csv", "-o", "out.csv")
    table = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text())))
    assert [(t["id"], t["channel"], t["author"], t["input.score"]) for t in table] == [
        ("a", "x", "Ada", "5"),
        ("b", "ig", "Bo", ""),
    ]
    assert "left out of the CSV: date" in err
    audit(tmp_path, "p.jsonl", "--format", "csv", "-o", "two.csv", "--keep-columns", "date,channel")
    header = (tmp_path / "two.csv").read_text().splitlines()[0]
    assert header.endswith(",error,date,channel")
    audit(tmp_path, "p.jsonl", "-o", "none.jsonl", "--keep-columns", "")
    assert all("columns" not in r for r in records(tmp_path / "none.jsonl"))


def test_exit_codes_follow_check(tmp_path: Path) -> None:
    (tmp_path / "calm.jsonl").write_text(json.dumps({"id": 1, "text": CALM}) + "\n", "utf-8")
    (tmp_path / "pushy.jsonl").write_text(json.dumps({"id": 2, "text": PUSHY}) + "\n", "utf-8")
    assert audit(tmp_path, "calm.jsonl").code == 0
    assert audit(tmp_path, "pushy.jsonl").code == 1  # below the policy's bar
    assert audit(tmp_path, "pushy.jsonl", "--fail-under", "0", "--fail-on", "never").code == 0
    assert audit(tmp_path, "pushy.jsonl", "--exit-zero").code == 0
    assert audit(tmp_path, "calm.jsonl", "--fail-under", "100").code in (0, 1)
    code, _, err = audit(tmp_path, "calm.jsonl", "--fail-under", "0", "--fail-on", "info")
    assert code == 0 and "0 under 0" in err
    assert audit(tmp_path, "calm.jsonl", "--encoding", "no-such-codec").code == 2
    assert audit(tmp_path, "calm.jsonl", "--fail-on", "sometimes").code == 2


def test_encoding_and_delimiter_overrides_and_utf16_tab_exports(tmp_path: Path) -> None:
    (tmp_path / "pipe.txt").write_bytes("id|text\n1|Il caffè è pronto.\n".encode("latin-1"))
    code, out, err = audit(
        tmp_path, "pipe.txt", "--input-format", "csv", "--delimiter", "|", "--encoding", "latin-1"
    )
    assert json.loads(out)["id"] == "1" and "0 unreadable" in err
    utf16 = "id\ttext\tcanale\r\nu1\tCiao, città!\tx\r\n".encode("utf-16")  # Excel "Unicode text"
    (tmp_path / "unicode.csv").write_bytes(utf16)
    code, _, err = audit(tmp_path, "unicode.csv", "-o", "u.jsonl", "--exit-zero")
    assert [r["columns"] for r in records(tmp_path / "u.jsonl")] == [{"canale": "x"}], err


def test_jobs_give_the_same_output_in_input_order(tmp_path: Path, monkeypatch) -> None:
    from brandguard.engine import parallel

    monkeypatch.setattr(parallel, "CHUNK", 4)  # 43 rows: 11 chunks over 2 worker processes
    texts = [CALM, PUSHY, "Plain and simple.", "We leverage synergies to deliver value."]
    lines = [
        json.dumps({"id": f"r{i}", "text": texts[i % 4], "channel": f"c{i % 3}"}) for i in range(42)
    ]
    lines.insert(17, "{broken")
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # each run with a result cache of its own: both check every row
    one = audit(tmp_path, "many.jsonl", "-j", "1", "-o", "one.jsonl", "--cache", "1.sqlite3")
    two = audit(tmp_path, "many.jsonl", "-j", "2", "-o", "two.jsonl", "--cache", "2.sqlite3")
    assert one.code == two.code == 1 and one.err == two.err
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    out = records(tmp_path / "two.jsonl")
    assert [r["id"] for r in out][16:19] == ["r16", "many.jsonl:18", "r17"]
    assert out[-1]["columns"] == {"channel": "c2"}


def _die(chunk: list) -> list:
    """A worker's task that ends its process, as the kernel's out-of-memory killer would."""
    import os

    os._exit(9)


def test_a_worker_that_dies_stops_the_audit_with_an_error_not_a_hang(
    tmp_path: Path, monkeypatch
) -> None:
    from brandguard.engine import parallel

    monkeypatch.setattr(parallel, "CHUNK", 4)
    monkeypatch.setattr(parallel, "_work", _die)
    lines = [json.dumps({"id": f"r{i}", "text": CALM}) for i in range(20)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = audit(tmp_path, "many.jsonl", "-j", "2", "-o", "out.jsonl", "--no-cache")
    assert run.code == 2
    assert "worker process of --jobs stopped unexpectedly" in run.err
    assert not (tmp_path / "out.jsonl").exists()  # nothing half-written


def test_encoding_detection_on_samples() -> None:
    from brandguard.text.decoding import SAMPLE, detect_encoding

    italian = "id,text\n1,Il caffè costa 3 € al chilo.\n2,Però la città è bella.\n"
    assert detect_encoding(italian.encode("cp1252"), complete=True) == "cp1252"
    assert detect_encoding(italian.encode("utf-8"), complete=True) == "utf-8"
    # UTF-8 with one bad byte is UTF-8 with one bad row, not a legacy file
    assert detect_encoding(italian.encode("utf-8") + b"3,bad \xe8 byte\n", True) == "utf-8"
    russian = "id,text\n1,Привет, как дела? Отличный кофе.\n2,Мы жарим кофе каждое утро.\n"
    assert detect_encoding(russian.encode("cp1251"), complete=True) == "cp1251"
    assert detect_encoding(codecs.BOM_UTF8 + b"id;text\n", complete=True) == "utf-8-sig"
    assert detect_encoding("caffè".encode("cp1252"), complete=True, json=True) == "utf-8"
    cut = ("é" * SAMPLE).encode("utf-8")[: SAMPLE - 1]  # one line longer than the sample
    assert detect_encoding(cut, complete=False) == "utf-8"
