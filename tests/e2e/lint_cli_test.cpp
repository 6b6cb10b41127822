// `dbmig lint` run as a user runs it on a copy of the demo project: findings, --fail-on exit
// codes, acknowledgements (and stale ones), the JSON form, row counts with --database; and the
// lint's report after `makemigrations` and in `migrate --plan`.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "database_contents.hpp"
#include "demo_project.hpp"
#include "output_checks.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

namespace fs = std::filesystem;

// blog/0002_changes.json holding `operations` (JSON objects), after blog/0001_initial.
void write_changes(const fs::path& root, const std::string& operations) {
  write_blog_migration(root, "0002_changes", operations);
}

std::string remove_body(const std::string& acknowledged = "") {
  return R"({"op": "RemoveField", "model": "Blog", "name": "body")" +
         (acknowledged.empty() ? "" : ", \"acknowledged\": " + acknowledged) + "}";
}

std::string index_title(const std::string& acknowledged = "") {
  return R"({"op": "AddIndex", "model": "Blog", "index": {"name": "blogs_title_ix", "fields": ["title"]})" +
         (acknowledged.empty() ? "" : ", \"acknowledged\": " + acknowledged) + "}";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(LintCli, FailOnDecidesTheExitCodeAndAcknowledgedFindingsNeverFail) {
  TempDir project;
  copy_demo_project(project.path());
  write_changes(project.path(), remove_body() + ", " + index_title());
  std::vector<std::string> lint{"lint", "blog", "--database-dialect", "postgresql"};

  auto found = run_dbmig(lint, project.path());
  EXPECT_EQ(found.exit_code, 1) << all_output(found);
  EXPECT_TRUE(contains(found.out,
                       "migrations/blog/0002_changes.json: operations[0] (Remove field body from "
                       "Blog)\n  error DS102 drop column [postgresql]\n  drops column blogs.body"))
      << found.out;
  EXPECT_TRUE(contains(found.out, "warning PG105 index without CONCURRENTLY [postgresql]"))
      << found.out;
  EXPECT_TRUE(contains(found.out, "1 error, 1 warning, 0 notices (0 acknowledged)")) << found.out;

  auto fail_on = [&](const std::string& level) {
    auto args = lint;
    args.insert(args.end(), {"--fail-on", level});
    return run_dbmig(args, project.path()).exit_code;
  };
  EXPECT_EQ(fail_on("never"), 0);
  EXPECT_EQ(fail_on("notice"), 1);

  write_changes(project.path(), remove_body("[\"DS102\"]") + ", " + index_title());
  EXPECT_EQ(fail_on("error"), 0);
  EXPECT_EQ(fail_on("warning"), 1);
  auto acknowledged = run_dbmig(lint, project.path());
  EXPECT_TRUE(contains(acknowledged.out, "  acknowledged error DS102 drop column"))
      << acknowledged.out;
  write_changes(project.path(), remove_body("[\"DS102\"]") + ", " + index_title("[\"PG105\"]"));
  EXPECT_EQ(fail_on("notice"), 0);
}

TEST(LintCli, AStaleAcknowledgementIsAnErrorNamingTheCode) {
  TempDir project;
  copy_demo_project(project.path());
  write_changes(project.path(), remove_body("[\"DS102\", \"DS1O2\"]"));
  auto stale = run_dbmig({"lint", "--database-dialect", "sqlite"}, project.path());
  EXPECT_EQ(stale.exit_code, 1) << all_output(stale);
  EXPECT_TRUE(contains(stale.out,
                       "error AK101 stale acknowledgement [sqlite]\n"
                       "  acknowledges DS1O2, which is no lint code"))
      << stale.out;
  // An index acknowledged for PostgreSQL, linted for PostgreSQL with "online": no finding left.
  write_changes(project.path(), index_title("[\"PG105\"]"));
  std::string text = read_file(project.path() / "migrations/blog/0002_changes.json");
  text.replace(text.find("\"atomic\": true"), 14, "\"atomic\": false");
  text.replace(text.find("\"acknowledged\""), 0, "\"online\": true, ");
  write_file(project.path() / "migrations/blog/0002_changes.json", text);
  // The dialect option takes one value per use: the app and migration may follow it.
  auto online =
      run_dbmig({"lint", "--database-dialect", "postgresql", "blog", "0002"}, project.path());
  EXPECT_EQ(online.exit_code, 1) << all_output(online);
  EXPECT_TRUE(contains(online.out,
                       "acknowledges PG105 (index without CONCURRENTLY), which this "
                       "operation does not have"))
      << online.out;
}

TEST(LintCli, JsonOutputListsEveryFindingWithItsDialects) {
  TempDir project;
  copy_demo_project(project.path());
  write_changes(project.path(), index_title());
  auto run = run_dbmig({"lint", "--format", "json", "--database-dialect", "mysql,postgresql",
                        "--database-dialect", "sqlite"},
                       project.path());
  EXPECT_EQ(run.exit_code, 0) << all_output(run);
  auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["findings"].size(), 2u) << run.out;
  auto& first = json["findings"][0];
  EXPECT_EQ(first["code"], "MY102");
  EXPECT_EQ(first["level"], "notice");
  EXPECT_EQ(first["migration"], "blog.0002_changes");
  EXPECT_EQ(first["file"], "migrations/blog/0002_changes.json");
  EXPECT_EQ(first["operation"]["index"], 0);
  EXPECT_EQ(first["dialects"], nlohmann::json({"mysql"}));
  EXPECT_EQ(json["findings"][1]["code"], "PG105");
  EXPECT_EQ(json["summary"]["warnings"], 1);
  EXPECT_EQ(json["summary"]["notices"], 1);
  // Byte-identical on a second run.
  EXPECT_EQ(run_dbmig({"lint", "--format", "json", "--database-dialect", "sqlite,mysql,postgresql"},
                      project.path())
                .out,
            run.out);
}

