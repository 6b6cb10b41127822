// The precompiled prelude shipped with the built dbmig (build/lib/dbmig/, docs/models.md "The
// precompiled prelude"): a fresh checkout's first scan parses with it, `-v 2` says when it
// does not and why, and `dbmig build-prelude` builds one where it is told.
#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

constexpr const char* kNote =
    "dbmig: the models were not parsed with the precompiled prelude shipped with dbmig: ";

bool has_pch(const fs::path& folder) {
  std::error_code missing;
  for (const auto& entry : fs::directory_iterator(folder, missing))
    if (entry.path().extension() == ".pch") return true;
  return false;
}

}  // namespace

TEST(ShippedPreludeCli, AFreshCheckoutParsesWithTheBuildsPrelude) {
  TempDir project;
  copy_demo_project(project.path());
  auto check = run_dbmig({"-v", "2", "makemigrations", "--check"}, project.path());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.err.find(kNote), std::string::npos) << check.err;
  EXPECT_FALSE(has_pch(project.path() / "build/dbmig-cache"));
}

TEST(ShippedPreludeCli, VerbosityTwoSaysWhyNoneWasUsedAndBuildPreludeBuildsOne) {
  TempDir project, prelude;
  copy_demo_project(project.path());
  std::map<std::string, std::string> env = {{"DBMIG_PRELUDE_DIR", prelude.path().string()}};
  auto missing = run_dbmig({"-v", "2", "makemigrations", "--check"}, project.path(), env);
  EXPECT_EQ(missing.exit_code, 0) << missing.out << missing.err;
  EXPECT_NE(missing.err.find(std::string(kNote) + "there is none in " + prelude.path().string() +
                             "; `dbmig build-prelude` builds it there\n"),
            std::string::npos)
      << missing.err;
  fs::remove_all(project.path() / "build/dbmig-cache");
  auto normal = run_dbmig({"makemigrations", "--check"}, project.path(), env);
  EXPECT_EQ(normal.err.find(kNote), std::string::npos) << normal.err;  // -v 2 only

  auto built = run_dbmig({"build-prelude", prelude.path().string()}, project.path());
  ASSERT_EQ(built.exit_code, 0) << built.out << built.err;
  EXPECT_EQ(built.out, "Built the precompiled prelude in " + prelude.path().string() + "\n");
  EXPECT_TRUE(has_pch(prelude.path()));
  fs::remove_all(project.path() / "build/dbmig-cache");
  auto used = run_dbmig({"-v", "2", "makemigrations", "--check"}, project.path(), env);
  EXPECT_EQ(used.exit_code, 0) << used.out << used.err;
  EXPECT_EQ(used.err.find(kNote), std::string::npos) << used.err;
}

// migrate scans too (its check for model changes without a migration) and says the same.
TEST(ShippedPreludeCli, MigratesCheckForUnmigratedChangesSaysWhyNoneWasUsed) {
  TempDir project, prelude;
  copy_demo_project(project.path());
  std::map<std::string, std::string> env = {{"DBMIG_PRELUDE_DIR", prelude.path().string()}};
  auto migrate = run_dbmig({"-v", "2", "migrate"}, project.path(), env);
  EXPECT_EQ(migrate.exit_code, 0) << migrate.out << migrate.err;
  EXPECT_NE(migrate.err.find(std::string(kNote) + "there is none in " + prelude.path().string()),
            std::string::npos)
      << migrate.err;
}

}  // namespace dbmig::test
