// A migration interrupted outside a transaction in an operation that changes tables resumes
// where the live tables show the running statement got (docs/databases.md "Atomicity"): before
// it when the tables are as before the operation, after it when they are as after it; any
// other state of the tables is still left to the user.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/recorder.hpp"
#include "migrate_fixtures.hpp"

namespace dbmig::test {

namespace {

// blog_history with blog.0002 (Add field views) outside a transaction.
std::vector<Migration> non_atomic_history() {
  auto history = blog_history();
  history.back().atomic = false;
  return history;
}

// blog_history on a fresh database, blog.0002 recorded as interrupted with none of its
// statements completed, as a migrate killed in its one ALTER leaves it; `completed`: the ALTER
// took effect (it did run), else not.
struct Interrupted {
  ExecutorHarness db;
  MigrationGraph graph{non_atomic_history()};

  Interrupted(Dialect dialect, bool completed) : db(dialect) {
    if (!db.connection) return;
    auto executor = db.executor(graph);
    if (completed) {
      executor.run(executor.plan_all(), {}, 2);
      db.connection->execute(
          "UPDATE dbmig_migrations SET state = 'applying', statements_done = 0 WHERE name = "
          "'0002_blog_views'");
    } else {
      executor.run(executor.plan_to({"blog", "0001_initial"}), {}, 1);
      MigrationRecorder(*db.connection)
          .record_started(*graph.find({"blog", "0002_blog_views"}), 2, RecordState::applying);
    }
    db.out.str("");
  }

  // The table of blog.Blog.
  std::string blog_table() { return graph.state_at(std::nullopt).find({"blog", "Blog"})->table; }

  // The column type of Blog's views, "" when it is missing.
  std::string views_column() {
    for (const auto& table : read_live_schema(*db.connection).tables)
      if (table.table == blog_table())
        for (const auto& field : table.fields)
          if (field.name == "views") return std::string(to_string(field.type));
    return "";
  }
};

}  // namespace

TEST(MigrateResume, TheRunningAlterCompletedSoTheMigrationGoesOnAfterIt) {
  for (Dialect dialect : test_dialects()) {
    Interrupted interrupted(dialect, /*completed=*/true);
    ASSERT_TRUE(interrupted.db.connection);
    auto executor = interrupted.db.executor(interrupted.graph);
    ASSERT_NO_THROW(executor.check_interrupted(executor.plan_all())) << to_string(dialect);
    executor.run(executor.plan_all(), {}, 2);
    EXPECT_NE(interrupted.db.out.str().find(
                  "Statement 1 of 1, running when the migration was interrupted, completed (the "
                  "tables show it)"),
              std::string::npos)
        << to_string(dialect) << ": " << interrupted.db.out.str();
    EXPECT_EQ(interrupted.views_column(), "int64") << to_string(dialect);
    EXPECT_EQ(interrupted.db.recorded().back(), "blog.0002_blog_views@2") << to_string(dialect);
    EXPECT_FALSE(MigrationRecorder(*interrupted.db.connection).records().back().interrupted());
  }
}

TEST(MigrateResume, TheRunningAlterDidNotRunSoTheMigrationRunsItAgain) {
  for (Dialect dialect : test_dialects()) {
    Interrupted interrupted(dialect, /*completed=*/false);
    ASSERT_TRUE(interrupted.db.connection);
    auto executor = interrupted.db.executor(interrupted.graph);
    ASSERT_NO_THROW(executor.check_interrupted(executor.plan_all())) << to_string(dialect);
    executor.run(executor.plan_all(), {}, 2);
    EXPECT_NE(interrupted.db.out.str().find("Resuming the interrupted operation 1 (Add field "
                                            "views to Blog) from statement 1 of 1"),
              std::string::npos)
        << to_string(dialect) << ": " << interrupted.db.out.str();
    EXPECT_EQ(interrupted.views_column(), "int64") << to_string(dialect);
    EXPECT_FALSE(MigrationRecorder(*interrupted.db.connection).records().back().interrupted());
  }
}

// The column is there, but not as the operation makes it: neither before nor after.
TEST(MigrateResume, TablesMatchingNeitherSideAreLeftToTheUser) {
  for (Dialect dialect : test_dialects()) {
    Interrupted interrupted(dialect, /*completed=*/false);
    ASSERT_TRUE(interrupted.db.connection);
    interrupted.db.connection->execute("ALTER TABLE " + interrupted.blog_table() +
                                       " ADD COLUMN views VARCHAR(10)");
    auto executor = interrupted.db.executor(interrupted.graph);
    EXPECT_THROW(executor.check_interrupted(executor.plan_all()), DatabaseError)
        << to_string(dialect);
  }
}

}  // namespace dbmig::test
