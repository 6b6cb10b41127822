// `dbmig migrate`, `showmigrations` and `rollback` run as a user runs them, on every database;
// and 8 concurrent `dbmig migrate` processes apply each migration exactly once.
#include <future>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../db/migrate_fixtures.hpp"
#include "database_contents.hpp"
#include "dbmig/migration_json.hpp"
#include "output_checks.hpp"

namespace dbmig::test {

namespace {

int count_of(const std::string& text, const std::string& part) {
  int count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

}  // namespace

TEST(MigrateCli, MigrateShowmigrationsRollbackOnEveryDatabase) {
  for (Dialect dialect : test_dialects()) {
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    write_history(project.path(), blog_history());
    std::map<std::string, std::string> env{{"DATABASE_URL", *url}};

    auto plan = run_dbmig({"migrate", "--plan"}, project.path(), env);
    EXPECT_EQ(plan.exit_code, 0) << all_output(plan);
    EXPECT_NE(plan.out.find("Planned operations:\naccounts.0001_initial\n    Create model User"),
              std::string::npos)
        << plan.out;
    EXPECT_NE(run_dbmig({"showmigrations"}, project.path(), env).out.find(" [ ] 0001_initial"),
              std::string::npos);

    auto migrate = run_dbmig({"migrate"}, project.path(), env);
    ASSERT_EQ(migrate.exit_code, 0) << all_output(migrate);
    EXPECT_TRUE(std::regex_search(
        migrate.out, std::regex("Operations to perform:\n  Apply all migrations: accounts, blog\n"
                                "Running migrations:\n"
                                "  Applying accounts.0001_initial\\.\\.\\. OK \\([0-9]+ ms\\)\n"
                                "  Applying blog.0001_initial\\.\\.\\. OK \\([0-9]+ ms\\)\n")))
        << migrate.out;

    auto shown = run_dbmig({"showmigrations"}, project.path(), env);
    EXPECT_EQ(shown.out,
              "accounts\n [X] 0001_initial\nblog\n [X] 0001_initial\n [X] 0002_blog_views\n");
    auto json = nlohmann::json::parse(
        run_dbmig({"showmigrations", "--format", "json"}, project.path(), env).out);
    EXPECT_EQ(json["apps"][1]["migrations"][1]["name"], "0002_blog_views");
    EXPECT_EQ(json["apps"][1]["migrations"][1]["applied"], true);
    EXPECT_EQ(json["apps"][1]["migrations"][1]["batch"], 1);
    auto shown_plan = run_dbmig({"showmigrations", "--plan"}, project.path(), env);
    EXPECT_NE(shown_plan.out.find("[X]  blog.0001_initial ... (accounts.0001_initial)\n"),
              std::string::npos)
        << shown_plan.out;

    const std::vector<std::string> with_views{"id", "user_id", "views"};
    const std::vector<std::string> without_views{"id", "user_id"};
    EXPECT_EQ(columns_of(*url, dialect, "blog_blog"), with_views);

    auto back = run_dbmig({"migrate", "blog", "0001"}, project.path(), env);
    EXPECT_EQ(back.exit_code, 0) << all_output(back);
    EXPECT_NE(back.out.find("  Target specific migration: 0001_initial, from blog\n"),
              std::string::npos)
        << back.out;
    EXPECT_NE(back.out.find("  Unapplying blog.0002_blog_views... OK ("), std::string::npos)
        << all_output(back);
    EXPECT_EQ(columns_of(*url, dialect, "blog_blog"), without_views);
    auto again = run_dbmig({"migrate"}, project.path(), env);  // batch 2: blog.0002 again
    EXPECT_EQ(again.exit_code, 0) << all_output(again);
    EXPECT_EQ(columns_of(*url, dialect, "blog_blog"), with_views);
    auto rollback = run_dbmig({"rollback"}, project.path(), env);
    EXPECT_EQ(rollback.exit_code, 0) << all_output(rollback);
    EXPECT_NE(rollback.out.find("Rolling back batch 2:\n  Unapplying blog.0002_blog_views..."),
              std::string::npos)
        << rollback.out;
    EXPECT_EQ(columns_of(*url, dialect, "blog_blog"), without_views);
    auto step = run_dbmig({"rollback", "--step", "2"}, project.path(), env);
    EXPECT_EQ(step.exit_code, 0) << all_output(step);
    EXPECT_EQ(run_dbmig({"showmigrations"}, project.path(), env).out,
              "accounts\n [ ] 0001_initial\nblog\n [ ] 0001_initial\n [ ] 0002_blog_views\n");
    EXPECT_EQ(columns_of(*url, dialect, "blog_blog"), std::vector<std::string>{"<no table>"});
    EXPECT_EQ(columns_of(*url, dialect, "accounts_user"), std::vector<std::string>{"<no table>"});
    for (const auto* result : {&plan, &migrate, &shown, &back, &again, &rollback, &step})
      EXPECT_EQ(all_output(*result).find("dbmig-test-secret"), std::string::npos);
  }
}

// ops.0003 can be reversed and would run first; ops.0002 cannot: `migrate ops 0001` and
// `rollback` must refuse before reversing 0003, so its table stays and all three stay applied.
TEST(MigrateCli, AnIrreversibleMigrationIsRefusedBeforeAnyStatementRuns) {
  for (Dialect dialect : test_dialects()) {
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    write_history(project.path(),
                  {make_migration("ops", "0001_table", {},
                                  {run_sql({"CREATE TABLE kept (id INTEGER)"},
                                           std::vector<std::string>{"DROP TABLE kept"})}),
                   make_migration("ops", "0002_fill", {{"ops", "0001_table"}},
                                  {run_sql({"INSERT INTO kept VALUES (1)"})}),
                   make_migration("ops", "0003_later", {{"ops", "0002_fill"}},
                                  {run_sql({"CREATE TABLE later (id INTEGER)"},
                                           std::vector<std::string>{"DROP TABLE later"})})});
    std::map<std::string, std::string> env{{"DATABASE_URL", *url}};
    ASSERT_EQ(run_dbmig({"migrate"}, project.path(), env).exit_code, 0);

    for (std::vector<std::string> command :
         {std::vector<std::string>{"migrate", "ops", "0001"}, {"rollback"}}) {
      auto refused = run_dbmig(command, project.path(), env);
      EXPECT_EQ(refused.exit_code, 2) << command[0] << ": " << all_output(refused);
      EXPECT_NE(refused.err.find("cannot unapply ops.0002_fill (migrations/ops/0002_fill.json): "
                                 "operation 1 (Raw SQL operation) cannot be reversed"),
                std::string::npos)
          << command[0] << ": " << refused.err;
      EXPECT_EQ(columns_of(*url, dialect, "later"), std::vector<std::string>{"id"})
          << command[0] << " on " << to_string(dialect);
      EXPECT_EQ(run_dbmig({"showmigrations"}, project.path(), env).out,
                "ops\n [X] 0001_table\n [X] 0002_fill\n [X] 0003_later\n")
          << command[0] << " on " << to_string(dialect);
    }
  }
}

TEST(MigrateCli, AnEditedMigrationStopsMigrateNamingTheFile) {
  TempDir project;
  write_history(project.path(), blog_history());
  ASSERT_EQ(run_dbmig({"migrate"}, project.path()).exit_code, 0);
  auto edited = blog_history();
  edited[2].operations.push_back(run_sql({"SELECT 1"}, std::vector<std::string>{}));
  write_history(project.path(), edited);
  EXPECT_NE(run_dbmig({"showmigrations"}, project.path())
                .out.find(" [X] 0002_blog_views (edited since it was applied)"),
            std::string::npos);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"migrate"}, std::vector<std::string>{"migrate", "--plan"}}) {
    auto refused = run_dbmig(args, project.path());
    EXPECT_EQ(refused.exit_code, 2) << args.back();
    EXPECT_NE(refused.err.find("error: migrations/blog/0002_blog_views.json was edited after"),
              std::string::npos)
        << args.back() << ": " << refused.err;
  }
  // --plan with --accept-changed shows what would run and accepts nothing.
  auto planned = run_dbmig({"migrate", "--plan", "--accept-changed"}, project.path());
  EXPECT_EQ(planned.exit_code, 0) << all_output(planned);
  EXPECT_NE(planned.out.find("No planned migration operations."), std::string::npos) << planned.out;
  EXPECT_EQ(run_dbmig({"migrate"}, project.path()).exit_code, 2);
  EXPECT_EQ(run_dbmig({"migrate", "--accept-changed"}, project.path()).exit_code, 0);
  EXPECT_EQ(run_dbmig({"migrate"}, project.path()).exit_code, 0);
}

