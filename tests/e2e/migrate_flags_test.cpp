// The flags of `dbmig migrate` and `dbmig rollback` run through the built binary on every
// database, each checked by exit code, by output and by what the database's catalog and its
// recorder table hold afterwards.
#include <chrono>

#include <gtest/gtest.h>

#include "../db/migrate_fixtures.hpp"
#include "database_contents.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/migration_lock.hpp"
#include "output_checks.hpp"

namespace dbmig::test {

namespace {

using Strings = std::vector<std::string>;

const Strings kBlogHistory{"accounts.0001_initial", "blog.0001_initial", "blog.0002_blog_views"};

// A project holding some migrations and a fresh database of one dialect, named by DATABASE_URL.
struct Project {
  TempDir dir;
  Dialect dialect;
  std::string url;

  RunResult run(const Strings& args) const {
    return run_dbmig(args, dir.path(), {{"DATABASE_URL", url}});
  }
  Strings tables() const { return tables_of(url, dialect); }
  Strings recorded() const { return recorded_of(url); }
  Strings columns(std::string_view table) const { return columns_of(url, dialect, table); }
};

// An initial migration creating two tables (those of blog_history() create one each).
std::vector<Migration> shop_history() {
  return {make_migration(
      "shop", "0001_initial", {},
      {create_model("Product", {primary_key()}), create_model("Order", {primary_key()})})};
}

// Runs `body` once per dialect on a new project holding `history`, with the dialect in every
// failure message.
template <typename Body>
void for_each_database(const std::vector<Migration>& history, Body body) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(std::string(to_string(dialect)));
    Project project{{}, dialect, {}};
    auto url = fresh_database_url(dialect, project.dir.path());
    ASSERT_TRUE(url);
    project.url = *url;
    write_history(project.dir.path(), history);
    body(project);
  }
}

}  // namespace

TEST(MigrateFlags, FakeRecordsWithoutCreatingAndForgetsWithoutDropping) {
  for_each_database(blog_history(), [](const Project& project) {
    auto faked = project.run({"migrate", "--fake"});
    ASSERT_EQ(faked.exit_code, 0) << all_output(faked);
    EXPECT_TRUE(contains(faked.out, "  Applying blog.0002_blog_views... FAKED\n")) << faked.out;
    EXPECT_EQ(project.tables(), Strings{"dbmig_migrations"});
    EXPECT_EQ(project.recorded(), kBlogHistory);

    // Backwards, --fake forgets the records and leaves the tables that really exist.
    ASSERT_EQ(project.run({"migrate", "--fake", "accounts", "zero"}).exit_code, 0);
    EXPECT_EQ(project.recorded(), Strings{});
    ASSERT_EQ(project.run({"migrate"}).exit_code, 0);
    EXPECT_EQ(project.columns("blog_blog"), (Strings{"id", "user_id", "views"}));
    auto forgot = project.run({"migrate", "blog", "0001", "--fake"});
    ASSERT_EQ(forgot.exit_code, 0) << all_output(forgot);
    EXPECT_TRUE(contains(forgot.out, "  Unapplying blog.0002_blog_views... FAKED\n")) << forgot.out;
    EXPECT_EQ(project.columns("blog_blog"), (Strings{"id", "user_id", "views"}));
    EXPECT_EQ(project.recorded(), (Strings{"accounts.0001_initial", "blog.0001_initial"}));
  });
}

// Tables made by hand before dbmig was used: the initial migrations that create them are
// recorded, the later one (not initial) really runs.
TEST(MigrateFlags, FakeInitialRecordsInitialMigrationsWhoseTablesExist) {
  for_each_database(blog_history(), [](const Project& project) {
    execute_sql(project.url, {"CREATE TABLE accounts_user (id INTEGER PRIMARY KEY)",
                              "CREATE TABLE blog_blog (id INTEGER PRIMARY KEY, user_id INTEGER)"});
    auto migrated = project.run({"migrate", "--fake-initial"});
    ASSERT_EQ(migrated.exit_code, 0) << all_output(migrated);
    EXPECT_TRUE(contains(migrated.out,
                         "  Applying accounts.0001_initial... FAKED\n"
                         "  Applying blog.0001_initial... FAKED\n"
                         "  Applying blog.0002_blog_views... OK ("))
        << migrated.out;
    EXPECT_EQ(project.columns("blog_blog"), (Strings{"id", "user_id", "views"}));
    EXPECT_EQ(project.columns("accounts_user"), Strings{"id"});
    EXPECT_EQ(project.recorded(), kBlogHistory);
  });
}

