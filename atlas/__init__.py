"""Atlas de la coopération du Bélarus: a pipeline from French source documents to a static site.

Read in this order (each stage takes plain data in and gives plain data out):

  project.py      where every input is (paths declared once; the stage cache keys come from here)
  readers.py      the one reader of YAML/JSON/CSV files (`file:line` errors, duplicate keys)
  vocabulary.py   the schema's vocabularies, French words, colours and home country
  site_urls.py    every path and link of the site
  corpus.py       read the documents (cleaning.py: the layout-noise rules) → articles, paragraphs
  gazetteer.py    the places and their hierarchy (geo.py: Natural Earth clean-up for `make geo`)
  place_index.py  every spelling of every place in one matcher
  recognise.py    place mentions in a paragraph (the disambiguation rules)
  facts.py        the curated facts, checked against the corpus and the gazetteer
  extract.py      automatic candidates (extract_text, extract_partnerships, extract_figures)
  pipeline.py     the data stages above, wired once (`prepare`)
  maps/           the Folium maps and their shared assets
  pages/          the Markdown pages
  exports.py      the open data (CSV, JSON, GeoJSON)
  publish.py      write docs/, run MkDocs into site/ (swapped in only on success)
  build.py        the whole build (`python -m atlas.build`, `make site`)
  tools/          evaluation, benchmark, curator report, preview, archive: not stages
"""