// The tables of the first migration were made by hand, so its first statement fails. On
// MariaDB too (no transactional DDL) nothing of it ran, so it is not applied and
// `migrate --fake-initial` takes it from there.
TEST(MigrateCli, TablesMadeByHandFailTheFirstStatementThenFakeInitialRecordsThem) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    write_history(project.path(), blog_history());
    std::map<std::string, std::string> env{{"DATABASE_URL", *url}};
    {
      Connection connection(parse_database_url(*url));
      std::string table =
          MigrationGraph(blog_history()).state_at({}).get({"accounts", "User"}).table;
      connection.execute("CREATE TABLE " + table + " (id BIGINT NOT NULL PRIMARY KEY)");
    }

    auto failed = run_dbmig({"migrate"}, project.path(), env);
    EXPECT_EQ(failed.exit_code, 3) << all_output(failed);
    EXPECT_NE(failed.err.find("migration accounts.0001_initial"), std::string::npos) << failed.err;
    EXPECT_EQ(failed.err.find("interrupted"), std::string::npos) << failed.err;
    EXPECT_EQ(run_dbmig({"showmigrations", "accounts"}, project.path(), env).out,
              "accounts\n [ ] 0001_initial\n");

    auto faked = run_dbmig({"migrate", "--fake-initial"}, project.path(), env);
    EXPECT_EQ(faked.exit_code, 0) << all_output(faked);
    EXPECT_NE(faked.out.find("  Applying accounts.0001_initial... FAKED\n"
                             "  Applying blog.0001_initial... OK"),
              std::string::npos)
        << faked.out;
  }
}

