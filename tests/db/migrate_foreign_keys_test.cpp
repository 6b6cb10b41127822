// Foreign keys while a migration runs: a RunSQL DELETE cascades as it does in the application
// on every database; on SQLite, where a table rebuild needs enforcement off, a migration that
// leaves rows without their parent fails naming the table and the rows.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "dbmig/error.hpp"
#include "migrate_fixtures.hpp"

namespace dbmig::test {

namespace {

struct Tables {
  std::string users;
  std::string blogs;
};

Tables blog_tables() {
  ProjectState state = MigrationGraph(blog_history()).state_at();
  return {state.get({"accounts", "User"}).table, state.get({"blog", "Blog"}).table};
}

// accounts.0001 and blog.0001 of blog_history (Blog.user_id -> User, ON DELETE CASCADE), then
// `next` as blog.0002.
std::vector<Migration> history_then(Operations next) {
  auto history = blog_history();
  history.pop_back();
  history.push_back(
      make_migration("blog", "0002_purge", {{"blog", "0001_initial"}}, std::move(next)));
  return history;
}

// One user with two blogs.
void add_rows(Connection& connection) {
  Tables tables = blog_tables();
  connection.execute("INSERT INTO " + tables.users + " (id) VALUES (1)");
  connection.execute("INSERT INTO " + tables.blogs + " (id, user_id) VALUES (1, 1)");
  connection.execute("INSERT INTO " + tables.blogs + " (id, user_id) VALUES (2, 1)");
}

long long blog_count(Connection& connection) {
  long long count = 0;
  connection.session() << "SELECT COUNT(*) FROM " + blog_tables().blogs, soci::into(count);
  return count;
}

OperationPtr delete_users() {
  return run_sql({"DELETE FROM " + blog_tables().users}, std::vector<std::string>{});
}

}  // namespace

TEST(MigrateForeignKeys, ARunSqlDeleteCascadesOnEveryDatabase) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    MigrationGraph history(history_then({delete_users()}));
    auto first = db.executor(history);
    first.run(first.plan_to({"blog", "0001_initial"}), {}, 1);
    add_rows(*db.connection);

    auto executor = db.executor(history);
    EXPECT_NO_THROW(executor.run(executor.plan_all(), {}, 2));
    EXPECT_EQ(blog_count(*db.connection), 0);
    EXPECT_EQ(db.recorded().size(), 3u);
  }
}

// The AlterField rebuilds the blog table on SQLite, so enforcement is off there and the DELETE
// does not cascade; PostgreSQL and MariaDB enforce it throughout.
TEST(MigrateForeignKeys, RowsLeftWithoutTheirParentAreNamedWhenEnforcementIsOff) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    Field nullable = int64_field("user_id");
    nullable.null = true;
    nullable.references = Reference{{"accounts", "User"}, OnDelete::cascade};
    MigrationGraph history(
        history_then({delete_users(), std::make_shared<AlterField>("Blog", nullable)}));
    auto first = db.executor(history);
    first.run(first.plan_to({"blog", "0001_initial"}), {}, 1);
    add_rows(*db.connection);

    auto executor = db.executor(history);
    if (dialect != Dialect::sqlite) {
      EXPECT_NO_THROW(executor.run(executor.plan_all(), {}, 2));
      EXPECT_EQ(blog_count(*db.connection), 0);
      continue;
    }
    try {
      executor.run(executor.plan_all(), {}, 2);
      FAIL() << "rows without their parent went through";
    } catch (const DatabaseError& e) {
      Tables tables = blog_tables();
      std::string message = e.what();
      EXPECT_NE(message.find("2 row(s) break a foreign key:\n    table " + tables.blogs +
                             ", rowid 1, parent " + tables.users + ", fkid 0\n    table " +
                             tables.blogs + ", rowid 2, parent " + tables.users),
                std::string::npos)
          << message;
      EXPECT_NE(message.find("It was rolled back"), std::string::npos) << message;
    }
    EXPECT_EQ(blog_count(*db.connection), 2);
    EXPECT_EQ(db.recorded().size(), 2u);
  }
}

}  // namespace dbmig::test
