// `dbmig state` through the library: the snapshot printed for a temporary project, the --at
// target, the app filter, and errors.
#include <gtest/gtest.h>

#include <sstream>

#include "dbmig/commands/state.hpp"
#include "test_support.hpp"

namespace dbmig {
namespace {

void write_history(const std::filesystem::path& root) {
  test::write_file(root / "migrations/accounts/0001_initial.json", R"({
  "dbmig": 1, "app": "accounts", "name": "0001_initial", "dependencies": [],
  "operations": [{"op": "CreateModel", "name": "User", "table": "users",
                  "fields": [{"name": "id", "type": "int64", "primary_key": true, "auto_increment": true}]}]
})");
  test::write_file(root / "migrations/blog/0001_initial.json", R"({
  "dbmig": 1, "app": "blog", "name": "0001_initial", "dependencies": [["accounts", "0001_initial"]],
  "operations": [{"op": "CreateModel", "name": "Blog", "table": "blogs",
                  "fields": [{"name": "id", "type": "int64", "primary_key": true},
                             {"name": "user_id", "type": "int64", "references": "accounts.User", "on_delete": "cascade"}]}]
})");
  test::write_file(root / "migrations/blog/0002_blog_subtitle.json", R"({
  "dbmig": 1, "app": "blog", "name": "0002_blog_subtitle", "dependencies": [["blog", "0001_initial"]],
  "operations": [{"op": "AddField", "model": "Blog", "field": {"name": "subtitle", "type": "string", "null": true}}]
})");
}

std::string state_output(const std::filesystem::path& root, StateOptions options) {
  std::ostringstream out, err;
  std::istringstream in;
  Console console{out, err, in};
  EXPECT_EQ(run_state(GlobalOptions{root, ""}, options, console), ExitCode::ok);
  return out.str();
}

TEST(LoaderStateCommand, PrintsTheReplayedSnapshot) {
  test::TempDir dir;
  write_history(dir.path());
  EXPECT_EQ(state_output(dir.path(), {{"blog"}, ""}), R"({
  "dbmig": 1,
  "models": [
    {
      "app": "blog",
      "name": "Blog",
      "table": "blogs",
      "fields": [
        {
          "name": "id",
          "type": "int64",
          "primary_key": true
        },
        {
          "name": "user_id",
          "type": "int64",
          "references": "accounts.User",
          "on_delete": "cascade"
        },
        {
          "name": "subtitle",
          "type": "string",
          "null": true
        }
      ]
    }
  ]
}
)");
  std::string all = state_output(dir.path(), {});
  EXPECT_NE(all.find("\"users\""), std::string::npos);
}

TEST(LoaderStateCommand, AtStopsAtAMigration) {
  test::TempDir dir;
  write_history(dir.path());
  std::string before = state_output(dir.path(), {{}, "blog.0001"});
  EXPECT_EQ(before.find("subtitle"), std::string::npos);
  EXPECT_NE(before.find("\"users\""), std::string::npos);
}

TEST(LoaderStateCommand, UnknownAppsAndTargetsAreErrors) {
  test::TempDir dir;
  write_history(dir.path());
  std::ostringstream out, err;
  std::istringstream in;
  Console console{out, err, in};
  try {
    run_state(GlobalOptions{dir.path(), ""}, {{"shop"}, ""}, console);
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "unknown app shop (apps with migrations: accounts, blog)");
  }
  EXPECT_THROW(run_state(GlobalOptions{dir.path(), ""}, {{}, "blog"}, console), InputError);
  EXPECT_THROW(run_state(GlobalOptions{dir.path(), ""}, {{}, "blog.0009"}, console), InputError);
}

}  // namespace
}  // namespace dbmig
