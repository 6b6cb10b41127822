#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests of tests/pgcluster/: a primary, a
# hot standby streaming from it (pg_basebackup -R), and PgBouncer in transaction pooling mode in
# front of the primary (docs/databases.md "PostgreSQL hot standby", "Behind a connection pooler
# (PgBouncer)"). Each on a free port, with its own folder under DIR.
#   bash tools/pg_cluster.sh start DIR   # writes DIR/env (and prints) the DBMIG_TEST_PG_* exports
#   bash tools/pg_cluster.sh stop DIR    # stops what start started, removes DIR
set -euo pipefail
action="${1:?usage: pg_cluster.sh start|stop DIR}"
dir="${2:?usage: pg_cluster.sh start|stop DIR}"
password="dbmig-test-secret"

source "$(dirname "${BASH_SOURCE[0]}")/free_port.sh"

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }
as_postgres() { runuser -u postgres -- "$@"; }

# on_free_port VARIABLE COMMAND...: sets VARIABLE to a free port and runs COMMAND, again with
# another port when it fails (another process may take the port between the check and the
# bind).
on_free_port() {
  local variable="$1"
  shift
  for _ in 1 2 3; do
    printf -v "$variable" '%s' "$(free_port)"
    "$@" && return
  done
  return 1
}

# start_server NAME PORT: runs the data folder DIR/NAME/data on PORT, its socket in DIR/NAME.
# Every test database gets a pool of its own in PgBouncer: room for many (a standby needs at
# least the primary's max_connections).
start_server() {
  as_postgres "$(pg_bin)/pg_ctl" -D "$dir/$1/data" -l "$dir/$1/server.log" -w \
    -o "-p $2 -k $dir/$1 -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
    start >/dev/null
}
start_primary_server() { start_server primary "$primary_port"; }
start_standby_server() { start_server standby "$standby_port"; }

start_primary() {
  mkdir -p "$dir/primary"
  chown postgres:postgres "$dir/primary"
  as_postgres "$(pg_bin)/initdb" -D "$dir/primary/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 >"$dir/primary/initdb.log" 2>&1
  on_free_port primary_port start_primary_server
  as_postgres psql -h "$dir/primary" -p "$primary_port" -U postgres -q \
    -c "CREATE ROLE dbmig LOGIN SUPERUSER PASSWORD '$password'" >/dev/null
}

# A copy of the primary that replays its WAL as it comes (-R writes primary_conninfo and
# standby.signal); hot_standby is on by default, so it accepts reading connections.
start_standby() {
  mkdir -p "$dir/standby"
  chown postgres:postgres "$dir/standby"
  as_postgres "$(pg_bin)/pg_basebackup" -h "$dir/primary" -p "$primary_port" -U postgres \
    -D "$dir/standby/data" -R -X stream -c fast >"$dir/standby/basebackup.log" 2>&1
  on_free_port standby_port start_standby_server
}

# Transaction pooling with a small pool, so concurrent clients share server connections as
# they would in production; `*` forwards any database name to the primary. Round robin hands
# each transaction the server connection idle longest, so consecutive transactions of one
# client land on different server connections whenever two are idle, as on a busy pool (by
# default PgBouncer reuses the last one, which hides what a session SET does not carry over).
# Idle server connections close after 5 s, so the pools of finished tests do not add up.
# PgBouncer drops each connection's `options` (ignore_startup_parameters), as a pooler may: the
# case that dbmig's check of a URL's ?schema= must catch (docs/databases.md "Schema per tenant").
# PgBouncer refuses to run as root.
start_pgbouncer() {
  mkdir -p "$dir/pgbouncer"
  echo "\"dbmig\" \"$password\"" >"$dir/pgbouncer/userlist.txt"
  chown -R postgres:postgres "$dir/pgbouncer"
  chmod 600 "$dir/pgbouncer/userlist.txt"
  on_free_port pgbouncer_port run_pgbouncer
}

# Starts PgBouncer on $pgbouncer_port: true once it listens there, false when it gave up.
run_pgbouncer() {
  local log="$dir/pgbouncer/pgbouncer.log"
  cat >"$dir/pgbouncer/pgbouncer.ini" <<EOF
[databases]
* = host=127.0.0.1 port=$primary_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $pgbouncer_port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/pgbouncer/userlist.txt
pool_mode = transaction
default_pool_size = 4
server_round_robin = 1
server_idle_timeout = 5
max_client_conn = 200
ignore_startup_parameters = options
pidfile = $dir/pgbouncer/pgbouncer.pid
logfile = $log
EOF
  install -o postgres -g postgres -m 644 /dev/null "$log"
  as_postgres pgbouncer -d "$dir/pgbouncer/pgbouncer.ini" || return 1
  for _ in $(seq 100); do
    grep -q "listening on 127.0.0.1:$pgbouncer_port" "$log" && return
    grep -q FATAL "$log" && return 1
    sleep 0.1
  done
  echo "pg_cluster: PgBouncer did not start, see $log" >&2
  return 1
}

# The logs of a failed start, before stop_all removes them.
show_logs() {
  echo "pg_cluster: start failed" >&2
  for log in "$dir"/*/*.log; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
}

url() { echo "postgresql://dbmig:$password@127.0.0.1:$1/postgres"; }

stop_all() {
  if [ -f "$dir/pgbouncer/pgbouncer.pid" ]; then
    kill "$(cat "$dir/pgbouncer/pgbouncer.pid")" 2>/dev/null || true
  fi
  for server in standby primary; do
    if [ -f "$dir/$server/data/postmaster.pid" ]; then
      as_postgres "$(pg_bin)/pg_ctl" -D "$dir/$server/data" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$dir"
}

start() {
  rm -rf "$dir"
  mkdir -p "$dir"
  chmod 755 "$dir"
  start_primary
  start_standby
  start_pgbouncer
  {
    echo "export DBMIG_TEST_PG_PRIMARY_URL=$(url "$primary_port")"
    echo "export DBMIG_TEST_PG_STANDBY_URL=$(url "$standby_port")"
    echo "export DBMIG_TEST_PGBOUNCER_URL=$(url "$pgbouncer_port")"
  } >"$dir/env.partial"
  mv "$dir/env.partial" "$dir/env"
  cat "$dir/env"
}

case "$action" in
  start)
    # Whatever failed half-way, nothing stays running.
    trap 'status=$?; [ "$status" -eq 0 ] || { show_logs; stop_all; }' EXIT
    start
    ;;
  stop) stop_all ;;
  *) echo "usage: pg_cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
