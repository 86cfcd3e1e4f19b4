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

## 2. the whole test suite: every notebook (nbdev_test) and the end-to-end checks (pytest), two at a time on one thread each.
## The notebooks go in two queues of about equal length, longest first (nbdev_test alone takes them in name order, which
## leaves the longest, 16_bench, running alone at the end)
HALF := ^(16_|13_|18b_|01_|15_|VideoColorizer)
NBTEST := OMP_NUM_THREADS=1 ../$(BIN)/nbdev_test --n_workers 1 --flags "slow train" --timing
## Both queues share one export cache for the run (`deoldify.testing.export_cache`): the tiny model is exported once
test: $(STAMP)
	export DEOLDIFY_TEST_CACHE=$$(mktemp -d -t deoldify-exports-XXXXXX); cd nbs && { $(NBTEST) --file_re '$(HALF)' > ../.nbtest_a.log 2>&1 & a=$$!; \
	  $(NBTEST) --skip_file_re '^[_.]|$(HALF)'; b=$$?; wait $$a; ra=$$?; cat ../.nbtest_a.log; rm -f ../.nbtest_a.log; \
	  rm -rf "$$DEOLDIFY_TEST_CACHE"; test $$ra = 0 && test $$b = 0; }
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -q -n 2 --dist loadfile --durations 8 tests

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
