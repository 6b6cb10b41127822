// A migration whose third statement fails: on SQLite and PostgreSQL the catalog and the
// recorder are exactly as before it; on MariaDB (DDL commits at once) the record says which
// statements completed and which one was running, and the next migrate reports it instead of
// retrying. A migration outside a transaction whose first statement fails is not recorded.
#include <gtest/gtest.h>

#include "catalog.hpp"
#include "dbmig/error.hpp"
#include "migrate_fixtures.hpp"

namespace dbmig::test {

namespace {

// Every table with its columns, keys and indexes, as one comparable text.
std::string catalog_snapshot(Connection& connection) {
  std::string text;
  for (const auto& table : read_tables(connection.session(), connection.dialect())) {
    if (table == recorder_table) continue;
    auto catalog = read_table(connection.session(), connection.dialect(), table);
    text += table + ":";
    for (const auto& column : catalog->columns)
      text += " " + column.name + " " + column.type + (column.nullable ? "" : " not null") + ";";
    for (const auto& index : catalog->indexes) text += " index " + index.name + ";";
    for (const auto& key : catalog->foreign_keys) text += " fk " + key.column + ";";
    text += "\n";
  }
  return text;
}

std::vector<Migration> history_with_failing_third_statement() {
  return {
      make_migration("ops", "0001_base", {},
                     {run_sql({"CREATE TABLE base (id INTEGER)"},
                              std::vector<std::string>{"DROP TABLE base"})}),
      make_migration("ops", "0002_breaks", {{"ops", "0001_base"}},
                     {run_sql({"CREATE TABLE first_new (id INTEGER)",
                               "ALTER TABLE base ADD COLUMN extra INTEGER"}),
                      run_sql({"INSERT INTO no_such_table VALUES (1)"})}),
  };
}

}  // namespace

TEST(MigrateFault, ThirdStatementFailingLeavesTheDatabaseAsBeforeTheMigration) {
  for (Dialect dialect : test_dialects()) {
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    MigrationGraph history(history_with_failing_third_statement());
    {
      auto executor = db.executor(history);
      executor.run(executor.plan_to({"ops", "0001_base"}), {}, 1);
    }
    std::string before = catalog_snapshot(*db.connection);
    auto executor = db.executor(history);
    try {
      executor.run(executor.plan_all(), {}, 2);
      FAIL() << "the failing statement went through on " << to_string(dialect);
    } catch (const DatabaseError& e) {
      std::string message = e.what();
      EXPECT_NE(message.find("migration ops.0002_breaks (migrations/ops/0002_breaks.json) failed"),
                std::string::npos)
          << message;
      EXPECT_NE(message.find("operation: Raw SQL operation"), std::string::npos) << message;
      EXPECT_NE(message.find("SQL: INSERT INTO no_such_table VALUES (1)"), std::string::npos)
          << message;
      EXPECT_NE(message.find("no_such_table", message.find("database: ")), std::string::npos)
          << message;
      EXPECT_EQ(message.find("dbmig-test-secret"), std::string::npos) << message;
    }
    if (dialect == Dialect::mysql) {
      auto records = MigrationRecorder(*db.connection).records();
      ASSERT_EQ(records.size(), 2u);
      EXPECT_EQ(records[1].state, RecordState::applying);
      EXPECT_EQ(records[1].statements_done, 2);
      try {
        db.executor(history).check_interrupted();
        FAIL() << "an interrupted migration went unreported";
      } catch (const DatabaseError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("2 of its 3 statements completed:\n  1. CREATE TABLE first_new"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("Statement 3 was running when it stopped:\n"
                               "  3. INSERT INTO no_such_table VALUES (1)\nIt may have completed"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("dbmig migrate ops 0002_breaks --fake"), std::string::npos)
            << message;
      }
      continue;
    }
    EXPECT_EQ(catalog_snapshot(*db.connection), before) << to_string(dialect);
    EXPECT_EQ(db.recorded(), (std::vector<std::string>{"ops.0001_base@1"}));
  }
}

TEST(MigrateFault, NonAtomicMigrationLeavesAnInterruptedRecordOnEveryDatabase) {
  for (Dialect dialect : test_dialects()) {
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    auto migrations = history_with_failing_third_statement();
    migrations[1].atomic = false;
    MigrationGraph history(std::move(migrations));
    auto executor = db.executor(history);
    EXPECT_THROW(executor.run(executor.plan_all(), {}, 1), DatabaseError);
    EXPECT_TRUE(db.connection->has_table("first_new")) << to_string(dialect);
    auto records = MigrationRecorder(*db.connection).records();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_TRUE(records[1].interrupted());
    // Resolved by hand: the user finished it and tells dbmig with --fake.
    auto resolving = db.executor(history);
    resolving.run(resolving.plan_to({"ops", "0002_breaks"}), {.fake = true}, 2);
    EXPECT_NO_THROW(db.executor(history).check_interrupted());
    EXPECT_EQ(db.recorded(), (std::vector<std::string>{"ops.0001_base@1", "ops.0002_breaks@1"}));
  }
}

// Nothing of a migration ran: it is simply not applied (no interrupted record to resolve), and
// backwards it simply stays applied; on every database, outside a transaction.
TEST(MigrateFault, AFirstStatementFailingOutsideATransactionLeavesTheRecordsAsBefore) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    std::vector<Migration> migrations{
        make_migration("ops", "0001_base", {},
                       {run_sql({"CREATE TABLE base (id INTEGER)"},
                                std::vector<std::string>{"DROP TABLE no_such_table"})}),
        make_migration(
            "ops", "0002_breaks", {{"ops", "0001_base"}},
            {run_sql({"INSERT INTO no_such_table VALUES (1)", "CREATE TABLE x (id INTEGER)"})}),
    };
    for (auto& migration : migrations) migration.atomic = false;
    MigrationGraph history(std::move(migrations));
    {
      auto executor = db.executor(history);
      executor.run(executor.plan_to({"ops", "0001_base"}), {}, 1);
    }
    auto forwards = db.executor(history);
    try {
      forwards.run(forwards.plan_all(), {}, 2);
      FAIL() << "the failing statement went through";
    } catch (const DatabaseError& e) {
      EXPECT_NE(std::string(e.what()).find("It ran outside a transaction, but nothing of it took "
                                           "effect, so it is not recorded"),
                std::string::npos)
          << e.what();
    }
    EXPECT_EQ(db.recorded(), (std::vector<std::string>{"ops.0001_base@1"}));
    EXPECT_NO_THROW(db.executor(history).check_interrupted());

    auto backwards = db.executor(history);
    try {
      backwards.run(backwards.plan_zero("ops"), {}, 2);
      FAIL() << "the failing reverse statement went through";
    } catch (const DatabaseError& e) {
      EXPECT_NE(std::string(e.what()).find("nothing of it was undone, so it stays applied"),
                std::string::npos)
          << e.what();
    }
    auto records = MigrationRecorder(*db.connection).records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_FALSE(records[0].interrupted());
    EXPECT_TRUE(db.executor(history).is_applied({"ops", "0001_base"}));
  }
}

}  // namespace dbmig::test