TEST(MigrateFlags, FakeInitialRefusesWhenOnlySomeOfTheTablesExist) {
  for_each_database(shop_history(), [](const Project& project) {
    execute_sql(project.url, {"CREATE TABLE shop_product (id INTEGER PRIMARY KEY)"});
    auto refused = project.run({"migrate", "--fake-initial"});
    EXPECT_EQ(refused.exit_code, 3) << all_output(refused);
    EXPECT_TRUE(contains(refused.err,
                         "error: --fake-initial: shop.0001_initial creates tables shop_product "
                         "(which exist) and shop_order (which do not); nothing was changed."))
        << refused.err;
    EXPECT_EQ(project.tables(), (Strings{"dbmig_migrations", "shop_product"}));
    EXPECT_EQ(project.recorded(), Strings{});
  });
}

// `migrate APP zero` unapplies the app, and first what depends on it in other apps.
TEST(MigrateFlags, MigrateAppZeroDropsTheAppsTablesAndForgetsItsRecords) {
  for_each_database(blog_history(), [](const Project& project) {
    ASSERT_EQ(project.run({"migrate"}).exit_code, 0);
    auto blog_zero = project.run({"migrate", "blog", "zero"});
    ASSERT_EQ(blog_zero.exit_code, 0) << all_output(blog_zero);
    EXPECT_TRUE(contains(blog_zero.out,
                         "  Unapply all migrations: blog\nRunning migrations:\n"
                         "  Unapplying blog.0002_blog_views... OK ("))
        << blog_zero.out;
    EXPECT_EQ(project.tables(), (Strings{"accounts_user", "dbmig_migrations"}));
    EXPECT_EQ(project.recorded(), Strings{"accounts.0001_initial"});

    ASSERT_EQ(project.run({"migrate"}).exit_code, 0);
    auto accounts_zero = project.run({"migrate", "accounts", "zero"});
    ASSERT_EQ(accounts_zero.exit_code, 0) << all_output(accounts_zero);
    EXPECT_TRUE(contains(accounts_zero.out, "  Unapplying blog.0001_initial... OK ("))
        << accounts_zero.out;
    EXPECT_EQ(project.tables(), Strings{"dbmig_migrations"});
    EXPECT_EQ(project.recorded(), Strings{});
  });
}

// Another session holds the migration lock: migrate and rollback wait their --lock-timeout,
// fail with exit 3 and the documented message, and touch nothing; once it is released,
// migrate runs.
TEST(MigrateFlags, LockHeldByAnotherSessionTimesOutWithExit3) {
  for_each_database(blog_history(), [](const Project& project) {
    {
      Connection holder(parse_database_url(project.url));
      auto held = MigrationLock::acquire(holder, std::chrono::seconds(1));
      auto start = std::chrono::steady_clock::now();
      auto waited = project.run({"migrate", "--lock-timeout", "1"});
      auto elapsed = std::chrono::steady_clock::now() - start;
      EXPECT_EQ(waited.exit_code, 3) << all_output(waited);
      EXPECT_TRUE(contains(waited.err,
                           "error: another dbmig migrate or rollback has held the migration lock "
                           "on "))
          << waited.err;
      EXPECT_TRUE(contains(waited.err,
                           " for more than 1 s; let it finish and run again, or wait "
                           "longer with --lock-timeout SECONDS\n"))
          << waited.err;
      EXPECT_FALSE(contains(all_output(waited), "dbmig-test-secret")) << waited.err;
      EXPECT_GE(elapsed, std::chrono::seconds(1));
      EXPECT_LT(elapsed, std::chrono::seconds(15));

      auto rollback = project.run({"rollback", "--lock-timeout", "0.2"});
      EXPECT_EQ(rollback.exit_code, 3) << all_output(rollback);
      EXPECT_TRUE(contains(rollback.err, "for more than 0.2 s")) << rollback.err;
      EXPECT_EQ(project.tables(), Strings{});
    }
    auto migrated = project.run({"migrate", "--lock-timeout", "1"});
    EXPECT_EQ(migrated.exit_code, 0) << all_output(migrated);
    EXPECT_EQ(project.recorded(), kBlogHistory);
  });
}