TEST(MigrateCli, WrongPasswordIsOneLineWithoutThePassword) {
  for (Dialect dialect : test_dialects()) {
    if (dialect == Dialect::sqlite) continue;
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    write_history(project.path(), blog_history());
    std::string wrong = std::regex_replace(*url, std::regex(":[^:@/]+@"), ":hunter2-wrong@");
    auto result = run_dbmig({"--database", wrong, "migrate"}, project.path());
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_EQ(count_of(result.err, "\n"), 1) << result.err;
    EXPECT_EQ(all_output(result).find("hunter2-wrong"), std::string::npos) << result.err;
  }
}

TEST(MigrateCli, EightConcurrentMigratesApplyEachMigrationOnce) {
  for (Dialect dialect : test_dialects()) {
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    write_history(project.path(), blog_history());
    std::vector<std::unique_ptr<TempDir>> cwds;
    std::vector<std::future<RunResult>> runs;
    for (int i = 0; i < 8; ++i) {
      cwds.push_back(std::make_unique<TempDir>());
      runs.push_back(std::async(std::launch::async, [&, i] {
        return run_dbmig({"--project", project.path().string(), "--database", *url, "migrate"},
                         cwds[i]->path());
      }));
    }
    std::string everything;
    for (auto& run : runs) {
      RunResult result = run.get();
      EXPECT_EQ(result.exit_code, 0) << to_string(dialect) << ": " << all_output(result);
      everything += result.out;
    }
    for (const char* migration :
         {"accounts.0001_initial", "blog.0001_initial", "blog.0002_blog_views"})
      EXPECT_EQ(count_of(everything, std::string("Applying ") + migration + "... OK"), 1)
          << to_string(dialect) << "\n"
          << everything;
    EXPECT_EQ(count_of(everything, "No migrations to apply."), 7) << everything;
  }
}

}  // namespace dbmig::test
