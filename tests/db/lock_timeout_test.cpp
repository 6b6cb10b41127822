// The statement lock timeout on the real servers (docs/databases.md "Lock timeout"): a second
// connection holds a lock on the table (an open transaction that read it) while a migration
// alters it. The migration gives up after its retries with a message saying what to do, and
// leaves the database as before (atomic) or recorded as interrupted (not atomic); it succeeds
// when the transaction ends during its retries; and a query of the application issued while
// the migration waits is not stalled behind it for longer than about the timeout.
#include <chrono>
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "migrate_fixtures.hpp"

namespace dbmig::test {

namespace {

using namespace std::chrono_literals;

// A timeout each server can express: MySQL/MariaDB count whole seconds.
StatementLockTimeout short_timeout(Dialect dialect, int retries, std::chrono::milliseconds delay) {
  return {dialect == Dialect::mysql ? 1000ms : 200ms, retries, delay};
}

Migration base_migration() {
  return make_migration("ops", "0001_base", {},
                        {run_sql({"CREATE TABLE busy (id INTEGER)", "INSERT INTO busy VALUES (1)",
                                  "CREATE TABLE attempts (id INTEGER)"})});
}

std::vector<Migration> history_altering_a_read_table(bool atomic) {
  std::vector<Migration> migrations{
      base_migration(),
      make_migration("ops", "0002_alter", {{"ops", "0001_base"}},
                     {run_sql({"CREATE TABLE side (id INTEGER)"}),
                      run_sql({"ALTER TABLE busy ADD COLUMN extra INTEGER"})}),
  };
  migrations[1].atomic = atomic;
  return migrations;
}

// Outside a transaction, an operation whose second statement waits for the lock; its first
// statement counts the times it ran. Marked online, the operation is the retry unit.
std::vector<Migration> history_with_a_two_statement_operation(bool online) {
  auto operation = std::make_shared<RunSQL>(
      std::vector<std::string>{"INSERT INTO attempts VALUES (1)",
                               "ALTER TABLE busy ADD COLUMN extra INTEGER"},
      std::nullopt);
  operation->options.online = online;
  std::vector<Migration> migrations{
      base_migration(),
      make_migration("ops", "0002_alter", {{"ops", "0001_base"}}, {operation}),
  };
  migrations[1].atomic = false;
  return migrations;
}

// An open transaction of the application that read `table`: it holds a lock on it (PostgreSQL
// ACCESS SHARE, MySQL/MariaDB a shared metadata lock) until it ends.
class Blocker {
 public:
  explicit Blocker(const DatabaseUrl& url) : connection_(url) {
    connection_.begin();
    connection_.query("SELECT COUNT(*) FROM busy");
  }
  void end() { connection_.commit(); }

 private:
  Connection connection_;
};

// Statements waiting for a lock on the database right now, seen from `observer`.
int waiting_for_locks(Connection& observer) {
  // Only in the observer's own database: other tests run on the same servers at the same time.
  if (observer.dialect() == Dialect::postgresql)
    return observer
        .query_int(
            "SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM "
            "pg_database WHERE datname = current_database())")
        .value_or(0);
  return observer
      .query_int(
          "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE db = DATABASE() AND "
          "(state LIKE 'Waiting for table metadata lock%' OR state LIKE '%lock wait%')")
      .value_or(0);
}

struct Harness {
  ExecutorHarness db;
  MigrationGraph history;
  std::unique_ptr<Blocker> blocker;

