#!/usr/bin/env bash
# Regenerates reports/baselines/ (the CI regression check's baselines) on this machine: runs the
# CiRegressionGateTest's short driver run and quick JMH run and writes their results as the new baselines,
# then checks them. Review the diff (git diff reports/baselines) before committing: a baseline is a
# promise about error counts, chunks and tokens per stream, B/op and flush counters.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am verify -Dtest=CiRegressionGateTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dstreambench.updateBaselines=true
git status --short reports/baselines
