// After a run that found no changes, `makemigrations --check` answers from a memo while none of
// its inputs changed. Through the built binary: every kind of input change is still seen, the
// memo is what answers when nothing changed, and a damaged memo is only a slower run.
#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

namespace fs = std::filesystem;

class MakemigrationsMemo : public ::testing::Test {
 protected:
  MakemigrationsMemo() { copy_demo_project(dir.path()); }

  RunResult check() { return run_dbmig({"makemigrations", "--check"}, dir.path()); }

  // Replaces the one occurrence of `from` in the project file `path` and returns the old text.
  std::string edit(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = read_file(dir.path() / path);
    std::string original = text;
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from << " not in " << path;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    write_file(dir.path() / path, text);
    return original;
  }

  // A no-change run, then one more that the memo answers.
  void expect_no_changes() {
    RunResult first = check();
    EXPECT_EQ(first.exit_code, 0) << first.out << first.err;
    EXPECT_NE(first.out.find("No changes detected"), std::string::npos);
    ASSERT_TRUE(fs::exists(memo_file()));
    RunResult second = check();
    EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
    EXPECT_EQ(second.out, first.out);
  }

  fs::path memo_file() const {
    return dir.path() / "build/dbmig-cache/makemigrations-no-changes.bin";
  }

  TempDir dir;
};

TEST_F(MakemigrationsMemo, AnEditedModelHeaderIsSeen) {
  expect_no_changes();
  std::string original = edit("apps/blog/models.hpp", "  bool active = true;\n",
                              "  bool active = true;\n  std::int32_t views = 0;\n");
  RunResult changed = check();
  EXPECT_EQ(changed.exit_code, 1) << changed.out << changed.err;
  EXPECT_NE(changed.out.find("Add field views to Blog"), std::string::npos) << changed.out;
  write_file(dir.path() / "apps/blog/models.hpp", original);
  expect_no_changes();
}

TEST_F(MakemigrationsMemo, AnEditedMigrationFileIsSeen) {
  expect_no_changes();
  edit("migrations/blog/0001_initial.json", "\"max_length\": 200", "\"max_length\": 201");
  RunResult changed = check();
  EXPECT_EQ(changed.exit_code, 1) << changed.out << changed.err;
  EXPECT_NE(changed.out.find("Alter field title on Blog"), std::string::npos) << changed.out;
}

TEST_F(MakemigrationsMemo, ARemovedOrAddedMigrationFileIsSeen) {
  expect_no_changes();
  fs::path initial = dir.path() / "migrations/blog/0001_initial.json";
  std::string text = read_file(initial);
  fs::remove(initial);
  RunResult removed = check();
  EXPECT_EQ(removed.exit_code, 1) << removed.out << removed.err;
  EXPECT_NE(removed.out.find("Create model Blog"), std::string::npos) << removed.out;

  write_file(initial, text);
  expect_no_changes();
  RunResult empty = run_dbmig({"makemigrations", "--empty", "blog"}, dir.path());
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  // Still no changes, but from a full check: the new file is read, so a broken one fails.
  write_file(dir.path() / "migrations/blog/0002_broken.json", "{");
  RunResult broken = check();
  EXPECT_NE(broken.exit_code, 0);
  EXPECT_NE(broken.err.find("0002_broken.json"), std::string::npos) << broken.err;
}

TEST_F(MakemigrationsMemo, OnlyTheMemoAnswersWhenNothingChanged) {
  expect_no_changes();
  // A full check would rewrite the memo; one answered by it leaves the file alone.
  auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(memo_file(), an_hour_ago);
  EXPECT_EQ(check().exit_code, 0);
  EXPECT_EQ(fs::last_write_time(memo_file()), an_hour_ago);
  // Another app filter is another question: a full check.
  RunResult blog = run_dbmig({"makemigrations", "--check", "blog"}, dir.path());
  EXPECT_EQ(blog.exit_code, 0) << blog.err;
  EXPECT_NE(blog.out.find("No changes detected in app 'blog'"), std::string::npos);
  EXPECT_NE(fs::last_write_time(memo_file()), an_hour_ago);
}

TEST_F(MakemigrationsMemo, ADamagedMemoIsOnlyASlowerRun) {
  expect_no_changes();
  write_file(memo_file(), "not a memo");
  expect_no_changes();
  std::string bytes = read_file(memo_file());
  write_file(memo_file(), bytes.substr(0, bytes.size() - 3));
  expect_no_changes();
}

}  // namespace
}  // namespace dbmig::test
