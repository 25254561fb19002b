"""Tooling around the pipeline, kept out of the stage modules: evaluation (`make eval`), the
benchmark (`make bench`), the curator report (`make report`), the live preview (`make serve`),
the site archive (`make archive`), the published-URL list and the fact re-anchoring tool.

Tools start from `atlas.pipeline.prepare` or `atlas.build.run` like the build does; no stage
imports from here.
"""
