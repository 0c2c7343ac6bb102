"""YAML loading that remembers where every key and item came from.

Policies are written by people; an error must point at the file, the line and the key. PyYAML's
nodes know their line, so the loader builds dicts and lists that keep those lines.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError


class LocatedDict(dict):
    """A dict that knows the line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class LocatedList(list):
    """A list that knows the line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


@cache
def _loader_class() -> type:
    """The line-keeping loader, built on first use: a cache hit never parses YAML (cache.py),
    and importing PyYAML costs about 13 ms of a one-file check."""
    import yaml

    try:  # libyaml's parser is ~4x faster; the constructors below stay in Python either way.
        base: type = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        base = yaml.SafeLoader

    class Loader(base):  # type: ignore[misc, valid-type]
        source_name = "<yaml>"

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return Loader


def _construct_mapping(loader: Any, node: Any) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise ConfigError(
                "duplicate key", loader.source_name, key_node.start_mark.line + 1, str(key)
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: Any, node: Any) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def load_yaml_text(text: str, source_name: str) -> Any:
    """Parse YAML text; syntax errors become ConfigError with the file and line."""
    import yaml

    loader = _loader_class()(text)
    loader.source_name = source_name
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_size(node, source_name)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(f"invalid YAML: {exc.problem or exc}", source_name, line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", source_name) from None
    finally:
        loader.dispose()


MAX_VALUES = 100_000  # every scalar, list and mapping, aliases counted each time they are used
MAX_DEPTH = 64


def _check_size(root: Any, source_name: str) -> None:
    """Refuse documents whose aliases expand to huge or endless values before anything walks
    them: 487 bytes of nested aliases (``&a [*b, *b, ...]``) otherwise expand to billions of
    values and hang validation."""
    sizes: dict[int, int] = {}

    def size(node: Any, depth: int) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        if depth > MAX_DEPTH:
            raise ConfigError(
                f"YAML nested deeper than {MAX_DEPTH} levels (an alias that contains itself?)",
                source_name,
                node.start_mark.line + 1,
            )
        total = 1
        if isinstance(node.value, list):
            for child in node.value:
                for part in child if isinstance(child, tuple) else (child,):
                    total += size(part, depth + 1)
                    if total > MAX_VALUES:
                        raise ConfigError(
                            f"YAML aliases expand to more than {MAX_VALUES:,} values "
                            "(an alias bomb?); write the values out",
                            source_name,
                            part.start_mark.line + 1,
                        )
        sizes[id(node)] = total
        return total

    size(root, 0)


_RECORDERS: list[list[Path]] = []


@contextlib.contextmanager
def recording_reads() -> Iterator[list[Path]]:
    """Collect every file load_yaml_file reads meanwhile (cache.py keys policies on them)."""
    reads: list[Path] = []
    _RECORDERS.append(reads)
    try:
        yield reads
    finally:
        _RECORDERS.remove(reads)


def load_yaml_file(path: Path) -> Any:
    for reads in _RECORDERS:
        reads.append(Path(path).resolve())
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read file: {exc}", str(path)) from None
    return load_yaml_text(text, str(path))


def line_of(data: Any, path: Sequence[Any]) -> int | None:
    """The line of the deepest node along ``path`` (keys and indexes) that has one."""
    line = getattr(data, "line", None) or None
    node = data
    for step in path:
        if isinstance(node, LocatedDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


def plain(data: Any) -> Any:
    """Strip the location bookkeeping (for printing and pickling)."""
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data
