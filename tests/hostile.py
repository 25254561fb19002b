"""A project copy with a hostile corpus document and a hostile fact, built once per test session.

Shared by tests/test_reliability.py (what the built files contain) and tests/browser/test_crawl.py
(what the browser does with them): the build is cached per session temp folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from atlas.corpus import normalise_space, parse_document
from tests.conftest import ROOT, copy_inputs

DOC_ID = "999_hostile"
#: Markup, links, table breakers and directives a document could carry, next to place names.
DOCUMENT = """\
 La région de Vitebsk <script>alert(1)</script> et Minsk :

Un document piégé

La région de Vitebsk <script>alert(1)</script> coopère avec Minsk et la région de Gomel.

Image <img src=x onerror=alert(1)>, [lien](javascript:alert(1)), <a href="javascript:alert(1)">ici</a> à Grodno.

Une cellule | qui casse | le tableau ](javascript:alert(1)) </p></td></tr></table><div> et la ville de Brest.

Des directives {{ config }} et {% include "README.md" %} et {{ config.site_name }} à Moguilev.

!!! note "Piège"

--8<-- "README.md"

Un attribut {: onclick=x } et {: #pirate .cls onclick="alert(1)" } dans la région de Vitebsk.

La formule =HYPERLINK("http://x") | ](javascript:alert(1)) </p> lie la région de Vitebsk et la Russie.
"""
QUOTE = '=HYPERLINK("http://x") | ](javascript:alert(1)) </p> lie la région'
NOTE = '=HYPERLINK("http://x") <script>alert(1)</script> | ](javascript:alert(1)) </p> {{ config }}'
FACT_ID = "by-vi--ru--hostile"

_built: dict[Path, Path] = {}


def paragraphs() -> list[str]:
    """The cleaned paragraphs of the hostile document, as the build sees them."""
    return [normalise_space(p.text) for a in parse_document(DOC_ID, DOCUMENT) for p in a.paragraphs]


def hostile_project(target: Path) -> Path:
    """Copy the inputs into `target` and add the hostile document and fact."""
    root = copy_inputs(target)
    (root / "corpus" / f"{DOC_ID}.txt").write_text(DOCUMENT, encoding="utf-8")
    para = next(p for a in parse_document(DOC_ID, DOCUMENT) for p in a.paragraphs if "HYPERLINK" in p.text)
    fact = (f"- id: {FACT_ID}\n  by: BY-VI\n  partner: RU\n  relation: autre\n  year: 2021\n  status: signe\n"
            f"  document: {DOC_ID}\n  paragraph: {para.id}\n  quote: '{QUOTE}'\n  note: '{NOTE}'\n")
    facts = root / "data" / "partenariats" / "zz-hostile.yaml"
    facts.write_text(fact, encoding="utf-8")
    return root


def hostile_site(tmp_path_factory) -> Path:
    """The built site of the hostile project (built once per session)."""
    base = tmp_path_factory.getbasetemp()
    if base not in _built:
        root = hostile_project(tmp_path_factory.mktemp("hostile"))
        done = subprocess.run([sys.executable, "-m", "atlas.build", "--root", str(root)], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        _built[base] = root / "site"
    return _built[base]
