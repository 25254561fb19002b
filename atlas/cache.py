"""A content-addressed cache for the pipeline's slow, pure stages (build/cache/).

Each stage is a pure function of its inputs, so its output can be kept under a key made of the
inputs' bytes and the code's own version: same inputs and same code give the same key, any
change gives another key and the stage runs again. A rebuild after editing one fact file
therefore re-runs only what depends on it. The cache is never needed: deleting build/ (or
`make clean`) only makes the next build slower.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the pipeline's own source and static files: a code change invalidates every entry."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".js", ".css", ".html") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(parts: Iterable[Any]) -> str:
    """Key of a list of inputs: bytes, strings, paths (their content) or picklable values."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        if isinstance(part, Path):
            digest.update(part.as_posix().encode())
            digest.update(part.read_bytes() if part.is_file() else b"<missing>")
        elif isinstance(part, bytes):
            digest.update(part)
        elif isinstance(part, str):
            digest.update(part.encode())
        else:
            digest.update(pickle.dumps(part, protocol=5))
        digest.update(b"\x00")
    return digest.hexdigest()


class StageCache:
    """Stage outputs on disk under `folder`, or nothing at all when `folder` is None."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self.used: set[Path] = set()

    def has(self, stage: str, inputs: Iterable[Any]) -> bool:
        """Whether `get` would read the stage's result instead of computing it."""
        return self.folder is not None and (self.folder / stage / f"{fingerprint(inputs)}.pickle").is_file()

    def get(self, stage: str, inputs: Iterable[Any], compute: Callable[[], T]) -> T:
        if self.folder is None:
            return compute()
        path = self.folder / stage / f"{fingerprint(inputs)}.pickle"
        self.used.add(path)
        if path.is_file():
            try:
                value = pickle.loads(path.read_bytes())
                self.hits += 1
                return value
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                path.unlink(missing_ok=True)
        value = compute()
        self.misses += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps(value, protocol=5))
        temporary.replace(path)
        return value

    def prune(self) -> int:
        """Delete the entries of the stages used in this build that this build did not use."""
        removed = 0
        for stage in {p.parent for p in self.used}:
            for path in stage.glob("*.pickle"):
                if path not in self.used:
                    path.unlink()
                    removed += 1
        return removed
