"""The one reader: every data file's mistakes read `file:line: problem`, and no key is silently lost."""

from __future__ import annotations

import pytest

from atlas.errors import DataError
from atlas.readers import LINE, read_csv, read_json, read_yaml, read_yaml_entries


def test_yaml_key_written_twice_is_an_error_at_its_line(tmp_path):
    path = tmp_path / "regions.yaml"
    path.write_text("AT-2:\n  name_fr: Carinthie\nAT-8:\n  name_fr: Vorarlberg\nAT-2:\n  name_fr: bis\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"regions\.yaml:5: malformed YAML: .*duplicate key 'AT-2'"):
        read_yaml(path)


def test_yaml_lines_are_recorded_on_request(tmp_path):
    path = tmp_path / "cities.yaml"
    path.write_text("# comment\n- id: brest\n  kind: ville\n- id: kovrov\n", encoding="utf-8")
    assert [row[LINE] for row in read_yaml(path, lines=True)] == [2, 4]
    assert LINE not in read_yaml(path)[0]


def test_entry_field_given_twice_names_the_entry(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text("- id: a\n  year: 2020\n- id: b\n  year: 2021\n  year: 2022\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"facts\.yaml:3: entry 'b': field\(s\) year given twice"):
        read_yaml_entries(path)


def test_entries_under_a_key_keep_their_lines(tmp_path):
    path = tmp_path / "metadata.yaml"
    path.write_text("documents:\n  - file: a.txt\n  - file: b.txt\n    title: B\n", encoding="utf-8")
    assert [(line, e["file"]) for line, e in read_yaml_entries(path, list_key="documents")] == [
        (2, "a.txt"), (3, "b.txt")]
    path.write_text("documents:\n  - file: a.txt\n    title: A\n    title: A bis\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"metadata\.yaml:2: entry 'a.txt': field\(s\) title given twice"):
        read_yaml_entries(path, list_key="documents")


def test_json_syntax_error_names_line_and_column(tmp_path):
    path = tmp_path / "regions.geojson"
    path.write_text('{\n  "type": "FeatureCollection",\n  "features": [oops]\n}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"regions\.geojson:3: not valid JSON: .*\(column 16\)"):
        read_json(path)
    with pytest.raises(DataError, match=r"absent\.geojson: regenerate"):
        read_json(tmp_path / "absent.geojson", "regenerate")


def test_csv_rows_by_header(tmp_path):
    path = tmp_path / "entites.csv"
    path.write_text("id,url\nBY,pays/by.html\nBY-HR,\n", encoding="utf-8")
    assert read_csv(path) == [{"id": "BY", "url": "pays/by.html"}, {"id": "BY-HR", "url": ""}]
