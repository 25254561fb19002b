"""Publish stage: write the generated pages into docs/ and build the site with MkDocs.

The new site is built into a temporary folder next to `site/` and swapped in only when the build
succeeded, so a failed build leaves the previous site intact.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from atlas import search_load
from atlas.errors import DataError

#: Folders and files of docs/ that the pipeline owns: rewritten at every build, never committed.
GENERATED = (
    "index.md",
    "carte.md",
    "chronologie.md",
    "donnees.md",
    "articles",
    "pays",
    "regions",
    "villes",
    "organisations",
    "cartes",
    "donnees",
    "assets/generated",
    "assets/geo",
    "assets/leaflet",
    "assets/atlas-map",
)


def write_generated(docs_dir: Path, files: dict[str, str | bytes]) -> int:
    """Write generated files into docs/, removing stale ones; returns how many files changed.

    A file whose content is unchanged is not rewritten, so `mkdocs serve` reloads only what
    changed.
    """
    wanted = {docs_dir / path for path in files}
    for owned in GENERATED:
        target = docs_dir / owned
        if target.is_dir():
            for existing in sorted(target.rglob("*")):
                if existing.is_file() and existing not in wanted:
                    existing.unlink()
        elif target.is_file() and target not in wanted:
            target.unlink()
    changed = 0
    for path, content in sorted(files.items()):
        if not _is_generated(path):
            raise ValueError(f"{path} is not under a generated folder of docs/")
        target = docs_dir / path
        data = content.encode("utf-8") if isinstance(content, str) else content
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed += 1
    return changed


def _is_generated(path: str) -> bool:
    return any(path == owned or path.startswith(owned + "/") for owned in GENERATED)


def build_site(mkdocs_config: Path, site_dir: Path, epoch: int) -> None:
    """Run `mkdocs build --strict` on `mkdocs_config` into a temporary folder, then swap it in as `site_dir`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        config = load_config(str(mkdocs_config), site_dir=str(staging), strict=True)
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        build(config)
    except (MkDocsException, SystemExit) as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise DataError(mkdocs_config, f"mkdocs build failed: {err}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    search_load.slim_site(staging)
    swap_in(staging, site_dir)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` by the finished build `staging` (same file system) in two renames."""
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
