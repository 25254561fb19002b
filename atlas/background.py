"""Slow pure computations run in a second process while the build goes on (the machine has two
cores; the pipeline itself uses one).

Only computations whose inputs are known early and whose result is needed late go here: the
maps' base layer (simplifying every country and region outline) depends only on the geometry
files, so it runs beside the corpus, recognition and extraction stages.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class Background:
    """Named computations started now, taken later; `take` computes here what was not started."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[str, Future] = {}

    def start(self, name: str, func: Callable[..., Any], *args: Any) -> None:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        self.futures[name] = self.pool.submit(func, *args)

    def take(self, name: str, compute: Callable[[], T]) -> T:
        future = self.futures.pop(name, None)
        return future.result() if future is not None else compute()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        self.futures.clear()

    def __enter__(self) -> Background:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
