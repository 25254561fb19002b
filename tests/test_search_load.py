"""The search index carries each text once: quotes only on their article, no template sections."""

from __future__ import annotations

import json

from atlas.search_load import slim_entries, slim_site

QUOTE = "« La région de Grodno travaille avec 74 régions de Russie »"


def entry(location: str, title: str, text: str) -> dict:
    return {"location": location, "title": title, "text": text}


def test_quotes_stay_on_their_article_and_leave_the_place_pages():
    entries = [entry("articles/a.html", "Article", f"<p>Il dit {QUOTE}.</p>"),
               entry("regions/by-hr.html", "Région de Grodno", f"<p>74 unités {QUOTE} art. 2, § 22</p>")]
    article, place = slim_entries(entries)
    assert QUOTE in article["text"]
    assert "travaille" not in place["text"] and "74 unités" in place["text"] and "art. 2" in place["text"]


def test_excerpts_of_one_article_become_one_item():
    text = ("<ul> <li>Biélorussie - Russie, §22 : « un extrait »</li> <li>Biélorussie - Russie, §32 : « un autre »</li>"
            " <li>Biélorussie-Chine, §158 : « encore »</li> </ul>")
    [place] = slim_entries([entry("pays/ru.html#mentions", "Mentions", text)])
    assert place["text"].count("<li>") == 2
    assert "Biélorussie-Chine" in place["text"]


def test_a_section_repeated_on_many_pages_is_a_template_and_is_dropped():
    pages = {"regions/by-hr.html": ("Région de Grodno", "Tomsk"), "regions/by-br.html": ("Région de Brest", "Kovrov"),
             "pays/kz.html": ("Kazakhstan", "Minsk")}
    entries = []
    for page, (title, partner) in pages.items():
        entries.append(entry(page, title, f"<p>{title}, partenaire.</p>"))
        entries.append(entry(page + "#citer", "Citer cette page",
                             f"<p>Atlas, « {title} », <code>{page}</code>, version 2026.</p>"))
        entries.append(entry(page + "#partenaires", "Partenaires", f"<p>{partner}, accord de 2019</p>"))
    kept = slim_entries(entries)
    assert [e["title"] for e in kept if "#" in e["location"]] == ["Partenaires"] * 3
    assert len([e for e in kept if "#" not in e["location"]]) == 3  # pages themselves are never dropped


def test_the_same_section_on_two_pages_is_kept():
    entries = [entry(p, "Titre", "<p>Texte</p>") for p in ("pays/a.html#s", "pays/b.html#s")]
    assert len(slim_entries(entries)) == 2


def test_both_themes_index_files_are_rewritten(tmp_path):
    index = {"config": {"lang": ["en"]}, "docs": [entry("regions/x.html", "X", f"<p>{QUOTE}</p>")]}
    (tmp_path / "assets" / "javascripts" / "workers").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "workers" / "search.0123abcd.min.js").write_text("", encoding="utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    result = slim_site(tmp_path)
    assert result.after < result.before
    script = (tmp_path / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    assert json.loads(script.removeprefix("var __index = "))["docs"][0]["text"] == "<p></p>"
    zensical = tmp_path / "z"
    zensical.mkdir()
    (zensical / "search.json").write_text(json.dumps({"config": {}, "items": index["docs"]}), encoding="utf-8")
    slim_site(zensical)
    assert "travaille" not in (zensical / "search.js").read_text(encoding="utf-8")


def test_a_site_without_search_is_left_alone(tmp_path):
    assert slim_site(tmp_path) is None


def test_material_worker_and_its_lunr_files_are_bundled_for_real_workers(tmp_path):
    from atlas.search_load import WORKER_BUNDLE

    scripts = tmp_path / "assets" / "javascripts"
    (scripts / "workers").mkdir(parents=True)
    (scripts / "lunr" / "min").mkdir(parents=True)
    (scripts / "workers" / "search.0123abcd.min.js").write_text("/* worker */", encoding="utf-8")
    for name in ("lunr.stemmer.support.min.js", "lunr.fr.min.js", "lunr.de.min.js", "lunr.multi.min.js"):
        (scripts / "lunr" / "min" / name).write_text(f"/* {name} */", encoding="utf-8")
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": ["fr"]}, "docs": [entry("index.html", "Accueil", "<p>Texte</p>")]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    slim_site(tmp_path)
    script = (tmp_path / WORKER_BUNDLE).read_text(encoding="utf-8")
    bundle = json.loads(script.removeprefix("window.__atlasSearchWorker = ").rstrip().rstrip(";"))
    assert bundle["main"] == "/* worker */"
    assert sorted(bundle["imports"]) == ["lunr.fr.min.js", "lunr.stemmer.support.min.js"]
