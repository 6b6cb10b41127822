#!/usr/bin/env bash
# Load benchmark: `dbmig migrate` on a live table of 1,000,000 rows under a bounded write load,
# plainly and with the online options, and behind a long transaction with and without the
# statement lock timeout (docs/benchmark.md "Load: migrations on a live table"; not a test, CI
# never runs it).
#   tools/bench/load.sh [--dbmig PATH] [--dialect postgresql|mysql|both] [--rows N]
#                       [--writers N] [--rate N] [--seconds S] [--hold S] [--lock-timeout S]
#                       [--only TEXT]
# Installs what only the benchmark needs (psycopg2, PyMySQL from Debian) when missing, builds
# dbmig unless --dbmig is given, starts throwaway PostgreSQL and MariaDB servers
# (tools/test_servers.sh), and prints a Markdown table. Needs root for apt-get and the servers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

bash "$root/tools/setup.sh" >&2
packages=(python3 python3-psycopg2 python3-pymysql)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "load: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

args=("$@")
case " $* " in
  *" --dbmig "*) ;;
  *)
    bash "$root/tools/build.sh" >&2
    args+=(--dbmig "${BUILD_DIR:-$root/build}/bin/dbmig")
    ;;
esac

servers="$(mktemp -d /tmp/dbmig-load-servers.XXXXXX)"
trap 'bash "$root/tools/test_servers.sh" stop "$servers"' EXIT
eval "$(bash "$root/tools/test_servers.sh" start "$servers")"
export DBMIG_TEST_POSTGRES_URL DBMIG_TEST_MYSQL_URL

echo "machine: $(nproc) cores, $(uname -srm), $(date -u '+%Y-%m-%d %H:%M UTC')"
/usr/bin/python3 "$root/tools/bench/load.py" "${args[@]}"
