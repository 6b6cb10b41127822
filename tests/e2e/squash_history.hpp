// The history the squash tests start from, and a project on one database to run dbmig in:
// accounts.0001 (User); blog.0001 (Blog -> User), blog.0002 (Blog.views), blog.0003
// (Blog.score); comments.0001 (Comment), which depends on blog.0002, a migration the squash of
// blog 0001..0003 replaces.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../db/migrate_fixtures.hpp"
#include "database_contents.hpp"
#include "output_checks.hpp"

namespace dbmig::test {

inline std::vector<Migration> squash_history() {
  std::vector<Migration> history = blog_history();
  Field score = int64_field("score");
  score.default_value = Literal{std::int64_t{5}};
  history.push_back(make_migration("blog", "0003_blog_score", {{"blog", "0002_blog_views"}},
                                   {std::make_shared<AddField>("Blog", score)}));
  history.push_back(make_migration("comments", "0001_initial", {{"blog", "0002_blog_views"}},
                                   {create_model("Comment", {primary_key()})}));
  return history;
}

inline const std::string kSquashName = "0001_squashed_0003_blog_score";

// A project with squash_history() written, on a fresh database of one dialect.
struct SquashProject {
  TempDir dir;
  Dialect dialect;
  std::string url;
  std::map<std::string, std::string> env;

  explicit SquashProject(Dialect d) : dialect(d) {
    url = fresh_database_url(dialect, dir.path()).value();
    env = {{"DATABASE_URL", url}};
    write_history(dir.path(), squash_history());
  }

  RunResult run(const std::vector<std::string>& args) const {
    return run_dbmig(args, dir.path(), env);
  }
  // Runs a command that must succeed; its output otherwise names the dialect.
  RunResult ok(const std::vector<std::string>& args) const {
    RunResult result = run(args);
    EXPECT_EQ(result.exit_code, 0)
        << to_string(dialect) << ": " << args.front() << ": " << all_output(result);
    return result;
  }
  // squashmigrations blog 0003: blog 0001..0003 into kSquashName.
  void squash() const { ok({"squashmigrations", "blog", "0003", "--noinput"}); }
  std::filesystem::path file(const std::string& app, const std::string& name) const {
    return dir.path() / "migrations" / app / (name + ".json");
  }
  std::vector<std::string> blog_columns() const { return columns_of(url, dialect, "blog_blog"); }
  std::vector<std::string> recorded() const { return recorded_of(url); }
};

}  // namespace dbmig::test
