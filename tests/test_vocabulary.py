"""The vocabularies come from data/schema.yaml alone: a relation added there (and used by a fact)
shows, worded and coloured, on place pages, maps, the chronology and the exports."""

from __future__ import annotations

import csv
import io

import pytest
import yaml

from atlas.build import generate
from atlas.errors import DataError
from atlas.maps.render import extract_data
from atlas.pipeline import Timings
from atlas.project import Project
from atlas.vocabulary import vocabulary_from_schema
from tests.conftest import fixture_project
from tests.maps_fixture import project_words

NEW = {"doc": "coopération sportive entre clubs", "label": "coopération sportive", "colour": "#123456",
       "dash": "5 1"}


@pytest.fixture(scope="module")
def new_relation_files(tmp_path_factory) -> dict[str, str | bytes]:
    """The fixture project with one relation added to its schema and one fact using it."""
    root = fixture_project(tmp_path_factory.mktemp("new-relation"))
    schema_path = root / "data" / "schema.yaml"
    schema = yaml.safe_load(schema_path.read_text(encoding="utf-8"))
    schema["enums"]["relation"]["cooperation_sportive"] = NEW
    schema_path.write_text(yaml.safe_dump(schema, allow_unicode=True, sort_keys=False), encoding="utf-8")
    facts = next((root / "data" / "partenariats").glob("*.yaml"))
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("relation: accord\n", "relation: cooperation_sportive\n", 1), encoding="utf-8")
    return generate(Project.at(root), Timings(), epoch=0)


def test_new_relation_on_place_pages(new_relation_files):
    for page in ("regions/by-hr.md", "regions/kz-35.md", "pays/kz.md"):
        assert "| Coopération sportive | 2019 |" in new_relation_files[page], page


def test_new_relation_on_maps(new_relation_files):
    data = extract_data(new_relation_files["cartes/regions-by-hr.html"])
    assert data["relations"]["cooperation_sportive"] == ["Coopération sportive", "#123456", "5 1"]
    assert 'stroke="#123456" stroke-width="3" stroke-dasharray="5 1"/></svg> Coopération sportive' in data["legend"]
    assert any("coopération sportive (2019)" in line[3] for line in data["lines"])


def test_new_relation_in_the_chronology(new_relation_files):
    page = new_relation_files["chronologie.md"]
    assert '<span id="relation-cooperation_sportive">' in page
    assert '<option value="cooperation_sportive">Coopération sportive</option>' in page
    assert 'data-relation="cooperation_sportive">' in page and ": coopération sportive — " in page


def test_new_relation_in_the_exports(new_relation_files):
    rows = list(csv.DictReader(io.StringIO(new_relation_files["donnees/partenariats.csv"].removeprefix("\ufeff"))))
    assert [r["id"] for r in rows if r["relation"] == "cooperation_sportive"] == ["by-hr--kz-35--2019"]
    assert "`cooperation_sportive` (coopération sportive entre clubs)" in new_relation_files["donnees.md"]


def test_every_relation_has_its_own_colour_and_the_home_country_is_data():
    words = project_words()
    colours = [t.colour for t in words.terms("relation")]
    assert all(colours) and len(set(colours)) == len(colours)
    assert words.home == "BY"
    assert words.tentative() == {"prevu", "projet"}


def test_words_default_to_the_description():
    schema = {"home_country": "BY", "enums": {"relation": {"x": {"doc": "un mot", "colour": "#000"}},
                                              "unit": {"u": {"doc": "tonnes", "symbol": "t"}}}}
    words = vocabulary_from_schema(schema)
    assert (words.label("relation", "x"), words.term("relation", "x").map) == ("un mot", "un mot")
    assert words.term("unit", "u").with_number == "t"


@pytest.mark.parametrize("schema, problem", [
    ({"home_country": "BY", "enums": {"relation": {"x": {"doc": "x"}}}}, "without a map colour: x"),
    ({"home_country": "BY", "enums": {"status": {"x": "signé"}}}, "status.x: expected a mapping"),
    ({"home_country": "BY", "enums": {"status": {"x": {"doc": "x", "colour_": "#000"}}}}, "unknown key(s) colour_"),
    ({"enums": {}}, "missing `home_country`"),
])
def test_bad_vocabulary_is_a_data_error(schema, problem):
    with pytest.raises(DataError, match="schema.yaml") as err:
        vocabulary_from_schema(schema)
    assert problem in str(err.value)