// A statement the database rejects: exit 3 naming the migration, its file, the operation and
// the SQL. Where DDL is transactional the migration is rolled back and not recorded; on
// MySQL/MariaDB what ran stays and the migration is recorded as interrupted (databases.md).
TEST(MigrateFlags, FailedStatementGivesExit3NamingMigrationOperationAndSql) {
  std::vector<Migration> history{
      make_migration("ops", "0001_kept", {}, {create_model("Kept", {primary_key()})}),
      make_migration("ops", "0002_broken", {{"ops", "0001_kept"}},
                     {create_model("Made", {primary_key()}),
                      run_sql({"INSERT INTO no_such_table VALUES (1)"})})};
  for_each_database(history, [](const Project& project) {
    auto failed = project.run({"migrate"});
    EXPECT_EQ(failed.exit_code, 3) << all_output(failed);
    EXPECT_TRUE(contains(failed.out, "  Applying ops.0002_broken... FAILED\n")) << failed.out;
    EXPECT_TRUE(contains(failed.err,
                         "error: migration ops.0002_broken (migrations/ops/0002_broken.json) "
                         "failed\n  operation: Raw SQL operation\n"
                         "  SQL: INSERT INTO no_such_table VALUES (1)\n  database: "))
        << failed.err;
    EXPECT_TRUE(contains(failed.err, "no_such_table")) << failed.err;
    if (project.dialect == Dialect::mysql) {
      EXPECT_TRUE(contains(failed.err,
                           "It ran outside a transaction, so 1 statement(s) before "
                           "the failing one stay in effect:"))
          << failed.err;
      EXPECT_EQ(project.tables(), (Strings{"dbmig_migrations", "ops_kept", "ops_made"}));
      EXPECT_EQ(project.recorded(), (Strings{"ops.0001_kept", "ops.0002_broken (applying)"}));
    } else {
      EXPECT_TRUE(contains(failed.err,
                           "It was rolled back and is not recorded; the migrations "
                           "before it stay applied."))
          << failed.err;
      EXPECT_EQ(project.tables(), (Strings{"dbmig_migrations", "ops_kept"}));
      EXPECT_EQ(project.recorded(), Strings{"ops.0001_kept"});
    }
  });
}

// An applied migration edited afterwards: rollback refuses without --accept-changed and
// changes nothing, then with it undoes the batch, the edited migration included.
TEST(MigrateFlags, RollbackAcceptChangedUndoesAnEditedMigration) {
  for_each_database(blog_history(), [](const Project& project) {
    ASSERT_EQ(project.run({"migrate"}).exit_code, 0);
    auto edited = blog_history();
    edited[2].operations.push_back(run_sql({"SELECT 1"}, Strings{}));
    write_history(project.dir.path(), edited);

    auto refused = project.run({"rollback"});
    EXPECT_EQ(refused.exit_code, 2) << all_output(refused);
    EXPECT_TRUE(contains(refused.err,
                         "error: migrations/blog/0002_blog_views.json was edited "
                         "after"))
        << refused.err;
    EXPECT_EQ(project.columns("blog_blog"), (Strings{"id", "user_id", "views"}));
    EXPECT_EQ(project.recorded(), kBlogHistory);

    auto accepted = project.run({"rollback", "--accept-changed"});
    EXPECT_EQ(accepted.exit_code, 0) << all_output(accepted);
    EXPECT_TRUE(contains(accepted.out,
                         "Rolling back batch 1:\n"
                         "  Unapplying blog.0002_blog_views... OK ("))
        << accepted.out;
    EXPECT_EQ(project.tables(), Strings{"dbmig_migrations"});
    EXPECT_EQ(project.recorded(), Strings{});
  });
}

