// The walking skeleton, as a user runs it: the demo project's committed migrations are in sync
// with its models, and `dbmig migrate` builds the schema on every database, checked through
// the database's own catalog.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "catalog.hpp"
#include "dbmig/database_url.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"
#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

TEST(WalkingSkeleton, DemoMigrationsAreInSyncWithTheModels) {
  TempDir project;
  copy_demo_project(project.path());
  RunResult result = run_dbmig({"makemigrations", "--check"}, project.path());
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("No changes detected"), std::string::npos) << result.out;
}

TEST(WalkingSkeleton, MigrateCreatesTablesForeignKeyAndRecorderOnEveryDatabase) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(std::string(to_string(dialect)));
    TempDir project;
    copy_demo_project(project.path());
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url.has_value());

    RunResult migrate = run_dbmig({"--database", *url, "migrate"}, project.path());
    ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;

    DatabaseUrl parsed = parse_database_url(*url);
    soci::session session(parsed.soci_backend(), parsed.soci_connection_string());
    std::vector<std::string> tables = read_tables(session, dialect);
    EXPECT_EQ(tables, (std::vector<std::string>{"blogs", "dbmig_migrations", "users"}));

    // Both tables match what the scanner reads from the models, column by column.
    ScanResult scanned = scan_models(load_project_config(project.path()));
    for (const auto& [key, model] : scanned.state.models) {
      auto table = read_table(session, dialect, model.table);
      ASSERT_TRUE(table.has_value()) << model.table;
      EXPECT_EQ(compare_with_model(*table, scanned.state, model, dialect),
                std::vector<std::string>{})
          << model.table;
    }
    auto blogs = read_table(session, dialect, "blogs");
    ASSERT_EQ(blogs->foreign_keys.size(), 1u);
    EXPECT_EQ(blogs->foreign_keys[0].column, "user_id");
    EXPECT_EQ(blogs->foreign_keys[0].referenced_table, "users");
    EXPECT_EQ(blogs->foreign_keys[0].referenced_column, "id");
    EXPECT_EQ(blogs->foreign_keys[0].on_delete, "CASCADE");

    std::vector<std::string> recorded(10);
    session << "SELECT " +
                   std::string(dialect == Dialect::mysql ? "CONCAT(app, '.', name)"
                                                         : "app || '.' || name") +
                   " FROM dbmig_migrations ORDER BY app, name",
        soci::into(recorded);
    EXPECT_EQ(recorded, (std::vector<std::string>{"accounts.0001_initial", "blog.0001_initial"}));

    RunResult show = run_dbmig({"--database", *url, "showmigrations"}, project.path());
    EXPECT_EQ(show.exit_code, 0) << show.err;
    EXPECT_EQ(show.out, "accounts\n [X] 0001_initial\nblog\n [X] 0001_initial\n");
  }
}

TEST(WalkingSkeleton, DefaultDatabaseIsDbSqlite3InTheProjectRoot) {
  TempDir project;
  copy_demo_project(project.path());
  RunResult before = run_dbmig({"showmigrations"}, project.path());
  EXPECT_EQ(before.out, "accounts\n [ ] 0001_initial\nblog\n [ ] 0001_initial\n") << before.err;
  RunResult migrate = run_dbmig({"migrate"}, project.path());
  ASSERT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
  ASSERT_TRUE(fs::exists(project.path() / "db.sqlite3"));
  soci::session session("sqlite3", "db=\"" + (project.path() / "db.sqlite3").string() + "\"");
  EXPECT_EQ(read_tables(session, Dialect::sqlite),
            (std::vector<std::string>{"blogs", "dbmig_migrations", "users"}));
}

}  // namespace dbmig::test
