# Nianjian — two commands for people: `make demo` and `make test`. Both install what is missing.
SHELL := /bin/bash
APT_PACKAGES := libxml2-dev libxlsxwriter-dev libzip-dev libsqlite3-dev zlib1g-dev pkg-config
PY_PACKAGES := openpyxl==3.1.5 XlsxWriter python-calamine PyYAML
SWIFT ?= swift
RELEASE_BIN := .build/release/nianjian

.PHONY: demo test deps deps-apt deps-python deps-office build release lint format fixtures bench bench-workloads fuzz

## Install the C libraries (Debian) when any is missing.
deps-apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## Python packages used by the test helpers (openpyxl, XlsxWriter, calamine) to make and check fixtures.
deps-python:
	@python3 -c "import openpyxl, xlsxwriter, python_calamine, yaml" 2>/dev/null || \
	  python3 -m pip install --quiet --disable-pip-version-check $(PY_PACKAGES)

## LibreOffice (headless) to check that written workbooks open without repair.
deps-office:
	@command -v soffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui; }

deps: deps-apt

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## The three jobs on the sample returns, with the embedded default store.
demo: release
	$(RELEASE_BIN) demo --out demo-out

## Every test: unit, fixture, peer-fixture and end-to-end tests through the built binary, then lint.
test: deps deps-python deps-office
	$(SWIFT) build
	$(SWIFT) test
	$(SWIFT) format lint --strict --recursive Sources Tests

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests

## Rebuild the committed reader fixtures (needs openpyxl, XlsxWriter and LibreOffice). The other fixture
## scripts (Tests/Fixtures/*/make_*.py) run inside the tests, into temporary folders.
fixtures: deps-python deps-office
	python3 Tests/Fixtures/reader/make_fixtures.py

## Benchmark nianjian against the peer readers in ../shared/bench (results: Benchmarks/RESULTS.md).
bench: deps
	bash Benchmarks/run.sh

## Workload benchmarks: validate one return, 40 returns + yearbooks, a province of 6,000 returns (same file).
bench-workloads: deps deps-python
	bash Benchmarks/workloads.sh

## Fuzz with libFuzzer (a separate package in Fuzz/): zip, sheet XML, shared strings, styles, target expressions,
## the YAML schema and whole returns, FUZZ_SECONDS each (default 600), then replay the saved crashes.
FUZZ_SECONDS ?= 600
fuzz: deps
	bash Fuzz/run.sh all $(FUZZ_SECONDS)
	bash Fuzz/regress.sh
