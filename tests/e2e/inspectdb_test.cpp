// `dbmig inspectdb`, the adoption path end to end on each database: tables dbmig once created,
// their history gone (no migrations, no dbmig_migrations), become models; makemigrations
// writes the initial migration, `migrate --fake-initial` records it without running it, and an
// edit migrates as usual. Needs the catalog readers (docs/inspectdb.md "What is read").
#include <gtest/gtest.h>

#include <algorithm>

#include "database_contents.hpp"
#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// A project with no app and no migration, beside a database holding the demo project's tables
// as `dbmig migrate` made them, without dbmig's record of it.
struct AdoptedDatabase {
  TempDir project;
  std::string url;

  explicit AdoptedDatabase(const std::string& database_url) : url(database_url) {
    copy_demo_project(project.path());
    RunResult migrated = run_dbmig({"--database", url, "migrate"}, project.path());
    EXPECT_EQ(migrated.exit_code, 0) << migrated.err;
    execute_sql(url, {"DROP TABLE dbmig_migrations"});
    fs::remove_all(project.path() / "apps");
    fs::remove_all(project.path() / "migrations");
    fs::remove_all(project.path() / "build");
  }

  RunResult dbmig(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--database", url});
    return run_dbmig(args, project.path());
  }

  fs::path header() const { return project.path() / "apps/legacy/models.hpp"; }
};

// Adds `member` as the last member of struct `name` in `text`.
std::string with_member(std::string text, const std::string& name, const std::string& member) {
  auto start = text.find(") " + name + " {");
  auto end = text.find("\n};\n", start);
  EXPECT_NE(end, std::string::npos) << text;
  return text.insert(end + 1, "  " + member + "\n");
}

}  // namespace

TEST(Inspectdb, AdoptsADatabaseThenMigratesAnEdit) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(std::string(to_string(dialect)));
    TempDir scratch;
    auto url = fresh_database_url(dialect, scratch.path());
    if (!url) continue;
    AdoptedDatabase adopted(*url);
    auto columns_before = columns_of(*url, dialect, "blogs");

    RunResult inspected = adopted.dbmig({"inspectdb", "--app", "legacy"});
    ASSERT_EQ(inspected.exit_code, 0) << inspected.err;
    EXPECT_EQ(inspected.out,
              "Wrote apps/legacy/models.hpp: 2 models; 0 objects left out (see the comments)\n");
    std::string header = read_file(adopted.header());
    auto users = header.find("struct DBMIG_MODEL(table = \"users\") Users {");
    auto blogs = header.find("struct DBMIG_MODEL(table = \"blogs\") Blogs {");
    ASSERT_NE(users, std::string::npos) << header;
    ASSERT_NE(blogs, std::string::npos) << header;
    EXPECT_LT(users, blogs) << "a referenced model comes first";
    EXPECT_NE(header.find("DBMIG_FIELD(references = Users, on_delete = cascade) std::int64_t "
                          "user_id;"),
              std::string::npos)
        << header;

    RunResult made = adopted.dbmig({"makemigrations"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_TRUE(fs::exists(adopted.project.path() / "migrations/legacy/0001_initial.json"));
    EXPECT_EQ(adopted.dbmig({"makemigrations", "--check"}).exit_code, 0) << "nothing left";

    RunResult faked = adopted.dbmig({"migrate", "--fake-initial"});
    ASSERT_EQ(faked.exit_code, 0) << faked.err;
    EXPECT_NE(faked.out.find("legacy.0001_initial... FAKED"), std::string::npos) << faked.out;
    EXPECT_EQ(recorded_of(*url), std::vector<std::string>{"legacy.0001_initial"});
    EXPECT_EQ(columns_of(*url, dialect, "blogs"), columns_before);

    write_file(adopted.header(),
               with_member(header, "Blogs", "std::optional<std::string> subtitle;"));
    RunResult edited = adopted.dbmig({"makemigrations"});
    ASSERT_EQ(edited.exit_code, 0) << edited.err;
    RunResult migrated = adopted.dbmig({"migrate"});
    ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
    auto columns_after = columns_of(*url, dialect, "blogs");
    EXPECT_EQ(columns_after.size(), columns_before.size() + 1);
    EXPECT_EQ(columns_after.back(), "subtitle");
    EXPECT_EQ(recorded_of(*url).size(), 2u);
  }
}

TEST(Inspectdb, ATableBringsTheTablesItReferences) {
  TempDir scratch;
  AdoptedDatabase adopted(*fresh_database_url(Dialect::sqlite, scratch.path()));
  RunResult inspected =
      adopted.dbmig({"inspectdb", "--app", "legacy", "--table", "blogs", "--output", "out"});
  ASSERT_EQ(inspected.exit_code, 0) << inspected.err;
  EXPECT_NE(inspected.err.find("note: table users: included: table blogs references it\n"),
            std::string::npos)
      << inspected.err;
  EXPECT_EQ(inspected.out,
            "Wrote apps/legacy/models.hpp: 2 models; 0 objects left out (see the comments)\n");
  EXPECT_TRUE(fs::exists(adopted.project.path() / "out/apps/legacy/models.hpp"));
  EXPECT_FALSE(fs::exists(adopted.header()));
}

