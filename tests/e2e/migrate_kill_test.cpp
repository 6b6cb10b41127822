// A `dbmig migrate` killed with SIGKILL in the middle of a long migration leaves SQLite and
// PostgreSQL consistent (the migration neither half-applied nor recorded), and the next
// `migrate` completes; on MariaDB the next `migrate` says what is known and what may have run.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "../db/migrate_fixtures.hpp"
#include "dbmig/migration_json.hpp"

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

// Starts the binary without waiting; its stdout goes to `out`.
pid_t spawn_dbmig(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                  const std::filesystem::path& out) {
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv{const_cast<char*>(DBMIG_BINARY)};
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(DBMIG_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// Runs `dbmig migrate` and kills it with SIGKILL while it applies ops.0002_long.
void kill_during_long_migration(const std::string& url, const std::filesystem::path& project) {
  auto out = project / "killed.out";
  pid_t pid = spawn_dbmig({"--database", url, "migrate"}, project, out);
  for (int i = 0; i < 200 && read_file(out).find("Applying ops.0002_long...") == std::string::npos;
       ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the migration finished before the kill: " << read_file(out);
}

}  // namespace

TEST(MigrateKill, SigkillMidMigrationLeavesTheDatabaseConsistent) {
  for (Dialect dialect : test_dialects()) {
    if (dialect == Dialect::mysql) continue;  // no transactional DDL: covered by MigrateFault
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    write_long_history(project.path(), dialect);
    ASSERT_NO_FATAL_FAILURE(kill_during_long_migration(*url, project.path()));

    Connection connection(parse_database_url(*url));
    EXPECT_TRUE(connection.has_table("base")) << to_string(dialect);
    EXPECT_FALSE(connection.has_table("slow")) << to_string(dialect);
    auto records = MigrationRecorder(connection).records();
    ASSERT_EQ(records.size(), 1u) << to_string(dialect);
    EXPECT_EQ(records[0].key.str(), "ops.0001_base");

    auto again = run_dbmig({"--database", *url, "migrate"}, project.path());
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
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    write_long_history(project.path(), dialect);
    ASSERT_NO_FATAL_FAILURE(kill_during_long_migration(*url, project.path()));

    Connection connection(parse_database_url(*url));
    long long rows = 0;
    for (int i = 0; i < 600 && rows < kSlowRows; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      connection.session() << "SELECT COUNT(*) FROM slow", soci::into(rows);
    }
    EXPECT_EQ(rows, kSlowRows) << "the server did not finish the killed client's INSERT";

    auto again = run_dbmig({"--database", *url, "migrate"}, project.path());
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
    EXPECT_NE(run_dbmig({"--database", *url, "showmigrations", "ops"}, project.path())
                  .out.find(" [!] 0002_long (interrupted while being applied: 1 statement(s) "
                            "known to have completed, the next may have;"),
              std::string::npos);
  }
}

}  // namespace dbmig::test
