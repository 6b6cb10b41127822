// dbmig.json's "online_schema_changes": makemigrations writes the changes to existing tables
// online, in a non-atomic migration, and leaves new tables plain; the migration then applies
// on every database with no drift (docs/online-schema-changes.md "Asking for it").
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace dbmig::test {
namespace {

// The shop app's Item with `members` pasted into it.
std::string shop_header(const std::string& members) {
  return R"(#pragma once
#include <dbmig/model.hpp>
#include <cstdint>
#include <optional>
#include <string>
namespace shop {
struct DBMIG_MODEL(table = "items") Item {
  DBMIG_FIELD(primary_key) std::int64_t id;
)" + members +
         R"(};
}
)";
}

TEST(MakemigrationsOnline, ChangesToExistingTablesAreWrittenOnlineInANonAtomicMigration) {
  TempDir dir;
  const auto& project = dir.path();
  write_file(project / "dbmig.json", "{\"online_schema_changes\": true}\n");
  write_file(project / "apps/shop/models.hpp",
             shop_header("  DBMIG_FIELD(max_length = 20) std::string code;\n"));
  auto initial = run_dbmig({"makemigrations"}, project);
  ASSERT_EQ(initial.exit_code, 0) << initial.err;
  std::string initial_file = read_file(project / "migrations/shop/0001_initial.json");
  EXPECT_NE(initial_file.find("\"atomic\": true"), std::string::npos) << initial_file;
  EXPECT_EQ(initial_file.find("\"online\""), std::string::npos) << initial_file;

  write_file(project / "apps/shop/models.hpp",
             shop_header("  DBMIG_FIELD(max_length = 20, index) std::string code;\n"
                         "  DBMIG_FIELD(max_length = 20, unique) std::optional<std::string> "
                         "label;\n"));
  auto changed = run_dbmig({"makemigrations", "--name", "indexes"}, project);
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  std::string file = read_file(project / "migrations/shop/0002_indexes.json");
  EXPECT_NE(file.find("\"atomic\": false"), std::string::npos) << file;
  for (const std::string op : {"\"op\": \"AddField\"", "\"op\": \"AlterField\""}) {
    auto at = file.find(op);
    ASSERT_NE(at, std::string::npos) << file;
    auto next = file.find("\"op\"", at + 1);
    EXPECT_NE(file.substr(at, next - at).find("\"online\": true"), std::string::npos) << file;
  }

  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    auto url = fresh_database_url(dialect, project);
    ASSERT_TRUE(url);
    auto migrate = run_dbmig({"--database", *url, "migrate"}, project);
    EXPECT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
    auto check = run_dbmig({"--database", *url, "check"}, project);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    auto back = run_dbmig({"--database", *url, "migrate", "shop", "0001_initial"}, project);
    EXPECT_EQ(back.exit_code, 0) << back.out << back.err;
  }
}

}  // namespace
}  // namespace dbmig::test
