// Generated names are valid everywhere: a default table name longer than 63 bytes is shortened
// with a stable hash, index and constraint names that would collide (a check beside an unsigned
// column's range check, index(a_b) beside index(a, b)) get distinct hashed names, and the
// migration applies on SQLite, PostgreSQL and MariaDB alike.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace dbmig::test {
namespace {

const std::string kLongColumn = "a_rather_long_column_name_that_reaches_far_beyond_forty_bytes";

std::string names_header() {
  return R"(#pragma once
#include <dbmig/model.hpp>
#include <cstdint>
namespace shop {
struct DBMIG_MODEL(check("level < 10"), index(a, b), index(a_b), unique_together(a, )" +
         kLongColumn + R"())
    AVeryLongModelNameForAnOrderLineThatNeverEndsAndKeepsOnGoing {
  DBMIG_FIELD(primary_key) std::int64_t id;
  std::uint8_t level = 0;
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::int64_t a_b = 0;
  DBMIG_FIELD(index) std::int64_t )" +
         kLongColumn + R"( = 0;
};
}  // namespace shop
)";
}

// Every index and constraint name of the written migration's CreateModel operation.
std::vector<std::string> object_names(const nlohmann::json& model) {
  std::vector<std::string> names;
  for (const auto* key : {"indexes", "constraints"})
    if (model.contains(key))
      for (const auto& object : model[key]) names.push_back(object["name"]);
  return names;
}

TEST(MakemigrationsNames, GeneratedNamesFitEveryDatabaseAndNeverCollide) {
  TempDir project;
  write_file(project.path() / "apps/shop/models.hpp", names_header());

  RunResult initial = run_dbmig({"makemigrations"}, project.path());
  ASSERT_EQ(initial.exit_code, 0) << initial.out << initial.err;
  auto migration =
      nlohmann::json::parse(read_file(project.path() / "migrations/shop/0001_initial.json"));
  const auto& model = migration["operations"][0];
  std::string table = model["table"];
  EXPECT_EQ(table.size(), 63u) << table;
  EXPECT_EQ(table.rfind("shop_a_very_long_model_name_for_an_order_line_", 0), 0u) << table;
  std::vector<std::string> names = object_names(model);
  EXPECT_EQ(names.size(), 4u);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
  for (const auto& name : names) EXPECT_LE(name.size(), 63u) << name;
  EXPECT_EQ(run_dbmig({"makemigrations", "--check"}, project.path()).exit_code, 0);

  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    std::map<std::string, std::string> env{{"DATABASE_URL", *url}};
    RunResult migrate = run_dbmig({"migrate"}, project.path(), env);
    EXPECT_EQ(migrate.exit_code, 0) << to_string(dialect) << migrate.out << migrate.err;
    RunResult rollback = run_dbmig({"migrate", "shop", "zero"}, project.path(), env);
    EXPECT_EQ(rollback.exit_code, 0) << to_string(dialect) << rollback.out << rollback.err;
  }
}

}  // namespace
}  // namespace dbmig::test