TEST(Inspectdb, OnlyTheTablesAskedForAndForceOverwrites) {
  TempDir scratch;
  AdoptedDatabase adopted(*fresh_database_url(Dialect::sqlite, scratch.path()));
  RunResult first = adopted.dbmig({"inspectdb", "--app", "legacy", "--table", "users"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out.rfind("Wrote apps/legacy/models.hpp: 1 models; ", 0), 0) << first.out;
  EXPECT_EQ(read_file(adopted.header()).find("Blogs"), std::string::npos);
  RunResult again = adopted.dbmig({"inspectdb", "--app", "legacy", "--force"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(read_file(adopted.header()).find("Blogs"), std::string::npos);
}

TEST(Inspectdb, RespectsTheAppsRootOfDbmigJson) {
  TempDir scratch;
  AdoptedDatabase adopted(*fresh_database_url(Dialect::sqlite, scratch.path()));
  write_file(adopted.project.path() / "dbmig.json", "{\"apps_root\": \"src/models\"}\n");
  RunResult inspected = adopted.dbmig({"inspectdb", "--app", "legacy"});
  ASSERT_EQ(inspected.exit_code, 0) << inspected.err;
  EXPECT_NE(inspected.out.find("Wrote src/models/legacy/models.hpp: "), std::string::npos)
      << inspected.out;
  EXPECT_TRUE(fs::exists(adopted.project.path() / "src/models/legacy/models.hpp"));
}

}  // namespace dbmig::test

namespace dbmig::test {
namespace {

// A schema written by hand, as a team without dbmig has one: what dbmig can say, plus a second
// index over a column that has its own, a view, and (per dialect) a column type dbmig has no
// field type for.
std::vector<std::string> legacy_schema(Dialect dialect) {
  std::string odd_type = dialect == Dialect::postgresql ? "INTEGER[]"
                         : dialect == Dialect::mysql    ? "ENUM('a', 'b')"
                                                        : "";
  std::vector<std::string> sql{
      "CREATE TABLE authors (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(80) NOT NULL)",
      "CREATE INDEX authors_name_idx ON authors (name)",
      "CREATE INDEX authors_name_again ON authors (name)",
      "CREATE VIEW author_names AS SELECT name FROM authors"};
  if (dialect == Dialect::sqlite)
    sql[0] = "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(80) NOT NULL)";
  if (!odd_type.empty()) sql.push_back("ALTER TABLE authors ADD COLUMN tags " + odd_type);
  return sql;
}

}  // namespace

// inspectdb adopts a hand-written schema: what dbmig cannot say is a note on stderr and a
// comment in the header, the header scans, its 0001 is faked, and check then finds only what
// inspectdb noted a model says otherwise (a key without auto-increment), the other notes listed
// as not compared.
TEST(Inspectdb, AdoptsAHandWrittenSchemaAndNotesWhatItLeavesOut) {
  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(std::string(to_string(dialect)));
    TempDir project;
    auto url = fresh_database_url(dialect, project.path());
    if (!url) continue;
    execute_sql(*url, legacy_schema(dialect));
    std::vector<std::string> database{"--database", *url};
    auto run = [&](std::vector<std::string> args) {
      args.insert(args.begin(), database.begin(), database.end());
      return run_dbmig(args, project.path());
    };
    RunResult inspected = run({"inspectdb", "--app", "legacy"});
    ASSERT_EQ(inspected.exit_code, 0) << inspected.err;
    EXPECT_NE(inspected.err.find("index authors_name_again: repeats the index over (name)"),
              std::string::npos)
        << inspected.err;
    EXPECT_NE(inspected.err.find("author_names"), std::string::npos) << inspected.err;
    if (dialect != Dialect::sqlite) {
      EXPECT_NE(inspected.err.find("column tags"), std::string::npos) << inspected.err;
      // A plain BIGINT key: the model's integral key is auto-increment, which the note says.
      EXPECT_NE(inspected.err.find("auto-increment"), std::string::npos) << inspected.err;
    }
    std::string header = read_file(project.path() / "apps/legacy/models.hpp");
    EXPECT_NE(header.find("authors_name_again"), std::string::npos) << "a comment says so";

    RunResult made = run({"makemigrations"});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    RunResult faked = run({"migrate", "--fake-initial"});
    ASSERT_EQ(faked.exit_code, 0) << faked.err;
    RunResult checked = run({"check"});
    EXPECT_NE(checked.out.find("Not compared"), std::string::npos) << checked.out;
    if (dialect == Dialect::sqlite) {  // INTEGER PRIMARY KEY is SQLite's auto-increment rowid
      EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
    } else {  // what inspectdb noted stays a difference until the key is made auto-increment
      EXPECT_EQ(checked.exit_code, 1) << checked.out << checked.err;
      EXPECT_NE(checked.out.find("(1 difference):\n  authors: column id: auto increment differs "
                                 "(expected yes, found no)\n"),
                std::string::npos)
          << checked.out;
    }
  }
}

}  // namespace dbmig::test
