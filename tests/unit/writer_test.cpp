// The writer: file text and files.
#include <gtest/gtest.h>

#include "autodetector_fixtures.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/writer.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

TEST(WriterFiles, WritesTheMigrationJsonIntoTheAppFolder) {
  TempDir dir;
  ProjectConfig config;
  config.root = dir.path();
  config.migrations_dir = dir.path() / "migrations";
  Migration migration;
  migration.app = "blog";
  migration.name = "0002_blog_subtitle";
  migration.dependencies = {{"blog", "0001_initial"}, {"accounts", "0001_initial"}};
  Field subtitle = text_field("subtitle");
  subtitle.null = true;
  migration.operations = {std::make_shared<AddField>("Blog", subtitle)};

  auto path = write_migration(config, migration);
  EXPECT_EQ(path, dir.path() / "migrations" / "blog" / "0002_blog_subtitle.json");
  std::string text = read_file(path);
  EXPECT_EQ(text, format_migration(migration));
  EXPECT_EQ(
      text.rfind("{\n  \"dbmig\": 1,\n  \"app\": \"blog\",\n  \"name\": \"0002_blog_subtitle\"", 0),
      0u)
      << text;
  EXPECT_EQ(text.back(), '\n');
  EXPECT_NE(text.find("\"subtitle\""), std::string::npos);
}

// The path the writer writes to is the one messages name, relative to the project root.
TEST(WriterFiles, MessagesNameTheFileTheWriterWrites) {
  TempDir dir;
  ProjectConfig config;
  config.root = dir.path();
  config.migrations_dir = dir.path() / "db" / "migrations";
  MigrationKey key{"blog", "0002_blog_subtitle"};
  EXPECT_EQ(migration_path(config, key),
            dir.path() / "db" / "migrations" / "blog" / "0002_blog_subtitle.json");
  EXPECT_EQ(migration_file(config, key), "db/migrations/blog/0002_blog_subtitle.json");
}

}  // namespace
}  // namespace dbmig::test
