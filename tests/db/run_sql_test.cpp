// RunSQL strings holding several statements, run through the executor on every database: each
// statement runs (its effect is visible), the routines whose bodies hold ';' (a trigger's
// BEGIN ... END, a PostgreSQL $$ body) stay whole, and a failing statement is named and numbered.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "dbmig/error.hpp"
#include "migrate_fixtures.hpp"

namespace dbmig::test {

namespace {

long long count(Connection& connection, const std::string& query) {
  long long value = 0;
  connection.session() << query, soci::into(value);
  return value;
}

// A trigger that writes two rows into `log` for each row inserted into `items`, then a row
// inserted into `items`: one string, the way the database's own client takes it.
std::string trigger_then_insert(Dialect dialect) {
  switch (dialect) {
    case Dialect::sqlite:
      return "CREATE TRIGGER items_log AFTER INSERT ON items BEGIN\n"
             "  INSERT INTO log VALUES (new.id);\n"
             "  INSERT INTO log VALUES (new.id * 10);\n"
             "END;\n"
             "INSERT INTO items VALUES (3, 'x');";
    case Dialect::postgresql:
      return "CREATE FUNCTION log_item() RETURNS trigger AS $body$\n"
             "BEGIN\n"
             "  INSERT INTO log VALUES (NEW.id);\n"
             "  INSERT INTO log VALUES (NEW.id * 10);\n"
             "  RETURN NEW;\n"
             "END;\n"
             "$body$ LANGUAGE plpgsql;\n"
             "CREATE TRIGGER items_log AFTER INSERT ON items FOR EACH ROW EXECUTE PROCEDURE "
             "log_item();\n"
             "INSERT INTO items VALUES (3, 'x');";
    case Dialect::mysql:
      return "CREATE TRIGGER items_log AFTER INSERT ON items FOR EACH ROW BEGIN\n"
             "  INSERT INTO log VALUES (NEW.id);\n"
             "  INSERT INTO log VALUES (NEW.id * 10);\n"
             "END;\n"
             "INSERT INTO items VALUES (3, 'x');";
  }
  return {};
}

std::string drop_all(Dialect dialect) {
  if (dialect == Dialect::postgresql)
    return "DROP TRIGGER items_log ON items; DROP FUNCTION log_item(); DROP TABLE items; "
           "DROP TABLE log;";
  return "DROP TRIGGER items_log; DROP TABLE items; DROP TABLE log;";
}

}  // namespace

TEST(RunSqlScript, EveryStatementOfEachStringRunsOnEveryDatabase) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    MigrationGraph history({make_migration(
        "ops", "0001_seed", {},
        {run_sql({"CREATE TABLE items (id INTEGER, note VARCHAR(40));\n"
                  "CREATE TABLE log (item INTEGER); -- written by the trigger\n"
                  "INSERT INTO items VALUES (1, 'a;b'); INSERT INTO items VALUES (2, 'it''s');",
                  trigger_then_insert(dialect)},
                 std::vector<std::string>{drop_all(dialect)})})});
    auto executor = db.executor(history);
    executor.run(executor.plan_all(), {}, 1);

    EXPECT_EQ(count(*db.connection, "SELECT COUNT(*) FROM items"), 3);
    EXPECT_EQ(count(*db.connection, "SELECT COUNT(*) FROM items WHERE note = 'a;b'"), 1);
    EXPECT_EQ(count(*db.connection, "SELECT COUNT(*) FROM items WHERE note = 'it''s'"), 1);
    EXPECT_EQ(count(*db.connection, "SELECT SUM(item) FROM log"), 33);
    EXPECT_EQ(db.recorded(), (std::vector<std::string>{"ops.0001_seed@1"}));

    auto back = db.executor(history);
    back.run(back.plan_zero("ops"), {}, 2);
    EXPECT_FALSE(db.connection->has_table("items"));
    EXPECT_FALSE(db.connection->has_table("log"));
  }
}

TEST(RunSqlScript, AFailingStatementOfAStringIsNamedAndTheOnesBeforeItAreNumbered) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    MigrationGraph history(
        {make_migration("ops", "0001_breaks", {},
                        {run_sql({"CREATE TABLE made (id INTEGER); INSERT INTO missing VALUES (1); "
                                  "CREATE TABLE never (id INTEGER)"})})});
    auto executor = db.executor(history);
    try {
      executor.run(executor.plan_all(), {}, 1);
      FAIL() << "the failing statement went through";
    } catch (const DatabaseError& e) {
      std::string message = e.what();
      EXPECT_NE(message.find("\n  SQL: INSERT INTO missing VALUES (1)\n"), std::string::npos)
          << message;
      if (dialect == Dialect::mysql) {
        EXPECT_NE(message.find("1 statement(s) before the failing one stay in effect:\n"
                               "  1. CREATE TABLE made (id INTEGER)\n"),
                  std::string::npos)
            << message;
      }
    }
    EXPECT_FALSE(db.connection->has_table("never"));
    EXPECT_EQ(db.connection->has_table("made"), dialect == Dialect::mysql);
  }
}

TEST(RunSqlScript, AStringThatCannotBeSplitStopsTheRunBeforeAnyMigrationRuns) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    auto bad = make_migration("ops", "0002_bad", {{"ops", "0001_fine"}},
                              {run_sql({"SELECT 1", "INSERT INTO fine VALUES (1); SELECT 'oops"})});
    bad.file = "migrations/ops/0002_bad.json";
    MigrationGraph history(
        {make_migration("ops", "0001_fine", {}, {run_sql({"CREATE TABLE fine (id INTEGER)"})}),
         bad});
    auto executor = db.executor(history);
    try {
      executor.run(executor.plan_all(), {}, 1);
      FAIL() << "an unsplittable string ran";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(
                    "migrations/ops/0002_bad.json: $.operations[0] (Raw SQL operation): sql[1] "
                    "cannot be split into statements for " +
                    std::string(to_string(dialect)) +
                    ": the ' quote opened at line 1, column 37 is never closed"),
                std::string::npos)
          << e.what();
    }
    EXPECT_FALSE(db.connection->has_table("fine"));
    EXPECT_TRUE(db.recorded().empty());
  }
}

}  // namespace dbmig::test
