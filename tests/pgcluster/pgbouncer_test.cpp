// Behind PgBouncer in transaction pooling mode (docs/databases.md "Behind a connection pooler
// (PgBouncer)"): concurrent migrate runs apply each migration exactly once, the migration lock
// holds across the pool's server connections, and dbmig leaves no named prepared statement.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <thread>

#include "dbmig/connection.hpp"
#include "dbmig/error.hpp"
#include "dbmig/migration_lock.hpp"
#include "dbmig/recorder.hpp"
#include "demo_project.hpp"
#include "pg_cluster.hpp"
#include "spawned_dbmig.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

using namespace std::chrono_literals;

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// `runs` dbmig processes started together with `args` on the project; each one's exit code
// (nullopt: killed after `limit`) and output.
std::vector<std::pair<std::optional<int>, std::string>> run_together(
    int runs, const std::vector<std::string>& args, const TempDir& project,
    std::chrono::seconds limit = 60s) {
  std::vector<pid_t> pids;
  for (int i = 0; i < runs; ++i)
    pids.push_back(
        spawn_dbmig(args, project.path(), project.path() / ("run" + std::to_string(i) + ".out")));
  std::vector<std::pair<std::optional<int>, std::string>> outcomes;
  for (int i = 0; i < runs; ++i) {
    auto code = exit_within(pids[i], limit);  // before reading what the run wrote
    outcomes.emplace_back(code, read_file(project.path() / ("run" + std::to_string(i) + ".out")));
  }
  return outcomes;
}

TEST(PgBouncer, ConcurrentMigratesApplyEachMigrationExactlyOnce) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  TempDir project;
  write_demo_project_with_history(project.path());
  for (int round = 1; round <= 4; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::string pooled = on_database(cluster->pgbouncer, cluster->fresh_database());
    auto outcomes = run_together(8, {"--database", pooled, "migrate"}, project);
    std::string all;
    for (const auto& [code, output] : outcomes) {
      EXPECT_EQ(code, 0) << output;
      all += output;
    }
    for (const auto& key : demo_history())
      EXPECT_EQ(occurrences(all, "Applying " + key + "... OK"), 1u) << key << "\n" << all;
    Connection connection(parse_database_url(pooled), Access::read);
    std::vector<std::string> recorded;
    for (const auto& record : MigrationRecorder(connection).records())
      recorded.push_back(record.key.str());
    std::sort(recorded.begin(), recorded.end());
    EXPECT_EQ(recorded, demo_history());
  }
}

