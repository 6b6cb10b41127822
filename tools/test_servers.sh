#!/usr/bin/env bash
# Throwaway PostgreSQL and MariaDB servers on loopback, each with its own data folder and a
# free port, so they clash with nothing else on the machine.
#   eval "$(bash tools/test_servers.sh start DIR)"   # prints the DBMIG_TEST_* exports
#   bash tools/test_servers.sh stop DIR
set -euo pipefail
action="${1:?usage: test_servers.sh start|stop DIR}"
dir="${2:?usage: test_servers.sh start|stop DIR}"
password="dbmig-test-secret"

source "$(dirname "${BASH_SOURCE[0]}")/free_port.sh"

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

start_postgres() {
  local port bin
  port=$(free_port)
  bin=$(pg_bin)
  mkdir -p "$dir/pg"
  chown postgres:postgres "$dir/pg"
  runuser -u postgres -- "$bin/initdb" -D "$dir/pg/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 >"$dir/pg/initdb.log" 2>&1
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w \
    -o "-p $port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  runuser -u postgres -- psql -h "$dir/pg" -p "$port" -U postgres -q \
    -c "CREATE ROLE dbmig LOGIN SUPERUSER PASSWORD '$password'" >/dev/null
  echo "export DBMIG_TEST_POSTGRES_URL=postgresql://dbmig:$password@127.0.0.1:$port/postgres"
}

start_mariadb() {
  local port
  port=$(free_port)
  mkdir -p "$dir/my"
  chown mysql:mysql "$dir/my"
  mariadb-install-db --user=mysql --datadir="$dir/my/data" --auth-root-authentication-method=socket \
    --skip-test-db >"$dir/my/install.log" 2>&1
  mariadbd --user=mysql --datadir="$dir/my/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$dir/my/mysqld.sock" --pid-file="$dir/my/mysqld.pid" --skip-log-bin \
    --innodb-flush-log-at-trx-commit=0 >"$dir/my/server.log" 2>&1 &
  for _ in $(seq 100); do
    mariadb -S "$dir/my/mysqld.sock" -u root -e "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb -S "$dir/my/mysqld.sock" -u root -e \
    "CREATE USER 'dbmig'@'127.0.0.1' IDENTIFIED BY '$password';
     GRANT ALL ON *.* TO 'dbmig'@'127.0.0.1' WITH GRANT OPTION;"
  echo "export DBMIG_TEST_MYSQL_URL=mysql://dbmig:$password@127.0.0.1:$port/mysql"
}

stop_all() {
  if [ -d "$dir/pg/data" ]; then
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$dir/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/my/mysqld.pid" ]; then
    kill "$(cat "$dir/my/mysqld.pid")" 2>/dev/null || true
    for _ in $(seq 50); do [ -f "$dir/my/mysqld.pid" ] || break; sleep 0.2; done
  fi
  rm -rf "$dir"
}

case "$action" in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    start_postgres
    start_mariadb
    echo "export DBMIG_REQUIRE_SERVERS=1"
    ;;
  stop) stop_all ;;
  *) echo "usage: test_servers.sh start|stop DIR" >&2; exit 2 ;;
esac