// On every database: the demo migrated and given rows, then a migration adding a NOT NULL column
// without a default: lint --database, migrate --plan and makemigrations say what they know.
TEST(LintCli, DatabaseRowCountsInLintAndMigratePlan) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    TempDir project;
    copy_demo_project(project.path());
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    ASSERT_EQ(run_dbmig({"--database", *url, "migrate"}, project.path()).exit_code, 0);
    execute_sql(*url, {"INSERT INTO users (name, email, password, created_at, updated_at) VALUES "
                       "('a', 'a@x', 'p', '2024-01-01 00:00:00', '2024-01-01 00:00:00')",
                       "INSERT INTO blogs (title, body, active, user_id, created_at, updated_at) "
                       "SELECT 't', 'b', TRUE, id, created_at, updated_at FROM users"});
    write_changes(
        project.path(),
        R"({"op": "AddField", "model": "Blog", "field": {"name": "score", "type": "int32"}})");

    auto without = run_dbmig({"lint", "blog"}, project.path(), {{"DATABASE_URL", *url}});
    EXPECT_EQ(without.exit_code, 0) << all_output(without);
    EXPECT_TRUE(contains(without.out, "warning NN101")) << without.out;
    EXPECT_TRUE(contains(without.out, "cannot tell without a database")) << without.out;

    auto with = run_dbmig({"--database", *url, "lint", "blog"}, project.path());
    EXPECT_EQ(with.exit_code, 1) << all_output(with);
    EXPECT_TRUE(contains(with.out, "error NN101 NOT NULL column without a default [" +
                                       std::string(to_string(dialect)) +
                                       "]\n  adds NOT NULL "
                                       "column blogs.score without a default: fails, as blogs "
                                       "has 1 rows"))
        << with.out;
    if (dialect == Dialect::sqlite) {
      EXPECT_TRUE(contains(with.out,
                           "notice LT101 table rebuild [sqlite]\n  rebuilds table "
                           "blogs (creates a copy, moves every row, drops the old one) "
                           "(blogs has 1 rows)"))
          << with.out;
    }

    auto plan = run_dbmig({"--database", *url, "migrate", "--plan"}, project.path());
    EXPECT_EQ(plan.exit_code, 0) << all_output(plan);
    EXPECT_TRUE(contains(plan.out,
                         "Planned operations:\nblog.0002_changes\n    Add field score "
                         "to Blog\nSafety lint (docs/lint.md):\n"))
        << plan.out;
    EXPECT_TRUE(contains(plan.out, "fails, as blogs has 1 rows")) << plan.out;
  }
}

TEST(LintCli, MakemigrationsWarnsAfterWritingWithoutConnecting) {
  TempDir project;
  copy_demo_project(project.path());
  fs::path models = project.path() / "apps/blog/models.hpp";
  std::string text = read_file(models);
  text.erase(text.find("  std::string body;\n"), 20);
  write_file(models, text);
  auto run = run_dbmig({"makemigrations", "--noinput"}, project.path(),
                       {{"DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none"}});
  EXPECT_EQ(run.exit_code, 0) << all_output(run);
  EXPECT_TRUE(fs::exists(project.path() / "migrations/blog/0002_remove_blog_body.json")) << run.out;
  EXPECT_TRUE(contains(run.err,
                       "warning: the safety lint (docs/lint.md) found in the new "
                       "migrations:\nmigrations/blog/0002_remove_blog_body.json: "
                       "operations[0] (Remove field body from Blog)\n  error DS102 drop "
                       "column [postgresql]"))
      << run.err;
}

}  // namespace
}  // namespace dbmig::test
