// The loader reads real files from a temporary project.
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/loader.hpp"
#include "test_support.hpp"

namespace dbmig {
namespace {

std::string file_text(const std::string& app, const std::string& name,
                      const std::string& dependencies = "[]") {
  return R"({"dbmig": 1, "app": ")" + app + R"(", "name": ")" + name + R"(", "dependencies": )" +
         dependencies + R"(, "operations": []})";
}

ProjectConfig config_for(const std::filesystem::path& root) {
  ProjectConfig config;
  config.root = root;
  config.migrations_dir = root / "migrations";
  return config;
}

std::string error_of(const ProjectConfig& config) {
  try {
    load_migrations(config);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(LoaderFiles, ReadsEveryAppSortedAndSkipsOtherFiles) {
  test::TempDir dir;
  auto migrations = dir.path() / "migrations";
  test::write_file(migrations / "blog/0002_b.json",
                   file_text("blog", "0002_b", R"([["blog", "0001_a"]])"));
  test::write_file(migrations / "blog/0001_a.json", file_text("blog", "0001_a"));
  test::write_file(migrations / "accounts/0001_initial.json",
                   file_text("accounts", "0001_initial"));
  test::write_file(migrations / "blog/README.md", "notes");
  auto loaded = load_migrations(config_for(dir.path()));
  ASSERT_EQ(loaded.size(), 3u);
  EXPECT_EQ(loaded[0].key().str(), "accounts.0001_initial");
  EXPECT_EQ(loaded[1].key().str(), "blog.0001_a");
  EXPECT_EQ(loaded[2].key().str(), "blog.0002_b");
  auto graph = load_migration_graph(config_for(dir.path()));
  EXPECT_EQ(graph.graph.leaf("blog"), (MigrationKey{"blog", "0002_b"}));
}

TEST(LoaderFiles, NoMigrationsFolderMeansNoMigrations) {
  test::TempDir dir;
  EXPECT_TRUE(load_migrations(config_for(dir.path())).empty());
}

TEST(LoaderFiles, ErrorsNameTheFile) {
  test::TempDir dir;
  auto migrations = dir.path() / "migrations";
  test::write_file(migrations / "blog/initial.json", file_text("blog", "initial"));
  EXPECT_EQ(error_of(config_for(dir.path())),
            "migrations/blog/initial.json: not a migration file name; expected NNNN_<name>.json "
            "(e.g. 0001_initial.json), or move the file out of migrations/blog");
  std::filesystem::remove(migrations / "blog/initial.json");
  test::write_file(migrations / "blog/0001_a.json", file_text("shop", "0001_a"));
  EXPECT_EQ(error_of(config_for(dir.path())),
            "migrations/blog/0001_a.json: $.app: is \"shop\" but the file is in the blog folder; "
            "make them agree");
  test::write_file(migrations / "blog/0001_a.json", file_text("blog", "0001_b"));
  EXPECT_EQ(error_of(config_for(dir.path())),
            "migrations/blog/0001_a.json: $.name: is \"0001_b\" but the file is 0001_a.json; make "
            "them agree");
  test::write_file(migrations / "blog/0001_a.json", "{\"dbmig\": 1,");
  EXPECT_NE(error_of(config_for(dir.path())).find("migrations/blog/0001_a.json:1:"),
            std::string::npos);
}

}  // namespace
}  // namespace dbmig