// --connection (and its other name --database) picks an alias of dbmig.json over
// DATABASE_URL, before or after the command; an unknown alias is a usage error.
TEST(MigrateFlags, ConnectionPicksTheAliasOfDbmigJson) {
  for_each_database(blog_history(), [](const Project& project) {
    write_file(project.dir.path() / "dbmig.json",
               "{\"databases\": {\"default\": \"sqlite:///default.sqlite3\", \"reports\": \"" +
                   project.url + "\"}}");
    std::map<std::string, std::string> env{{"DATABASE_URL", "sqlite:///from_env.sqlite3"}};
    auto migrated =
        run_dbmig({"--connection", "reports", "migrate", "blog", "0001"}, project.dir.path(), env);
    ASSERT_EQ(migrated.exit_code, 0) << all_output(migrated);
    EXPECT_EQ(project.recorded(), (Strings{"accounts.0001_initial", "blog.0001_initial"}));
    auto after_command = run_dbmig({"migrate", "--connection", "reports"}, project.dir.path(), env);
    ASSERT_EQ(after_command.exit_code, 0) << all_output(after_command);
    EXPECT_EQ(project.recorded(), kBlogHistory);
    for (const char* other : {"default.sqlite3", "from_env.sqlite3"})
      EXPECT_FALSE(std::filesystem::exists(project.dir.path() / other)) << other;

    auto unknown = run_dbmig({"--connection", "nope", "migrate"}, project.dir.path(), env);
    EXPECT_EQ(unknown.exit_code, 2) << all_output(unknown);
    EXPECT_TRUE(contains(unknown.err, "nope")) << unknown.err;
    EXPECT_FALSE(contains(all_output(unknown), "dbmig-test-secret")) << unknown.err;
  });
}

// -v 0 prints nothing on success but what was asked for (a plan, a list); 2 and 3 print the
// progress of 1; 4 is refused before anything runs.
TEST(MigrateFlags, VerbosityZeroIsSilentAndHigherLevelsShowProgress) {
  for_each_database(blog_history(), [](const Project& project) {
    auto plan = project.run({"-v", "0", "migrate", "--plan"});
    EXPECT_EQ(plan.exit_code, 0) << all_output(plan);
    EXPECT_TRUE(contains(plan.out, "Planned operations:\naccounts.0001_initial\n")) << plan.out;

    auto quiet = project.run({"-v", "0", "migrate"});
    EXPECT_EQ(quiet.exit_code, 0) << all_output(quiet);
    EXPECT_EQ(all_output(quiet), "");
    EXPECT_EQ(project.recorded(), kBlogHistory);
    auto listed = project.run({"showmigrations", "-v", "0"});
    EXPECT_EQ(listed.out,
              "accounts\n [X] 0001_initial\nblog\n [X] 0001_initial\n"
              " [X] 0002_blog_views\n");

    auto quiet_rollback = project.run({"rollback", "--verbosity", "0"});
    EXPECT_EQ(quiet_rollback.exit_code, 0) << all_output(quiet_rollback);
    EXPECT_EQ(all_output(quiet_rollback), "");
    EXPECT_EQ(project.tables(), Strings{"dbmig_migrations"});

    for (const char* level : {"2", "3"}) {
      auto verbose = project.run({"--verbosity", level, "migrate"});
      EXPECT_EQ(verbose.exit_code, 0) << all_output(verbose);
      EXPECT_TRUE(contains(verbose.out, "  Applying blog.0002_blog_views... OK ("))
          << "-v " << level << ": " << verbose.out;
      ASSERT_EQ(project.run({"rollback"}).exit_code, 0);
    }

    auto refused = project.run({"-v", "4", "migrate"});
    EXPECT_EQ(refused.exit_code, 2) << all_output(refused);
    EXPECT_TRUE(contains(refused.err, "--verbosity")) << refused.err;
    EXPECT_EQ(project.recorded(), Strings{});
  });
}

}  // namespace dbmig::test
