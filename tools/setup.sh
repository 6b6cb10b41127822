#!/usr/bin/env bash
# Installs every Debian package dbmig's build, tests and demo need. Idempotent; run as root.
set -euo pipefail

packages=(
  cmake g++ make pkgconf clang-format
  libclang-dev clang libsoci-dev libboost-dev libsqlite3-dev libpq-dev libmariadb-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev
  sqlite3 postgresql mariadb-server
  clang-14 libclang-rt-14-dev jq  # tools/fuzz.sh: libFuzzer and the seeds' JSON
  galera-4 rsync pgbouncer  # the clusters of tools/galera_cluster.sh and tools/pg_cluster.sh
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}; run this script as root (apt-get needs it)" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# policy-rc.d keeps the packaged postgresql/mariadb services from starting: the tests run
# their own throwaway servers.
apt-get install -y -q --no-install-recommends "${missing[@]}"
