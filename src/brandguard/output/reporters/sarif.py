"""SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ...model import PostResult

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(results: Sequence[PostResult], out: TextIO, options: Any) -> None:
    rules: dict[str, dict[str, Any]] = {}
    sarif_results = []
    for result in results:
        for f in result.findings:
            rules.setdefault(
                f.rule_id,
                {
                    "id": f.rule_id,
                    "name": f.name,
                    "shortDescription": {"text": f.name.replace("-", " ")},
                    "properties": {"category": f.category},
                },
            )
            sarif_results.append(
                {
                    "ruleId": f.rule_id,
                    "level": LEVELS[f.severity],
                    "message": {"text": f.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {
                                    "uri": (result.path or result.id).replace("\\", "/")
                                },
                                "region": {
                                    "startLine": f.line,
                                    "startColumn": f.column,
                                    "endLine": f.end_line,
                                    "endColumn": f.end_column,
                                },
                            }
                        }
                    ],
                    "properties": {"category": f.category, "score": result.score.total},
                }
            )
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "brandguard",
                        "version": options.tool_version,
                        "informationUri": "https://pypi.org/project/brandguard/",
                        "rules": list(rules.values()),
                    }
                },
                # Columns count characters (code points), not UTF-16 units: say so.
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
