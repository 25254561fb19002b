"""Zensical build: its configuration inherits mkdocs.yml, its search dialog is translated."""

from __future__ import annotations

import pytest
import yaml

from atlas.errors import DataError
from atlas.tools.zensical import WORDS, config_text, french_bundle


def test_config_inherits_mkdocs_yml_and_keeps_output_and_cache_under_build(tmp_path):
    config = yaml.safe_load(config_text(tmp_path))
    assert (tmp_path / "build" / "zensical" / config["INHERIT"]).resolve() == tmp_path / "mkdocs.yml"
    assert config["site_dir"] == "site" and config["docs_dir"] == "docs"


def test_words_are_replaced_and_written_as_ascii_escapes():
    words = [{"en": '"No results"', "fr": '"Aucun résultat"', "count": 1}]
    assert french_bundle('a="No results";', words) == 'a="Aucun r\\u00e9sultat";'


def test_a_literal_found_a_different_number_of_times_stops_the_build():
    words = [{"en": '"Filters"', "fr": '"Filtres"', "count": 2}]
    with pytest.raises(DataError, match="found 1 times"):
        french_bundle('x="Filters"', words)


def test_the_word_list_is_well_formed():
    words = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    assert words and all(set(w) == {"en", "fr", "count"} and w["count"] >= 1 for w in words)