  Harness(Dialect dialect, bool atomic) : Harness(dialect, history_altering_a_read_table(atomic)) {}
  Harness(Dialect dialect, std::vector<Migration> migrations)
      : db(dialect), history(std::move(migrations)) {
    if (!db.connection) return;
    auto executor = db.executor(history);
    executor.run(executor.plan_to({"ops", "0001_base"}), {}, 1);
    blocker = std::make_unique<Blocker>(db.connection->url());
  }
  void migrate(const StatementLockTimeout& lock) {
    auto executor = db.executor(history);
    executor.run(executor.plan_all(), {.statement_lock = lock}, 2);
  }
  bool has_column(const std::string& column) {
    auto columns = db.connection->query("SELECT * FROM busy").columns;
    return std::find(columns.begin(), columns.end(), column) != columns.end();
  }
};

std::vector<Dialect> server_dialects() {
  std::vector<Dialect> servers;
  for (Dialect dialect : test_dialects())
    if (dialect != Dialect::sqlite) servers.push_back(dialect);
  return servers;
}

}  // namespace

TEST(LockTimeout, GivesUpAfterItsRetriesSayingWhatToDoAndLeavesTheDatabaseAsExpected) {
  for (Dialect dialect : server_dialects()) {
    for (bool atomic : {true, false}) {
      SCOPED_TRACE(std::string(to_string(dialect)) + (atomic ? " atomic" : " not atomic"));
      Harness run(dialect, atomic);
      ASSERT_TRUE(run.db.connection);
      StatementLockTimeout lock = short_timeout(dialect, 2, 50ms);
      std::string timeout = dialect == Dialect::mysql ? "1 s" : "0.2 s";
      try {
        run.migrate(lock);
        FAIL() << "the ALTER went through the lock";
      } catch (const LockTimeoutError& e) {
        std::string message = e.what();
        EXPECT_NE(message.find("migration ops.0002_alter (migrations/ops/0002_alter.json) failed\n"
                               "  operation: Raw SQL operation\n"
                               "  SQL: ALTER TABLE busy ADD COLUMN extra INTEGER\n  database: "),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("It gave up after 3 attempts, each waiting " + timeout +
                               " for a lock that another transaction holds "
                               "(statement_lock_timeout " +
                               timeout + ", statement_lock_retries 2"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find(dialect == Dialect::postgresql ? "FROM pg_locks l JOIN "
                                                                "pg_stat_activity a"
                                                              : "information_schema.INNODB_TRX"),
                  std::string::npos)
            << message;
        EXPECT_EQ(message.find("dbmig-test-secret"), std::string::npos) << message;
      }
      std::string err = run.db.err.str();
      bool in_transaction = atomic && dialect == Dialect::postgresql;
      std::string unit = in_transaction ? "the whole migration (rolled back)" : "the statement";
      for (int attempt : {1, 2})
        EXPECT_NE(err.find("warning: ops.0002_alter: attempt " + std::to_string(attempt) +
                           " of 3 waited " + timeout +
                           " for a lock and gave up: ALTER TABLE busy ADD COLUMN extra INTEGER\n"
                           "  retrying " +
                           unit + " in " + (attempt == 1 ? "0.05 s" : "0.1 s") + "\n"),
                  std::string::npos)
            << err;
      EXPECT_EQ(err.find("attempt 3 of 3"), std::string::npos) << err;
      EXPECT_FALSE(run.has_column("extra"));
      auto records = MigrationRecorder(*run.db.connection).records();
      if (in_transaction) {
        EXPECT_FALSE(run.db.connection->has_table("side"));
        EXPECT_EQ(run.db.recorded(), (std::vector<std::string>{"ops.0001_base@1"}));
      } else {
        // The first statement stays in effect, and the record says so.
        EXPECT_TRUE(run.db.connection->has_table("side"));
        ASSERT_EQ(records.size(), 2u);
        EXPECT_EQ(records[1].state, RecordState::applying);
        EXPECT_EQ(records[1].statements_done, 1);
      }
    }
  }
}

TEST(LockTimeout, SucceedsWhenTheBlockingTransactionEndsDuringTheRetries) {
  for (Dialect dialect : server_dialects()) {
    for (bool atomic : {true, false}) {
      SCOPED_TRACE(std::string(to_string(dialect)) + (atomic ? " atomic" : " not atomic"));
      Harness run(dialect, atomic);
      ASSERT_TRUE(run.db.connection);
      StatementLockTimeout lock = short_timeout(dialect, 5, 100ms);
      // Ends after the first attempt gave up, before the attempts run out.
      auto ending = std::async(std::launch::async, [&] {
        std::this_thread::sleep_for(lock.timeout + lock.timeout / 2);
        run.blocker->end();
      });
      EXPECT_NO_THROW(run.migrate(lock)) << run.db.err.str();
      ending.get();
      EXPECT_NE(run.db.err.str().find("warning: ops.0002_alter: attempt 1 of 6"), std::string::npos)
          << run.db.err.str();
      EXPECT_TRUE(run.has_column("extra"));
      EXPECT_TRUE(run.db.connection->has_table("side"));
      EXPECT_EQ(run.db.recorded(),
                (std::vector<std::string>{"ops.0001_base@1", "ops.0002_alter@2"}));
    }
  }
}

// The retry unit outside a transaction: the statement by itself, or an online operation from its
// first statement where the online forms rerun from there (PostgreSQL; MariaDB's do not, and a
// statement that timed out did not take effect, so it alone runs again).
TEST(LockTimeout, OutsideATransactionRetriesTheStatementOrTheWholeOnlineOperation) {
  for (Dialect dialect : server_dialects()) {
    for (bool online : {false, true}) {
      SCOPED_TRACE(std::string(to_string(dialect)) + (online ? " online" : " plain"));
      Harness run(dialect, history_with_a_two_statement_operation(online));
      ASSERT_TRUE(run.db.connection);
      StatementLockTimeout lock = short_timeout(dialect, 5, 100ms);
      auto ending = std::async(std::launch::async, [&] {
        std::this_thread::sleep_for(lock.timeout + lock.timeout / 2);
        run.blocker->end();
      });
      EXPECT_NO_THROW(run.migrate(lock)) << run.db.err.str();
      ending.get();
      bool whole_operation = online && dialect == Dialect::postgresql;
      std::string unit = whole_operation
                             ? "operation 1 (Raw SQL operation) from its first statement"
                             : "the statement";
      EXPECT_NE(run.db.err.str().find("gave up: ALTER TABLE busy ADD COLUMN extra INTEGER\n"
                                      "  retrying " +
                                      unit + " in 0.1 s\n"),
                std::string::npos)
          << run.db.err.str();
      EXPECT_EQ(run.db.connection->query_int("SELECT COUNT(*) FROM attempts"),
                whole_operation ? 2 : 1);
      EXPECT_TRUE(run.has_column("extra"));
      EXPECT_EQ(run.db.recorded(),
                (std::vector<std::string>{"ops.0001_base@1", "ops.0002_alter@2"}));
    }
  }
}

// A waiting ALTER queues the application's later queries on that table behind it: they run as
// soon as it gives up, and then nothing waits for a lock any more.
TEST(LockTimeout, ApplicationQueriesWaitNoLongerThanAboutTheTimeout) {
  for (Dialect dialect : server_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    Harness run(dialect, true);
    ASSERT_TRUE(run.db.connection);
    Connection observer(run.db.connection->url()), application(run.db.connection->url());
    StatementLockTimeout lock = short_timeout(dialect, 1, 2000ms);
    auto migrating =
        std::async(std::launch::async, [&] { EXPECT_THROW(run.migrate(lock), LockTimeoutError); });
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (waiting_for_locks(observer) == 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(10ms);
    ASSERT_GT(waiting_for_locks(observer), 0) << "the migration never waited for the lock";

    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(application.query_int("SELECT COUNT(*) FROM busy"), 1);
    auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_LT(waited, lock.timeout + 1s);
    // The migration gave up its first attempt and waits for its retry: nothing is queued.
    EXPECT_EQ(waiting_for_locks(observer), 0);
    migrating.get();
    EXPECT_EQ(waiting_for_locks(observer), 0);
  }
}

}  // namespace dbmig::test
