# CreditBench: `make reproduce` runs the main job, `make test` the tests, the estimator and scheme check, the peer checks and the cluster test.
# Both install what a fresh Debian/Ubuntu machine lacks (GSL, pkg-config, gnuplot) first.

SWIFT ?= swift
CONFIG ?= release
# Tests use @testable imports, so the one optimised build is made with testing enabled and shared
# by the tests, the peer checks and reproduce.
SWIFT_FLAGS := -c $(CONFIG) -Xswiftc -enable-testing
BIN := .build/$(CONFIG)/creditbench
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
PEER_CHECKS := $(sort $(wildcard benchmarks/peers/*_parity.py))

.PHONY: all deps build test unit-test check peer-check cluster-test reproduce clean

all: build

# System packages: GSL (the estimators' least squares, the RNG, the distributions), pkg-config
# (how SwiftPM finds GSL) and gnuplot (the plots).
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists gsl 2>/dev/null || missing="$$missing libgsl-dev"; \
	command -v gnuplot >/dev/null 2>&1 || missing="$$missing gnuplot-nox"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build $(SWIFT_FLAGS) --product creditbench

unit-test: deps
	$(SWIFT) test $(SWIFT_FLAGS)

# Each script pip-installs its pinned reference implementation into .venv-peers and compares.
peer-check: build
	@set -e; for script in $(PEER_CHECKS); do \
	  echo "== $$script"; CREDITBENCH_BIN=$(BIN) python3 $$script; \
	done

# The estimators and the credit schemes (short learning runs) against the committed baselines:
# exits non-zero naming any cell that got worse by more than the tolerance (re-record with
# `creditbench check --record`, and `--record --schemes ...` as `creditbench check --help` shows,
# after a deliberate change).
check: build
	$(BIN) check --baseline benchmarks/baselines/estimators.json --baseline benchmarks/baselines/schemes.json

# A real one-node Slurm cluster (installed and started by scripts/slurm/local-cluster.sh, as root):
# a sharded comparison through sbatch must equal the single-process one.
cluster-test: build
	CREDITBENCH_BIN=$(BIN) scripts/slurm/cluster-test.sh

test: unit-test check peer-check cluster-test

# Quick by default (minutes), into results/quick/ so the recorded full run stays as it is;
# FULL=1 is the full run (under two hours, resumable), into results/ and paper-check.md.
reproduce: build
	$(BIN) reproduce $(if $(FULL),--full --output results --paper-check paper-check.md,--quick --output results/quick --paper-check results/quick/paper-check.md)

clean:
	rm -rf .build .venv-peers
