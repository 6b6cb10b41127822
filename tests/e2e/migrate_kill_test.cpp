// A `dbmig migrate` killed with SIGKILL in the middle of a long migration leaves SQLite and
// PostgreSQL consistent (the migration neither half-applied nor recorded), and the next
// `migrate` completes; on MariaDB the next `migrate` says what is known and what may have run.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "../db/migrate_fixtures.hpp"
#include "dbmig/migration_json.hpp"
#include "spawned_dbmig.hpp"

namespace dbmig::test {

namespace {

constexpr long long kSlowRows = 600000;

// A statement that takes a few seconds on each database.
std::string slow_statement(Dialect dialect) {
  if (dialect == Dialect::postgresql) return "SELECT pg_sleep(2)";
  if (dialect == Dialect::mysql)
    return "SET STATEMENT max_recursive_iterations = 100000000 FOR INSERT INTO slow SELECT x "
           "FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " +
           std::to_string(kSlowRows) + ") SELECT x FROM c) AS numbers";
  return "INSERT INTO slow WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
         "WHERE x < 3000000) SELECT x FROM c";
}

void write_long_history(const std::filesystem::path& project, Dialect dialect) {
  for (const auto& migration :
       {make_migration("ops", "0001_base", {}, {run_sql({"CREATE TABLE base (id INTEGER)"})}),
        make_migration("ops", "0002_long", {{"ops", "0001_base"}},
                       {run_sql({"CREATE TABLE slow (x INTEGER)", slow_statement(dialect)})})})
    write_file(project / "migrations/ops" / (migration.name + ".json"),
               format_migration(migration));
}

// True once ops.0002_long's long statement runs, as the database shows it to an observer.
std::function<bool()> long_statement_running(const std::string& url) {
  DatabaseUrl parsed = parse_database_url(url);
  if (parsed.dialect == Dialect::sqlite) {
    // dbmig's SQLite connection keeps the default rollback journal: the open write transaction
    // has a <database>-journal, and only the INSERT's rows, spilling from the page cache
    // (2 MiB), grow the database file (a few pages before ops.0002_long) past 1 MiB.
    std::filesystem::path database = parsed.database;
    std::filesystem::path journal = parsed.database + "-journal";
    return [database, journal] {
      constexpr std::uintmax_t kGrown = 1 << 20;
      std::error_code error;
      return std::filesystem::exists(journal, error) &&
             std::filesystem::file_size(database, error) > kGrown && !error;
    };
  }
  auto observer =
      std::make_shared<soci::session>(parsed.soci_backend(), parsed.soci_connection_string());
  std::string sql =
      parsed.dialect == Dialect::postgresql
          ? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
            "pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep(2)%'"
          : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> "
            "CONNECTION_ID() AND COMMAND = 'Query' AND INFO LIKE '%INSERT INTO slow%'";
  return [observer, sql] {
    long long running = 0;
    *observer << sql, soci::into(running);
    return running > 0;
  };
}

// A project with ops.0001_base and the long ops.0002_long, on a fresh database of `dialect`,
// and a `dbmig migrate` on it killed with SIGKILL as soon as the long statement runs.
struct KilledMigration {
  TempDir project;
  std::string url;
};

void kill_during_long_migration(Dialect dialect, KilledMigration& killed) {
  auto url = fresh_database_url(dialect, killed.project.path());
  ASSERT_TRUE(url);
  killed.url = *url;
  write_long_history(killed.project.path(), dialect);
  auto running = long_statement_running(killed.url);
  auto out = killed.project.path() / "killed.out";
  pid_t pid = spawn_dbmig({"--database", killed.url, "migrate"}, killed.project.path(), out);
  int status = 0;
  bool exited = false;
  bool seen = eventually([&] {
    exited = waitpid(pid, &status, WNOHANG) == pid;
    return exited || running();
  });
  if (!exited) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(seen && !exited) << to_string(dialect)
                               << ": the long statement of ops.0002_long was not seen running "
                               << (exited ? "before dbmig exited: " : "within 30 s: ")
                               << read_file(out);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the migration finished before the kill: " << read_file(out);
}

}  // namespace

TEST(MigrateKill, SigkillMidMigrationLeavesTheDatabaseConsistent) {
  for (Dialect dialect : test_dialects()) {
    if (dialect == Dialect::mysql) continue;  // no transactional DDL: covered by MigrateFault
    KilledMigration killed;
    ASSERT_NO_FATAL_FAILURE(kill_during_long_migration(dialect, killed));
    const std::string& url = killed.url;
    const std::filesystem::path& project = killed.project.path();

    Connection connection(parse_database_url(url));
    EXPECT_TRUE(connection.has_table("base")) << to_string(dialect);
    EXPECT_FALSE(connection.has_table("slow")) << to_string(dialect);
    auto records = MigrationRecorder(connection).records();
    ASSERT_EQ(records.size(), 1u) << to_string(dialect);
    EXPECT_EQ(records[0].key.str(), "ops.0001_base");

    auto again = run_dbmig({"--database", url, "migrate"}, project);
    EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
    EXPECT_NE(again.out.find("Applying ops.0002_long... OK"), std::string::npos) << again.out;
    EXPECT_TRUE(connection.has_table("slow"));
  }
}

// MariaDB commits each statement at once and finishes the statement of a killed client: the
// record knows only that the first statement completed; the message says so, names the second
// as running and possibly complete (it did complete here), and says how to check.
TEST(MigrateKill, SigkillOnMariadbReportsTheRunningStatementAsPossiblyComplete) {
  for (Dialect dialect : test_dialects()) {
    if (dialect != Dialect::mysql) continue;
    KilledMigration killed;
    ASSERT_NO_FATAL_FAILURE(kill_during_long_migration(dialect, killed));
    const std::string& url = killed.url;
    const std::filesystem::path& project = killed.project.path();

    Connection connection(parse_database_url(url));
    long long rows = 0;
    for (int i = 0; i < 600 && rows < kSlowRows; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      connection.session() << "SELECT COUNT(*) FROM slow", soci::into(rows);
    }
    EXPECT_EQ(rows, kSlowRows) << "the server did not finish the killed client's INSERT";

    auto again = run_dbmig({"--database", url, "migrate"}, project);
    EXPECT_EQ(again.exit_code, 3) << again.out << again.err;
    EXPECT_NE(again.err.find("ops.0002_long was interrupted while being applied"),
              std::string::npos)
        << again.err;
    EXPECT_NE(again.err.find("1 of its 2 statements completed:\n  1. CREATE TABLE slow (x "
                             "INTEGER)\nStatement 2 was running when it stopped:\n  2. SET "
                             "STATEMENT"),
              std::string::npos)
        << again.err;
    EXPECT_NE(again.err.find("It may have completed"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find("Check in the database whether statement 2 took effect"),
              std::string::npos)
        << again.err;
    EXPECT_EQ(again.err.find("statements ran"), std::string::npos) << again.err;
    EXPECT_NE(run_dbmig({"--database", url, "showmigrations", "ops"}, project)
                  .out.find(" [!] 0002_long (interrupted while being applied: 1 statement(s) "
                            "known to have completed, the next may have;"),
              std::string::npos);
  }
}

}  // namespace dbmig::test
