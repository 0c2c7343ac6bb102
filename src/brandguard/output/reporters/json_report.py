"""JSON: a stable, versioned document with every post's score, categories and findings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ...model import PostResult

SCHEMA_VERSION = 1


def post_dict(result: PostResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": result.id,
        "score": result.score.total,
        "categories": result.score.categories,
        "passed": result.score.passed,
        "words": result.score.words,
        "language": result.language,
        "findings": [f.to_dict() for f in result.findings],
    }
    if result.path and result.path != result.id:
        data["path"] = result.path
    if result.error:
        data["error"] = result.error
    return data


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
