"""Atlas de la coopération du Bélarus: a pipeline from French source documents to a static site.

Stages, one module each: corpus (read and clean the documents) → recognise (find places) →
facts (load and check curated facts) → extract (candidate facts for new documents) →
pages (generate Markdown) → maps (draw Folium maps) → exports (open data) → publish (MkDocs build).
"""
