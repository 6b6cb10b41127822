#!/usr/bin/env bash
# Many databases and a Galera cluster: `dbmig migrate` of the benchmark project into many tenant
# schemas with -j 1/4/8, and on a three-node Galera cluster against one MariaDB server
# (docs/benchmark.md "Many databases and a Galera cluster"; not a test, CI never runs it).
#   tools/bench/clusters.sh [--dbmig PATH] [--size small|medium|large] [--tenants N]
#                           [--jobs 1,4,8] [--runs N] [--only tenants|galera]
# Builds dbmig unless --dbmig is given, starts throwaway PostgreSQL and MariaDB servers
# (tools/test_servers.sh) and the Galera cluster (tools/galera_cluster.sh), stops them at exit,
# and prints a Markdown table. Needs root for apt-get and the servers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

bash "$root/tools/setup.sh" >&2
args=("$@")
case " $* " in
  *" --dbmig "*) ;;
  *)
    bash "$root/tools/build.sh" >&2
    args+=(--dbmig "${BUILD_DIR:-$root/build}/bin/dbmig")
    ;;
esac

servers="$(mktemp -d /tmp/dbmig-clusters-servers.XXXXXX)"
galera="$(mktemp -d /tmp/dbmig-clusters-galera.XXXXXX)"
trap 'bash "$root/tools/test_servers.sh" stop "$servers"; bash "$root/tools/galera_cluster.sh" stop "$galera"' EXIT
eval "$(bash "$root/tools/test_servers.sh" start "$servers")"
bash "$root/tools/galera_cluster.sh" start "$galera" >/dev/null
# shellcheck disable=SC1091
source "$galera/env"
export DBMIG_TEST_POSTGRES_URL DBMIG_TEST_MYSQL_URL DBMIG_TEST_GALERA_URL_1

echo "machine: $(nproc) cores, $(uname -srm), $(date -u '+%Y-%m-%d %H:%M UTC')"
/usr/bin/python3 "$root/tools/bench/clusters.py" "${args[@]}"
