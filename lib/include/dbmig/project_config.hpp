// The project: where its apps, headers and migrations are, how to parse them, and its database
// aliases. Read from the optional dbmig.json at the project root (README "dbmig.json").
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "dbmig/statement_lock_timeout.hpp"

namespace dbmig {

struct MigrationKey;

struct AppConfig {
  std::string name;
  std::vector<std::filesystem::path> headers;  // absolute
};

struct ProjectConfig {
  std::filesystem::path root;            // absolute
  std::vector<AppConfig> apps;           // sorted by name
  std::filesystem::path apps_root;       // absolute; <root>/apps by default
  std::filesystem::path migrations_dir;  // absolute; <root>/migrations by default
  std::filesystem::path cache_dir;       // absolute; <root>/build/dbmig-cache by default
  std::vector<std::string> clang_args;   // from dbmig.json, used without compile_commands.json
  std::map<std::string, std::string> databases;  // alias -> URL
  std::string default_database;  // alias or URL; "sqlite:///db.sqlite3" unless configured
  StatementLockTimeout
      statement_lock;  // "statement_lock_timeout", "..._retries", "..._retry_delay"
  // "online_schema_changes": makemigrations writes the changes to existing tables in their
  // online forms (docs/online-schema-changes.md).
  bool online_schema_changes = false;

  const AppConfig* find_app(const std::string& name) const;
  std::filesystem::path app_migrations_dir(const std::string& app) const {
    return migrations_dir / app;
  }
};

// <migrations_dir>/<app>/<name>.json: the file of the migration `key`, where the writer writes
// it.
std::filesystem::path migration_path(const ProjectConfig& config, const MigrationKey& key);

// "migrations/blog/0002_subtitle.json": that file as messages show it, relative to the root.
std::string migration_file(const ProjectConfig& config, const MigrationKey& key);

// Reads <root>/dbmig.json when present and discovers apps (default: <root>/apps/*/models.hpp).
// Throws InputError naming the file and JSON path for a malformed dbmig.json.
ProjectConfig load_project_config(const std::filesystem::path& root);

// The configuration dbmig.json's contents `json` ({} without the file) give the project at
// `root` (absolute); load_project_config's second half, so it can be tested on text.
ProjectConfig project_config_from_json(const nlohmann::json& json,
                                       const std::filesystem::path& root);

// Throws InputError naming the project's apps when one of `apps` is not among them.
void check_apps_named(const ProjectConfig& config, const std::vector<std::string>& apps);

// `path` as messages show it: relative to `root` when inside it, else as it is.
std::string shown_path(const std::filesystem::path& path, const std::filesystem::path& root);

// Throws InputError saying what to create when the project has no app or an app header is
// missing; commands that scan models call it first.
void check_apps_exist(const ProjectConfig& config);
// Throws InputError when a folder of migrations/ holds migrations of an app the project no
// longer has (its models.hpp renamed or deleted): makemigrations would otherwise delete every
// model of that app.
void check_migrations_have_apps(const ProjectConfig& config);

}  // namespace dbmig
