// Bad-input corpus: what migrate and sqlmigrate refuse before running a migration's SQL — a
// RunSQL string that cannot be split into statements on the database's dialect, and an applied
// migration edited since (which `migrate --plan` reports as migrate does).
#include <nlohmann/json.hpp>

#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

const std::string kSeed = "migrations/blog/0002_seed.json";
// What a failed `migrate` on the demo project's SQLite database may leave: the database with
// an empty recorder table, and its lock file.
const std::vector<std::string> kDatabaseFiles = {"db.sqlite3", "db.sqlite3.dbmig-lock"};

// blog.0002_seed: one RunSQL with `sql` (and `reverse_sql` when given).
std::function<void(const fs::path&)> seed_migration(
    std::vector<std::string> sql, std::optional<std::vector<std::string>> reverse = {}) {
  return [=](const fs::path& project) {
    nlohmann::ordered_json operation{{"op", "RunSQL"}, {"sql", sql}};
    if (reverse) operation["reverse_sql"] = *reverse;
    using Json = nlohmann::ordered_json;
    Json migration{{"dbmig", 1},
                   {"app", "blog"},
                   {"name", "0002_seed"},
                   {"dependencies", Json::array({Json::array({"blog", "0001_initial"})})},
                   {"atomic", true},
                   {"operations", Json::array({operation})}};
    write_file(project / kSeed, migration.dump(2) + "\n");
  };
}

std::vector<BadInputCase> executor_cases() {
  const std::string where = kSeed + ": $.operations[0] (Raw SQL operation): ";
  return {
      {"RunSqlQuoteNeverClosed",
       seed_migration({"UPDATE blogs SET title = 'a; DELETE FROM blogs"}),
       {"migrate"},
       2,
       where + "sql[0] cannot be split into statements for sqlite: the ' quote opened at line "
               "1, column 26 is never closed; close it, or give each statement its own string",
       kDatabaseFiles},
      {"RunSqlSecondStringCommentNeverClosed",
       seed_migration({"SELECT 1", "UPDATE blogs SET title = 'x';\n/* then; DELETE FROM blogs"}),
       {"migrate"},
       2,
       where + "sql[1] cannot be split into statements for sqlite: the /* comment opened at "
               "line 2, column 1 is never closed",
       kDatabaseFiles},
      {"RunSqlTriggerWithoutEnd",
       seed_migration({"CREATE TRIGGER t AFTER INSERT ON blogs BEGIN DELETE FROM users;"}),
       {"migrate"},
       2,
       where + "sql[0] cannot be split into statements for sqlite: the BEGIN at line 1, column "
               "40 has no matching END; end the body with END",
       kDatabaseFiles},
      {"RunSqlMysqlClientDelimiter",
       seed_migration({"DELIMITER //\nCREATE TRIGGER t AFTER INSERT ON blogs FOR EACH ROW BEGIN "
                       "DELETE FROM users; END //\nDELIMITER ;"}),
       {"sqlmigrate", "blog", "0002", "--dialect", "mysql"},
       2,
       where + "sql[0] cannot be split into statements for mysql: DELIMITER at line 1, column 1 "
               "is a command of the mysql client, not SQL; remove the DELIMITER lines"},
      {"RunSqlBackslashEscapeOnMysqlOnly",
       seed_migration({"UPDATE blogs SET title = 'C:\\'; DELETE FROM blogs"}),
       {"sqlmigrate", "blog", "0002", "--dialect", "mysql"},
       2,
       where + "sql[0] cannot be split into statements for mysql: the ' quote opened at line 1, "
               "column 26 is never closed"},
      {"RunSqlReverseDollarQuoteNeverClosed",
       seed_migration({"SELECT 1"}, std::vector<std::string>{"DO $$ BEGIN NULL; END $"}),
       {"sqlmigrate", "blog", "0002", "--backwards", "--dialect", "postgresql"},
       2,
       where + "reverse_sql[0] cannot be split into statements for postgresql: the $$ quote "
               "opened at line 1, column 4 is never closed"},
      {"MigratePlanWithAnEditedAppliedMigration",
       [](const fs::path& project) {
         ASSERT_EQ(run_dbmig({"migrate"}, project).exit_code, 0);
         std::string file = read_file(project / "migrations/blog/0001_initial.json");
         auto at = file.find("\"max_length\": 200");
         ASSERT_NE(at, std::string::npos);
         file.replace(at, 17, "\"max_length\": 300");
         write_file(project / "migrations/blog/0001_initial.json", file);
       },
       {"migrate", "--plan"},
       2,
       "migrations/blog/0001_initial.json was edited after blog.0001_initial was applied"},
  };
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Executor, BadInputCorpus, ::testing::ValuesIn(executor_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
