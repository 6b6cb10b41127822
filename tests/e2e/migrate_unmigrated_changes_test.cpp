// `dbmig migrate` warns, as Django's does, when the models have changes that no migration
// holds (it cannot apply them); it still succeeds, and when the models cannot be read it says
// so in one line and goes on.
#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

const std::string kWarning =
    "  Your models in app(s): 'blog' have changes that are not yet reflected in a migration, "
    "and so won't be applied.\n  Run 'dbmig makemigrations' to make new migrations, and then "
    "re-run 'dbmig migrate' to apply them.\n";

void add_field_to_blog(const fs::path& project) {
  fs::path header = project / "apps/blog/models.hpp";
  std::string text = read_file(header);
  text.replace(text.find("  bool active = true;"), 0, "  std::int64_t views = 0;\n");
  write_file(header, text);
}

}  // namespace

TEST(MigrateUnmigratedChanges, WarnsNamingTheAppAndStillAppliesOnEveryDatabase) {
  TempDir project;
  copy_demo_project(project.path());
  add_field_to_blog(project.path());
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, project.path());
    ASSERT_TRUE(url);
    std::map<std::string, std::string> env{{"DATABASE_URL", *url}};
    RunResult first = run_dbmig({"migrate"}, project.path(), env);
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("Applying blog.0001_initial... OK"), std::string::npos) << first.out;
    EXPECT_NE(first.out.find(kWarning), std::string::npos) << first.out;
    // Nothing left to apply: the warning still comes, as Django's does then.
    RunResult again = run_dbmig({"migrate"}, project.path(), env);
    EXPECT_NE(again.out.find("  No migrations to apply.\n" + kWarning), std::string::npos)
        << again.out;
    EXPECT_EQ(run_dbmig({"migrate", "-v", "0"}, project.path(), env).out, "");
  }
}

TEST(MigrateUnmigratedChanges, QuietOnceTheMigrationIsWritten) {
  TempDir project;
  copy_demo_project(project.path());
  EXPECT_EQ(run_dbmig({"migrate"}, project.path()).out.find("Your models"), std::string::npos);
  add_field_to_blog(project.path());
  ASSERT_EQ(run_dbmig({"makemigrations"}, project.path()).exit_code, 0);
  RunResult migrate = run_dbmig({"migrate"}, project.path());
  EXPECT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(migrate.out.find("Applying blog.0002"), std::string::npos) << migrate.out;
  EXPECT_EQ(migrate.out.find("Your models"), std::string::npos) << migrate.out;
}

TEST(MigrateUnmigratedChanges, ModelsThatCannotBeReadAreOneLineAndMigrateGoesOn) {
  TempDir project;
  copy_demo_project(project.path());
  write_file(project.path() / "apps/blog/models.hpp",
             "#include <dbmig/model.hpp>\nnamespace blog {\nstruct DBMIG_MODEL() Blog {\n"
             "  NoSuchType title;\n};\n}\n");
  RunResult migrate = run_dbmig({"migrate"}, project.path());
  EXPECT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(migrate.out.find("Applying blog.0001_initial... OK"), std::string::npos) << migrate.out;
  EXPECT_NE(migrate.out.find("  Could not check the models for changes without a migration: "
                             "the model headers have problems (`dbmig makemigrations` lists "
                             "them).\n"),
            std::string::npos)
      << migrate.out;
  EXPECT_EQ(migrate.err, "");
}

}  // namespace dbmig::test
