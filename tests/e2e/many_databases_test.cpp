// `migrate` and `showmigrations` on several databases: --database repeated or `all`, -j N
// (docs/databases.md "Many databases"). Each database is migrated on its own; the output is each
// database's whole, in the order given, then a summary; a failed database fails the command
// (the highest exit code) while the others finish.
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../db/migrate_fixtures.hpp"
#include "database_contents.hpp"
#include "output_checks.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// The output with every timing ("12 ms") and the padding that follows it (the summary's time
// column is as wide as its widest value) made the same.
std::string without_timings(const std::string& text) {
  std::string padded = std::regex_replace(text, std::regex("([0-9]+ ms|time) +"), "T ");
  return std::regex_replace(padded, std::regex("[0-9]+ ms"), "T");
}

// A project with the blog history and `count` SQLite aliases tenant_1.. in dbmig.json.
void tenant_project(const fs::path& root, int count) {
  write_history(root, blog_history());
  std::string aliases;
  for (int i = 1; i <= count; ++i)
    aliases += std::string(i > 1 ? ", " : "") + "\"tenant_" + std::to_string(i) +
               "\": \"sqlite:///tenant_" + std::to_string(i) + ".db\"";
  write_file(root / "dbmig.json", "{\"databases\": {" + aliases + "}}\n");
}

std::string sqlite_file(const fs::path& root, const std::string& name) {
  return "sqlite:///" + (root / (name + ".db")).string();
}

const std::vector<std::string> kAllRecorded{"accounts.0001_initial", "blog.0001_initial",
                                            "blog.0002_blog_views"};

