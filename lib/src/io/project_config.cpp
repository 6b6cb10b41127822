#include "dbmig/project_config.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>

#include "core/text.hpp"
#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/migration.hpp"
#include "dbmig/naming.hpp"
#include "io/json_reader.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

constexpr const char* kConfigName = "dbmig.json";

// Default discovery: every <apps_root>/<app>/models.hpp.
std::vector<AppConfig> discover_apps(const fs::path& apps_root) {
  std::vector<AppConfig> apps;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(apps_root, error)) {
    fs::path header = entry.path() / "models.hpp";
    if (!entry.is_directory() || !fs::is_regular_file(header)) continue;
    std::string name = entry.path().filename().string();
    if (!is_identifier(name))
      throw InputError(header.string() + ": the app folder name \"" + name +
                       "\" is not an identifier; rename the folder (letters, digits and _)");
    apps.push_back({name, {header}});
  }
  return apps;
}

// An app name becomes a folder under migrations/ and a part of table names: a path or an empty
// name would write migrations outside the project.
const std::string& app_name_at(const std::string& name, const std::string& path) {
  if (!is_identifier(name))
    throw_at(path, "app name \"" + name +
                       "\" is not an identifier; use letters, digits and _ (not starting with a "
                       "digit)");
  return name;
}

// "apps": ["blog", ...] (each <apps_root>/<app>/models.hpp) or {"blog": ["a.hpp", ...], ...}.
std::vector<AppConfig> configured_apps(const nlohmann::json& apps, const fs::path& root,
                                       const fs::path& apps_root) {
  std::vector<AppConfig> result;
  if (apps.is_array()) {
    auto names = strings_at(apps, "$.apps");
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto& name = app_name_at(names[i], "$.apps[" + std::to_string(i) + "]");
      result.push_back({name, {apps_root / name / "models.hpp"}});
    }
  } else if (apps.is_object()) {
    for (const auto& [name, headers] : apps.items()) {
      AppConfig app{app_name_at(name, "$.apps." + name), {}};
      for (const auto& header : strings_at(headers, "$.apps." + name))
        app.headers.push_back(root / header);
      result.push_back(std::move(app));
    }
  } else {
    throw_at("$.apps", "expected a list of app names or an object mapping each app to its headers");
  }
  return result;
}

// A number of seconds in [0, max] under `key` as milliseconds, or `fallback` when absent.
std::chrono::milliseconds seconds_or(JsonReader& reader, std::string_view key,
                                     std::chrono::milliseconds fallback, std::chrono::seconds max) {
  const nlohmann::json* value = reader.optional(key);
  if (!value) return fallback;
  if (!value->is_number() || value->get<double>() < 0 || value->get<double>() > max.count())
    throw_at(reader.path_of(key), "expected a number of seconds from 0 to " +
                                      std::to_string(max.count()) + ", not " + value->dump());
  return std::chrono::milliseconds(std::llround(value->get<double>() * 1000));
}

// "statement_lock_timeout" (seconds, 0 turns it off), "statement_lock_retries" and
// "statement_lock_retry_delay" (seconds): docs/databases.md "Lock timeout".
StatementLockTimeout read_statement_lock(JsonReader& reader) {
  StatementLockTimeout lock;
  lock.timeout =
      seconds_or(reader, "statement_lock_timeout", lock.timeout, max_statement_lock_timeout);
  if (const auto* retries = reader.optional("statement_lock_retries")) {
    if (!retries->is_number_unsigned() ||
        retries->get<std::uint64_t>() > max_statement_lock_retries)
      throw_at(reader.path_of("statement_lock_retries"),
               "expected a whole number from 0 to " + std::to_string(max_statement_lock_retries) +
                   ", not " + retries->dump());
    lock.retries = retries->get<int>();
  }
  lock.retry_delay =
      seconds_or(reader, "statement_lock_retry_delay", lock.retry_delay, max_retry_delay);
  return lock;
}

