"""Which policy applies: --policy, else .brandguard.yaml or [tool.brandguard] found walking up
from the current directory, else the bundled default."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:
    from .loader import Policy

CONFIG_NAMES = (".brandguard.yaml", ".brandguard.yml", "brandguard.yaml")


def discover(start: Path | None = None) -> tuple[Path, str | None] | None:
    """The nearest config file, and for pyproject.toml the policy text it carries."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate, None
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            text = _pyproject_policy(pyproject)
            if text is not None:
                return pyproject, text
    return None


def _pyproject_policy(path: Path) -> str | None:
    """[tool.brandguard] as policy YAML text (JSON is YAML), or None when absent."""
    import json

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read pyproject.toml: {exc}", str(path)) from None
    section = data.get("tool", {}).get("brandguard")
    if section is None:
        return None
    if (
        "policy" in section
        and len(section) == 1
        and str(section["policy"]).endswith((".yaml", ".yml"))
    ):
        return json.dumps({"extends": str(path.parent / section["policy"])})
    return _flow_on_toml_lines(section, path.read_text(encoding="utf-8"))


def _flow_on_toml_lines(section: dict[str, Any], toml: str) -> str:
    """``section`` as YAML flow text (JSON with line breaks) in which every key sits on the line
    where the TOML file writes it, so errors name pyproject.toml's own lines."""
    import json
    import re

    lines = toml.split("\n")
    header = next(
        (i + 1 for i, text in enumerate(lines) if re.match(r"\s*\[+\s*tool\.brandguard", text)), 1
    )
    out: list[str] = []
    current = 1

    def find(key: str, start: int) -> int | None:
        name = re.escape(key)
        pattern = re.compile(rf"""(?:^\s*|[{{,.]\s*)(?:"{name}"|'{name}'|{name})\s*(?:=|\])""")
        for number in range(start, len(lines) + 1):
            if pattern.search(lines[number - 1]):
                return number
        return None

    def emit(value: Any, start: int) -> None:
        nonlocal current
        if isinstance(value, dict):
            out.append("{")
            for index, (key, item) in enumerate(value.items()):
                out.append(", " if index else "")
                line = find(str(key), start)
                while line is not None and current < line:
                    out.append("\n ")
                    current += 1
                out.append(json.dumps(str(key)) + ": ")
                emit(item, line or start)
            out.append("}")
        elif isinstance(value, list):
            out.append("[")
            for index, item in enumerate(value):
                out.append(", " if index else "")
                emit(item, start)
            out.append("]")
        else:
            out.append(json.dumps(value, default=str))

    emit(section, header)
    return "".join(out) + "\n"


def resolve_policy(explicit: str | None, start: Path | None = None) -> Policy:
    from .loader import load_policy

    if explicit:
        return load_policy(explicit)
    found = discover(start)
    if found is None:
        return load_policy("default")
    path, text = found
    if text is None:
        return load_policy(path)
    return load_policy(path, text=text)
