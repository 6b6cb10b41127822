// `dbmig migrate` and `rollback` as a user runs them while the application holds a lock on the
// table (docs/databases.md "Lock timeout"): the settings of dbmig.json and the flags over them,
// a warning per retry, and exit 3 with the message naming the migration, the SQL, the attempts
// and what to do.
#include <gtest/gtest.h>

#include "../db/migrate_fixtures.hpp"
#include "database_contents.hpp"
#include "output_checks.hpp"

namespace dbmig::test {

namespace {

std::vector<Migration> history_altering_a_read_table() {
  return {
      make_migration("ops", "0001_base", {},
                     {run_sql({"CREATE TABLE busy (id INTEGER)"},
                              std::vector<std::string>{"DROP TABLE busy"})}),
      make_migration("ops", "0002_alter", {{"ops", "0001_base"}},
                     {run_sql({"ALTER TABLE busy ADD COLUMN extra INTEGER"},
                              std::vector<std::string>{"ALTER TABLE busy DROP COLUMN extra"})}),
  };
}

}  // namespace

TEST(MigrateLockTimeout, MigrateAndRollbackGiveUpWithExit3WhileATransactionHoldsTheTable) {
  for (Dialect dialect : test_dialects()) {
    if (dialect == Dialect::sqlite) continue;  // no statement lock timeout: docs/databases.md
    SCOPED_TRACE(to_string(dialect));
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    write_history(project.path(), history_altering_a_read_table());
    std::string timeout = dialect == Dialect::mysql ? "1" : "0.2";
    write_file(project.path() / "dbmig.json",
               "{\"statement_lock_timeout\": " + timeout +
                   ", \"statement_lock_retries\": 1, \"statement_lock_retry_delay\": 0.05}\n");
    std::map<std::string, std::string> env{{"DATABASE_URL", *url}};
    auto first = run_dbmig({"migrate", "ops", "0001_base"}, project.path(), env);
    ASSERT_EQ(first.exit_code, 0) << all_output(first);

    Connection application(parse_database_url(*url));
    application.begin();
    application.query("SELECT COUNT(*) FROM busy");

    auto migrate = run_dbmig({"migrate"}, project.path(), env);
    EXPECT_EQ(migrate.exit_code, 3) << all_output(migrate);
    EXPECT_NE(migrate.err.find("warning: ops.0002_alter: attempt 1 of 2 waited " + timeout +
                               " s for a lock and gave up: ALTER TABLE busy ADD COLUMN extra "
                               "INTEGER\n  retrying "),
              std::string::npos)
        << migrate.err;
    EXPECT_NE(migrate.err.find("error: migration ops.0002_alter (migrations/ops/0002_alter.json) "
                               "failed\n  operation: Raw SQL operation\n"
                               "  SQL: ALTER TABLE busy ADD COLUMN extra INTEGER\n"),
              std::string::npos)
        << migrate.err;
    EXPECT_NE(migrate.err.find("It gave up after 2 attempts, each waiting " + timeout + " s"),
              std::string::npos)
        << migrate.err;
    EXPECT_EQ(columns_of(*url, dialect, "busy"), (std::vector<std::string>{"id"}));
    EXPECT_EQ(recorded_of(*url), (std::vector<std::string>{"ops.0001_base"}));

    // The flag over the setting: no retry at all.
    auto no_retry = run_dbmig({"migrate", "--statement-lock-retries", "0"}, project.path(), env);
    EXPECT_EQ(no_retry.exit_code, 3) << all_output(no_retry);
    EXPECT_EQ(no_retry.err.find("warning:"), std::string::npos) << no_retry.err;
    EXPECT_NE(no_retry.err.find("It gave up after 1 attempt, each waiting"), std::string::npos)
        << no_retry.err;

    // rollback runs through the same executor: DROP TABLE waits for the same lock.
    auto rollback =
        run_dbmig({"rollback", "--statement-lock-timeout", timeout}, project.path(), env);
    EXPECT_EQ(rollback.exit_code, 3) << all_output(rollback);
    EXPECT_NE(rollback.err.find("error: migration ops.0001_base (migrations/ops/0001_base.json) "
                                "failed\n  operation: Raw SQL operation\n  SQL: DROP TABLE busy\n"),
              std::string::npos)
        << rollback.err;
    EXPECT_NE(rollback.err.find("It gave up after 2 attempts"), std::string::npos) << rollback.err;
    EXPECT_EQ(recorded_of(*url), (std::vector<std::string>{"ops.0001_base"}));

    application.commit();
    auto after = run_dbmig({"migrate"}, project.path(), env);
    EXPECT_EQ(after.exit_code, 0) << all_output(after);
    EXPECT_EQ(columns_of(*url, dialect, "busy"), (std::vector<std::string>{"id", "extra"}));
  }
}

}  // namespace dbmig::test
