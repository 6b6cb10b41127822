#include "dbmig/commands/showmigrations.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "commands/migration_context.hpp"
#include "core/text.hpp"
#include "dbmig/executor.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig {

namespace {

// One line of the listing: a migration on disk, a record, or both.
struct Entry {
  MigrationKey key;
  const Migration* migration = nullptr;     // null: recorded but missing on disk
  const MigrationRecord* record = nullptr;  // null: not applied
  bool edited = false;

  bool applied() const { return record && !record->interrupted(); }
  std::string mark() const { return record ? (record->interrupted() ? "[!]" : "[X]") : "[ ]"; }
};

// Migrations in graph order, then records whose file is missing, in name order.
std::vector<Entry> entries(const MigrationGraph& graph,
                           const std::vector<MigrationRecord>& records) {
  std::map<MigrationKey, const MigrationRecord*> by_key;
  for (const auto& record : records) by_key[record.key] = &record;
  std::vector<Entry> result;
  for (const auto* migration : graph.order()) {
    Entry entry{migration->key(), migration, nullptr, false};
    if (auto it = by_key.find(migration->key()); it != by_key.end()) {
      entry.record = it->second;
      entry.edited = migration_checksum(*migration) != it->second->checksum;
      by_key.erase(it);
    }
    result.push_back(entry);
  }
  for (const auto& [key, record] : by_key) result.push_back({key, nullptr, record, false});
  return result;
}

std::string notes(const Entry& entry, const ProjectConfig& config) {
  std::vector<std::string> notes;
  if (entry.record && entry.record->interrupted())
    notes.push_back(
        "interrupted while being " +
        std::string(entry.record->state == RecordState::applying ? "applied" : "unapplied") + ": " +
        std::to_string(entry.record->statements_done) +
        " statement(s) known to have completed, the next may have; `dbmig migrate` says how to "
        "resolve it");
  if (entry.edited) notes.push_back("edited since it was applied");
  if (!entry.migration)
    notes.push_back("applied, but " + migration_file(config, entry.key) + " is missing");
  std::string text;
  for (const auto& note : notes) text += (text.empty() ? " (" : "; ") + note;
  return text.empty() ? text : text + ")";
}

std::vector<std::string> dependency_names(const Entry& entry) {
  std::vector<std::string> names;
  if (entry.migration)
    for (const auto& dependency : entry.migration->dependencies) names.push_back(dependency.str());
  return names;
}

nlohmann::ordered_json to_json(const Entry& entry, bool with_app) {
  nlohmann::ordered_json json;
  if (with_app) json["app"] = entry.key.app;
  json["name"] = entry.key.name;
  json["applied"] = entry.applied();
  json["applied_at"] = entry.record ? nlohmann::ordered_json(entry.record->applied_at) : nullptr;
  json["batch"] = entry.record ? nlohmann::ordered_json(entry.record->batch) : nullptr;
  json["edited"] = entry.edited;
  json["missing_on_disk"] = entry.migration == nullptr;
  json["interrupted"] =
      entry.record && entry.record->interrupted()
          ? nlohmann::ordered_json({{"state", to_string(entry.record->state)},
                                    {"statements_done", entry.record->statements_done}})
          : nlohmann::ordered_json(nullptr);
  if (with_app) json["dependencies"] = dependency_names(entry);
  return json;
}

std::set<std::string> known_apps(const ProjectConfig& config, const std::vector<Entry>& all) {
  std::set<std::string> apps;
  for (const auto& app : config.apps) apps.insert(app.name);
  for (const auto& entry : all) apps.insert(entry.key.app);
  return apps;
}

}  // namespace

ExitCode showmigrations(const GlobalOptions& global, const ShowMigrationsOptions& options,
                        Console& console) {
  if (options.format != "text" && options.format != "json")
    throw InputError("--format must be text or json, not '" + options.format + "'");
  auto opened = open_migration_context(global, std::nullopt);
  const MigrationContext& context = opened.context;
  auto all = entries(context.loaded.graph, context.records);
  auto apps = known_apps(context.config, all);
  for (const auto& app : options.apps)
    if (!apps.count(app)) throw InputError("no app named '" + app + "'; apps: " + join(apps));
  std::set<std::string> shown(options.apps.begin(), options.apps.end());
  if (shown.empty()) shown = apps;
  auto wanted = [&](const Entry& entry) { return shown.count(entry.key.app) > 0; };
  bool json = options.format == "json";

  if (options.plan) {
    nlohmann::ordered_json plan = nlohmann::ordered_json::array();
    for (const auto& entry : all) {
      if (!wanted(entry)) continue;
      if (json) {
        plan.push_back(to_json(entry, true));
        continue;
      }
      auto dependencies = dependency_names(entry);
      std::string suffix;
      for (const auto& name : dependencies) suffix += (suffix.empty() ? " ... (" : ", ") + name;
      console.out << entry.mark() << "  " << entry.key.str() << (suffix.empty() ? "" : suffix + ")")
                  << notes(entry, context.config) << "\n";
    }
    if (json) console.out << format_json({{"plan", plan}});
    return ExitCode::ok;
  }

  nlohmann::ordered_json json_apps = nlohmann::ordered_json::array();
  for (const auto& app : shown) {
    nlohmann::ordered_json migrations = nlohmann::ordered_json::array();
    if (!json) console.out << app << "\n";
    for (const auto& entry : all) {
      if (entry.key.app != app) continue;
      if (json)
        migrations.push_back(to_json(entry, false));
      else
        console.out << " " << entry.mark() << " " << entry.key.name << notes(entry, context.config)
                    << "\n";
    }
    if (!json && migrations.empty() &&
        std::none_of(all.begin(), all.end(), [&](const Entry& e) { return e.key.app == app; }))
      console.out << " (no migrations)\n";
    if (json) json_apps.push_back({{"app", app}, {"migrations", migrations}});
  }
  if (json)
    console.out << format_json(
        {{"database", context.connection->url().redacted()}, {"apps", json_apps}});
  return ExitCode::ok;
}

}  // namespace dbmig