namespace dbmig::test {

// A failure at COMMIT (PostgreSQL checks a deferred foreign key there) is a database error
// naming the migration and COMMIT, the migration rolled back and not recorded; it once escaped
// as SOCI's own exception (exit 70, the URL unredacted).
TEST(MigrateFault, AFailingCommitIsADatabaseErrorAndRollsTheMigrationBack) {
  ExecutorHarness db(Dialect::postgresql);
  if (!db.connection) GTEST_SKIP() << "no PostgreSQL test server";
  MigrationGraph history({make_migration(
      "ops", "0001_deferred", {},
      {run_sql({"CREATE TABLE parent (id INTEGER PRIMARY KEY)",
                "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE "
                "INITIALLY DEFERRED)",
                "INSERT INTO child VALUES (7)"})})});
  auto executor = db.executor(history);
  try {
    executor.run(executor.plan_all(), {}, 1);
    FAIL() << "the deferred foreign key was not checked at COMMIT";
  } catch (const DatabaseError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("migration ops.0001_deferred"), std::string::npos) << message;
    EXPECT_NE(message.find("SQL: COMMIT"), std::string::npos) << message;
    EXPECT_NE(message.find("foreign key"), std::string::npos) << message;
    EXPECT_NE(message.find("rolled back and is not recorded"), std::string::npos) << message;
    EXPECT_EQ(message.find("dbmig-test-secret"), std::string::npos) << message;
  }
  EXPECT_FALSE(db.connection->has_table("child"));
  EXPECT_TRUE(MigrationRecorder(*db.connection).records().empty());
}

}  // namespace dbmig::test
