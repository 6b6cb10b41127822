#include "dbmig/commands/state.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/state_json.hpp"

namespace dbmig {

namespace {

std::string known_apps(const MigrationGraph& graph) {
  std::string apps = join(graph.apps());
  return apps.empty() ? "none" : apps;
}

void require_apps_have_migrations(const MigrationGraph& graph, const ProjectConfig& config,
                                  const std::vector<std::string>& apps) {
  auto with_migrations = graph.apps();
  for (const auto& app : apps) {
    if (std::find(with_migrations.begin(), with_migrations.end(), app) != with_migrations.end())
      continue;
    std::string why = config.find_app(app) ? "app " + app +
                                                 " has no migrations yet; run `dbmig "
                                                 "makemigrations " +
                                                 app + "` first"
                                           : "unknown app " + app;
    throw InputError(why + " (apps with migrations: " + known_apps(graph) + ")");
  }
}

std::optional<MigrationKey> target_of(const MigrationGraph& graph, const std::string& at) {
  if (at.empty()) return std::nullopt;
  auto dot = at.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == at.size())
    throw InputError("--at " + at + ": expected APP.MIGRATION, e.g. blog.0002_blog_subtitle");
  return graph.resolve(at.substr(0, dot), at.substr(dot + 1));
}

}  // namespace

ExitCode run_state(const GlobalOptions& global, const StateOptions& options, Console& console) {
  ProjectConfig config = load_project_config(global.project);
  LoadedGraph loaded = load_migration_graph(config);
  require_apps_have_migrations(loaded.graph, config, options.apps);
  ProjectState state = loaded.graph.state_at(target_of(loaded.graph, options.at));
  console.out << format_json(project_state_to_json(state, options.apps));
  return ExitCode::ok;
}

}  // namespace dbmig
