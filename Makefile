# Two commands a user needs: `make demo` and `make test`. Both create the environment (.venv) on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test env export clean-nbs readme check-clean browser

$(STAMP): settings.ini setup.py
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

env: $(STAMP)

## 1. colorize the bundled sample photos with the shipped default model -> output/samples/
demo: $(STAMP)
	$(BIN)/deoldify colorize data/samples -o output/samples --compare --overwrite

## 2. the whole test suite: every notebook (nbdev_test, one worker) and the end-to-end checks (pytest)
test: $(STAMP)
	cd nbs && ../$(BIN)/nbdev_test --n_workers 1 --flags "slow train" --timing
	$(BIN)/python -m pytest -q tests

## headless Chromium and its driver, for the notebook tests in a real browser (Debian/Ubuntu: apt, as root or through sudo);
## without them those tests are skipped and say why
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then echo "chromium and chromedriver are installed"; \
	else S=$$([ "$$(id -u)" = 0 ] || echo sudo); $$S apt-get install -y --no-install-recommends chromium chromium-driver || \
	{ $$S apt-get update && $$S apt-get install -y --no-install-recommends chromium chromium-driver; }; fi

export: $(STAMP)
	$(BIN)/nbdev_export

clean-nbs: $(STAMP)
	$(BIN)/nbdev_clean

readme: $(STAMP)
	$(BIN)/jupyter nbconvert --log-level WARN --to markdown nbs/index.ipynb --output-dir . --output README

## fails when deoldify/ or README.md is not what the notebooks export, or when notebooks carry outputs/metadata noise
check-clean: export clean-nbs readme
	@git status --porcelain -- deoldify nbs README.md | grep . && { echo "ERROR: run 'make export clean-nbs readme' and commit the result"; git --no-pager diff --stat; exit 1; } || echo "notebooks, package and README are in sync"
