"""Validate loaded YAML against a schema; turn the first error into file:line: key: message."""

from __future__ import annotations

import difflib
from typing import Any

from ..errors import ConfigError
from .yamlio import line_of

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


def dotted(path: list[Any]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the string {value!r}"
    return repr(value)


def _message(error: Any) -> tuple[list[Any], str]:
    path = list(error.absolute_path)
    kind = error.validator
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in known)
        if extra and known:
            key = extra[0]
            close = difflib.get_close_matches(str(key), sorted(known), n=1)
            hint = (
                f"; did you mean '{close[0]}'?"
                if close
                else f"; expected one of: {', '.join(sorted(known))}"
            )
            return path + [key], f"unknown key '{key}'{hint}"
        if extra:
            return path + [extra[0]], f"invalid entry '{extra[0]}'"
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return path, f"missing required key '{missing}'"
    if kind == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return path, f"{_describe(error.instance)} is not allowed; expected one of: {allowed}"
    if kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else expected
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        return path, f"expected {wanted}, got {_describe(error.instance)}"
    if kind == "pattern":
        return (
            path,
            f"{_describe(error.instance)} does not match the pattern {error.validator_value}",
        )
    if kind == "propertyNames":
        return path, f"invalid key {_describe(error.instance)}"
    return path, error.message


def validate(
    data: Any,
    schema: dict[str, Any],
    file: str,
    base_path: list[Any] | None = None,
    root: Any = None,
) -> None:
    """Raise ConfigError for the first (earliest in the file) schema error in ``data``."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    errors = list(validator.iter_errors(data))
    if not errors:
        return
    located = []
    for error in errors:
        # Prefer the most specific error of a oneOf/anyOf/if-then group: the deepest, and among
        # equals one from the branch whose type matched (a mapping with a misspelt key should
        # hear about the key, not that it "should be a list").
        while error.context:
            error = sorted(
                error.context, key=lambda e: (-len(e.absolute_path), e.validator == "type")
            )[0]
        path, message = _message(error)
        full = (base_path or []) + path
        located.append((line_of(root if root is not None else data, full) or 0, full, message))
    line, full, message = min(located, key=lambda item: (item[0], -len(item[1])))
    raise ConfigError(message, file, line or None, dotted(full) or None)
