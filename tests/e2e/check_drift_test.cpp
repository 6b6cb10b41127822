// `dbmig check` finds every kind of drift, made by hand-run SQL on the demo project's migrated
// database, on each database: the built binary reports it (text and JSON) with exit 1, and
// `migrate` warns about drift in a table it is about to change. SQLite cannot alter a column,
// so its column changes edit the table's SQL in sqlite_master (writable_schema), which is what
// SQLite reads the table's definition from.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dbmig/connection.hpp"
#include "demo_project.hpp"
#include "output_checks.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

struct DriftCase {
  std::string name;
  // The SQL that makes the drift, per dialect; empty where the dialect cannot make it.
  std::vector<std::string> sqlite, postgresql, mysql;
  std::string table, object, kind;  // the difference check must report

  const std::vector<std::string>& sql(Dialect dialect) const {
    return dialect == Dialect::sqlite       ? sqlite
           : dialect == Dialect::postgresql ? postgresql
                                            : mysql;
  }
};

// SQLite: the definition of `table` with `from` replaced by `to`.
std::vector<std::string> sqlite_edit(const std::string& table, const std::string& from,
                                     const std::string& to) {
  auto quoted = [](const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  };
  return {"PRAGMA writable_schema = ON",
          "UPDATE sqlite_master SET sql = replace(sql, " + quoted(from) + ", " + quoted(to) +
              ") WHERE name = " + quoted(table),
          "PRAGMA writable_schema = OFF"};
}

std::vector<std::string> all(const std::string& sql) {
  return {sql};
}

std::vector<DriftCase> drift_cases() {
  return {
      {"MissingTable", all("DROP TABLE blogs"), all("DROP TABLE blogs"), all("DROP TABLE blogs"),
       "blogs", "", "missing"},
      {"ExtraTable", all("CREATE TABLE hand_made (id INTEGER PRIMARY KEY)"),
       all("CREATE TABLE hand_made (id INTEGER PRIMARY KEY)"),
       all("CREATE TABLE hand_made (id INT PRIMARY KEY)"), "hand_made", "", "extra"},
      {"MissingColumn", all("ALTER TABLE blogs DROP COLUMN updated_at"),
       all("ALTER TABLE blogs DROP COLUMN updated_at"),
       all("ALTER TABLE blogs DROP COLUMN updated_at"), "blogs", "column updated_at", "missing"},
      {"ExtraColumn", all("ALTER TABLE blogs ADD COLUMN views INTEGER"),
       all("ALTER TABLE blogs ADD COLUMN views INTEGER"),
       all("ALTER TABLE blogs ADD COLUMN views INT"), "blogs", "column views", "extra"},
      {"Type", sqlite_edit("users", "VARCHAR(100)", "VARCHAR(150)"),
       all("ALTER TABLE users ALTER COLUMN name TYPE VARCHAR(150)"),
       all("ALTER TABLE users MODIFY name VARCHAR(150) NOT NULL"), "users", "column name", "type"},
      {"Null",
       sqlite_edit("users", "\"password\" VARCHAR(128) NOT NULL", "\"password\" VARCHAR(128)"),
       all("ALTER TABLE users ALTER COLUMN password DROP NOT NULL"),
       all("ALTER TABLE users MODIFY password VARCHAR(128) NULL"), "users", "column password",
       "null"},
      {"Default", sqlite_edit("blogs", "NOT NULL DEFAULT 1", "NOT NULL"),
       all("ALTER TABLE blogs ALTER COLUMN active DROP DEFAULT"),
       all("ALTER TABLE blogs ALTER COLUMN active DROP DEFAULT"), "blogs", "column active",
       "default"},
      {"ForeignKey",
       sqlite_edit("blogs",
                   ", CONSTRAINT \"blogs_user_id_fk\" FOREIGN KEY (\"user_id\") REFERENCES "
                   "\"users\" (\"id\") ON DELETE CASCADE",
                   ""),
       all("ALTER TABLE blogs DROP CONSTRAINT blogs_user_id_fk"),
       all("ALTER TABLE blogs DROP FOREIGN KEY blogs_user_id_fk"), "blogs", "column user_id",
       "foreign key"},
      {"OnDelete",
       sqlite_edit("blogs", "ON DELETE CASCADE", "ON DELETE RESTRICT"),
       {"ALTER TABLE blogs DROP CONSTRAINT blogs_user_id_fk",
        "ALTER TABLE blogs ADD CONSTRAINT blogs_user_id_fk FOREIGN KEY (user_id) REFERENCES "
        "users (id) ON DELETE RESTRICT"},
       {"ALTER TABLE blogs DROP FOREIGN KEY blogs_user_id_fk",
        "ALTER TABLE blogs ADD CONSTRAINT blogs_user_id_fk FOREIGN KEY (user_id) REFERENCES "
        "users (id) ON DELETE RESTRICT"},
       "blogs",
       "column user_id",
       "on delete"},
      {"Unique", all("DROP INDEX users_email_uniq"),
       all("ALTER TABLE users DROP CONSTRAINT users_email_uniq"),
       all("DROP INDEX users_email_uniq ON users"), "users", "column email", "unique"},
      // MySQL keeps an index under a foreign key, so its dropped index is another one.
      {"Index",
       all("DROP INDEX blogs_user_id_idx"),
       all("DROP INDEX blogs_user_id_idx"),
       {},
       "blogs",
       "column user_id",
       "index"},
      {"ExtraIndex", all("CREATE INDEX hand_idx ON blogs (title)"),
       all("CREATE INDEX hand_idx ON blogs (title)"), all("CREATE INDEX hand_idx ON blogs (title)"),
       "blogs", "index hand_idx", "extra"},
      {"Check",
       sqlite_edit("users", "\"name\" VARCHAR(100) NOT NULL",
                   "\"name\" VARCHAR(100) NOT NULL CONSTRAINT \"hand_check\" CHECK (length(name) "
                   "> 0)"),
       all("ALTER TABLE users ADD CONSTRAINT hand_check CHECK (length(name) > 0)"),
       all("ALTER TABLE users ADD CONSTRAINT hand_check CHECK (char_length(name) > 0)"), "users",
       "constraint hand_check", "extra"},
      {"PrimaryKey",
       {},
       all("ALTER TABLE blogs DROP CONSTRAINT blogs_pkey"),
       all("ALTER TABLE blogs MODIFY id BIGINT NOT NULL, DROP PRIMARY KEY"),
       "blogs",
       "",
       "unreadable"},
      {"Comment",
       {},
       all("COMMENT ON TABLE users IS 'made by hand'"),
       all("ALTER TABLE users COMMENT = 'made by hand'"),
       "users",
       "table comment",
       "comment"},
  };
}