TEST(PgBouncer, TheMigrationLockHoldsAcrossThePoolsServerConnections) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  std::string pooled = on_database(cluster->pgbouncer, cluster->fresh_database());
  Connection first(parse_database_url(pooled)), second(parse_database_url(pooled));
  {
    auto held = MigrationLock::acquire(first, 1s);
    // Other clients' transactions cycle through every server connection of the pool meanwhile.
    std::vector<std::unique_ptr<Connection>> others;
    for (int i = 0; i < 6; ++i) {
      others.push_back(std::make_unique<Connection>(parse_database_url(pooled)));
      others.back()->query("SELECT 1");
    }
    try {
      MigrationLock::acquire(second, 300ms);
      FAIL() << "two holders of the migration lock behind the pooler";
    } catch (const DatabaseError& e) {
      EXPECT_NE(std::string(e.what()).find("another dbmig migrate or rollback"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_NO_THROW(MigrationLock::acquire(second, 1s));
}

// A run killed while it migrates through the pooler: its client connections drop, the pooler
// closes their server connections, and the lock's transaction ends with them.
TEST(PgBouncer, AKilledRunReleasesTheMigrationLock) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  TempDir project;
  copy_demo_project(project.path());
  write_blog_migration(
      project.path(), "0002_sleep",
      R"json({"op": "RunSQL", "sql": ["SELECT pg_sleep(2)"], "reverse_sql": []})json");
  std::string database = cluster->fresh_database();
  std::string pooled = on_database(cluster->pgbouncer, database);
  Connection observer(parse_database_url(on_database(cluster->primary, database)));
  pid_t pid =
      spawn_dbmig({"--database", pooled, "migrate"}, project.path(), project.path() / "killed.out");
  bool sleeping = eventually([&] {
    return observer.query_int(
               "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
               "current_database() AND state = 'active' AND query LIKE "
               "'%pg_sleep(2)%' AND pid <> pg_backend_pid()") > 0;
  });
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  ASSERT_TRUE(sleeping) << read_file(project.path() / "killed.out");

  auto again = run_together(1, {"--database", pooled, "migrate", "--lock-timeout", "15"}, project);
  EXPECT_EQ(again[0].first, 0) << again[0].second;
  EXPECT_NE(again[0].second.find("Applying blog.0002_sleep... OK"), std::string::npos)
      << again[0].second;
}

// The statement lock timeout holds in a migration's transaction though the pooler runs the
// session's SET on another server connection (round robin, tools/pg_cluster.sh).
TEST(PgBouncer, AMigrationsStatementGivesUpWaitingForALock) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  TempDir project;
  write_demo_project_with_history(project.path());
  std::string database = cluster->fresh_database();
  std::string pooled = on_database(cluster->pgbouncer, database);
  // Without a statement lock timeout, so no session SET of dbmig's stays on a server connection.
  auto base = run_together(
      1, {"--database", pooled, "migrate", "blog", "0001_initial", "--statement-lock-timeout", "0"},
      project);
  ASSERT_EQ(base[0].first, 0) << base[0].second;
  {  // every server connection of the pool open and idle
    std::vector<std::unique_ptr<Connection>> clients;
    for (int i = 0; i < 4; ++i) {
      clients.push_back(std::make_unique<Connection>(parse_database_url(pooled)));
      clients.back()->begin();
      clients.back()->query("SELECT 1");
    }
    for (auto& client : clients) client->commit();
  }
  Connection application(parse_database_url(on_database(cluster->primary, database)));
  application.begin();
  application.execute("LOCK TABLE blogs IN ACCESS SHARE MODE");

  auto waited = run_together(1,
                             {"--database", pooled, "migrate", "blog", "0002_subtitle",
                              "--statement-lock-timeout", "0.5", "--statement-lock-retries", "0"},
                             project, 15s);
  application.rollback();
  ASSERT_TRUE(waited[0].first) << "still waiting for the lock after 15 s: " << waited[0].second;
  EXPECT_EQ(waited[0].first, 3) << waited[0].second;
  EXPECT_NE(waited[0].second.find("lock timeout"), std::string::npos) << waited[0].second;
}

TEST(PgBouncer, QueriesLeaveNoNamedPreparedStatement) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  Connection connection(
      parse_database_url(on_database(cluster->primary, cluster->fresh_database())));
  auto result = connection.query("SELECT :a AS a, :b AS b", {std::string("x"), 2});
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0][0], "x");
  connection.query("SELECT name FROM pg_prepared_statements");
  EXPECT_EQ(connection.query_int("SELECT COUNT(*) FROM pg_prepared_statements"), 0);
}

// Tenants in schemas of one database (a role whose search_path is its schema) each have their
// own migration lock; one schema has one lock whoever connects.
TEST(PostgresMigrationLock, EachSchemaOfADatabaseHasItsOwnLock) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  std::string database = cluster->fresh_database();
  std::string url = on_database(cluster->primary, database);
  Connection admin(parse_database_url(url));
  admin.execute("DROP ROLE IF EXISTS " + database + "_tenant");
  admin.execute("CREATE ROLE " + database + "_tenant LOGIN PASSWORD 'tenant-secret'");
  admin.execute("CREATE SCHEMA tenant AUTHORIZATION " + database + "_tenant");
  admin.execute("ALTER ROLE " + database + "_tenant IN DATABASE " + database +
                " SET search_path = tenant");
  std::string tenant_url = url;
  tenant_url.replace(tenant_url.find("dbmig:dbmig-test-secret"),
                     std::string("dbmig:dbmig-test-secret").size(),
                     database + "_tenant:tenant-secret");
  Connection on_public(parse_database_url(url)), on_tenant(parse_database_url(tenant_url));
  Connection other_on_tenant(parse_database_url(tenant_url));
  {
    auto held = MigrationLock::acquire(on_public, 1s);
    EXPECT_NO_THROW(MigrationLock::acquire(on_tenant, 300ms));
  }
  auto held = MigrationLock::acquire(on_tenant, 1s);
  EXPECT_THROW(MigrationLock::acquire(other_on_tenant, 300ms), DatabaseError);
}

}  // namespace
}  // namespace dbmig::test