// Every JSON document of a stream of them, in order.
std::vector<nlohmann::json> json_documents(const std::string& text) {
  std::istringstream stream(text);
  std::vector<nlohmann::json> documents;
  while ((stream >> std::ws).peek() != std::char_traits<char>::eof()) {
    nlohmann::json document;
    stream >> document;
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace

TEST(ManyDatabases, MigratesEachInTheOrderGivenWithASummary) {
  TempDir project;
  tenant_project(project.path(), 1);
  std::string second = sqlite_file(project.path(), "second");
  auto migrate = run_dbmig({"migrate", "--database", "tenant_1", "--database", second, "-j", "2"},
                           project.path());
  ASSERT_EQ(migrate.exit_code, 0) << all_output(migrate);
  std::string block =
      "Operations to perform:\n  Apply all migrations: accounts, blog\nRunning migrations:\n"
      "  Applying accounts.0001_initial... OK (T)\n  Applying blog.0001_initial... OK (T)\n"
      "  Applying blog.0002_blog_views... OK (T)\n";
  EXPECT_EQ(without_timings(migrate.out),
            "== tenant_1 ==\n" + block + "== " + second + " ==\n" + block + "Summary:\n  database" +
                std::string(second.size() - 8, ' ') + "  applied  T result\n  tenant_1" +
                std::string(second.size() - 8, ' ') + "  3        T ok\n  " + second +
                "  3        T ok\n")
      << migrate.out;
  EXPECT_EQ(migrate.err, "");
  EXPECT_EQ(recorded_of(sqlite_file(project.path(), "tenant_1")), kAllRecorded);
  EXPECT_EQ(recorded_of(second), kAllRecorded);

  auto shown = run_dbmig({"showmigrations", "blog", "--database", second, "--database", "tenant_1"},
                         project.path());
  ASSERT_EQ(shown.exit_code, 0) << all_output(shown);
  std::string listing = "blog\n [X] 0001_initial\n [X] 0002_blog_views\n";
  EXPECT_TRUE(contains(
      shown.out, "== " + second + " ==\n" + listing + "== tenant_1 ==\n" + listing + "Summary:\n"))
      << shown.out;
}

TEST(ManyDatabases, AFailedDatabaseFailsTheCommandAndTheOthersFinish) {
  TempDir project;
  tenant_project(project.path(), 3);
  // tenant_2 already has a table of accounts.0001: its CREATE TABLE fails.
  execute_sql(sqlite_file(project.path(), "tenant_2"), {"CREATE TABLE accounts_user (x INTEGER)"});
  auto migrate = run_dbmig({"migrate", "--database", "all", "-j", "2"}, project.path());
  EXPECT_EQ(migrate.exit_code, 3) << all_output(migrate);
  EXPECT_EQ(recorded_of(sqlite_file(project.path(), "tenant_1")), kAllRecorded);
  EXPECT_EQ(recorded_of(sqlite_file(project.path(), "tenant_2")), std::vector<std::string>{});
  EXPECT_EQ(recorded_of(sqlite_file(project.path(), "tenant_3")), kAllRecorded);
  EXPECT_TRUE(contains(migrate.err, "error: tenant_2: migration accounts.0001_initial"))
      << migrate.err;
  EXPECT_TRUE(contains(migrate.err, "error: 1 of 3 databases failed: tenant_2")) << migrate.err;
  EXPECT_TRUE(std::regex_search(migrate.out, std::regex("\n  tenant_2  -  +[0-9]+ ms +exit 3\n")))
      << migrate.out;
  EXPECT_TRUE(std::regex_search(migrate.out, std::regex("\n  tenant_3  3  +[0-9]+ ms +ok\n")))
      << migrate.out;

  // --check: exit 1 when one has unapplied migrations; a database that fails outranks it.
  auto check = run_dbmig({"migrate", "--check", "--database", "all"}, project.path());
  EXPECT_EQ(check.exit_code, 1) << all_output(check);
  EXPECT_TRUE(std::regex_search(check.out, std::regex("database  unapplied  time +result\n"
                                                      "  tenant_1  0 .*ok\n"
                                                      "  tenant_2  3 .*exit 1\n"
                                                      "  tenant_3  0 .*ok\n")))
      << check.out;
  auto unreachable =
      run_dbmig({"migrate", "--check", "--database", "tenant_2", "--database",
                 "postgresql://nobody:pw1@127.0.0.1:1/none", "--database", "tenant_1"},
                project.path());
  EXPECT_EQ(unreachable.exit_code, 3) << all_output(unreachable);
  EXPECT_TRUE(
      contains(unreachable.err, "error: postgresql://nobody:***@127.0.0.1:1/none: cannot connect"))
      << unreachable.err;
}

TEST(ManyDatabases, OutputDoesNotDependOnTheJobs) {
  TempDir serial;
  TempDir parallel;
  tenant_project(serial.path(), 6);
  tenant_project(parallel.path(), 6);
  auto one = run_dbmig({"migrate", "--database", "all"}, serial.path());
  auto four = run_dbmig({"migrate", "--database", "all", "--jobs", "4"}, parallel.path());
  ASSERT_EQ(one.exit_code, 0) << all_output(one);
  ASSERT_EQ(four.exit_code, 0) << all_output(four);
  EXPECT_EQ(without_timings(four.out), without_timings(one.out));
  // Every alias, in alphabetical order.
  EXPECT_TRUE(std::regex_search(one.out, std::regex("== tenant_1 ==\n(.|\n)*== tenant_2 ==\n(.|\n)*"
                                                    "== tenant_6 ==\n(.|\n)*Summary:")))
      << one.out;
  for (int i = 1; i <= 6; ++i)
    EXPECT_EQ(recorded_of(sqlite_file(parallel.path(), "tenant_" + std::to_string(i))),
              kAllRecorded);
  auto shown_one = run_dbmig({"showmigrations", "--database", "all"}, serial.path());
  auto shown_three = run_dbmig({"showmigrations", "--database", "all", "-j", "3"}, parallel.path());
  EXPECT_EQ(without_timings(shown_three.out), without_timings(shown_one.out));
}

TEST(ManyDatabases, OneDatabaseOutputsAsBefore) {
  TempDir project;
  tenant_project(project.path(), 1);
  auto migrate = run_dbmig({"migrate", "--database", "tenant_1", "-j", "4"}, project.path());
  ASSERT_EQ(migrate.exit_code, 0) << all_output(migrate);
  EXPECT_TRUE(migrate.out.starts_with("Operations to perform:\n")) << migrate.out;
  EXPECT_FALSE(contains(migrate.out, "Summary")) << migrate.out;
}

TEST(ManyDatabases, EveryDialectInOneCommand) {
  TempDir project;
  write_history(project.path(), blog_history());
  std::vector<std::string> urls;
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    urls.push_back(*url);
  }
  urls.push_back(sqlite_file(project.path(), "another"));
  std::vector<std::string> args{"migrate", "-j", "3"};
  for (const auto& url : urls) args.insert(args.end(), {"--database", url});
  auto migrate = run_dbmig(args, project.path());
  ASSERT_EQ(migrate.exit_code, 0) << all_output(migrate);
  for (const auto& url : urls) EXPECT_EQ(recorded_of(url), kAllRecorded) << url;

  args[0] = "showmigrations";
  args.insert(args.end(), {"--format", "json"});
  auto shown = run_dbmig(args, project.path());
  ASSERT_EQ(shown.exit_code, 0) << all_output(shown);
  auto documents = json_documents(shown.out);
  ASSERT_EQ(documents.size(), urls.size()) << shown.out;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    EXPECT_EQ(documents[i]["database"], parse_database_url(urls[i]).redacted());
    EXPECT_EQ(documents[i]["apps"][1]["migrations"][1]["applied"], true);
  }
}

}  // namespace dbmig::test
