// makemigrations through the built binary in a temp project: a realistic history of the blog
// example (create, change a column, rename a column, add an index, delete a model), the files
// written and the exit codes of --check.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "catalog.hpp"
#include "dbmig/database_url.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

namespace fs = std::filesystem;

const char* kAccounts = R"(#pragma once
#include <dbmig/model.hpp>
#include <cstdint>
#include <string>
namespace accounts {
struct DBMIG_MODEL(table = "users") User {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(max_length = 254, unique) std::string email;
};
}
)";

// The blog app with `members` pasted into the Blog struct.
std::string blog_header(const std::string& members) {
  return R"(#pragma once
#include <dbmig/model.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include "../accounts/models.hpp"
namespace blog {
struct DBMIG_MODEL(table = "blogs") Blog {
  DBMIG_FIELD(primary_key) std::int64_t id;
)" + members +
         R"(  DBMIG_FIELD(references = accounts::User, on_delete = cascade) std::int64_t user_id;
  std::chrono::system_clock::time_point created_at;
};
}
)";
}

class MakemigrationsHistory : public ::testing::Test {
 protected:
  void write_blog(const std::string& members) {
    write_file(dir.path() / "apps/blog/models.hpp", blog_header(members));
  }
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), "makemigrations");
    return run_dbmig(args, dir.path());
  }
  bool exists(const std::string& file) { return fs::exists(dir.path() / "migrations" / file); }

  TempDir dir;
};

TEST_F(MakemigrationsHistory, CreateChangeRenameIndexDelete) {
  write_file(dir.path() / "apps/accounts/models.hpp", kAccounts);
  write_blog(
      "  DBMIG_FIELD(max_length = 200) std::string title;\n  std::string body;\n"
      "  bool active = true;\n");

  RunResult check = run({"--check"});
  EXPECT_EQ(check.exit_code, 1) << check.err;
  EXPECT_NE(check.out.find("Create model Blog"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path() / "migrations"));

  RunResult initial = run({});
  ASSERT_EQ(initial.exit_code, 0) << initial.err;
  EXPECT_EQ(initial.out,
            "Migrations for 'accounts':\n  migrations/accounts/0001_initial.json\n"
            "    - Create model User\n"
            "Migrations for 'blog':\n  migrations/blog/0001_initial.json\n"
            "    - Create model Blog\n");
  std::string blog_initial = read_file(dir.path() / "migrations/blog/0001_initial.json");
  EXPECT_NE(blog_initial.find("\"dependencies\": [\n    [\"accounts\", \"0001_initial\"]"),
            std::string::npos)
      << blog_initial;

  RunResult clean = run({"--check"});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(clean.out, "No changes detected\n");

  write_blog(
      "  DBMIG_FIELD(max_length = 300) std::string title;\n  std::string body;\n"
      "  bool active = true;\n");
  EXPECT_EQ(run({"--check"}).exit_code, 1);
  RunResult dry = run({"--dry-run"});
  EXPECT_EQ(dry.exit_code, 0);
  EXPECT_FALSE(exists("blog/0002_alter_blog_title.json"));
  ASSERT_EQ(run({}).exit_code, 0);
  EXPECT_TRUE(exists("blog/0002_alter_blog_title.json"));

  write_blog(
      "  DBMIG_FIELD(max_length = 300) std::string title;\n"
      "  DBMIG_FIELD(renamed_from = body) std::string content;\n  bool active = true;\n");
  RunResult renamed = run({"--noinput"});
  ASSERT_EQ(renamed.exit_code, 0) << renamed.err;
  EXPECT_NE(renamed.out.find("    - Rename field body on Blog to content\n"), std::string::npos)
      << renamed.out;
  EXPECT_TRUE(exists("blog/0003_rename_body_blog_content.json"));
  EXPECT_EQ(run({"--check"}).exit_code, 0);

  write_blog(
      "  DBMIG_FIELD(max_length = 300) std::string title;\n"
      "  DBMIG_FIELD(renamed_from = body) std::string content;\n"
      "  DBMIG_FIELD(index) bool active = true;\n");
  ASSERT_EQ(run({"--name", "index_active"}).exit_code, 0);
  EXPECT_TRUE(exists("blog/0004_index_active.json"));

  write_blog(
      "  DBMIG_FIELD(max_length = 300) std::string title;\n"
      "  std::string content;\n  DBMIG_FIELD(index) bool active = true;\n"
      "  int rank;\n");
  RunResult missing_default = run({"--noinput"});
  EXPECT_EQ(missing_default.exit_code, 2);
  EXPECT_NE(missing_default.err.find("apps/blog/models.hpp:"), std::string::npos)
      << missing_default.err;
  EXPECT_NE(missing_default.err.find("DBMIG_FIELD(default = 0) int rank;"), std::string::npos)
      << missing_default.err;
  EXPECT_FALSE(exists("blog/0005_blog_rank.json"));

  write_file(dir.path() / "apps/blog/models.hpp", "#pragma once\n#include <dbmig/model.hpp>\n");
  RunResult deleted = run({});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_TRUE(exists("blog/0005_delete_blog.json"));
  EXPECT_EQ(run({"--check"}).out, "No changes detected\n");
}

