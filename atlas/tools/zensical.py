"""Build the same docs/ with Zensical into its own folder: `python -m atlas.tools.zensical` (`make zensical`).

Material for MkDocs ends on 2027-05-05; Zensical is its successor and reads `mkdocs.yml`. This
runs the pinned Zensical (its own virtualenv, `.venv-zensical`, see requirements-zensical.lock)
on the pages the pipeline already wrote into docs/, and:

- keeps its output and its 10 MB `.cache/` out of the MkDocs build: Zensical puts both beside
  its configuration file, so it runs on a copy of docs/ under `build/zensical/` with a config
  that inherits `mkdocs.yml`, and the finished site is swapped into `site-zensical/`;
- makes its search dialog speak French (see zensical_fr.yaml);
- slims its search index like the MkDocs build's (see atlas/search_load.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from atlas import search_load
from atlas.errors import DataError
from atlas.project import ROOT
from atlas.publish import swap_in

WORDS = Path(__file__).with_name("zensical_fr.yaml")
#: Where `make` installs the pinned Zensical; ATLAS_ZENSICAL overrides it.
DEFAULT_BINARY = ROOT / ".venv-zensical" / "bin" / "zensical"


def binary() -> Path:
    path = Path(os.environ.get("ATLAS_ZENSICAL", DEFAULT_BINARY))
    if not path.exists():
        raise DataError(path, "Zensical is not installed (`make zensical` installs it from requirements-zensical.lock)")
    return path


def config_text(root: Path) -> str:
    """The Zensical configuration: `mkdocs.yml` itself, with the copied docs and a local output."""
    inherit = os.path.relpath(root / "mkdocs.yml", root / "build" / "zensical")
    return f"INHERIT: {inherit}\ndocs_dir: docs\nsite_dir: site\n"


def mirror(source: Path, target: Path) -> None:
    """Copy docs/ (hard links where the file system allows: the build only reads them)."""
    shutil.rmtree(target, ignore_errors=True)

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


def js_ascii(text: str) -> str:
    """`text` with every non-ASCII letter as a JavaScript \\uXXXX escape (the bundle stays ASCII)."""
    return "".join(c if c.isascii() else f"\\u{ord(c):04x}" for c in text)


def french_bundle(text: str, words: list[dict]) -> str:
    """Replace each English literal of the search dialog by its French one, checking the counts."""
    for entry in words:
        found = text.count(entry["en"])
        if found != entry["count"]:
            raise DataError(WORDS, f"{entry['en']!r} found {found} times in Zensical's bundle, "
                                   f"expected {entry['count']} (another Zensical version?)")
        text = text.replace(entry["en"], js_ascii(entry["fr"]))
    return text


def translate(site: Path) -> None:
    words = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise DataError(site, f"expected one Zensical bundle, found {len(bundles)}")
    bundles[0].write_text(french_bundle(bundles[0].read_text(encoding="utf-8"), words), encoding="utf-8")


def build(root: Path, output: Path, epoch: int) -> None:
    """Run Zensical on root/docs into `output`; a failed build leaves the previous `output` intact."""
    work = root / "build" / "zensical"
    work.mkdir(parents=True, exist_ok=True)
    mirror(root / "docs", work / "docs")
    (work / "mkdocs.yml").write_text(config_text(root), encoding="utf-8")
    shutil.rmtree(work / "site", ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    done = subprocess.run([str(binary()), "build", "-f", "mkdocs.yml"], cwd=work, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0 or not (work / "site" / "index.html").is_file():
        raise DataError(root / "mkdocs.yml", f"zensical build failed:\n{done.stdout}{done.stderr}")
    translate(work / "site")
    search_load.slim_site(work / "site")
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    swap_in(work / "site", output)


def main(argv: list[str] | None = None) -> int:
    from atlas.build import data_epoch

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument("--site-dir", type=Path, help="output folder (default: ROOT/site-zensical)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    output = args.site_dir or root / "site-zensical"
    try:
        build(root, output, data_epoch(root))
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"built {output} with Zensical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
