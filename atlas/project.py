"""Where a project's inputs are: every file a stage reads, declared once, built from the root once.

Stages take these paths (or the data read from them), never the project root, so a reader can
see what a stage depends on, and the stage cache keys a stage by exactly the files it declares
(the model: owid/etl steps list their dependencies, and a step's checksum is made from them).
A new input goes here and into `STAGE_INPUTS`; nothing else builds a path under the root.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: The checkout this package lives in (the default project).
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PlaceFiles:
    """What the gazetteer reads: the curated place lists and the region geometry."""

    countries: Path
    regions: Path
    cities: Path
    regions_geojson: Path
    #: the world gazetteer (atlas.world): Natural Earth names and GeoNames admin1 table, French
    #: names the sources lack, Belarus's districts; and the international organisations
    admin1: Path
    world_names: Path
    districts: Path
    organisations: Path

    def all(self) -> tuple[Path, ...]:
        return (self.countries, self.regions, self.cities, self.regions_geojson, self.admin1, self.world_names,
                self.districts, self.organisations)


@dataclass(frozen=True)
class Project:
    """The input and output paths of one project folder."""

    root: Path
    corpus: Path
    places: PlaceFiles
    countries_geojson: Path
    world_geojson: Path
    schema: Path
    #: curated fact folders by table name (the table's name is the export's name)
    fact_folders: tuple[tuple[str, Path], ...]
    #: word lists the recognition and extraction rules read (data/words/)
    #: the review queue: one file of candidates and decisions per corpus document
    review: Path
    first_names: Path
    organisation_words: Path
    #: context words of the ambiguity rules (atlas.ambiguity)
    ambiguity_words: Path
    #: pages the corpus no longer calls for, redirected (atlas.pages.retired)
    retired_pages: Path
    #: articles of country names and genders of place words (atlas.pages.french)
    country_grammar: Path
    docs: Path
    mkdocs: Path
    site: Path
    cache: Path

    @classmethod
    def at(cls, root: Path) -> Project:
        """The standard layout under `root` (see README, "Where things are")."""
        data, geo = root / "data", root / "geo"
        return cls(
            root=root,
            corpus=root / "corpus",
            places=PlaceFiles(data / "places" / "countries.yaml", data / "places" / "regions.yaml",
                              data / "places" / "cities.yaml", geo / "regions.geojson", geo / "admin1.json",
                              data / "places" / "world_names.yaml", data / "places" / "by_districts.yaml",
                              data / "places" / "organisations.yaml"),
            countries_geojson=geo / "countries.geojson",
            world_geojson=geo / "world.geojson",
            schema=data / "schema.yaml",
            fact_folders=(("partenariats", data / "partenariats"), ("chiffres", data / "chiffres")),
            review=data / "review",
            first_names=data / "words" / "first_names.yaml",
            organisation_words=data / "words" / "organisations.yaml",
            ambiguity_words=data / "words" / "ambiguity.yaml",
            retired_pages=data / "places" / "retired_pages.yaml",
            country_grammar=data / "places" / "countries_fr.yaml",
            docs=root / "docs",
            mkdocs=root / "mkdocs.yml",
            site=root / "site",
            cache=root / "build" / "cache",
        )

    def inputs(self, stage: str) -> list[Path]:
        """The files a cached stage reads, its own and those of the stages it uses."""
        own, uses = STAGE_INPUTS[stage]
        paths = [path for name in own for path in _paths(self, name)]
        for earlier in uses:
            paths += [p for p in self.inputs(earlier) if p not in paths]
        return paths


def _paths(project: Project, name: str) -> tuple[Path, ...]:
    value: object = project
    for part in name.split("."):  # "places.regions_geojson"
        value = getattr(value, part)
    return value.all() if isinstance(value, PlaceFiles) else (value,)  # type: ignore[return-value]


#: stage → (the Project fields it reads, the stages whose output it uses). The corpus documents
#: are keyed by their sha256 by the pipeline, since the corpus stage reads every `.txt` it finds.
STAGE_INPUTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gazetteer": (("places",), ()),
    "mentions": (("first_names", "organisation_words", "ambiguity_words"), ("gazetteer",)),
    "extract": (("schema",), ("mentions",)),  # the home country is the schema's
    "export-regions": (("places.regions_geojson", "countries_geojson", "world_geojson"), ()),
}
