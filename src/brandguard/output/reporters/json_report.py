"""JSON: a stable, versioned document with every post's score, categories and findings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ...model import PostResult

SCHEMA_VERSION = 1


def post_dict(result: PostResult) -> dict[str, Any]:
    return result.to_dict()


def render(results: Sequence[PostResult], out: TextIO, options: Any) -> None:
    document = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "brandguard", "version": options.tool_version},
        "policy": options.policy_name,
        "posts": [post_dict(r) for r in results],
        "summary": {
            "posts": len(results),
            "findings": sum(len(r.findings) for r in results),
            "failed": sum(1 for r in results if not r.score.passed),
        },
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
