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
    index = {"config": {"lang": ["fr"]}, "docs": [entry("regions/x.html", "X", f"<p>{QUOTE}</p>")]}
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
