#!/usr/bin/env bash
# README command (2): set up, build, start throwaway PostgreSQL and MariaDB servers on
# loopback, run every test through ctest against SQLite, PostgreSQL and MariaDB, and stop the
# servers whatever happens; then fuzz each reader of user input for 20 s on its corpus
# (docs/fuzzing.md). Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/tools/setup.sh"
bash "$root/tools/build.sh"

servers="$(mktemp -d /tmp/dbmig-servers.XXXXXX)"
trap 'bash "$root/tools/test_servers.sh" stop "$servers"' EXIT
eval "$(bash "$root/tools/test_servers.sh" start "$servers")"

ctest --test-dir "${BUILD_DIR:-$root/build}" --output-on-failure -j "$(nproc)"
bash "$root/tools/fuzz.sh" all "${FUZZ_SECONDS:-20}"
