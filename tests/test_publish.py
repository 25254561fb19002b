"""Publishing: the built site is readable by a web server running as another user, and every
link and anchor in it resolves (LinkChecker, the tool a webmaster would run)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from atlas.publish import publishable


def modes(folder: Path) -> dict[str, set[str]]:
    """Relative paths whose permissions are not 0755 (folders) or 0644 (files)."""
    bad: dict[str, set[str]] = {"folders": set(), "files": set()}
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if path.is_dir() and mode != 0o755:
            bad["folders"].add(f"{path.relative_to(folder)} {mode:o}")
        elif path.is_file() and mode != 0o644:
            bad["files"].add(f"{path.relative_to(folder)} {mode:o}")
    return bad


def test_publishable_sets_web_server_modes(tmp_path):
    site = tmp_path / "site"
    (site / "deep").mkdir(parents=True)
    (site / "deep" / "page.html").write_text("x")
    site.chmod(0o700)
    (site / "deep" / "page.html").chmod(0o600)
    publishable(site)
    assert modes(site) == {"folders": set(), "files": set()}


def test_built_site_is_readable_by_another_user(built_site):
    assert modes(built_site) == {"folders": set(), "files": set()}


def test_linkchecker_finds_no_broken_link_or_anchor(built_site):
    """LinkChecker over file:// (no network), anchors included; run as root it drops to `nobody`,
    so it reads the site as another user would. The copy keeps the built modes."""
    work = Path(tempfile.mkdtemp(prefix="atlas-linkcheck-"))
    try:
        work.chmod(0o755)
        site = work / "site"
        shutil.copytree(built_site, site, copy_function=shutil.copy2)
        config = work / "linkcheckerrc"
        config.write_text("[checking]\nthreads=4\n[filtering]\ncheckextern=0\n[AnchorCheck]\n", encoding="utf-8")
        config.chmod(0o644)
        linkchecker = Path(sys.executable).with_name("linkchecker")
        done = subprocess.run(
            [str(linkchecker), "-f", str(config), "--no-status", "-o", "text", (site / "index.html").as_uri()],
            capture_output=True, text=True, timeout=2400, env={**os.environ, "HOME": str(work)},
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary = [line for line in done.stdout.splitlines() if "errors found" in line]
    assert summary, done.stdout[-3000:] + done.stderr[-2000:]
    assert " 0 errors found" in summary[0] and done.returncode == 0, done.stdout[-6000:]
    checked = int(summary[0].split(" links in ")[0].split()[-1])
    assert checked > 1000, summary[0]
