// A `dbmig migrate` killed with SIGKILL in the middle of a long migration leaves SQLite and
// PostgreSQL consistent (the migration neither half-applied nor recorded), and the next
// `migrate` completes.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "../db/migrate_fixtures.hpp"
#include "dbmig/migration_json.hpp"

namespace dbmig::test {

namespace {

// A statement that takes a few seconds on each database.
std::string slow_statement(Dialect dialect) {
  if (dialect == Dialect::postgresql) return "SELECT pg_sleep(2)";
  return "INSERT INTO slow WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
         "WHERE x < 3000000) SELECT x FROM c";
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

}  // namespace

TEST(MigrateKill, SigkillMidMigrationLeavesTheDatabaseConsistent) {
  for (Dialect dialect : test_dialects()) {
    if (dialect == Dialect::mysql) continue;  // no transactional DDL: covered by MigrateFault
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    for (const auto& migration :
         {make_migration("ops", "0001_base", {}, {run_sql({"CREATE TABLE base (id INTEGER)"})}),
          make_migration("ops", "0002_long", {{"ops", "0001_base"}},
                         {run_sql({"CREATE TABLE slow (x INTEGER)", slow_statement(dialect)})})})
      write_file(project.path() / "migrations/ops" / (migration.name + ".json"),
                 format_migration(migration));

    auto out = project.path() / "killed.out";
    pid_t pid = spawn_dbmig({"--database", *url, "migrate"}, project.path(), out);
    for (int i = 0;
         i < 200 && read_file(out).find("Applying ops.0002_long...") == std::string::npos; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status))
        << "the migration finished before the kill: " << read_file(out);

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

}  // namespace dbmig::test
