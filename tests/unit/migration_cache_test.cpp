// The migration cache: an unchanged file is not parsed again, and what comes back from the cache
// is exactly what parsing gives; a file that changed in any way is parsed (and checked) again.
#include "cache/migration_cache.hpp"

#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/migration_json.hpp"
#include "operation_fixtures.hpp"
#include "test_support.hpp"

namespace dbmig {
namespace {

namespace fs = std::filesystem;

class MigrationCacheTest : public testing::Test {
 protected:
  MigrationCacheTest() {
    config.root = dir.path();
    config.migrations_dir = dir.path() / "migrations";
    config.cache_dir = dir.path() / "build" / "dbmig-cache";
    migration.app = "blog";
    migration.name = "0002_everything";
    migration.dependencies = {{"blog", "0001_initial"}, {"accounts", "0001_initial"}};
    migration.replaces = {{"blog", "0002_a"}, {"blog", "0002_b"}};
    migration.atomic = false;
    migration.operations = test::every_operation();
    write_migration_settled(format_migration(migration));
  }

  fs::path file() const { return config.migrations_dir / "blog" / "0002_everything.json"; }

  // Written an hour ago, so that its size and time are trusted as its stamp.
  void write_migration_settled(const std::string& text) {
    test::write_file(file(), text);
    fs::last_write_time(file(), an_hour_ago);
  }

  std::string loaded_text() {
    auto migrations = load_migrations(config);
    EXPECT_EQ(migrations.size(), 1u);
    return migrations.empty() ? "" : format_migration(migrations[0]);
  }

  test::TempDir dir;
  ProjectConfig config;
  Migration migration;
  fs::file_time_type an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
};

TEST_F(MigrationCacheTest, EveryOperationComesBackAsParsed) {
  std::string text = format_migration(migration);
  EXPECT_EQ(loaded_text(), text);  // parsed, then cached
  ASSERT_TRUE(fs::exists(config.cache_dir / "migrations.bin"));
  // Same size and time, other bytes: only the cache can still give the migration.
  write_migration_settled(std::string(text.size(), ' '));
  EXPECT_EQ(loaded_text(), text);
}

// showmigrations' load: names, dependencies, replaces, checksum and file, no operations; the
// same whether the file was parsed or the cache answered without decoding the operations.
TEST_F(MigrationCacheTest, AnOutlineIsTheMigrationWithoutItsOperationsParsedOrCached) {
  std::string text = format_migration(migration);
  Migration outline = migration;
  outline.operations.clear();
  auto expect_outline = [&](const std::string& checksum) {
    std::vector<Migration> loaded = load_migrations(config, MigrationParts::outline);
    ASSERT_EQ(loaded.size(), 1u);
    EXPECT_TRUE(loaded[0].operations.empty());
    EXPECT_EQ(format_migration(loaded[0]), format_migration(outline));
    EXPECT_EQ(loaded[0].checksum, checksum);
    EXPECT_EQ(loaded[0].file, "migrations/blog/0002_everything.json");
  };
  std::string checksum = migration_checksum(migration);
  expect_outline(checksum);  // parsed, then cached
  // Same size and time, other bytes: only the cache can still give the migration.
  write_migration_settled(std::string(text.size(), ' '));
  expect_outline(checksum);
  EXPECT_EQ(loaded_text(), text);  // and whole, its operations decoded
}

TEST_F(MigrationCacheTest, AChangedFileIsParsedAgain) {
  EXPECT_EQ(loaded_text(), format_migration(migration));
  migration.atomic = true;
  migration.operations.resize(3);
  test::write_file(file(), format_migration(migration));  // just now: no trusted stamp
  EXPECT_EQ(loaded_text(), format_migration(migration));
  // Touched back to the old time but with other content and size: the size tells.
  migration.operations.resize(1);
  write_migration_settled(format_migration(migration));
  EXPECT_EQ(loaded_text(), format_migration(migration));
}

TEST_F(MigrationCacheTest, AnEditThatBreaksAFileIsReportedNotServed) {
  loaded_text();
  test::write_file(file(), "{\"dbmig\": 1,");
  try {
    load_migrations(config);
    ADD_FAILURE() << "a broken file was served from the cache";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("0002_everything.json"), std::string::npos) << e.what();
  }
}

TEST_F(MigrationCacheTest, ADamagedCacheIsOnlyAParse) {
  std::string text = loaded_text();
  fs::path cache = config.cache_dir / "migrations.bin";
  std::string bytes = test::read_file(cache);
  test::write_file(cache, bytes.substr(0, bytes.size() / 2));
  EXPECT_EQ(loaded_text(), text);
  test::write_file(cache, "garbage");
  EXPECT_EQ(loaded_text(), text);
}

TEST_F(MigrationCacheTest, NoCacheFolderConfiguredMeansNoCacheFile) {
  config.cache_dir.clear();
  loaded_text();
  EXPECT_FALSE(fs::exists(dir.path() / "build"));
  EXPECT_FALSE(fs::exists("migrations.bin"));
}

}  // namespace
}  // namespace dbmig
