"""The list of published page URLs, committed in `tests/url_list.txt`.

Analysts cite region pages in reports, so a URL once published must keep working: the test
suite fails when a listed URL has neither a page nor a redirect. `python -m atlas.tools.url_list --update`
adds the URLs of a fresh build to the list (it never removes any).
"""

from __future__ import annotations

import sys
from pathlib import Path

from atlas.project import ROOT, Project

LIST = ROOT / "tests" / "url_list.txt"
PAGE_FOLDERS = ("", "articles", "pays", "regions", "villes", "organisations")


def published_urls(site_dir: Path) -> list[str]:
    """Site-relative URLs of every page a reader can cite (not assets, maps or search)."""
    urls = []
    for folder in PAGE_FOLDERS:
        for page in sorted((site_dir / folder).glob("*.html")):
            if page.name != "404.html":
                urls.append(page.relative_to(site_dir).as_posix())
    return sorted(urls)


def read_list(path: Path = LIST) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def missing_urls(site_dir: Path, listed: list[str]) -> list[str]:
    """Listed URLs with no file in the built site (a page or a redirect page)."""
    return [url for url in listed if not (site_dir / url).is_file()]


def main(argv: list[str]) -> int:
    site = Project.at(ROOT).site
    if argv != ["--update"]:
        print("usage: python -m atlas.tools.url_list --update   (after make site)", file=sys.stderr)
        return 2
    merged = sorted(set(read_list()) | set(published_urls(site)))
    header = "# Every published page URL (site-relative). Never remove a line: add a redirect instead.\n"
    LIST.write_text(header + "\n".join(merged) + "\n", encoding="utf-8")
    print(f"{LIST}: {len(merged)} URLs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