// The comment of table `users` in the database at `url` (empty on SQLite, which keeps none).
std::string users_comment(const std::string& url, Dialect dialect) {
  DatabaseUrl parsed = parse_database_url(url);
  soci::session session(parsed.soci_backend(), parsed.soci_connection_string());
  auto table = read_table(session, dialect, "users");
  return table ? table->comment : "<no table>";
}

// A model comment changed in the header: its own migration, applied and rolled back on every
// database, with the comment read back from the catalog.
TEST_F(MakemigrationsHistory, AChangedModelCommentIsMigrated) {
  write_file(dir.path() / "apps/accounts/models.hpp", kAccounts);
  ASSERT_EQ(run({}).exit_code, 0);
  std::string commented = kAccounts;
  commented.replace(commented.find("(table = \"users\")"), 17,
                    "(table = \"users\", comment = \"People who log in\")");
  write_file(dir.path() / "apps/accounts/models.hpp", commented);

  RunResult made = run({});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_EQ(made.out,
            "Migrations for 'accounts':\n  migrations/accounts/0002_alter_user_comment.json\n"
            "    - Alter comment of User\n");
  std::string migration =
      read_file(dir.path() / "migrations/accounts/0002_alter_user_comment.json");
  EXPECT_NE(migration.find("\"op\": \"AlterModelComment\",\n      \"name\": \"User\",\n      "
                           "\"comment\": \"People who log in\""),
            std::string::npos)
      << migration;
  EXPECT_EQ(run({"--check"}).exit_code, 0);

  for (Dialect dialect : test_dialects()) {
    SCOPED_TRACE(std::string(to_string(dialect)));
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url);
    std::map<std::string, std::string> env{{"DATABASE_URL", *url}};
    std::string expected = dialect == Dialect::sqlite ? "" : "People who log in";
    ASSERT_EQ(run_dbmig({"migrate", "accounts", "0001"}, dir.path(), env).exit_code, 0);
    EXPECT_EQ(users_comment(*url, dialect), "");
    RunResult migrated = run_dbmig({"migrate"}, dir.path(), env);
    EXPECT_EQ(migrated.exit_code, 0) << migrated.err;
    EXPECT_EQ(users_comment(*url, dialect), expected);
    RunResult rolled_back = run_dbmig({"rollback"}, dir.path(), env);
    EXPECT_EQ(rolled_back.exit_code, 0) << rolled_back.err;
    EXPECT_EQ(users_comment(*url, dialect), "");
  }
}

TEST_F(MakemigrationsHistory, EmptyAndUnknownApps) {
  write_file(dir.path() / "apps/accounts/models.hpp", kAccounts);
  RunResult empty = run({"--empty", "accounts"});
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_TRUE(exists("accounts/0001_initial.json"));
  RunResult unknown = run({"shop"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no app named 'shop'"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace dbmig::test
