// dbmig.json: its settings, its defaults, and errors that name the file and the JSON path.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dbmig/error.hpp"
#include "dbmig/project_config.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

namespace {

std::string config_error(const TempDir& dir, const std::string& dbmig_json) {
  write_file(dir.path() / "dbmig.json", dbmig_json);
  try {
    load_project_config(dir.path());
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "dbmig.json was accepted: " << dbmig_json;
  return {};
}

}  // namespace

TEST(ProjectConfig, WithoutDbmigJsonAppsAreFoundUnderApps) {
  TempDir dir;
  write_file(dir.path() / "apps/shop/models.hpp", "");
  write_file(dir.path() / "apps/blog/models.hpp", "");
  fs::create_directories(dir.path() / "apps/notes");  // no models.hpp: not an app
  ProjectConfig config = load_project_config(dir.path());
  ASSERT_EQ(config.apps.size(), 2u);
  EXPECT_EQ(config.apps[0].name, "blog");
  EXPECT_EQ(config.apps[1].name, "shop");
  EXPECT_EQ(config.migrations_dir, dir.path() / "migrations");
  EXPECT_EQ(config.cache_dir, dir.path() / "build/dbmig-cache");
  EXPECT_EQ(config.default_database, "sqlite:///db.sqlite3");
}

TEST(ProjectConfig, ReadsEverySetting) {
  TempDir dir;
  write_file(dir.path() / "dbmig.json", R"({
    "apps": {"shop": ["src/shop/order.hpp", "src/shop/item.hpp"]},
    "migrations": "db/migrations",
    "cache": "out/cache",
    "clang_args": ["-DSHOP"],
    "databases": {"default": "sqlite:///shop.db"}
  })");
  ProjectConfig config = load_project_config(dir.path());
  ASSERT_EQ(config.apps.size(), 1u);
  EXPECT_EQ(config.apps[0].headers, (std::vector<fs::path>{dir.path() / "src/shop/order.hpp",
                                                           dir.path() / "src/shop/item.hpp"}));
  EXPECT_EQ(config.migrations_dir, dir.path() / "db/migrations");
  EXPECT_EQ(config.cache_dir, dir.path() / "out/cache");
  EXPECT_EQ(config.clang_args, std::vector<std::string>{"-DSHOP"});
  EXPECT_EQ(config.default_database, "default");
  EXPECT_EQ(config.databases.at("default"), "sqlite:///shop.db");
}

TEST(ProjectConfig, AppsAsNamesLiveUnderAppsRoot) {
  TempDir dir;
  write_file(dir.path() / "dbmig.json", R"({"apps_root": "src", "apps": ["shop"]})");
  ProjectConfig config = load_project_config(dir.path());
  ASSERT_EQ(config.apps.size(), 1u);
  EXPECT_EQ(config.apps[0].headers, std::vector<fs::path>{dir.path() / "src/shop/models.hpp"});
}

TEST(ProjectConfig, AMisspeltKeyIsAnErrorThatListsTheKnownOnes) {
  TempDir dir;
  EXPECT_EQ(config_error(dir, R"({"clang_arg": ["-DSHOP"]})"),
            "dbmig.json: $.clang_arg: unknown key \"clang_arg\"; expected one of apps, "
            "apps_root, cache, clang_args, databases, migrations, online_schema_changes, "
            "statement_lock_retries, statement_lock_retry_delay, statement_lock_timeout");
}

TEST(ProjectConfig, OnlineSchemaChangesIsABooleanOffByDefault) {
  TempDir dir;
  EXPECT_FALSE(
      project_config_from_json(nlohmann::json::object(), dir.path()).online_schema_changes);
  EXPECT_TRUE(project_config_from_json({{"online_schema_changes", true}}, dir.path())
                  .online_schema_changes);
  EXPECT_NE(config_error(dir, R"({"online_schema_changes": "yes"})")
                .find("dbmig.json: $.online_schema_changes: expected"),
            std::string::npos);
}

TEST(ProjectConfig, AValueOfTheWrongTypeNamesItsPath) {
  TempDir dir;
  EXPECT_EQ(config_error(dir, R"({"clang_args": ["-DA", 7]})"),
            "dbmig.json: $.clang_args[1]: expected a string");
  EXPECT_EQ(config_error(dir, R"({"databases": ["sqlite:///a.db"]})"),
            "dbmig.json: $.databases: expected an object mapping aliases to URLs");
  EXPECT_EQ(config_error(dir, R"({"apps": {"shop": "models.hpp"}})"),
            "dbmig.json: $.apps.shop: expected an array of strings");
  EXPECT_EQ(config_error(dir, R"({"apps": 3})"),
            "dbmig.json: $.apps: expected a list of app names or an object mapping each app to "
            "its headers");
  EXPECT_EQ(config_error(dir, R"(["shop"])"), "dbmig.json: $: expected an object");
}

}  // namespace dbmig::test
