#!/usr/bin/env bash
# A throwaway three-node MariaDB Galera cluster on loopback (docs/databases.md "Galera
# cluster"): each node a mariadbd with its own data folder and free ports, rsync state
# transfers, a `dbmig` user with a password.
#   bash tools/galera_cluster.sh start DIR     # writes DIR/env (the exports below) and prints it
#   bash tools/galera_cluster.sh kill DIR N    # SIGKILL node N's mariadbd
#   bash tools/galera_cluster.sh restart DIR N # start node N again (it rejoins, state transfer)
#   bash tools/galera_cluster.sh stop DIR      # stops every node, removes DIR
# DIR/env exports DBMIG_TEST_GALERA_URL_1..3 (mysql://dbmig:...@127.0.0.1:PORT/mysql),
# DBMIG_TEST_GALERA_PID_1..3 (a file with node N's mariadbd pid), and DBMIG_TEST_GALERA_SCRIPT
# (this script) and DBMIG_TEST_GALERA_DIR for the kill and restart actions.
set -euo pipefail
action="${1:?usage: galera_cluster.sh start|stop DIR | kill|restart DIR N}"
dir="${2:?usage: galera_cluster.sh start|stop DIR | kill|restart DIR N}"
password="dbmig-test-secret"
nodes=3

source "$(dirname "${BASH_SOURCE[0]}")/free_port.sh"

# Node N's ports, chosen at start: client, group communication, incremental and full state
# transfer.
port_of() { cat "$dir/node$1/$2.port"; }

sql() {  # sql N STATEMENTS: as root over node N's socket
  mariadb -S "$dir/node$1/mysqld.sock" -u root -N -e "$2"
}

# Node N joins the cluster at any of the nodes' group communication ports (or, with
# --wsrep-new-cluster, starts it).
start_node() {  # start_node N [--wsrep-new-cluster]
  local n="$1" cluster_address="gcomm://" peers=()
  for m in $(seq $nodes); do peers+=("127.0.0.1:$(port_of "$m" gcomm)"); done
  [ "${2:-}" = --wsrep-new-cluster ] || cluster_address="gcomm://$(IFS=,; echo "${peers[*]}")"
  mariadbd --no-defaults --user=mysql --datadir="$dir/node$n/data" \
    --port="$(port_of "$n" client)" --bind-address=127.0.0.1 \
    --socket="$dir/node$n/mysqld.sock" --pid-file="$dir/node$n/mysqld.pid" \
    --innodb-flush-log-at-trx-commit=0 --binlog-format=ROW --innodb-autoinc-lock-mode=2 \
    --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so \
    --wsrep-cluster-name=dbmig_test --wsrep-cluster-address="$cluster_address" \
    --wsrep-node-name="node$n" --wsrep-node-address="127.0.0.1:$(port_of "$n" gcomm)" \
    --wsrep-node-incoming-address="127.0.0.1:$(port_of "$n" client)" \
    --wsrep-provider-options="ist.recv_addr=127.0.0.1:$(port_of "$n" ist);gcache.size=32M" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$(port_of "$n" sst)" \
    >>"$dir/node$n/server.log" 2>&1 &
  echo $! >"$dir/node$n/node.pid"  # at once: mariadbd writes its own pid file only later
  wait_synced "$n"
}

# Until node N is a synced member of the cluster (30 s at most).
wait_synced() {
  for _ in $(seq 150); do
    [ "$(sql "$1" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ] &&
      return
    sleep 0.2
  done
  echo "galera_cluster: node $1 did not join the cluster; the end of its log:" >&2
  tail -n 30 "$dir/node$1/server.log" >&2
  return 1
}

start_all() {
  mkdir -p "$dir"
  chmod 755 "$dir"
  for n in $(seq $nodes); do
    mkdir -p "$dir/node$n"
    for kind in client gcomm ist sst; do free_port >"$dir/node$n/$kind.port"; done
  done
  # One installed data folder; the joiners receive theirs from node 1 (rsync state transfer).
  mariadb-install-db --no-defaults --user=mysql --datadir="$dir/node1/data" \
    --auth-root-authentication-method=socket --skip-test-db >"$dir/node1/install.log" 2>&1
  for n in $(seq $nodes); do
    mkdir -p "$dir/node$n/data"
    chown -R mysql:mysql "$dir/node$n"
  done
  start_node 1 --wsrep-new-cluster
  sql 1 "CREATE USER 'dbmig'@'127.0.0.1' IDENTIFIED BY '$password';
         GRANT ALL ON *.* TO 'dbmig'@'127.0.0.1' WITH GRANT OPTION;"
  for n in $(seq 2 $nodes); do start_node "$n"; done
  {
    for n in $(seq $nodes); do
      echo "export DBMIG_TEST_GALERA_URL_$n=mysql://dbmig:$password@127.0.0.1:$(port_of "$n" client)/mysql"
      echo "export DBMIG_TEST_GALERA_PID_$n=$dir/node$n/node.pid"
    done
    echo "export DBMIG_TEST_GALERA_SCRIPT=$(realpath "$0")"
    echo "export DBMIG_TEST_GALERA_DIR=$(realpath "$dir")"
  } >"$dir/env"
  cat "$dir/env"
}

# Sends `signal` to node N's mariadbd and waits (at most `tenths` tenths of a second) until it
# is gone; false when it is still there.
signal_node() {  # signal_node N SIGNAL TENTHS
  local pid_file="$dir/node$1/node.pid" pid
  [ -f "$pid_file" ] || return 0
  pid=$(cat "$pid_file")
  kill "-$2" "$pid" 2>/dev/null || true
  for _ in $(seq "$3"); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; return 0; }
    sleep 0.1
  done
  return 1
}

kill_node() { signal_node "$1" KILL 50; }

# Every node: the last ones first, so that node 1 leaves last. A node that does not stop in 10 s
# is killed.
stop_all() {
  for n in $(seq $nodes -1 1); do
    signal_node "$n" TERM 100 || kill_node "$n" || true
  done
  rm -rf "$dir"
}

case "$action" in
  start)
    trap 'stop_all' EXIT  # a failed start leaves nothing behind
    start_all
    trap - EXIT
    ;;
  stop) stop_all ;;
  kill) kill_node "${3:?node number}" ;;
  restart) start_node "${3:?node number}" ;;
  *) echo "usage: galera_cluster.sh start|stop DIR | kill|restart DIR N" >&2; exit 2 ;;
esac