void PrintTo(const DriftCase& drift, std::ostream* out) {
  *out << drift.name;
}

class CheckDrift : public ::testing::TestWithParam<DriftCase> {};

// A migrated copy of the demo project on a fresh database of `dialect`; nullopt to skip.
std::optional<std::map<std::string, std::string>> migrated_demo(Dialect dialect,
                                                                const TempDir& project) {
  copy_demo_project(project.path());
  auto url = fresh_database_url(dialect, project.path());
  if (!url) return std::nullopt;
  std::map<std::string, std::string> env{{"DATABASE_URL", *url}};
  auto migrated = run_dbmig({"migrate"}, project.path(), env);
  EXPECT_EQ(migrated.exit_code, 0) << all_output(migrated);
  EXPECT_EQ(migrated.err, "") << "no drift warning on a fresh database";
  return env;
}

TEST(CheckDrift, AMigratedDatabaseHasNoDrift) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    TempDir project;
    auto env = migrated_demo(dialect, project);
    if (!env) continue;
    auto checked = run_dbmig({"check"}, project.path(), *env);
    EXPECT_EQ(checked.exit_code, 0) << all_output(checked);
    EXPECT_NE(checked.out.find("No drift"), std::string::npos) << checked.out;
    auto json =
        nlohmann::json::parse(run_dbmig({"check", "--format", "json"}, project.path(), *env).out);
    EXPECT_TRUE(json["differences"].empty()) << json.dump(2);
    EXPECT_TRUE(json["not_compared"].empty()) << json.dump(2);
  }
}

TEST_P(CheckDrift, IsReportedWithExitOne) {
  const DriftCase& drift = GetParam();
  for (Dialect dialect : test_dialects()) {
    if (drift.sql(dialect).empty()) continue;
    SCOPED_TRACE(to_string(dialect));
    TempDir project;
    auto env = migrated_demo(dialect, project);
    if (!env) continue;
    {
      Connection connection(parse_database_url(env->at("DATABASE_URL")));
      for (const std::string& sql : drift.sql(dialect)) connection.execute(sql);
    }
    auto checked = run_dbmig({"check", "--format", "json"}, project.path(), *env);
    EXPECT_EQ(checked.exit_code, 1) << all_output(checked);
    auto json = nlohmann::json::parse(checked.out);
    nlohmann::json expected = {
        {"table", drift.table}, {"object", drift.object}, {"kind", drift.kind}};
    bool found = false;
    for (const auto& difference : json["differences"]) {
      nlohmann::json key = {{"table", difference["table"]},
                            {"object", difference["object"]},
                            {"kind", difference["kind"]}};
      if (key == expected)
        found = true;
      else
        ADD_FAILURE() << "another difference: " << difference.dump();
    }
    EXPECT_TRUE(found) << "expected " << expected.dump() << " in " << json.dump(2);
    auto text = run_dbmig({"check"}, project.path(), *env);
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_NE(text.out.find("differs from the applied migrations (1 difference)"),
              std::string::npos)
        << text.out;
    EXPECT_EQ(text.out.find("dbmig-test-secret"), std::string::npos) << "never a password";
  }
}

INSTANTIATE_TEST_SUITE_P(EveryKind, CheckDrift, ::testing::ValuesIn(drift_cases()),
                         [](const auto& info) { return info.param.name; });

// migrate says so before it changes a table that drifted, and still runs.
TEST(CheckDrift, MigrateWarnsAboutDriftInTheTablesItChanges) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(to_string(dialect));
    TempDir project;
    auto env = migrated_demo(dialect, project);
    if (!env) continue;
    {
      Connection connection(parse_database_url(env->at("DATABASE_URL")));
      connection.execute("CREATE INDEX hand_idx ON blogs (title)");
      connection.execute("CREATE INDEX hand_users_idx ON users (name)");
    }
    std::string models = read_file(project.path() / "apps/blog/models.hpp");
    models.insert(models.find("bool active = true;"), "std::int32_t views = 0;\n  ");
    write_file(project.path() / "apps/blog/models.hpp", models);
    ASSERT_EQ(run_dbmig({"makemigrations"}, project.path(), *env).exit_code, 0);
    auto migrated = run_dbmig({"migrate"}, project.path(), *env);
    EXPECT_EQ(migrated.exit_code, 0) << all_output(migrated);
    EXPECT_NE(migrated.err.find("warning: tables this migrate changes differ"), std::string::npos)
        << migrated.err;
    EXPECT_NE(migrated.err.find("blogs: index hand_idx: extra"), std::string::npos) << migrated.err;
    EXPECT_EQ(migrated.err.find("hand_users_idx"), std::string::npos)
        << "users is not changed by the migration: " << migrated.err;
  }
}

}  // namespace
}  // namespace dbmig::test
