"""Errors that the CLI turns into a one-line message and exit code 2 (never a traceback)."""

from __future__ import annotations


class BrandguardError(Exception):
    """Base class for errors a user can fix (config, usage, input)."""


class ConfigError(BrandguardError):
    """An invalid policy or rule pack: names the file, the line and the key."""

    def __init__(
        self, message: str, file: str | None = None, line: int | None = None, key: str | None = None
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.key = key
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<policy>"
        if self.line:
            where += f":{self.line}"
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"
