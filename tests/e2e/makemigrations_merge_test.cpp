// Two developers branch from the same migration: makemigrations refuses the conflict and says
// to merge; --merge writes a migration depending on both leaves, after which the project is in
// sync and migrate applies everything.
#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

namespace {

// The demo's blog models with `member` added after the body.
void add_blog_member(const fs::path& project, const std::string& member) {
  fs::path header = project / "apps/blog/models.hpp";
  std::string text = read_file(header);
  std::string anchor = "  std::string body;\n";
  text.replace(text.find(anchor), anchor.size(), anchor + member + "\n");
  write_file(header, text);
}

}  // namespace

TEST(MakemigrationsMerge, ParallelBranchesAreRefusedThenMerged) {
  TempDir alice, bob;
  copy_demo_project(alice.path());
  copy_demo_project(bob.path());
  add_blog_member(alice.path(), "  DBMIG_FIELD(max_length = 80) std::string subtitle = \"\";");
  add_blog_member(bob.path(), "  std::int32_t views = 0;");
  ASSERT_EQ(run_dbmig({"makemigrations"}, alice.path()).exit_code, 0);
  ASSERT_EQ(run_dbmig({"makemigrations"}, bob.path()).exit_code, 0);

  // Bob pulls Alice's model change and her migration.
  add_blog_member(bob.path(), "  DBMIG_FIELD(max_length = 80) std::string subtitle = \"\";");
  fs::copy(alice.path() / "migrations/blog/0002_blog_subtitle.json",
           bob.path() / "migrations/blog");

  RunResult conflict = run_dbmig({"makemigrations"}, bob.path());
  EXPECT_EQ(conflict.exit_code, 2) << conflict.out << conflict.err;
  EXPECT_NE(conflict.err.find("makemigrations --merge"), std::string::npos) << conflict.err;

  RunResult merge = run_dbmig({"makemigrations", "--merge"}, bob.path());
  ASSERT_EQ(merge.exit_code, 0) << merge.out << merge.err;
  fs::path merged =
      bob.path() / "migrations/blog/0003_merge_0002_blog_subtitle_0002_blog_views.json";
  ASSERT_TRUE(fs::exists(merged)) << merge.out;
  std::string text = read_file(merged);
  EXPECT_NE(text.find("[\"blog\", \"0002_blog_subtitle\"]"), std::string::npos) << text;
  EXPECT_NE(text.find("[\"blog\", \"0002_blog_views\"]"), std::string::npos) << text;

  RunResult check = run_dbmig({"makemigrations", "--check"}, bob.path());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  RunResult migrate = run_dbmig({"migrate"}, bob.path());
  EXPECT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
  RunResult show = run_dbmig({"showmigrations", "blog"}, bob.path());
  EXPECT_EQ(show.out,
            "blog\n [X] 0001_initial\n [X] 0002_blog_subtitle\n [X] 0002_blog_views\n"
            " [X] 0003_merge_0002_blog_subtitle_0002_blog_views\n")
      << show.err;
}

}  // namespace dbmig::test
