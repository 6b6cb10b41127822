#include "dbmig/project_config.hpp"

#include <algorithm>

#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "json_reader.hpp"

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
    if (entry.is_directory() && fs::is_regular_file(header))
      apps.push_back({entry.path().filename().string(), {header}});
  }
  return apps;
}

// "apps": ["blog", ...] (each <apps_root>/<app>/models.hpp) or {"blog": ["a.hpp", ...], ...}.
std::vector<AppConfig> configured_apps(const nlohmann::json& apps, const fs::path& root,
                                       const fs::path& apps_root) {
  std::vector<AppConfig> result;
  if (apps.is_array()) {
    for (const auto& name : strings_at(apps, "$.apps"))
      result.push_back({name, {apps_root / name / "models.hpp"}});
  } else if (apps.is_object()) {
    for (const auto& [name, headers] : apps.items()) {
      AppConfig app{name, {}};
      for (const auto& header : strings_at(headers, "$.apps." + name))
        app.headers.push_back(root / header);
      result.push_back(std::move(app));
    }
  } else {
    throw_at("$.apps", "expected a list of app names or an object mapping each app to its headers");
  }
  return result;
}

// The settings of dbmig.json (`json`: its contents, or {} without one) into `config`, whose
// root is set; an unknown key is an error, so a misspelt one is not silently ignored.
void read_config(const nlohmann::json& json, ProjectConfig& config) {
  JsonReader reader(json, "$");
  config.apps_root = config.root / reader.string_or("apps_root", "apps");
  config.migrations_dir = config.root / reader.string_or("migrations", "migrations");
  config.cache_dir = config.root / reader.string_or("cache", "build/dbmig-cache");
  if (const auto* clang_args = reader.optional("clang_args"))
    config.clang_args = strings_at(*clang_args, "$.clang_args");
  if (const auto* databases = reader.optional("databases")) {
    if (!databases->is_object())
      throw_at("$.databases", "expected an object mapping aliases to URLs");
    for (const auto& [alias, url] : databases->items())
      config.databases[alias] = string_at(url, "$.databases." + alias);
  }
  const auto* apps = reader.optional("apps");
  config.apps = apps ? configured_apps(*apps, config.root, config.apps_root)
                     : discover_apps(config.apps_root);
  reader.finish();
}

}  // namespace

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

const AppConfig* ProjectConfig::find_app(const std::string& name) const {
  auto it = std::find_if(apps.begin(), apps.end(),
                         [&](const AppConfig& app) { return app.name == name; });
  return it == apps.end() ? nullptr : &*it;
}

ProjectConfig load_project_config(const fs::path& root_dir) {
  ProjectConfig config;
  config.root = fs::absolute(root_dir).lexically_normal();
  if (!config.root.empty() && !config.root.has_filename()) config.root = config.root.parent_path();
  if (!fs::is_directory(config.root))
    throw InputError("project folder " + config.root.string() +
                     " does not exist; pass --project DIR");

  nlohmann::json json = nlohmann::json::object();
  if (fs::is_regular_file(config.root / kConfigName))
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
