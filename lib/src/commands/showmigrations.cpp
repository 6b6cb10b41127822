#include "dbmig/commands/showmigrations.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "commands/each_database.hpp"
#include "commands/migration_context.hpp"
#include "core/text.hpp"
#include "dbmig/graph_records.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig {

namespace {

// One line of the listing: a migration on disk with the records it stands for, or records
// whose file is missing.
struct Entry {
  GraphEntry graph;
  bool edited = false;

  const MigrationKey& key() const { return graph.key; }
  bool applied() const { return graph.applied(); }
  std::string mark() const {
    return graph.interrupted() ? "[!]" : (graph.applied() ? "[X]" : "[ ]");
  }
};

std::vector<Entry> entries(const MigrationContext& context) {
  std::vector<Entry> result;
  for (auto& entry :
       graph_entries(context.loaded.graph, context.loaded.replacements, context.records)) {
    bool edited =
        entry.migration && entry.own && migration_checksum(*entry.migration) != entry.own->checksum;
    result.push_back({std::move(entry), edited});
  }
  return result;
}

// Django's title of a squashed migration in use.
std::string squashed_count(const Entry& entry) {
  if (entry.graph.replaces == 0) return "";
  return " (" + std::to_string(entry.graph.replaces) + " squashed migrations)";
}

std::string notes(const Entry& entry, const ProjectConfig& config) {
  std::vector<std::string> notes;
  for (const auto* record : entry.graph.records())
    if (record->interrupted())
      notes.push_back(
          (record->key == entry.key() ? "" : record->key.name + " ") + "interrupted while being " +
          std::string(record->state == RecordState::applying ? "applied" : "unapplied") + ": " +
          std::to_string(record->statements_done) +
          " statement(s) known to have completed, the next may have; `dbmig migrate` says how "
          "to resolve it");
  if (entry.edited) notes.push_back("edited since it was applied");
  if (!entry.graph.migration)
    notes.push_back("applied, but " + migration_file(config, entry.key()) + " is missing");
  std::string text;
  for (const auto& note : notes) text += (text.empty() ? " (" : "; ") + note;
  return text.empty() ? text : text + ")";
}

std::vector<std::string> dependency_names(const Entry& entry) {
  std::vector<std::string> names;
  if (entry.graph.migration)
    for (const auto& dependency : entry.graph.migration->dependencies)
      names.push_back(dependency.str());
  return names;
}

nlohmann::ordered_json to_json(const Entry& entry, bool with_app) {
  nlohmann::ordered_json json;
  auto records = entry.graph.records();
  const MigrationRecord* latest = entry.graph.latest();
  auto interrupted = std::find_if(records.begin(), records.end(),
                                  [](const MigrationRecord* r) { return r->interrupted(); });
  if (with_app) json["app"] = entry.key().app;
  json["name"] = entry.key().name;
  json["applied"] = entry.applied();
  json["applied_at"] = latest ? nlohmann::ordered_json(latest->applied_at) : nullptr;
  json["batch"] = latest ? nlohmann::ordered_json(latest->batch) : nullptr;
  json["edited"] = entry.edited;
  json["missing_on_disk"] = entry.graph.migration == nullptr;
  json["interrupted"] =
      interrupted != records.end()
          ? nlohmann::ordered_json({{"state", to_string((*interrupted)->state)},
                                    {"statements_done", (*interrupted)->statements_done}})
          : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json replaces = nlohmann::ordered_json::array();
  if (entry.graph.migration && entry.graph.replaces > 0)
    for (const auto& key : entry.graph.migration->replaces) replaces.push_back(key.str());
  json["replaces"] = replaces;
  if (with_app) json["dependencies"] = dependency_names(entry);
  return json;
}

std::set<std::string> known_apps(const ProjectConfig& config, const std::vector<Entry>& all) {
  std::set<std::string> apps;
  for (const auto& app : config.apps) apps.insert(app.name);
  for (const auto& entry : all) apps.insert(entry.key().app);
  return apps;
}

// One database's listing, on the project read once; counts the applied migrations.
DatabaseRun show_database(const GlobalOptions& global, const ShowMigrationsOptions& options,
                          std::shared_ptr<const ProjectFiles> project, Console& console) {
  auto opened = open_migration_context(global, std::move(project), std::nullopt);
  const MigrationContext& context = opened.context;
  auto all = entries(context);
  std::size_t applied = static_cast<std::size_t>(
      std::count_if(all.begin(), all.end(), [](const Entry& entry) { return entry.applied(); }));
  auto apps = known_apps(context.config, all);
  for (const auto& app : options.apps)
    if (!apps.count(app)) throw InputError("no app named '" + app + "'; apps: " + join(apps));
  std::set<std::string> shown(options.apps.begin(), options.apps.end());
  if (shown.empty()) shown = apps;
  auto wanted = [&](const Entry& entry) { return shown.count(entry.key().app) > 0; };
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
      console.out << entry.mark() << "  " << entry.key().str() << squashed_count(entry)
                  << (suffix.empty() ? "" : suffix + ")") << notes(entry, context.config) << "\n";
    }
    if (json) console.out << format_json({{"plan", plan}});
    return {ExitCode::ok, applied};
  }

  nlohmann::ordered_json json_apps = nlohmann::ordered_json::array();
  for (const auto& app : shown) {
    nlohmann::ordered_json migrations = nlohmann::ordered_json::array();
    if (!json) console.out << app << "\n";
    for (const auto& entry : all) {
      if (entry.key().app != app) continue;
      if (json)
        migrations.push_back(to_json(entry, false));
      else
        console.out << " " << entry.mark() << " " << entry.key().name << squashed_count(entry)
                    << notes(entry, context.config) << "\n";
    }
    if (!json && migrations.empty() &&
        std::none_of(all.begin(), all.end(), [&](const Entry& e) { return e.key().app == app; }))
      console.out << " (no migrations)\n";
    if (json) json_apps.push_back({{"app", app}, {"migrations", migrations}});
  }
  if (json)
    console.out << format_json(
        {{"database", context.connection->url().redacted()}, {"apps", json_apps}});
  return {ExitCode::ok, applied};
}

}  // namespace

ExitCode showmigrations(const GlobalOptions& global, const ShowMigrationsOptions& options,
                        Console& console) {
  if (options.format != "text" && options.format != "json")
    throw InputError("--format must be text or json, not '" + options.format + "'");
  auto project = load_project_files(global, FilesNeeded::outline);
  if (!several_databases(global)) return show_database(global, options, project, console).result;
  return run_on_each_database(global, project->config, console,
                              {"applied", options.format == "text"},
                              [&](const GlobalOptions& one, Console& one_console) {
                                return show_database(one, options, project, one_console);
                              });
}

}  // namespace dbmig
