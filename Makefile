# Two commands on a fresh machine:
#   make reports   set up .venv, execute every notebook, write reports/*.html
#   make test      set up .venv, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup reports test lab bench stress clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,scale]'
	touch $@

reports: setup
	$(BIN)/python -m helpers.reports

test: setup
	$(BIN)/python -m pytest

# Throughput and memory at 1k/10k/100k synthetic articles, both engines, plus the spaCy+textacy peer.
# Writes bench/RESULTS.md. Takes about 15 minutes on 2 cores; SIZES="1000 10000" for a quick run.
SIZES ?= 1000 10000 100000
bench: setup
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[peer]' || echo "peer not installed: benchmark runs without it"
	$(BIN)/python bench/run.py --sizes $(SIZES)

# Reports on 20,000 short synthetic articles (time, peak memory of the whole process tree), one 50 MB article,
# one 5 MB line, and 80k against 320k characters. About 10 minutes on 2 cores.
stress: setup
	$(BIN)/python bench/stress.py

# Prints which articles and study the notebooks will read; --allow-root only when run as root (containers).
lab: setup
	@$(BIN)/python -c "from helpers import config, study; s = study.choose_study(); print(f'notebooks read DATA_DIR={config.data_dir()} with the study {s.name!r} ({s.path})')"
	$(BIN)/jupyter lab --notebook-dir=notebooks $$([ "$$(id -u)" = 0 ] && echo --allow-root)

clean:
	rm -rf $(VENV) reports data/processed/*.csv
