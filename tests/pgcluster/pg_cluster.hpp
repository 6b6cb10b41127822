// The cluster of tools/pg_cluster.sh as the tests of this folder see it: a PostgreSQL primary,
// a hot standby replaying it, and PgBouncer (transaction pooling) in front of the primary.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dbmig::test {

struct PgCluster {
  std::string primary, standby, pgbouncer;  // server URLs naming the postgres database

  // The cluster's settings (DBMIG_CLUSTER_ENV); nullopt, and the test skips, without them.
  static std::optional<PgCluster> from_env();
  // A new empty database on the primary for the running test, named after it.
  std::string fresh_database() const;
  // Waits (at most 30 s) until the standby has replayed everything the primary wrote so far.
  bool standby_caught_up() const;
};

// `server` (a URL of the cluster) naming `database` instead.
std::string on_database(const std::string& server, const std::string& database);

// The demo project with three more blog migrations (0002 to 0004), so a run applies five.
void write_demo_project_with_history(const std::filesystem::path& project);
// The five migrations of that project, as "app.name".
std::vector<std::string> demo_history();

// Waits for the spawned process `pid` at most `limit`; kills it when it runs longer. Its exit
// code, or nullopt when it had to be killed.
std::optional<int> exit_within(pid_t pid, std::chrono::seconds limit);

}  // namespace dbmig::test
