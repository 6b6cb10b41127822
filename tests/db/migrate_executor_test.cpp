// The executor on real databases: plans for every kind of target, fake runs, checksums,
// reversibility, and the lines it prints.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "migrate_fixtures.hpp"

namespace dbmig::test {

namespace {

std::vector<std::string> keys_of(const MigrationPlan& plan) {
  std::vector<std::string> keys;
  for (const auto& step : plan)
    keys.push_back((step.direction == Direction::forwards ? "+" : "-") +
                   step.migration->key().str());
  return keys;
}

}  // namespace

TEST(MigrateExecutor, AppliesEverythingInGraphOrderAndRecordsOneBatch) {
  for (Dialect dialect : test_dialects()) {
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    MigrationGraph history(blog_history());
    auto executor = db.executor(history);
    auto plan = executor.plan_all();
    EXPECT_EQ(keys_of(plan),
              (std::vector<std::string>{"+accounts.0001_initial", "+blog.0001_initial",
                                        "+blog.0002_blog_views"}));
    executor.run(plan, {}, 1);
    EXPECT_TRUE(db.connection->has_table("accounts_user")) << to_string(dialect);
    EXPECT_TRUE(db.connection->has_table("blog_blog")) << to_string(dialect);
    EXPECT_EQ(db.recorded(),
              (std::vector<std::string>{"accounts.0001_initial@1", "blog.0001_initial@1",
                                        "blog.0002_blog_views@1"}));
    EXPECT_NE(db.out.str().find("  Applying blog.0001_initial... OK ("), std::string::npos)
        << db.out.str();
    EXPECT_TRUE(db.executor(history).plan_all().empty());
  }
}

TEST(MigrateExecutor, TargetsMoveForwardsAndBackwardsAcrossApps) {
  for (Dialect dialect : test_dialects()) {
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    MigrationGraph history(blog_history());
    {
      auto executor = db.executor(history);
      auto plan = executor.plan_to({"blog", "0001_initial"});
      EXPECT_EQ(keys_of(plan),
                (std::vector<std::string>{"+accounts.0001_initial", "+blog.0001_initial"}));
      executor.run(plan, {}, 1);
    }
    db.executor(history).run(db.executor(history).plan_all(), {}, 2);
    {
      // accounts zero unapplies blog's migrations, which depend on it, first.
      auto executor = db.executor(history);
      auto plan = executor.plan_zero("accounts");
      EXPECT_EQ(keys_of(plan),
                (std::vector<std::string>{"-blog.0002_blog_views", "-blog.0001_initial",
                                          "-accounts.0001_initial"}));
      executor.run(plan, {}, 3);
    }
    EXPECT_FALSE(db.connection->has_table("blog_blog")) << to_string(dialect);
    EXPECT_FALSE(db.connection->has_table("accounts_user")) << to_string(dialect);
    EXPECT_TRUE(db.recorded().empty());
    db.executor(history).run(db.executor(history).plan_all(), {}, 4);
    {
      auto executor = db.executor(history);
      auto plan = executor.plan_to({"blog", "0001_initial"});
      EXPECT_EQ(keys_of(plan), (std::vector<std::string>{"-blog.0002_blog_views"}));
      executor.run(plan, {}, 5);
    }
    EXPECT_EQ(db.recorded(),
              (std::vector<std::string>{"accounts.0001_initial@4", "blog.0001_initial@4"}));
  }
}

TEST(MigrateExecutor, FakeRecordsWithoutRunningAndFakeInitialNeedsAllOrNoTables) {
  for (Dialect dialect : test_dialects()) {
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    MigrationGraph history(blog_history());
    {
      auto executor = db.executor(history);
      executor.run(executor.plan_to({"accounts", "0001_initial"}), {.fake = true}, 1);
    }
    EXPECT_FALSE(db.connection->has_table("accounts_user"));
    EXPECT_EQ(db.recorded(), (std::vector<std::string>{"accounts.0001_initial@1"}));
    EXPECT_NE(db.out.str().find("Applying accounts.0001_initial... FAKED"), std::string::npos);

    // Forget it again (a backwards fake runs no SQL either), then create the table by hand.
    db.executor(history).run(db.executor(history).plan_zero("accounts"), {.fake = true}, 2);
    EXPECT_TRUE(db.recorded().empty());
    db.connection->execute("CREATE TABLE accounts_user (id BIGINT PRIMARY KEY)");
    {
      auto executor = db.executor(history);
      executor.run(executor.plan_to({"blog", "0001_initial"}), {.fake_initial = true}, 3);
    }
    // accounts.0001 was faked (its table exists); blog.0001 ran (its table did not).
    EXPECT_TRUE(db.connection->has_table("blog_blog"));
    EXPECT_EQ(db.recorded(),
              (std::vector<std::string>{"accounts.0001_initial@3", "blog.0001_initial@3"}));
  }
}

TEST(MigrateExecutor, FakeInitialFailsWhenOnlySomeTablesExist) {
  for (Dialect dialect : test_dialects()) {
    ExecutorHarness db(dialect);
    ASSERT_TRUE(db.connection);
    MigrationGraph history({make_migration(
        "shop", "0001_initial", {},
        {create_model("Order", {primary_key()}), create_model("Item", {primary_key()})})});
    db.connection->execute("CREATE TABLE shop_order (id INTEGER PRIMARY KEY)");
    auto executor = db.executor(history);
    try {
      executor.run(executor.plan_all(), {.fake_initial = true}, 1);
      FAIL() << "faked a half-present initial migration on " << to_string(dialect);
    } catch (const DatabaseError& e) {
      std::string message = e.what();
      EXPECT_NE(message.find("shop_order (which exist)"), std::string::npos) << message;
      EXPECT_NE(message.find("shop_item (which do not)"), std::string::npos) << message;
    }
    EXPECT_TRUE(db.recorded().empty());
    EXPECT_FALSE(db.connection->has_table("shop_item"));
  }
}

TEST(MigrateExecutor, AnEditedAppliedMigrationIsCaughtUnlessAccepted) {
  ExecutorHarness db(Dialect::sqlite);
  MigrationGraph original(blog_history());
  db.executor(original).run(db.executor(original).plan_all(), {}, 1);
  auto edited = blog_history();
  edited[2].operations.push_back(run_sql({"SELECT 1"}, std::vector<std::string>{}));
  MigrationGraph history(std::move(edited));
  try {
    db.executor(history).check_checksums(false);
    FAIL() << "an edited migration went unnoticed";
  } catch (const InputError& e) {
    std::string message = e.what();
    EXPECT_EQ(message.find("migrations/blog/0002_blog_views.json was edited after "
                           "blog.0002_blog_views was applied"),
              0u)
        << message;
    EXPECT_NE(message.find("--accept-changed"), std::string::npos) << message;
  }
  db.executor(history).check_checksums(true);
  EXPECT_NO_THROW(db.executor(history).check_checksums(false));
}

TEST(MigrateExecutor, PlanPrintsOperationsAndChangesNothing) {
  ExecutorHarness db(Dialect::sqlite);
  MigrationGraph history(blog_history());
  auto executor = db.executor(history);
  executor.print_plan(executor.plan_all());
  EXPECT_NE(db.out.str().find("Planned operations:\naccounts.0001_initial\n    "),
            std::string::npos)
      << db.out.str();
  EXPECT_FALSE(db.connection->has_table("accounts_user"));
  EXPECT_TRUE(db.recorded().empty());
}

}  // namespace dbmig::test
