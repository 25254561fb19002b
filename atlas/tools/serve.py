"""`make serve`: live preview that regenerates pages when a corpus or curated data file changes.

MkDocs serves docs/ and reloads what changed; this loop watches the pipeline's own inputs
(corpus/, data/, geo/) and, on a change, re-runs the generation. Only files whose content
changed are rewritten (see publish.write_generated), so MkDocs sees only those files change,
and the slow stages come from build/cache unless their inputs changed. A data error is printed
and the preview keeps the last good pages.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from atlas.build import data_epoch, generate
from atlas.cache import StageCache
from atlas.errors import DataError
from atlas.pipeline import Timings
from atlas.project import ROOT, Project
from atlas.publish import write_generated

WATCHED = ("corpus", "data", "geo")


def snapshot(root: Path) -> dict[Path, float]:
    return {p: p.stat().st_mtime for folder in WATCHED for p in (root / folder).rglob("*") if p.is_file()}


def regenerate(project: Project) -> None:
    try:
        files = generate(project, Timings(), data_epoch(project.root), StageCache(project.cache))
    except DataError as err:
        print(f"error: {err} (pages not updated)", file=sys.stderr)
        return
    changed = write_generated(project.docs, files)
    print(f"regenerated: {changed} file(s) changed")


def main() -> int:
    root = ROOT
    project = Project.at(root)
    regenerate(project)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project.mkdocs)],
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seen = snapshot(root)
    try:
        while server.poll() is None:
            time.sleep(1.0)
            now = snapshot(root)
            if now != seen:
                seen = now
                regenerate(project)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
