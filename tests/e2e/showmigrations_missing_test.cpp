// showmigrations tells the truth when the database and the files disagree: a migration
// recorded as applied whose file is gone is listed and flagged, in text and JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

TEST(ShowmigrationsMissing, AppliedMigrationWhoseFileIsGoneIsFlagged) {
  TempDir project;
  copy_demo_project(project.path());
  ASSERT_EQ(run_dbmig({"migrate"}, project.path()).exit_code, 0);
  fs::remove_all(project.path() / "migrations/blog");
  fs::remove_all(project.path() / "apps/blog");

  RunResult text = run_dbmig({"showmigrations"}, project.path());
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(
      text.out,
      "accounts\n [X] 0001_initial\n"
      "blog\n [X] 0001_initial (applied, but migrations/blog/0001_initial.json is missing)\n");

  RunResult json = run_dbmig({"showmigrations", "--format", "json"}, project.path());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto parsed = nlohmann::json::parse(json.out);
  ASSERT_EQ(parsed["apps"].size(), 2u);
  EXPECT_EQ(parsed["apps"][0]["migrations"][0]["missing_on_disk"], false);
  EXPECT_EQ(parsed["apps"][1]["app"], "blog");
  EXPECT_EQ(parsed["apps"][1]["migrations"][0]["missing_on_disk"], true);
  EXPECT_EQ(parsed["apps"][1]["migrations"][0]["applied"], true);
}

}  // namespace dbmig::test
