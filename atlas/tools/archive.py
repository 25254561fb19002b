"""Reproducible zip of the built site: `python -m atlas.tools.archive site atlas-belarus-site.zip` (`make archive`).

Entries are sorted, every timestamp is fixed (SOURCE_DATE_EPOCH when set, else 1980-01-01, the
earliest date a zip can hold), permissions are fixed (0644) and nothing of the machine goes in,
so the same site always gives the same bytes. Files sit in one folder named after the archive.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import zipfile
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644  # regular file, rw-r--r--
UNIX = 3  # ZipInfo.create_system: the meaning of external_attr


def zip_time(environ: dict[str, str] | None = None) -> tuple[int, int, int, int, int, int]:
    """The timestamp of every entry: SOURCE_DATE_EPOCH (UTC) if set, never before 1980."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return ZIP_EPOCH
    try:
        stamp = time.gmtime(int(value))
    except (ValueError, OverflowError, OSError):
        raise SystemExit(f"error: SOURCE_DATE_EPOCH={value!r} is not a number of seconds") from None
    return max(ZIP_EPOCH, tuple(stamp[:6]))  # type: ignore[return-value]


def site_files(site: Path) -> list[tuple[str, Path]]:
    """(archive name, file) for every file of the site, sorted by name."""
    files = [(p.relative_to(site).as_posix(), p) for p in site.rglob("*") if p.is_file()]
    return sorted(files)


def make_archive(site: Path, target: Path, date_time: tuple[int, int, int, int, int, int] | None = None) -> int:
    """Write the zip atomically (next to `target`, then renamed); returns the number of files."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"error: {site} has no index.html: build the site first (`make site`)")
    date_time = date_time or zip_time()
    folder = target.name.removesuffix(".zip")
    files = site_files(site)
    partial = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for name, path in files:
                info = zipfile.ZipInfo(f"{folder}/{name}", date_time)
                info.create_system = UNIX
                info.external_attr = FILE_MODE << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=9)
    except BaseException:
        partial.unlink(missing_ok=True)  # never leave half an archive
        raise
    partial.replace(target)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("target", type=Path, help="the zip file to write")
    args = parser.parse_args(argv)
    count = make_archive(args.site, args.target)
    print(f"wrote {args.target} ({count} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