// The settings of dbmig.json (`json`: its contents, or {} without one) into `config`, whose
// root is set; an unknown key is an error, so a misspelt one is not silently ignored.
void read_config(const nlohmann::json& json, ProjectConfig& config) {
  JsonReader reader(json, "$");
  config.apps_root = config.root / reader.string_or("apps_root", "apps");
  config.migrations_dir = config.root / reader.string_or("migrations", "migrations");
  config.cache_dir = config.root / reader.string_or("cache", "build/dbmig-cache");
  config.online_schema_changes = reader.boolean_or("online_schema_changes", false);
  if (const auto* clang_args = reader.optional("clang_args"))
    config.clang_args = strings_at(*clang_args, "$.clang_args");
  if (const auto* databases = reader.optional("databases")) {
    if (!databases->is_object())
      throw_at("$.databases", "expected an object mapping aliases to URLs");
    for (const auto& [alias, url] : databases->items())
      config.databases[alias] = string_at(url, "$.databases." + alias);
  }
  config.statement_lock = read_statement_lock(reader);
  const auto* apps = reader.optional("apps");
  config.apps = apps ? configured_apps(*apps, config.root, config.apps_root)
                     : discover_apps(config.apps_root);
  reader.finish();
}

}  // namespace

void check_apps_named(const ProjectConfig& config, const std::vector<std::string>& apps) {
  for (const std::string& app : apps) {
    if (config.find_app(app)) continue;
    throw InputError("no app named '" + app +
                     "' (the project's apps: " + join(config.apps, ", ", &AppConfig::name) + ")");
  }
}

std::string shown_path(const std::filesystem::path& path, const std::filesystem::path& root) {
  std::filesystem::path relative = path.lexically_relative(root);
  return (relative.empty() || *relative.begin() == ".." ? path : relative).generic_string();
}

void check_apps_exist(const ProjectConfig& config) {
  if (config.apps.empty()) {
    throw InputError("no apps found: expected " + (config.apps_root / "<app>/models.hpp").string() +
                     "; create an app folder with a models.hpp, or list apps in dbmig.json");
  }
  for (const auto& app : config.apps)
    for (const auto& header : app.headers)
      if (!fs::is_regular_file(header))
        throw InputError("app " + app.name + ": header " + header.string() +
                         " does not exist; create it or fix the app list in dbmig.json");
}

void check_migrations_have_apps(const ProjectConfig& config) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(config.migrations_dir, error)) {
    std::string app = entry.path().filename().string();
    if (!entry.is_directory() || config.find_app(app)) continue;
    for (const auto& file : fs::directory_iterator(entry.path(), error)) {
      if (file.path().extension() != ".json") continue;
      throw InputError(
          "app " + app + " has migrations (" +
          fs::relative(file.path(), config.root).generic_string() + ") but no models header (" +
          fs::relative(config.apps_root / app / "models.hpp", config.root).generic_string() +
          " or a list in dbmig.json): restore it; to drop the app's tables, keep the header "
          "with its models removed");
    }
  }
}

const AppConfig* ProjectConfig::find_app(const std::string& name) const {
  auto it = std::find_if(apps.begin(), apps.end(),
                         [&](const AppConfig& app) { return app.name == name; });
  return it == apps.end() ? nullptr : &*it;
}

fs::path migration_path(const ProjectConfig& config, const MigrationKey& key) {
  return config.app_migrations_dir(key.app) / (key.name + ".json");
}

std::string migration_file(const ProjectConfig& config, const MigrationKey& key) {
  return migration_path(config, key).lexically_relative(config.root).string();
}

ProjectConfig load_project_config(const fs::path& root_dir) {
  ProjectConfig config;
  config.root = fs::absolute(root_dir).lexically_normal();
  if (!config.root.empty() && !config.root.has_filename()) config.root = config.root.parent_path();
  if (!fs::is_directory(config.root))
    throw InputError("project folder " + config.root.string() +
                     " does not exist; pass --project DIR");

  nlohmann::json json = nlohmann::json::object();
  if (fs::exists(config.root / kConfigName))  // a folder of that name is an error, not ignored
    json = read_json_file(config.root / kConfigName, kConfigName);
  return project_config_from_json(json, config.root);
}

ProjectConfig project_config_from_json(const nlohmann::json& json, const fs::path& root) {
  ProjectConfig config;
  config.root = root;
  try {
    read_config(json, config);
  } catch (const InputError& e) {
    throw InputError(std::string(kConfigName) + ": " + e.what());
  }
  config.default_database = config.databases.count("default") ? "default" : "sqlite:///db.sqlite3";
  std::sort(config.apps.begin(), config.apps.end(),
            [](const AppConfig& a, const AppConfig& b) { return a.name < b.name; });
  return config;
}

}  // namespace dbmig
