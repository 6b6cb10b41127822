#!/usr/bin/env bash
# A throwaway PostgreSQL server behind a PgBouncer that drops each connection's options
# (ignore_startup_parameters = options), as a pooler may: the case dbmig's check of a URL's
# ?schema= must catch (docs/databases.md "Schema per tenant"). A ctest fixture
# (tests/CMakeLists.txt dbmig_add_cluster_fixture):
#   bash tools/pooler_cluster.sh start DIR   # writes DIR/env: DBMIG_POOLER_URL, DBMIG_POOLER_DIRECT_URL
#   bash tools/pooler_cluster.sh stop DIR
set -Eeuo pipefail
action="${1:?usage: pooler_cluster.sh start|stop DIR}"
dir="${2:?usage: pooler_cluster.sh start|stop DIR}"
password="dbmig-test-secret"

free_port() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "pooler_cluster: no free port found" >&2
  return 1
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

url() { echo "postgresql://dbmig:$password@127.0.0.1:$1/postgres"; }

stop_all() {
  if [ -f "$dir/pgbouncer.pid" ]; then
    kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true
    for _ in $(seq 50); do [ -f "$dir/pgbouncer.pid" ] || break; sleep 0.1; done
  fi
  if [ -d "$dir/data" ]; then
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

start_all() {
  local pg_port bouncer_port bin
  bin=$(pg_bin)
  pg_port=$(free_port)
  bouncer_port=$(free_port)
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $pg_port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  runuser -u postgres -- psql -h "$dir" -p "$pg_port" -U postgres -q \
    -c "CREATE ROLE dbmig LOGIN SUPERUSER PASSWORD '$password'" >/dev/null
  cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$pg_port
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/users.txt
pool_mode = session
ignore_startup_parameters = options
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
  echo "\"dbmig\" \"$password\"" >"$dir/users.txt"
  chown postgres:postgres "$dir/pgbouncer.ini" "$dir/users.txt"
  # PgBouncer refuses to run as root.
  runuser -u postgres -- pgbouncer -d "$dir/pgbouncer.ini"
  for _ in $(seq 50); do
    PGPASSWORD="$password" psql "$(url "$bouncer_port")" -Atqc "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.1
  done
  PGPASSWORD="$password" psql "$(url "$bouncer_port")" -Atqc "SELECT 1" >/dev/null
  {
    echo "export DBMIG_POOLER_URL=$(url "$bouncer_port")"
    echo "export DBMIG_POOLER_DIRECT_URL=$(url "$pg_port")"
  } >"$dir/env"
  cat "$dir/env"
}

case "$action" in
  start)
    # Whatever fails stops what was started (stop may be never run after a failed start).
    trap 'echo "pooler_cluster: start failed" >&2; tail -n 5 "$dir"/*.log >&2 || true; stop_all; exit 1' ERR
    start_all
    ;;
  stop) stop_all ;;
  *) echo "usage: pooler_cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
