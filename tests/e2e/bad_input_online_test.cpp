// Bad-input corpus: online operations that a database cannot run without blocking, refused
// before anything runs (docs/online-schema-changes.md "MySQL / MariaDB").
#include "bad_input_corpus.hpp"
#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// blog.0002_online: `operation` (JSON) marked online, in a non-atomic migration.
void write_online_migration(const fs::path& project, const std::string& operation) {
  write_blog_migration(project, "0002_online", operation, /*atomic=*/false);
}

std::vector<BadInputCase> online_cases() {
  return {
      {"OnlineCheckOnMysql",
       [](const fs::path& p) {
         write_online_migration(
             p,
             R"({"op": "AddConstraint", "model": "Blog", "constraint": {"name": "blogs_title_set", "kind": "check", "check": "title <> ''"}, "online": true})");
       },
       {"sqlmigrate", "blog", "0002", "--dialect", "mysql"},
       2,
       "cannot add the foreign key or check blogs_title_set to blogs without copying the table "
       "or blocking its writers; remove \"online\""},
      {"OnlineForeignKeyOnMysql",
       [](const fs::path& p) {
         write_online_migration(
             p,
             R"({"op": "AddField", "model": "Blog", "field": {"name": "editor_id", "type": "int64", "null": true, "references": "accounts.User", "on_delete": "set_null"}, "online": true})");
       },
       {"sqlmigrate", "blog", "0002", "--dialect", "mysql"},
       2,
       "0002_online.json: $.operations[0] (Add field editor_id to Blog): MySQL/MariaDB cannot add "
       "the foreign key or check blogs_editor_id_fk to blogs"},
  };
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Online, BadInputCorpus, ::testing::ValuesIn(online_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
