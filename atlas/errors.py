"""Errors that stop the build with a message a data curator can act on."""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """Bad input: names the file, the line when known, and what is wrong."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {problem}")
