// `dbmig squashmigrations` as a user runs it: the file it writes (Django's name, `replaces`,
// dependencies, the operations folded), what it prints, the RunSQL that blocks folding, and the
// same bytes every time (docs/squashing.md).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "squash_history.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;
using nlohmann::json;

RunResult squash(const fs::path& project, Strings args) {
  args.insert(args.begin(), "squashmigrations");
  args.push_back("--noinput");
  return run_dbmig(args, project);
}

json read_migration(const fs::path& project, const std::string& app, const std::string& name) {
  return json::parse(read_file(project / "migrations" / app / (name + ".json")));
}

Strings operations_of(const json& migration) {
  Strings ops;
  for (const auto& operation : migration["operations"]) ops.push_back(operation["op"]);
  return ops;
}

}  // namespace

TEST(SquashCommand, FromTheFirstMigrationFoldsIntoOneCreateModel) {
  TempDir project;
  write_history(project.path(), squash_history());
  RunResult result = squash(project.path(), {"blog", "0003"});
  ASSERT_EQ(result.exit_code, 0) << all_output(result);
  EXPECT_EQ(result.out,
            "Will squash the following migrations:\n - 0001_initial\n - 0002_blog_views\n - "
            "0003_blog_score\nOptimizing...\n  Optimized from 3 operations to 1 operations.\n"
            "Created new squashed migration migrations/blog/" +
                kSquashName +
                ".json\n    - Create model Blog\n"
                "  You should commit this migration but leave the old ones in place;\n"
                "  the new migration will be used for new installs. Once you are sure\n"
                "  all instances of the codebase have applied the migrations you squashed\n"
                "  (run `dbmig migrate` on every database: it records " +
                kSquashName +
                " in place of them),\n  delete them, point migrations that depend on them at " +
                kSquashName + ",\n  and remove \"replaces\" from " + kSquashName + ".json.\n");
  EXPECT_EQ(result.err, "");
  json written = read_migration(project.path(), "blog", kSquashName);
  EXPECT_EQ(written["replaces"],
            json::parse(R"([["blog","0001_initial"],["blog","0002_blog_views"],)"
                        R"(["blog","0003_blog_score"]])"));
  EXPECT_EQ(written["dependencies"], json::parse(R"([["accounts","0001_initial"]])"));
  EXPECT_EQ(operations_of(written), Strings{"CreateModel"});
  Strings fields;
  for (const auto& field : written["operations"][0]["fields"]) fields.push_back(field["name"]);
  EXPECT_EQ(fields, (Strings{"id", "user_id", "views", "score"}));

  // Same input, same bytes.
  std::string first = read_file(project.path() / "migrations/blog" / (kSquashName + ".json"));
  fs::remove(project.path() / "migrations/blog" / (kSquashName + ".json"));
  ASSERT_EQ(squash(project.path(), {"blog", "0003"}).exit_code, 0);
  EXPECT_EQ(read_file(project.path() / "migrations/blog" / (kSquashName + ".json")), first);
}

// Django's names: <START>_squashed_<END> from a later START, NNNN_<NAME> with --squashed-name;
// the squash depends on the migration before START.
TEST(SquashCommand, FromALaterStartDependsOnTheMigrationBeforeIt) {
  TempDir project;
  write_history(project.path(), squash_history());
  RunResult result = squash(project.path(), {"blog", "0002", "0003"});
  ASSERT_EQ(result.exit_code, 0) << all_output(result);
  EXPECT_TRUE(contains(result.out, "  No optimizations possible.\n")) << result.out;
  json written = read_migration(project.path(), "blog", "0002_blog_views_squashed_0003_blog_score");
  EXPECT_EQ(written["dependencies"], json::parse(R"([["blog","0001_initial"]])"));
  EXPECT_EQ(operations_of(written), (Strings{"AddField", "AddField"}));
  EXPECT_EQ(run_dbmig({"showmigrations", "blog"}, project.path()).out,
            "blog\n [ ] 0001_initial\n [ ] 0002_blog_views_squashed_0003_blog_score (2 squashed "
            "migrations)\n");

  fs::remove(project.path() / "migrations/blog/0002_blog_views_squashed_0003_blog_score.json");
  ASSERT_EQ(
      squash(project.path(), {"blog", "0002", "0003", "--squashed-name", "counters"}).exit_code, 0);
  EXPECT_TRUE(fs::exists(project.path() / "migrations/blog/0002_counters.json"));
}

// A RunSQL stays where it was; the optimizer does not move operations across it, and the
// warning names the RunSQL that kept two operations from folding.
TEST(SquashCommand, RunSqlStaysInPlaceAndItsBlockingIsNamed) {
  TempDir project;
  auto history = squash_history();
  history[2].operations.insert(
      history[2].operations.begin(),
      run_sql({"UPDATE blog_blog SET user_id = user_id"}, std::vector<std::string>{}));
  write_history(project.path(), history);
  RunResult result = squash(project.path(), {"blog", "0003"});
  ASSERT_EQ(result.exit_code, 0) << all_output(result);
  EXPECT_EQ(result.err,
            "warning: blog.0002_blog_views operation 1 (Raw SQL operation) keeps the operations "
            "before and after it from folding: the optimizer does not move operations across SQL "
            "it cannot read\n");
  EXPECT_TRUE(contains(result.out, "  No optimizations possible.\n")) << result.out;
  json written = read_migration(project.path(), "blog", kSquashName);
  EXPECT_EQ(operations_of(written), (Strings{"CreateModel", "RunSQL", "AddField", "AddField"}));
}

// A dependency on a migration another squash replaces points at that squash; dependencies on
// other apps of every squashed migration are kept.
TEST(SquashCommand, DependenciesOnAnotherAppsReplacedMigrationPointAtItsSquash) {
  TempDir project;
  auto history = squash_history();
  Field email = int64_field("email");
  email.null = true;
  history.insert(history.begin() + 1,
                 make_migration("accounts", "0002_user_email", {{"accounts", "0001_initial"}},
                                {std::make_shared<AddField>("User", email)}));
  history[4].dependencies.push_back({"accounts", "0002_user_email"});  // blog.0003
  write_history(project.path(), history);
  ASSERT_EQ(squash(project.path(), {"accounts", "0002"}).exit_code, 0);
  RunResult result = squash(project.path(), {"blog", "0003"});
  ASSERT_EQ(result.exit_code, 0) << all_output(result);
  json written = read_migration(project.path(), "blog", kSquashName);
  EXPECT_EQ(written["dependencies"],
            json::parse(R"([["accounts","0001_squashed_0002_user_email"]])"));

  // Both squashes in use on a new database, then everything recognised.
  ASSERT_EQ(run_dbmig({"migrate"}, project.path()).exit_code, 0);
  EXPECT_EQ(run_dbmig({"showmigrations"}, project.path()).out,
            "accounts\n [X] 0001_squashed_0002_user_email (2 squashed migrations)\nblog\n [X] " +
                kSquashName + " (3 squashed migrations)\ncomments\n [X] 0001_initial\n");
}

}  // namespace dbmig::test
