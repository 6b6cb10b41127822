#!/usr/bin/env bash
# dbmig vs Django benchmark: one command for one size (not a test; CI never runs it).
#   tools/bench/run.sh [small|medium|large] [--runs N] [--dbmig PATH] [--build-dir DIR] [--no-django] [--makemigrations-only]
# Installs what the build and the servers need (tools/setup.sh) and what only the benchmark
# needs (Django, psycopg2, GNU time) when missing, builds dbmig unless --dbmig is given, starts
# a throwaway PostgreSQL server, and prints the Markdown table of tools/bench/bench.py. Some
# rows use dbmig installed (`cmake --install`) from the build tree --build-dir (default: two
# folders above --dbmig, build/ for build/bin/dbmig) into a temporary prefix. Needs root for
# apt-get and the server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

bash "$root/tools/setup.sh" >&2
packages=(python3 python3-django python3-psycopg2 time)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

case " $* " in
  *" --dbmig "*) ;;
  *) bash "$root/tools/build.sh" >&2 ;;
esac

servers="$(mktemp -d /tmp/dbmig-bench-servers.XXXXXX)"
trap 'bash "$root/tools/test_servers.sh" stop "$servers"' EXIT
# Only PostgreSQL is needed; test_servers.sh starts MariaDB too, which costs about a second.
eval "$(bash "$root/tools/test_servers.sh" start "$servers")"
export DBMIG_TEST_POSTGRES_URL

/usr/bin/python3 "$root/tools/bench/bench.py" "$@"
