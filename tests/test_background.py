"""Background computations: a started one is taken from the other process, others run here."""

from __future__ import annotations

import os

from atlas.background import Background


def pid_plus(n: int) -> tuple[int, int]:
    return os.getpid(), n + 1


def test_started_work_runs_in_another_process_and_the_rest_here():
    with Background() as background:
        background.start("a", pid_plus, 1)
        pid, value = background.take("a", lambda: (os.getpid(), -1))
        assert value == 2 and pid != os.getpid()
        assert background.take("a", lambda: (os.getpid(), -1)) == (os.getpid(), -1)
