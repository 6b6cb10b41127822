# Sourced by the scripts that start throwaway servers (test_servers.sh, pg_cluster.sh,
# galera_cluster.sh): free_port prints a TCP port nobody listens on at 127.0.0.1.
# Below Linux's ephemeral ports (32768 and up), which the tests' own client connections take at
# random meanwhile.
free_port() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "$(basename "$0"): no free port found" >&2
  return 1
}
