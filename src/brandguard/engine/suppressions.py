"""Inline suppressions: ``<!-- brandguard: ignore[PSH001] -->`` and friends.

One grammar, codes mandatory (an id, an id prefix or a rule name):
- ``ignore[ID,...]`` on a line with text: that line; alone on its line: the next non-blank line;
- ``disable[ID,...]`` … ``enable[ID,...]``: the lines between (to the end if never enabled);
- ``file-ignore[ID,...]``: the whole post.
A suppression that silences nothing is reported (BG001), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Finding
from ..policy.loader import matches
from ..text.document import Post

DIRECTIVE_RE = re.compile(
    r"<!--\s*brandguard:\s*(?P<verb>[a-z-]+)\s*(?:\[(?P<ids>[^\]]*)\])?\s*-->", re.IGNORECASE
)
VERBS = ("ignore", "disable", "enable", "file-ignore")


@dataclass
class Suppression:
    verb: str
    ids: tuple[str, ...]
    start: int
    end: int
    first_line: int
    last_line: int  # inclusive; a large number for "to the end"
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> str | None:
        if not self.first_line <= finding.line <= self.last_line:
            return None
        for selector in self.ids:
            if matches(selector, finding.rule_id, finding.name, finding.category):
                return selector
        return None


@dataclass
class Directive:
    verb: str
    ids: tuple[str, ...]
    start: int
    end: int
    problem: str | None = None


def parse_directives(post: Post) -> list[Directive]:
    out = []
    for m in DIRECTIVE_RE.finditer(post.source):
        if any(start <= m.start() < end for start, end in post.code):
            continue  # a directive shown in a code block is an example, not an instruction
        verb = m.group("verb").lower()
        ids = tuple(x.strip() for x in (m.group("ids") or "").split(",") if x.strip())
        problem = None
        if verb not in VERBS:
            problem = f"unknown brandguard directive '{verb}'; use one of: {', '.join(VERBS)}"
        elif not ids:
            problem = f"'{verb}' needs rule ids, e.g. <!-- brandguard: {verb}[PSH001] -->"
        out.append(Directive(verb, ids, m.start(), m.end(), problem))
    return out


def build_suppressions(post: Post, directives: list[Directive]) -> list[Suppression]:
    lines = post.source.split("\n")
    end_of_file = len(lines) + 1
    out: list[Suppression] = []
    open_ranges: dict[str, Suppression] = {}
    for d in directives:
        if d.problem:
            continue
        line, _ = post.position(d.start)
        if d.verb == "ignore":
            text = lines[line - 1]
            alone = not (
                text[: post.position(d.start)[1] - 1] + text[post.position(d.end)[1] - 1 :]
            ).strip()
            target = line
            if alone:
                target = line + 1
                while target <= len(lines) and not lines[target - 1].strip():
                    target += 1
            out.append(Suppression(d.verb, d.ids, d.start, d.end, target, target))
        elif d.verb == "file-ignore":
            out.append(Suppression(d.verb, d.ids, d.start, d.end, 0, end_of_file))
        elif d.verb == "disable":
            for rule in d.ids:
                s = Suppression(d.verb, (rule,), d.start, d.end, line, end_of_file)
                open_ranges[rule] = s
                out.append(s)
        elif d.verb == "enable":
            for rule in d.ids:
                if rule in open_ranges:
                    open_ranges.pop(rule).last_line = line
    return out
