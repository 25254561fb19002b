"""Pages stage: plain Python that turns data into Markdown files (path → text), no MkDocs API.

Keeping generation outside MkDocs's plugin API lets the site move to another generator
(Zensical reads the same docs/ and mkdocs.yml).
"""
